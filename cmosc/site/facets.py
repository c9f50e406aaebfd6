"""Facets: small declarations in one registry; results arrive computed for templates.

Each facet knows its URL segment, its titles, every possible value (so values
without organizations still show, with count 0) and how to read the values of one
organization. `compute()` turns that into `FacetValue`s with counts and URLs.
Inactive organizations never count; they are kept apart for listing separately.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cmosc.ods import ODS


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int  # active organizations only
    url: str | None  # "tipos/fundacion/"; None when no organization has it
    descripcion: str
    activas: tuple
    inactivas: tuple


@dataclass(frozen=True)
class FacetResult:
    facet: Facet
    values: tuple[FacetValue, ...]

    @property
    def url(self) -> str:
        return f"{self.facet.segment}/"

    @property
    def with_organizations(self) -> tuple[FacetValue, ...]:
        return tuple(v for v in self.values if v.count)


@dataclass(frozen=True)
class Facet:
    """One way to browse: names, where its values come from, and how to read an organization's."""

    segment: str  # URL segment: /<segment>/<value>/
    titulo: str  # parent page heading
    singular: str  # label before a value ("Barrio: Centro")
    intro: str  # one sentence on the parent page
    read: Callable[[object], Iterable[str]]  # the organization's value ids
    vocabulary: str = ""

    def terms(self, site) -> list[tuple[str, str, str]]:
        """(id, label, description) of every possible value, in display order."""
        vocab = site.vocabularies[self.vocabulary]
        return [(t.id, t.nombre, t.descripcion) for t in vocab.sorted_terms()]

    def compute(self, site) -> FacetResult:
        active: dict[str, list] = {}
        inactive: dict[str, list] = {}
        for org in site.organizations:  # already in Spanish collation order
            bucket = active if org.activa else inactive
            for value in dict.fromkeys(self.read(org)):
                bucket.setdefault(value, []).append(org)
        values = []
        for value, label, descripcion in self.terms(site):
            a, i = tuple(active.get(value, ())), tuple(inactive.get(value, ()))
            url = f"{self.segment}/{value}/" if (a or i) else None
            values.append(FacetValue(value, label, len(a), url, descripcion or "", a, i))
        return FacetResult(self, tuple(values))


@dataclass(frozen=True)
class OdsFacet(Facet):
    """The 17 UN goals: a fixed list in numeric order, not a staff vocabulary."""

    def terms(self, site):
        return [(str(n), f"ODS {n}: {name}", "") for n, name in sorted(ODS.items())]


# The registry: order = order on the "Explorar" page.
FACETS: tuple[Facet, ...] = (
    Facet(
        "tipos",
        "Tipos de organización",
        "Tipo",
        "Asociaciones civiles, fundaciones, centros vecinales, cooperativas y otras formas de organizarse.",
        lambda org: [org.tipo.id],
        "tipos",
    ),
    Facet(
        "areas",
        "Áreas de trabajo",
        "Área",
        "Los temas en los que trabajan las organizaciones. Niñez, Juventud, Personas mayores, Discapacidad y Género también reúnen a las que acompañan a esas personas.",
        lambda org: [a.id for a in org.temas],
        "areas",
    ),
    Facet(
        "barrios",
        "Barrios",
        "Barrio",
        "Los barrios donde las organizaciones tienen una sede.",
        lambda org: [b.id for b in org.barrios],
        "barrios",
    ),
    Facet(
        "poblaciones",
        "Poblaciones",
        "Población",
        "A quiénes acompañan las organizaciones.",
        lambda org: [p.id for p in org.poblacion],
        "poblaciones",
    ),
    Facet(
        "necesidades",
        "Necesidades",
        "Necesita",
        "Lo que las organizaciones necesitan de vecinos, empresas y voluntarios.",
        lambda org: [n.tipo.id for n in org.necesidades],
        "necesidades",
    ),
    OdsFacet(
        "ods",
        "Objetivos de Desarrollo Sostenible",
        "ODS",
        "Los Objetivos de Desarrollo Sostenible (ODS) de las Naciones Unidas a los que aportan las organizaciones.",
        lambda org: [str(n) for n in (org.ods or [])],
    ),
)


def compute_all(site) -> dict[str, FacetResult]:
    """Every facet's results, keyed by URL segment."""
    return {facet.segment: facet.compute(site) for facet in FACETS}
