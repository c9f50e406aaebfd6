"""What every exporter receives: the organizations plus the facts about the data set."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from cmosc.model.organization import Organization
from cmosc.municipality import MUNICIPALITY, Municipality
from cmosc.opendata.fragments import Fragments
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.settings import DEFAULT_LICENCE


@dataclass(frozen=True)
class Licence:
    id: str
    titulo: str
    url: str


@dataclass(frozen=True)
class Dataset:
    organizations: list[Organization]
    vocabularios: dict[str, Vocabulary]
    licencia: Licence = field(default_factory=lambda: Licence(**DEFAULT_LICENCE))
    base_url: str = ""  # the public address (CMOSC_URL_CANONICA): every link in an export is absolute
    titulo: str = "Directorio de Organizaciones Sociales de San Miguel de Tucumán"
    publicador: str = "Centro Municipal de Organizaciones Sociales Comunitarias (CMOSC)"
    municipal_area: Municipality = MUNICIPALITY  # the town, province and postal code of an address
    # Each organization's serialized parts, shared with every narrowed copy (an organization
    # appears in about ten facet CSVs and is flattened once) and kept between builds.
    fragments: Fragments = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if self.fragments is None:  # what shapes a fragment besides the organization itself
            environment = (self.vocabularios, self.base_url, self.municipal_area)
            object.__setattr__(self, "fragments", Fragments(environment))

    @property
    def actualizado(self) -> date | None:
        """The data's own date (newest verification), never the build's wall clock."""
        return max((o.verificado for o in self.organizations if o.verificado), default=None)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path}"

    def url_perfil(self, org: Organization) -> str:
        return self.url(org.url)

    def url_logo(self, org: Organization) -> str | None:
        return self.url(org.logo_img.save_as(org.slug)) if org.logo_img else None

    def con(self, organizations: list[Organization]) -> Dataset:
        """The same data set narrowed to some organizations (facet downloads)."""
        return replace(self, organizations=organizations)


def licence_of(configured: dict | None) -> Licence:
    return Licence(**{**DEFAULT_LICENCE, **(configured or {})})
