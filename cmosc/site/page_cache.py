"""Rendered pages kept between builds, so saving one profile re-renders only what shows it.

On disk, outside the output folder (`.cache/cmosc/` by default):

- `paginas/<sha256>`: the bytes of a page, named by their own hash (written once; a page
  rendered again with the same bytes reuses its file);
- `paginas.indice`: for each output path, the key of its inputs (`page_keys.py`), the
  site attributes its template read, the hash of its bytes and the links and ids the link
  check needs. The file starts with a format line and the SHA-256 of the rest;
- `fragmentos`, only of `cmosc servir`: the per-organization fragments it kept between its
  builds (`cards.py`: macro and arguments → organization's digest → HTML) and their build
  key, so that a server started again renders on its first save only the fragments of what
  changed. Also a format line (with marshal's version) and the SHA-256 of the rest.

A reused page is read back and its hash checked before it is hard-linked (or, across file
systems, copied) into the new output: a truncated, edited or missing file is rendered
again, never published. An index of another format, with a wrong hash or unreadable is
ignored whole. The index is replaced (atomically) only after a build succeeded, and files
no longer listed are deleted then: a failed build leaves the cache as it was. The
fragments file is read in the same way (anything wrong: no fragments) and written, also
atomically, after a successful build, not after every one (`_save_fragments`). A stale
fragment cannot be published: each is found only under the hash of its build key, macro,
arguments and organization. A one-off `cmosc construir` neither reads nor writes it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import marshal
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cmosc.site.written import file_identity, write_file

INDEX_NAME = "paginas.indice"
LOCK_NAME = "bloqueo"
PAGES_DIR = "paginas"
TEMPLATES_DIR = "plantillas"
# First line of the index: bump when its layout changes (and so ignore older indexes).
HEADER = b"cmosc-paginas 1\n"
FRAGMENTS_NAME = "fragmentos"
# Its layout and marshal's format (which another Python may change).
FRAGMENTS_HEADER = b"cmosc-fragmentos 1 marshal %d\n" % marshal.version
# The fragments file is written again once the builds since it was written rendered more
# than this share of the fragments kept, or rendered any and this many builds went by.
# ≈ 48 MB at N=20,000 (0.3 s to write, before the browser reloads), while a save of one
# profile renders a few dozen: written on every build it would cost more than it saves. What
# it lacks is only rendered again after a restart (a few fragments per unsaved build), but
# a change of the build key (a template, the settings) renders them all: written then.
FRAGMENTS_NEW_SHARE = 0.05
FRAGMENTS_BUILDS = 20


@dataclass(frozen=True)
class Entry:
    inputs: bytes  # hash of the page's own inputs (build key, path, template, variables)
    reads: tuple[str, ...]  # site attributes its template read
    key: bytes  # inputs + the hash of each attribute read, when it was rendered
    digest: bytes  # sha256 of the page's bytes: also its file's name
    links: tuple[str, ...]
    ids: tuple[str, ...]  # sorted


class PageCache:
    def __init__(self, folder: Path, rebuilds: bool = False):
        """`rebuilds`: this process builds again (`cmosc servir`), so each page's inputs are
        also kept in memory (`PageKeys`) for the next build."""
        self.folder = folder
        self.rebuilds = rebuilds
        self.pages = folder / PAGES_DIR
        self.templates = folder / TEMPLATES_DIR  # compiled templates (`template_cache.py`)
        self.entries: dict[str, Entry] = {}  # as of the last successful build
        self.fresh: dict[str, Entry] = {}  # this build's
        self.loaded = False
        self._lock = None
        self.config: Path | None = None
        self._checked: dict[str, tuple[int, int, int]] = {}  # file name → inode, size, mtime
        # (files, page → ids) of the last successful build of this process, and of this one.
        self._links: tuple[frozenset[str], dict] | None = None
        self._links_fresh: tuple[frozenset[str], dict] | None = None
        self.reused = self.rendered = self.rejected = 0
        # PageKeys' inputs of the last successful build of this process, and of this one.
        self.last_inputs: dict[str, tuple] | None = {} if rebuilds else None
        self.fresh_inputs: dict[str, tuple] | None = None
        # Fragments (`cards.py`): read from disk for this process's first build; this build's
        # (build key, fragments, how many it rendered) for `commit`; the build key of those
        # on disk (None: none, or not this process's) and what was rendered since they were.
        self._fragments_read: tuple[bytes, dict] | None = None
        self._fragments_noted: tuple[bytes | None, dict, int] | None = None
        self._fragments_stored_under: bytes | None = None
        self._fragments_unstored = 0
        self._fragments_builds = 0

    def load(self) -> None:
        """The last successful build's index, once per process; anything wrong with it: empty."""
        if self.loaded:
            return
        self.loaded = True
        if self.rebuilds:
            self._load_fragments()
        payload = _read_checked(self.folder / INDEX_NAME, HEADER)
        if payload is None:
            return
        try:
            rows = pickle.loads(payload)
            self.entries = {path: Entry(*row) for path, row in rows.items()}
        except Exception:  # written by us and checked above; an older layout is simply dropped
            self.entries = {}

    def _load_fragments(self) -> None:
        payload = _read_checked(self.folder / FRAGMENTS_NAME, FRAGMENTS_HEADER)
        if payload is None:
            return
        try:
            base, fragments = marshal.loads(payload)
        except Exception:  # checked above: only a layout of ours that marshal reads otherwise
            return
        if isinstance(base, bytes) and isinstance(fragments, dict):
            self._fragments_read = (base, fragments)
            self._fragments_stored_under = base

    def take_fragments(self) -> tuple[bytes | None, dict[bytes, dict[bytes, str]]]:
        """The fragments read from disk and their build key, once (then none: `cards.restore`)."""
        read, self._fragments_read = self._fragments_read, None
        return read if read is not None else (None, {})

    def note_fragments(self, base: bytes | None, fragments: dict, rendered: int) -> None:
        """The fragments this build keeps for the next one, `rendered` of them new: `commit`
        may store them."""
        self._fragments_noted = (base, fragments, rendered)

    def start(self, config: Path | None = None) -> None:
        """Before a build: one build at a time uses the folder (`cmosc servir` and
        `cmosc construir` may run together), until `commit` or `abandon`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.folder / LOCK_NAME, "wb")  # noqa: SIM115 (held until the build ends)
        fcntl.flock(self._lock, fcntl.LOCK_EX)
        self.config = config  # the settings file, part of every page's key
        self.load()
        self.fresh = {}
        self.fresh_inputs = None
        self.reused = self.rendered = self.rejected = 0

    def candidate(self, save_as: str, inputs: bytes) -> Entry | None:
        """The last build's entry for this page if its own inputs are unchanged."""
        entry = self.entries.get(save_as)
        return entry if entry is not None and entry.inputs == inputs else None

    def place(self, entry: Entry, target: Path) -> bool:
        """Put the page's checked bytes at `target` (a new file); False if its file is not
        exactly the bytes the index says.

        A file this process already checked or wrote is taken as unchanged while its inode,
        size and modification time are (any write to it, also through a hard link in a
        published output, changes the time); any other is read and hashed first."""
        source = self.pages / entry.digest.hex()
        if self._unchanged(source) and _link(source, target):
            return True
        try:
            with open(source, "rb") as handle:
                content = handle.read()
                stat = os.fstat(handle.fileno())
        except OSError:
            content = None
        if content is None or hashlib.sha256(content).digest() != entry.digest:
            self.rejected += 1
            if content is not None:
                source.unlink()  # so the page rendered now takes its place
            return False
        self._checked[source.name] = file_identity(stat)
        if not _link(source, target):  # another file system, or links not allowed: a copy
            write_file(str(target), (content,))
        return True

    def _unchanged(self, source: Path) -> bool:
        known = self._checked.get(source.name)
        if known is None:
            return False
        try:
            return file_identity(os.stat(source)) == known
        except OSError:
            return False

    def keep(self, save_as: str, entry: Entry, written: Path | None) -> None:
        """Record this build's entry; `written` is the page just rendered into the output."""
        self.fresh[save_as] = entry
        if written is None:
            self.reused += 1
            return
        self.rendered += 1
        stored = self.pages / entry.digest.hex()
        if stored.name in self._checked and self._unchanged(stored):
            return  # the same bytes, already checked by this process
        # The page just written takes the name (replacing, atomically, a file of another
        # process that would otherwise have to be read and hashed before each reuse).
        self.pages.mkdir(parents=True, exist_ok=True)
        temporary = self.pages / f".nuevo-{stored.name}"
        try:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            os.link(written, temporary)
            os.replace(temporary, stored)
        except OSError:
            _write_atomically(stored, written.read_bytes())
        self._checked[stored.name] = file_identity(os.stat(stored))

    def note_links(self, files: set[str], ids: dict[str, tuple[str, ...]]) -> None:
        """This build's files and page ids, as its link check sees them."""
        self._links_fresh = (frozenset(files), ids)

    def unchanged_links(self, reused: set[str]) -> frozenset[str]:
        """The reused pages whose links need no check: the last successful build of this
        process checked them all, and since then no file went away and no page's ids changed."""
        if self._links is None or self._links_fresh is None:
            return frozenset()
        (files, ids), (last_files, last_ids) = self._links_fresh, self._links
        if not last_files <= files:
            return frozenset()
        for path, now in ids.items():
            before = last_ids.get(path)
            if before is not None and before != now:
                return frozenset()
        return frozenset(reused)

    def commit(self) -> None:
        """After a successful build: its index replaces the last one, unused files go."""
        self.entries, self.fresh = self.fresh, {}
        self._links, self._links_fresh = self._links_fresh, None
        if self.fresh_inputs is not None:
            self.last_inputs, self.fresh_inputs = self.fresh_inputs, None
        rows = {
            path: (e.inputs, e.reads, e.key, e.digest, e.links, e.ids) for path, e in self.entries.items()
        }
        payload = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.folder / INDEX_NAME, HEADER + hashlib.sha256(payload).digest() + payload)
        used = {e.digest.hex() for e in self.entries.values()}
        try:
            names = os.listdir(self.pages)
        except FileNotFoundError:
            names = []
        for name in names:
            if name not in used:
                with contextlib.suppress(OSError):
                    os.unlink(self.pages / name)
        self._save_fragments()
        self._unlock()

    def _save_fragments(self) -> None:
        """This build's fragments to disk, if those there lack enough of them (`FRAGMENTS_*`)."""
        noted, self._fragments_noted = self._fragments_noted, None
        if noted is None:
            return
        base, fragments, rendered = noted
        self._fragments_unstored += rendered
        self._fragments_builds += 1
        if base is None or not self._fragments_unstored:
            return
        if base == self._fragments_stored_under and (
            self._fragments_unstored <= FRAGMENTS_NEW_SHARE * sum(map(len, fragments.values()))
            and self._fragments_builds < FRAGMENTS_BUILDS
        ):
            return
        try:
            payload = marshal.dumps((base, fragments))
            _write_atomically(
                self.folder / FRAGMENTS_NAME, FRAGMENTS_HEADER + hashlib.sha256(payload).digest() + payload
            )
        except (OSError, ValueError):  # a full disk, say: only a restart's first save is slower
            return
        self._fragments_stored_under = base
        self._fragments_unstored = self._fragments_builds = 0

    def abandon(self) -> None:
        """After a failed build: the last good index stays."""
        self.fresh = {}
        self._links_fresh = None
        self.fresh_inputs = None
        self._fragments_noted = None
        self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # releases the flock
            self._lock = None


def _read_checked(path: Path, header: bytes) -> bytes | None:
    """What follows `header` and its SHA-256 in the file; None if unreadable, of another
    format or not matching its hash."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    start, digest, payload = raw[: len(header)], raw[len(header) : len(header) + 32], raw[len(header) + 32 :]
    if start != header or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def _link(source: Path, target: Path) -> bool:
    """Hard-link `source` at `target`. A file a recycled site has there gives way, unless it is
    that very file (the page was taken from the cache last time too)."""
    try:
        os.link(source, target)
    except FileExistsError:
        if os.path.samestat(os.stat(source), os.lstat(target)):
            return True
        os.unlink(target)
        return _link(source, target)
    except OSError:
        return False
    return True


def _write_atomically(path: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
