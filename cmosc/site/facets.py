"""Facet results for templates: each registry facet (`cmosc.model.facets`) with counts and URLs.

Every possible value shows (values without organizations too, with count 0).
Inactive organizations never count; they are kept apart for listing separately.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.model.facets import FACETS, Facet


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
class FacetCount:
    """A value with organizations as a chip shows it (home, listings): pages that read only
    this are not rendered again when an organization changes and no count does."""

    label: str
    url: str
    count: int


@dataclass(frozen=True)
class FacetResult:
    facet: Facet
    values: tuple[FacetValue, ...]

    @property
    def url(self) -> str:
        return f"{self.facet.id}/"

    @property
    def with_organizations(self) -> tuple[FacetValue, ...]:
        return tuple(v for v in self.values if v.count)

    @property
    def counts(self) -> tuple[FacetCount, ...]:
        return tuple(FacetCount(v.label, v.url, v.count) for v in self.with_organizations)


def compute(facet: Facet, site) -> FacetResult:
    active: dict[str, list] = {}
    inactive: dict[str, list] = {}
    for org in site.organizations:  # already in Spanish collation order
        bucket = active if org.activa else inactive
        for value in facet.values(org):
            bucket.setdefault(value, []).append(org)
    values = []
    for value, label, descripcion in facet.terms(site.vocabularies):
        a, i = tuple(active.get(value, ())), tuple(inactive.get(value, ()))
        url = f"{facet.id}/{value}/" if (a or i) else None
        values.append(FacetValue(value, label, len(a), url, descripcion, a, i))
    return FacetResult(facet, tuple(values))


def compute_all(site) -> dict[str, FacetResult]:
    """Every facet's results, keyed by facet id (the listing's URL segment)."""
    return {facet.id: compute(facet, site) for facet in FACETS}
