"""Facet results for templates: each registry facet (`cmosc.model.facets`) with counts and URLs.

Every possible value shows (values without organizations too, with count 0).
Inactive organizations never count; they are kept apart for listing separately.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.model.facets import FACETS, Facet


@dataclass(frozen=True)
class FacetValue:
    """A value as pages show it. Its organizations are apart (`Members`, `Site.miembros`):
    a page that shows a value is not rendered again when one of them changes and no count does."""

    value: str
    label: str
    count: int  # active organizations only
    url: str | None  # "tipos/fundacion/"; None when no organization has it
    descripcion: str


@dataclass(frozen=True)
class Members:
    """The organizations of a facet value, in Spanish collation order."""

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


def compute(facet: Facet, site) -> tuple[FacetResult, dict[str, Members]]:
    active: dict[str, list] = {}
    inactive: dict[str, list] = {}
    for org in site.organizations:  # already in Spanish collation order
        bucket = active if org.activa else inactive
        for value in site.values(facet, org):
            bucket.setdefault(value, []).append(org)
    values, members = [], {}
    for value, label, descripcion in facet.terms(site.vocabularies):
        a, i = tuple(active.get(value, ())), tuple(inactive.get(value, ()))
        url = f"{facet.id}/{value}/" if (a or i) else None
        values.append(FacetValue(value, label, len(a), url, descripcion))
        members[value] = Members(a, i)
    return FacetResult(facet, tuple(values)), members


def compute_all(site) -> tuple[dict[str, FacetResult], dict[tuple[str, str], Members]]:
    """Every facet's results, keyed by facet id (the listing's URL segment), and the
    members of each value, keyed by (facet id, value id)."""
    results, members = {}, {}
    for facet in FACETS:
        results[facet.id], by_value = compute(facet, site)
        members.update(((facet.id, value), m) for value, m in by_value.items())
    return results, members
