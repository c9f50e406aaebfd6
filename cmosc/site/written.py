"""What the build wrote, kept in memory so the checks after it need not read the output again.

Our generator writes every page and file through one `WrittenFiles`: each folder is
created once (not once per file), a path written twice stops the build, and for every
file it keeps a SHA-256 digest (for the service worker's cache name) and, for HTML pages,
the `href`/`src`/`id` attributes the link check needs. Only links the check follows are
kept (not `tel:`, `mailto:` or other sites: on /colaborar/ alone they were thousands of
one-off strings), each once per page, and a page's ids as a sorted tuple (a third of a
frozenset's size). Values repeat across thousands of pages (menu, theme files), so they
are interned: memory grows with the links that are unique to a page, not with its size.

Our templates always quote attributes with `"` and Jinja escapes `"` in values, so a
regular expression reads them reliably (and much faster than an HTML parser).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import html
import os
import re
import shutil
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

# href/src of links, stylesheets, images and scripts (group 2), and element ids (group 1,
# with its closing quote: never empty, so `findall`'s pairs tell an id from a link).
# <form action> is not a link: a form works with any query and is checked by its page's
# own tests. The pattern starts with the literal `="`, which re finds by a fast scan, and
# looks behind for the name: 2.7 times faster than `\s(href|src|id)="…"`, which tried a
# match at every space of the page, with the same matches. The names' last letters, looked
# at first, turn away most other attributes (`class`: 7 in 10) with one test instead of three.
_ATTR = re.compile(r'="(?<=[fcd]=")(?:(?<=\sid=")([^"]*")|(?:(?<=\shref=")|(?<=\ssrc="))([^"]*)")')
# A scheme other than `javascript:` (which the check reports): mailto:, tel:, https:…, not
# a path of this site unless it starts with SITEURL.
ELSEWHERE = re.compile(r"(?!(?i:javascript:))[A-Za-z][A-Za-z0-9+.-]*:")

# Characters of a page encoded at once (UTF-8 encodes each character alone, so the slices'
# bytes joined are the page's).
LARGE_TEXT = 1 << 22
WRITE_SIZE = 1 << 20

# Key in Pelican's settings through which the generator hands this over to `finalized`.
SETTINGS_KEY = "cmosc_archivos_escritos"


class WrittenFiles:
    def __init__(self, output: Path, published=None, site_url: str = "", stale_before: int | None = None):
        """`published`: the site this build will be laid over (`published.py`); a file whose
        bytes it already holds, intact, is only recorded, not written again. `site_url`:
        SITEURL, under which absolute links are the site's own. `stale_before`: `output` holds
        an earlier site (`swap.claim_spare`); what was changed before this instant (ctime, in
        ns) and is not written again is deleted once the build has written everything."""
        self.output = output
        self.stale_before = stale_before
        self._root = os.path.join(output, "")  # paths joined as text: pathlib's / cost more than the write
        self.published = published
        self.site_url = site_url.rstrip("/")
        self.digests: dict[str, bytes] = {}  # path relative to the output → sha256
        self.attributes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # page → (links, ids)
        self._folders: set[str] = set()  # relative folders this build made ("" is `output` itself)
        self.reused: set[str] = set()  # pages taken from the page cache
        self._strings: dict[str, str] = {}

    def write(self, save_as: str, content: bytes, digest: bytes | None = None) -> None:
        """Write one file; `digest`: its sha256, if known."""
        text = content.decode("utf-8", "replace") if save_as.endswith(".html") else None
        self._store(save_as, digest or hashlib.sha256(content).digest(), (content,), text)

    def write_text(self, save_as: str, text: str) -> None:
        """Write a rendered page. A large one is encoded a slice at a time, twice (for its
        digest, then for the file): /colaborar/ holds every organization's needs, 100 MB at
        N=100,000, and its bytes beside its text were the build's peak."""
        if len(text) <= LARGE_TEXT:
            content = text.encode()
            return self._store(save_as, hashlib.sha256(content).digest(), (content,), text)

        def encoded():
            for start in range(0, len(text), LARGE_TEXT):
                yield text[start : start + LARGE_TEXT].encode()

        digest = hashlib.sha256()
        for part in encoded():
            digest.update(part)
        self._store(save_as, digest.digest(), encoded(), text)

    def _store(self, save_as: str, digest: bytes, parts, text: str | None) -> None:
        if not self._published(save_as, digest):
            self._write(save_as, parts)
        self.digests[save_as] = digest
        if save_as.endswith(".html"):
            self.note_page(save_as, text)

    def write_parts(
        self, save_as: str, parts: Iterable[bytes], digest: Callable[[], bytes] | None = None
    ) -> int:
        """Write one file given by parts, hashing them as they go by (a file of the open data is
        never held whole) unless `digest` gives their sha256 once they are all taken; its size
        in bytes."""
        if self.published is not None:
            # Laid over a published site (`cmosc servir`), its digest says whether to write it at
            # all, so it is joined first; that process keeps every file's fragments anyway.
            content = b"".join(parts)
            self.write(save_as, content, digest and digest())
            return len(content)
        self._published(save_as, b"")  # nothing laid over: it only refuses a second write
        if digest is None:
            hashing = hashlib.sha256()
            digest = hashing.digest

            def hashed(chunks):
                for chunk in chunks:
                    hashing.update(chunk)
                    yield chunk

            # Hashed as the chunks `write_file` writes (which it passes on as they are), not an
            # organization's part at a time: 40,000 parts at N=2000.
            parts = hashed(_chunks(parts))
        size = self._write(save_as, parts)
        self.digests[save_as] = digest()
        return size

    def adopt(self, save_as: str, entry, place) -> bool:
        """A page of an earlier build (`page_cache.Entry`): `place(path)` puts its bytes
        there, or says False; its digest and attributes are known without reading it."""
        if not self._published(save_as, entry.digest) and not self._make_way(
            save_as, lambda path: place(entry, Path(path))
        ):
            return False
        self.digests[save_as] = entry.digest
        self.reused.add(save_as)
        if save_as.endswith(".html"):
            # The entry's strings are already shared (interned when it was rendered, or
            # by pickle's memo when its index was read).
            self.attributes[save_as] = (entry.links, entry.ids)
        return True

    def _published(self, save_as: str, digest: bytes) -> bool:
        """Whether the site laid over already holds exactly these bytes at this path (a path
        this build already wrote stops it: two pages must never share a file)."""
        if save_as in self.digests:
            raise RuntimeError(f"La construcción escribió dos veces {save_as}.")
        return self.published is not None and self.published.holds(save_as, digest)

    def _write(self, save_as: str, parts: Iterable[bytes]) -> int:
        return self._make_way(save_as, lambda path: write_file(path, parts))

    def _make_way(self, save_as: str, put):
        """`put(path)` for `save_as`, its folder made if this build has not made it yet; where
        a recycled site had a folder by that name, the folder gives way."""
        folder = os.path.dirname(save_as)
        if folder not in self._folders:
            self._new_folder(folder)
        path = self._root + save_as
        try:
            return put(path)
        except IsADirectoryError:
            if self.stale_before is None:
                raise
            shutil.rmtree(path)  # only the last build's files: this one has no file by that name
            return put(path)

    def _new_folder(self, folder: str) -> None:
        """One mkdir per folder, its parent made first (makedirs would look at every ancestor
        again: one folder per page, 2900 at N=2000)."""
        if not folder:
            os.makedirs(self.output, exist_ok=True)
        else:
            parent = os.path.dirname(folder)
            if parent not in self._folders:
                self._new_folder(parent)
            if self.stale_before is not None:  # a recycled site: most folders are there already
                _folder_in_place(self._root + folder)
            else:
                with contextlib.suppress(FileExistsError):  # Pelican or the theme wrote in it
                    os.mkdir(self._root + folder)
        self._folders.add(folder)

    def note_page(self, save_as: str, text: str) -> None:
        intern = self._strings.setdefault
        links, ids = page_attributes(text, self.site_url)
        self.attributes[save_as] = (tuple(map(intern, links, links)), tuple(map(intern, ids, ids)))

    def note_digests(self, digests: dict[str, bytes]) -> None:
        """Files another process wrote (the open data), by their digests."""
        self.digests.update(digests)

    def take_inventory(self) -> None:
        """Once everything is written: add the files others wrote here (Pelican's pages, the
        theme), so `digests` lists every file of the site, also those left in place; in a
        recycled site, delete those of the last build that this one did not write again."""
        for relative in list(relative_files(self.output)):  # a list: files go while it is read
            if relative in self.digests:
                continue
            path = self._root + relative
            if self.stale_before is not None and os.lstat(path).st_ctime_ns < self.stale_before:
                os.unlink(path)
                remove_empty_parents(self.output, relative)
            else:
                self.digests[relative] = file_digest(Path(path))


