"""Each organization's part of every export, serialized once and reused.

A file is its organizations' fragments joined (a CSV line, a JSON record's text, the
GeoJSON features and HSDS objects of its sedes and activities, an XLSX row): within a
build, an organization's CSV line serves the directory's CSV and every facet CSV it is in.
Between the builds of one process (`cmosc servir`, which gets the same Organization
objects back for unchanged profiles) the fragments are kept by object identity, so a
rebuild after one profile changed serializes that organization only and then joins the
files. Kept only while what else shapes a fragment (vocabularies, public address, town)
is equal; those of organizations no longer built are dropped after each build.

The exports are made in a forked process (`background.py`): what it made is sent back
(`made`) and kept here (`remember`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cmosc.model.organization import Organization

# The fragments of the last build of this process that kept them: id(org) → (org, kind → bytes).
_KEPT: dict[int, tuple[Organization, dict[str, bytes]]] = {}
_KEPT_WITH: list = [None]


class Fragments:
    def __init__(self, environment: tuple):
        self.environment = environment
        self._kept = _KEPT if _KEPT_WITH[0] == environment else {}
        self.made: dict[int, tuple[Organization, dict[str, bytes]]] = {}  # by this build
        self.rows: dict[int, list] = {}  # tabular cells, shared by the CSV and XLSX of this build

    def get(self, kind: str, org: Organization, make: Callable[[Organization], bytes]) -> bytes:
        known = self._kept.get(id(org))
        if known is not None and known[0] is org and kind in known[1]:
            return known[1][kind]
        made = self.made.setdefault(id(org), (org, {}))[1]
        fragment = made.get(kind)
        if fragment is None:
            fragment = made[kind] = make(org)
        return fragment

    def new(self) -> dict[int, dict[str, bytes]]:
        """What this build made, by id(org): a forked child sends this back (ids are the parent's)."""
        return {key: made for key, (_, made) in self.made.items()}

    def remember(self, orgs: Iterable[Organization], made: dict[int, dict[str, bytes]]) -> None:
        """After a build: keep the fragments of `orgs` (those kept before, and `made`) for the next."""
        kept = {}
        for org in orgs:
            key = id(org)
            known, new = self._kept.get(key), made.get(key)
            if known is None or known[0] is not org:
                known = (org, {})
            kept[key] = (org, {**known[1], **new}) if new else known
        _KEPT.clear()
        _KEPT.update(kept)
        _KEPT_WITH[0] = self.environment


def forget() -> None:
    """Drop every kept fragment (tests: the next build makes them all again)."""
    _KEPT.clear()
    _KEPT_WITH[0] = None
