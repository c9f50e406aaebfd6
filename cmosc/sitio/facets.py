"""Facets: small classes in one registry; results arrive computed for templates.

Each facet knows its URL segment, its titles, every possible value (so values
without organizations still show, with count 0) and the values of one
organization. `compute()` turns that into `FacetValue`s with counts and URLs.
Inactive organizations never count; they are kept apart for listing separately.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..folding import spanish_sort_key
from ..ods import ODS


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
    facet: "Facet"
    values: tuple[FacetValue, ...]

    @property
    def url(self) -> str:
        return f"{self.facet.segment}/"

    @property
    def with_organizations(self) -> tuple[FacetValue, ...]:
        return tuple(v for v in self.values if v.count)

    def top(self, limit: int) -> list[FacetValue]:
        """Most frequent values first (ties by label), for entry points on the home page."""
        ranked = sorted(self.with_organizations, key=lambda v: (-v.count, spanish_sort_key(v.label)))
        return ranked[:limit]


class Facet:
    """One way to browse: subclasses set the names and read values from an organization."""

    segment = ""  # URL segment: /<segment>/<value>/
    titulo = ""  # parent page heading
    singular = ""  # label before a value ("Barrio: Centro")
    intro = ""  # one sentence on the parent page
    vocabulary = ""

    def terms(self, site) -> list[tuple[str, str, str]]:
        """(id, label, description) of every possible value, in display order."""
        vocab = site.vocabularies[self.vocabulary]
        return [(t.id, t.nombre, t.descripcion) for t in vocab.sorted_terms()]

    def values_of(self, org) -> list[str]:
        raise NotImplementedError

    def compute(self, site) -> FacetResult:
        active: dict[str, list] = {}
        inactive: dict[str, list] = {}
        for org in site.organizations:  # already in Spanish collation order
            bucket = active if org.activa else inactive
            for value in dict.fromkeys(self.values_of(org)):
                bucket.setdefault(value, []).append(org)
        values = []
        for value, label, descripcion in self.terms(site):
            a, i = tuple(active.get(value, ())), tuple(inactive.get(value, ()))
            url = f"{self.segment}/{value}/" if (a or i) else None
            values.append(FacetValue(value, label, len(a), url, descripcion or "", a, i))
        return FacetResult(self, tuple(values))


class TipoFacet(Facet):
    segment, vocabulary = "tipos", "tipos"
    titulo, singular = "Tipos de organización", "Tipo"
    intro = "Asociaciones civiles, fundaciones, centros vecinales, cooperativas y otras formas de organizarse."

    def values_of(self, org):
        return [org.tipo.id]


class AreaFacet(Facet):
    segment, vocabulary = "areas", "areas"
    titulo, singular = "Áreas de trabajo", "Área"
    intro = "Los temas en los que trabajan las organizaciones."

    def values_of(self, org):
        return [a.id for a in org.areas]


class BarrioFacet(Facet):
    segment, vocabulary = "barrios", "barrios"
    titulo, singular = "Barrios", "Barrio"
    intro = "Los barrios donde las organizaciones tienen una sede."

    def values_of(self, org):
        return [b.id for b in org.barrios]


class PoblacionFacet(Facet):
    segment, vocabulary = "poblaciones", "poblaciones"
    titulo, singular = "Poblaciones", "Población"
    intro = "A quiénes acompañan las organizaciones."

    def values_of(self, org):
        return [p.id for p in org.poblacion]


class NecesidadFacet(Facet):
    segment, vocabulary = "necesidades", "necesidades"
    titulo, singular = "Necesidades", "Necesita"
    intro = "Lo que las organizaciones necesitan de vecinos, empresas y voluntarios."

    def values_of(self, org):
        return [n.tipo.id for n in org.necesidades]


class OdsFacet(Facet):
    segment = "ods"
    titulo, singular = "Objetivos de Desarrollo Sostenible", "ODS"
    intro = "Los Objetivos de Desarrollo Sostenible (ODS) de las Naciones Unidas a los que aportan las organizaciones."

    def terms(self, site):
        return [(str(n), f"ODS {n}: {name}", "") for n, name in sorted(ODS.items())]

    def values_of(self, org):
        return [str(n) for n in (org.ods or [])]


# The registry: order = order on the "Explorar" page.
FACETS: tuple[Facet, ...] = (TipoFacet(), AreaFacet(), BarrioFacet(), PoblacionFacet(), NecesidadFacet(), OdsFacet())


def compute_all(site) -> dict[str, FacetResult]:
    """Every facet's results, keyed by URL segment."""
    return {facet.segment: facet.compute(site) for facet in FACETS}
