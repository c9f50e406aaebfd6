"""The facets: the one table of the ways to narrow the directory (type, area, barrio…).

Each facet is declared once, with everything its users need: the listing pages
(/<id>/<value>/ and their CSV downloads), the /buscar/ filters (URL
parameter, search documents, the list of parameters `search.js` receives as data) and the
search result cards; /colaborar/ picks some of them as its filters, /mapa/ those marked
`on_map`. Labels are Spanish: residents read them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from cmosc.model.organization import Location, Organization
from cmosc.ods import ODS
from cmosc.profiles.vocabularies import Vocabulary


@dataclass(frozen=True)
class Facet:
    id: str  # listing pages /<id>/<value>/ and their organizaciones.csv
    param: str  # /buscar/ URL parameter and search-document key (contrato/interfaz.md)
    vocabulary: str | None  # None: the 17 UN goals (`cmosc.ods`), not a staff vocabulary
    read: Callable[[Organization], Iterable[str]]  # an organization's value ids, as listed
    titulo: str  # heading of the listing parent page
    singular: str  # before a value: "Barrio: Centro"
    intro: str  # one sentence on the listing parent page
    filter_heading: str  # heading of the /buscar/ filter
    nombre: str  # lower-case noun: "explorar por tipo, área…" on /buscar/ without JavaScript
    tarjeta: bool = False  # a search result card names its values
    on_map: bool = False  # a filter of /mapa/, whose markers are sedes
    # A sede's own value ids on /mapa/ (its barrio); None: its organization's (`values`).
    read_sede: Callable[[Location], Iterable[str]] | None = None

    def values(self, org: Organization) -> list[str]:
        """The organization's value ids in its listings and in /buscar/, each once (the
        same: «Niñez» gathers the organizations for «Niñas y niños» in both)."""
        return list(dict.fromkeys(self.read(org)))

    def terms(self, vocabularies: Mapping[str, Vocabulary]) -> list[tuple[str, str, str]]:
        """(id, label, description) of every possible value, in display order."""
        if self.vocabulary is None:
            return [(str(n), f"ODS {n}: {name}", "") for n, name in sorted(ODS.items())]
        return [(t.id, t.nombre, t.descripcion or "") for t in vocabularies[self.vocabulary].sorted_terms()]


def _ids(terms) -> list[str]:
    return [t.id for t in terms]


# The registry. Order = order on /explorar/ and of the /buscar/ filters.
FACETS: tuple[Facet, ...] = (
    Facet(
        id="tipos",
        param="tipo",
        vocabulary="tipos",
        read=lambda org: [org.tipo.id],
        titulo="Tipos de organización",
        singular="Tipo",
        intro="Asociaciones civiles, fundaciones, centros vecinales, cooperativas y otras formas de organizarse.",
        filter_heading="Tipo de organización",
        nombre="tipo",
        tarjeta=True,
        on_map=True,
    ),
    Facet(
        id="areas",
        param="area",
        vocabulary="areas",
        read=lambda org: _ids(org.topics),
        titulo="Áreas de trabajo",
        singular="Área",
        intro="Los temas en los que trabajan las organizaciones. Niñez, Juventud, Personas mayores, Discapacidad y Género también reúnen a las que acompañan a esas personas.",
        filter_heading="Área",
        nombre="área",
        on_map=True,
    ),
    Facet(
        id="barrios",
        param="barrio",
        vocabulary="barrios",
        read=lambda org: _ids(org.barrios),
        titulo="Barrios",
        singular="Barrio",
        intro="Los barrios donde las organizaciones tienen una sede.",
        filter_heading="Barrio",
        nombre="barrio",
        tarjeta=True,
        on_map=True,
        read_sede=lambda sede: [sede.barrio.id] if sede.barrio else [],
    ),
    Facet(
        id="poblaciones",
        param="poblacion",
        vocabulary="poblaciones",
        read=lambda org: _ids(org.poblacion),
        titulo="Poblaciones",
        singular="Población",
        intro="A quiénes acompañan las organizaciones.",
        filter_heading="Población",
        nombre="población",
    ),
    Facet(
        id="necesidades",
        param="necesidad",
        vocabulary="necesidades",
        read=lambda org: [n.tipo.id for n in org.necesidades],
        titulo="Necesidades",
        singular="Necesita",
        intro="Lo que las organizaciones necesitan de vecinos, empresas y voluntarios.",
        filter_heading="Necesidades",
        nombre="necesidad",
    ),
    Facet(
        id="ods",
        param="ods",
        vocabulary=None,
        read=lambda org: [str(n) for n in sorted(org.ods or [])],
        titulo="Objetivos de Desarrollo Sostenible",
        singular="ODS",
        intro="Los Objetivos de Desarrollo Sostenible (ODS) de las Naciones Unidas a los que aportan las organizaciones.",
        filter_heading="Objetivos de Desarrollo Sostenible",
        nombre="ODS",
    ),
)
BY_ID = {f.id: f for f in FACETS}
