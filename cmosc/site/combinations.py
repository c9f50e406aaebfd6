"""Barrio × topic: the static way to narrow a barrio to a topic (and a topic to a barrio).

Only combinations with at least one active organization exist, so every link leads
somewhere; the pages are /barrios/<barrio>/<area>/ and work without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.folding import spanish_sort_key
from cmosc.profiles.vocabularies import Term


@dataclass(frozen=True)
class Combination:
    """As pages show it: its organizations are apart (`Combinations.members`), so a page
    that links it is not rendered again when one of them changes and no count does."""

    barrio: Term
    area: Term
    count: int  # active organizations

    @property
    def url(self) -> str:
        return f"barrios/{self.barrio.id}/{self.area.id}/"


@dataclass(frozen=True)
class Combinations:
    all: tuple[Combination, ...]
    by_barrio: dict[str, tuple[Combination, ...]]  # topics present in a barrio
    by_area: dict[str, tuple[Combination, ...]]  # barrios where a topic is present
    members: dict[tuple[str, str], tuple]  # (barrio, area) → its active organizations, by name


def combine(organizations) -> Combinations:
    found: dict[tuple[str, str], list] = {}
    terms: dict[tuple[str, str], tuple[Term, Term]] = {}
    for org in organizations:  # active only, already sorted by name
        for barrio in org.barrios:
            for area in org.topics:
                found.setdefault((barrio.id, area.id), []).append(org)
                terms[(barrio.id, area.id)] = (barrio, area)
    combos = tuple(Combination(*terms[key], len(orgs)) for key, orgs in sorted(found.items()))
    by_barrio: dict[str, list] = {}
    by_area: dict[str, list] = {}
    for c in combos:
        by_barrio.setdefault(c.barrio.id, []).append(c)
        by_area.setdefault(c.area.id, []).append(c)

    def ranked(items, label):
        # Most organizations first, then by name: the busiest topics of a barrio lead.
        return tuple(sorted(items, key=lambda c: (-c.count, spanish_sort_key(label(c)))))

    return Combinations(
        combos,
        {k: ranked(v, lambda c: c.area.nombre) for k, v in by_barrio.items()},
        {k: tuple(sorted(v, key=lambda c: spanish_sort_key(c.barrio.nombre))) for k, v in by_area.items()},
        {key: tuple(orgs) for key, orgs in found.items()},
    )