def _folder_in_place(path: str) -> None:
    """A folder at `path`, where a recycled site may have a file or a link of the last build.
    The open-data process may be doing the same at once: whichever makes it, it is made."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.lstat(path).st_mode):
            return
    with contextlib.suppress(FileNotFoundError, IsADirectoryError):  # the other one's work
        os.unlink(path)
    with contextlib.suppress(FileExistsError):
        os.mkdir(path)


def write_file(path: str, parts: Iterable[bytes]) -> int:
    """A file of these bytes, and its size, in a few system calls: Python's `open` adds an ioctl and an lseek
    for its buffer and TTY check, on each of 3000 pages. Parts are joined up to WRITE_SIZE
    (the open data comes one organization at a time: 41,000 writes at N=2000). A file already
    there (a recycled site) is written over, then cut to size: one truncated to nothing is
    flushed to disk when it is closed (ext4's auto_da_alloc), five times the system time. One
    that is also elsewhere gives way to a new file: nothing is written through a link."""
    handle, before = _open_alone(path)
    try:
        size = 0
        for chunk in _chunks(parts):
            size += len(chunk)
            while chunk:  # a write may take only part of the bytes
                chunk = chunk[os.write(handle, chunk) :]
        if size < before:
            os.ftruncate(handle, size)
    finally:
        os.close(handle)
    return size


def _open_alone(path: str) -> tuple[int, int]:
    """`path` open for writing, and the size it had: a file of its own. One that is also
    elsewhere (a hard link of the page cache, a symbolic link) gives way to a new file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        handle = os.open(path, flags, 0o666)
    except OSError as error:
        if error.errno != errno.ELOOP:  # ELOOP: a symbolic link
            raise
    else:
        found = os.fstat(handle)
        if found.st_nlink == 1:
            return handle, found.st_size
        os.close(handle)
    os.unlink(path)
    return os.open(path, flags | os.O_EXCL, 0o666), 0


def _chunks(parts: Iterable[bytes]):
    """The parts joined into chunks of at least WRITE_SIZE bytes (the last may be smaller); a
    single large part is passed as it is (`join` of one bytes object returns it uncopied)."""
    pending, size = [], 0
    for part in parts:
        pending.append(part)
        size += len(part)
        if size >= WRITE_SIZE:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def remove_empty_parents(root: Path, relative: str) -> None:
    """Remove the folders of `relative` that its deletion left empty."""
    folder = os.path.dirname(relative)
    while folder:
        try:
            os.rmdir(root / folder)
        except OSError:  # not empty (or already gone)
            return
        folder = os.path.dirname(folder)


def file_identity(stat: os.stat_result) -> tuple[int, int, int]:
    """Inode, size and modification time: any write to the file (also through a hard link)
    changes the time, so a file with the same identity still has the bytes it had."""
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def file_digest(path: Path) -> bytes:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").digest()


def relative_files(root: Path):
    """Every file under `root`, relative and in POSIX form; a symbolic link is not followed,
    and listed as a file. The type each folder's scandir gives is enough: no `stat` per file,
    nor the `lstat` of every folder that `os.walk` adds (2900 folders at N=2000)."""
    pending = [("", os.fspath(root))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    yield prefix + entry.name


def page_attributes(text: str, site_url: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(links, ids) of one page, in one pass: the links the check follows, each once in
    order of appearance, and the ids sorted. `site_url` without its final slash."""
    links, ids = {}, set()
    # All matches at once is faster, but the list of a page like /colaborar/ (100 MB at
    # N=100,000) would be the build's peak: those are read a match at a time.
    matches = _ATTR.findall(text) if len(text) <= LARGE_TEXT else map(re.Match.groups, _ATTR.finditer(text))
    for quoted_id, value in matches:
        if quoted_id:
            value = quoted_id[:-1]
            ids.add(html.unescape(value) if "&" in value else value)
        elif (
            value.startswith("/")  # most links: a path of this site has no scheme
            or not ELSEWHERE.match(value)
            or (site_url and value.startswith(site_url))
        ):  # not another site, a phone or an address: those are never followed
            links[html.unescape(value) if "&" in value else value] = None
    return tuple(links), tuple(sorted(ids))
