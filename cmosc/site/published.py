"""The site this process last published, so the next build changes only what differs.

`cmosc servir` builds again on every save. Building a whole new folder and swapping it in
(`swap.py`) costs a file per page even when one page changed: at N=2000, placing the
2,800 unchanged pages took longer than rendering the changed ones. Instead, once a site
is published, the next build writes into its staging folder only the files whose bytes
differ from what is published (`written.py` asks `holds`), and `publish` then lays it
over the published folder: changed and new files renamed in (each rename is atomic),
files the new build no longer has deleted. A failed build publishes nothing.

Only files this process published and that nobody touched since are trusted: each is
known by its digest and by its inode, size and modification time, all looked at when a
build starts, and a file edited in place (also through a hard link of the page cache) or
a folder replaced by another process (`cmosc construir` into the same output) is written
again or rebuilt whole. (A file edited while a build runs, after that look, is written
again by the next build, as one edited after its page was written always was.)
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from cmosc.site.swap import remove_later, swap_directory
from cmosc.site.written import file_identity, relative_files, remove_empty_parents


class PublishedSite:
    def __init__(self, output: Path):
        self.output = output
        self._prefix = f"{output}{os.sep}"  # os.stat on strings: a Path per page costs more than the stat
        self._files: dict[str, tuple[bytes, tuple[int, int, int]]] = {}  # path → digest, identity
        self._folder: tuple[int, int] | None = None  # device and inode of the published folder
        self._untouched: dict[str, bytes] | None = None  # path → digest, of files found as published
        self.placed = self.removed = 0  # by the last `publish`

    def current(self) -> bool:
        """Whether the output folder is still the one this process published. A build asks
        first: its files are looked at then, all at once (`holds`)."""
        self._untouched = None
        try:
            stat = os.stat(self.output)
        except OSError:
            return False
        if self._folder != (stat.st_dev, stat.st_ino):
            return False
        self._look()  # now, before the data files' process forks: it asks too
        return True

    def holds(self, relative: str, digest: bytes) -> bool:
        """Whether the published file at `relative` has exactly these bytes, untouched since
        this process published it, as of the last look (`current`, else now)."""
        return self._look().get(relative) == digest

    def _look(self) -> dict[str, bytes]:
        """The published files still as published. A stat each, in one loop: at N=20,000 the
        same stats, one as each page was written, took three times as long (≈ 10 µs each)."""
        if self._untouched is None:
            self._untouched = {
                relative: digest
                for relative, (digest, identity) in self._files.items()
                if _identity(self._prefix + relative) == identity
            }
        return self._untouched

    def publish(self, staging: Path, digests: dict[str, bytes], overlay: bool) -> None:
        """Put the build in `staging` in place. `digests`: every file of the new site, also
        those left in place; `overlay`: the build wrote only what differs (see `holds`)."""
        if not overlay:
            swap_directory(staging, self.output)
            self._files = {}
            changed = digests.keys()
        else:
            # Pelican's own pages and the theme are always written aside: those equal to
            # what is published stay where they are.
            changed = [r for r in relative_files(staging) if not self.holds(r, digests[r])]
            self._lay_over(staging, changed, self._files.keys() - digests.keys())
        files = {}
        for relative in changed:
            files[relative] = (digests[relative], file_identity(os.stat(self._prefix + relative)))
        kept = {path: known for path, known in self._files.items() if path in digests}
        self._files = {**kept, **files}
        stat = os.stat(self.output)
        self._folder = (stat.st_dev, stat.st_ino)
        self._untouched = None
        self.placed = len(changed)

    def _lay_over(self, staging: Path, changed: list[str], gone) -> None:
        # Deleted first: a file may give way to a folder of the same name, or the reverse.
        self.removed = 0
        for relative in sorted(gone, reverse=True):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.output / relative)
                self.removed += 1
            remove_empty_parents(self.output, relative)
        folders: set[str] = set()
        for relative in changed:
            folder = os.path.dirname(relative)
            if folder not in folders:
                os.makedirs(self.output / folder, exist_ok=True)
                folders.add(folder)
            os.replace(staging / relative, self.output / relative)
        # What is left are copies of files already published (the theme Pelican copies on
        # every build): deleted off the critical path, like a swapped-out site.
        remove_later(staging)

    def forget(self) -> None:
        """Trust nothing published so far (a failure while laying over, a folder replaced by
        another process): the next build publishes a whole new folder."""
        self._files, self._folder, self._untouched = {}, None, None


def _identity(path: str) -> tuple[int, int, int] | None:
    try:
        return file_identity(os.stat(path))
    except OSError:
        return None
