"""Each organization's part of every export, serialized once and reused.

A file is its organizations' fragments joined (a CSV line, a JSON record's text, the
GeoJSON features and HSDS objects of its sedes and activities, an XLSX row): within a
build, an organization's CSV line serves the directory's CSV and every facet CSV it is in.
Between the builds of one process (`cmosc servir`, which gets the same Organization
objects back for unchanged profiles) the fragments are kept by object identity, so a
rebuild after one profile changed serializes that organization only and then joins the
files. Kept only while what else shapes a fragment (vocabularies, public address, town)
is equal; those of organizations no longer built are dropped after each build. A file made
only of fragments (a facet CSV) of the same organizations as in the last build has the
same bytes: its size and digest are kept too (`same_file`).

The exports are made in a forked process (`background.py`): what it made is sent back
(`made`) and kept here (`remember`).
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterable

from cmosc.model.organization import Organization

# The fragments of the last build of this process that kept them: id(org) → (org, kind → bytes),
# and its files: name → (`members`, size, sha256).
_KEPT: dict[int, tuple[Organization, dict[str, bytes]]] = {}
_FILES: dict[str, tuple[bytes, int, bytes]] = {}
_KEPT_WITH: list = [None]


# Kinds a build uses more than once (an organization's CSV line is in about ten facet CSVs).
REUSED_IN_A_BUILD = frozenset({"csv"})


class Fragments:
    def __init__(self, environment: tuple):
        self.environment = environment
        # Kept for the next build (`cmosc servir`)? A one-off build keeps only what it reuses:
        # holding every file's fragments until the end took the export process from 700 MB
        # to 889 MB at N=20000 (4.1 GB at 100,000).
        self.lasting = False
        same = _KEPT_WITH[0] == environment
        self._kept, self._files = (_KEPT, _FILES) if same else ({}, {})
        self.made: dict[int, tuple[Organization, dict[str, bytes]]] = {}  # by this build
        self.files: dict[str, bytes] = {}  # of this build: name → `members`

    def get(self, kind: str, org: Organization, make: Callable[[Organization], bytes]) -> bytes:
        known = self._kept.get(id(org))
        if known is not None and known[0] is org and kind in known[1]:
            return known[1][kind]
        if not self.lasting and kind not in REUSED_IN_A_BUILD:
            return make(org)
        made = self.made.setdefault(id(org), (org, {}))[1]
        fragment = made.get(kind)
        if fragment is None:
            fragment = made[kind] = make(org)
        return fragment

    def same_file(self, name: str, members: bytes) -> tuple[int, bytes] | None:
        """(size, sha256) of the last build's `name` if it had these `members` (`members`); this
        build's are noted for the next."""
        self.files[name] = members
        known = self._files.get(name)
        return known[1:] if known is not None and known[0] == members else None

    def new(self) -> tuple[dict[int, dict[str, bytes]], dict[str, bytes]]:
        """What this build made (fragments by id(org)) and the members of its files: a forked
        child sends this back (ids are the parent's)."""
        return {key: made for key, (_, made) in self.made.items()}, self.files

    def remember(
        self,
        orgs: Iterable[Organization],
        new: tuple[dict[int, dict[str, bytes]], dict[str, bytes]],
        written: Iterable[tuple[str, int, bytes]],
    ) -> None:
        """After a build: keep the fragments of `orgs` (those kept before, and the `new` ones) and
        the size and sha256 of the files `written` for the next build."""
        made, files = new
        kept = {}
        for org in orgs:
            key = id(org)
            known, new = self._kept.get(key), made.get(key)
            if known is None or known[0] is not org:
                known = (org, {})
            kept[key] = (org, {**known[1], **new}) if new else known
        _KEPT.clear()
        _KEPT.update(kept)
        _FILES.clear()
        _FILES.update((name, (files[name], size, digest)) for name, size, digest in written if name in files)
        _KEPT_WITH[0] = self.environment


def members(orgs: list[Organization], facts: str = "") -> bytes:
    """What a file joins the fragments of, by identity, and what else it holds (`facts`). An id
    names the same object as in the last build: `_KEPT` holds all of that build's, so no new
    object took one's id."""
    digest = hashlib.blake2b(array("Q", map(id, orgs)).tobytes(), digest_size=16)
    digest.update(facts.encode())
    return digest.digest()


def forget() -> None:
    """Drop every kept fragment and file (tests: the next build makes them all again)."""
    _KEPT.clear()
    _FILES.clear()
    _KEPT_WITH[0] = None
