"""The directory as templates see it: organizations plus what every page needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from urllib.parse import urlsplit

from cmosc.model.facets import FACETS, Facet
from cmosc.model.history import History
from cmosc.model.organization import AREA_POPULATIONS, Organization, Phone, unique_phones
from cmosc.municipality import Municipality, municipality
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.settings import public_url, setting
from cmosc.site import agenda
from cmosc.site.combinations import Combinations, combine
from cmosc.site.facets import FacetResult, Members, compute_all


@dataclass
class Site:
    organizations: list[Organization]
    vocabularies: dict[str, Vocabulary]
    today: date
    settings: dict = field(default_factory=dict, repr=False)
    programas: dict[str, str] = field(default_factory=dict)  # slug → title
    historia: History = field(default_factory=lambda: History(False, "no se leyó el historial de git"))
    synonyms: tuple[tuple[str, ...], ...] = ()  # vocabularios/sinonimos.yml, as typed

    def __post_init__(self):
        # Each organization's facet values, computed once (map, /colaborar/, facets and search
        # asked about 26 times per organization per build); an unchanged organization of the
        # last build (the same object, under `cmosc servir`) keeps them.
        last = _FACET_VALUES[0]
        self._facet_values = {
            id(o): known for o in self.organizations if (known := last.get(id(o))) and known[0] is o
        }
        _FACET_VALUES[0] = self._facet_values
        self.area_ids = {o.slug: frozenset(a.id for a in o.areas) for o in self.organizations}
        self.by_area: dict[str, list[Organization]] = {}
        self.by_barrio: dict[str, list[Organization]] = {}
        for org in self.activas:
            for area in org.topics:
                self.by_area.setdefault(area.id, []).append(org)
            for barrio in org.barrios:
                self.by_barrio.setdefault(barrio.id, []).append(org)

    def values(self, facet: Facet, org: Organization) -> tuple[str, ...]:
        """`facet.values(org)`, remembered as tuples (a third smaller than lists; most are
        empty or of one value, and `tuple()` of nothing is the one empty tuple)."""
        known = self._facet_values.get(id(org))
        if known is None or known[0] is not org:
            known = self._facet_values[id(org)] = (org, tuple(tuple(f.values(org)) for f in FACETS))
        return known[1][FACET_POSITION[facet.id]]

    @cached_property  # listings ask for it once per page: a scan of every organization each time
    def activas(self) -> list[Organization]:
        return [o for o in self.organizations if o.activa]

    @cached_property
    def inactivas(self) -> list[Organization]:
        return [o for o in self.organizations if not o.activa]

    @cached_property
    def municipal_area(self) -> Municipality:
        return municipality(self.settings)

    @cached_property
    def _facet_results(self) -> tuple[dict[str, FacetResult], dict[tuple[str, str], Members]]:
        return compute_all(self)

    @property
    def facetas(self) -> dict[str, FacetResult]:
        """Every facet's values with counts and URLs, keyed by URL segment ("tipos"…)."""
        return self._facet_results[0]

    @property
    def miembros(self) -> dict[tuple[str, str], Members]:
        """The organizations of each facet value, by (URL segment, value id)."""
        return self._facet_results[1]

    @cached_property
    def conteos(self) -> dict[str, tuple]:
        """Each facet's values with organizations, as label, URL and count only."""
        return {segment: result.counts for segment, result in self.facetas.items()}

    @cached_property
    def combinaciones(self) -> Combinations:
        return combine(self.activas)

    @cached_property
    def tema_de_poblacion(self) -> dict[str, object]:
        """Population id → the area listing that also gathers it (AREA_POPULATIONS)."""
        areas = {v.value: v for v in self.facetas["areas"].values}
        return {pop: areas[area] for area, pops in AREA_POPULATIONS.items() if area in areas for pop in pops}

    @cached_property
    def oficina(self) -> Office:
        return Office.from_settings(self.settings)

    @cached_property
    def by_slug(self) -> dict[str, Organization]:
        return {o.slug: o for o in self.organizations}

    @property
    def per_page(self) -> int:
        return int(setting(self.settings, "CMOSC_POR_PAGINA"))

    @cached_property  # in every page, some ten times in a profile's
    def url_canonica(self) -> str:
        return public_url(self.settings)

    @property
    def ruta_base(self) -> str:
        """The public address's path ("/directorio" on a project's Pages site, "" at a domain's root)."""
        return urlsplit(self.url_canonica).path.rstrip("/")

    # The agenda is decided by the reference date, never the wall clock.
    def capacitaciones_proximas(self, articles, limit: int | None = None) -> list:
        return agenda.upcoming_trainings(articles, self.today, limit)

    def capacitaciones_pasadas(self, articles) -> list:
        return agenda.past_trainings(articles, self.today)

    def capacitacion_realizada(self, article) -> bool:
        return agenda.has_started(article, self.today)

    def convocatorias_abiertas(self, articles) -> list:
        return agenda.open_calls(articles, self.today)

    def estado_convocatoria(self, article) -> str:
        return agenda.call_state(article, self.today)

    def participantes(self, program: str) -> list[Organization]:
        """Active organizations that say they take part in a program, by name."""
        return self._participants.get(program, [])

    @cached_property  # each of Pelican's articles asks: a scan of every organization each time
    def _participants(self) -> dict[str, list[Organization]]:
        found: dict[str, list[Organization]] = {}
        for org in self.activas:
            for program in dict.fromkeys(org.programas or ()):
                found.setdefault(program, []).append(org)
        return found


# The last Site's facet values: id(org) → (org, values of each facet in FACETS order).
_FACET_VALUES: list[dict[int, tuple[Organization, tuple[list[str], ...]]]] = [{}]
FACET_POSITION = {f.id: i for i, f in enumerate(FACETS)}


@dataclass(frozen=True)
class Office:
    """The CMOSC's own contact, from settings: the way in when a profile has none."""

    nombre: str
    direccion: str
    horario: str
    correo: str
    telefono: Phone | None
    whatsapp: Phone | None

    @classmethod
    def from_settings(cls, settings: dict) -> Office:
        def phone(name):
            found = unique_phones([settings[name]] if settings.get(name) else [])
            return found[0] if found else None

        whatsapp = phone("CMOSC_WHATSAPP")
        return cls(
            settings.get("CMOSC_NOMBRE") or "",
            settings.get("CMOSC_DIRECCION") or "",
            settings.get("CMOSC_HORARIO") or "",
            settings.get("CMOSC_CORREO") or "",
            phone("CMOSC_TELEFONO"),
            whatsapp if whatsapp and whatsapp.celular else None,
        )


@dataclass(frozen=True)
class PageSpec:
    """One file to write: where, with which template, with which variables."""

    save_as: str
    template: str
    vars: dict


@dataclass(frozen=True)
class FileSpec:
    """One file to write as is (logos, feeds, icons): where, and its bytes."""

    save_as: str
    content: bytes
