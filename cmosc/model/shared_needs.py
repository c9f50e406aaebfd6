"""Shared needs: a need several active organizations have, a chance for a common strategy.

One definition for the staff report (`cmosc informe`) and the public page
/necesidades-compartidas/: inactive organizations do not count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cmosc.folding import spanish_sort_key
from cmosc.model.organization import Organization
from cmosc.profiles.vocabularies import Term

#: A need is shared when at least this many organizations have it.
SHARED_NEED_MIN = 2


@dataclass(frozen=True)
class SharedNeed:
    need: Term  # the need type (vocabulary `necesidades`)
    requests: tuple[tuple[Organization, str], ...]  # each organization's description of it

    @property
    def organizations(self) -> tuple[Organization, ...]:
        return tuple({org.slug: org for org, _ in self.requests}.values())


def shared_needs(orgs: Iterable[Organization]) -> list[SharedNeed]:
    """The shared needs of the active organizations, most shared first, then by name."""
    by_need: dict[str, tuple[Term, list[tuple[Organization, str]]]] = {}
    for org in orgs:
        if org.activa:
            for item in org.necesidades:
                by_need.setdefault(item.tipo.id, (item.tipo, []))[1].append((org, item.descripcion))
    shared = [SharedNeed(need, tuple(requests)) for need, requests in by_need.values()]
    shared = [s for s in shared if len(s.organizations) >= SHARED_NEED_MIN]
    return sorted(shared, key=lambda s: (-len(s.organizations), spanish_sort_key(s.need.nombre)))
