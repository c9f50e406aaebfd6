"""The directory as templates see it: organizations plus what every page needs."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Organization
from ..vocabularies import Vocabulary


@dataclass
class Site:
    organizations: list[Organization]
    vocabularies: dict[str, Vocabulary]
    today: date
    settings: dict = field(default_factory=dict, repr=False)
    programas: dict[str, str] = field(default_factory=dict)  # slug → title

    def __post_init__(self):
        self.by_slug = {o.slug: o for o in self.organizations}
        self.by_area: dict[str, list[Organization]] = {}
        self.by_barrio: dict[str, list[Organization]] = {}
        for org in self.activas:
            for area in org.areas:
                self.by_area.setdefault(area.id, []).append(org)
            for barrio in org.barrios:
                self.by_barrio.setdefault(barrio.id, []).append(org)

    @property
    def activas(self) -> list[Organization]:
        return [o for o in self.organizations if o.activa]

    @property
    def inactivas(self) -> list[Organization]:
        return [o for o in self.organizations if not o.activa]

    def recently_verified(self, count: int = 6) -> list[Organization]:
        dated = [o for o in self.activas if o.verificado]
        return sorted(dated, key=lambda o: (o.verificado, o.sort_key), reverse=True)[:count]


@dataclass(frozen=True)
class PageSpec:
    """One file to write: where, with which template, with which variables."""

    save_as: str
    template: str
    vars: dict


@dataclass(frozen=True)
class FileSpec:
    """One file to write as is (open-data exports, logos): where, and its bytes."""

    save_as: str
    content: bytes
