"""Wake `cmosc servir` as soon as a watched file changes (Linux inotify, through libc).

Only a wake-up: what changed is still found by comparing snapshots, so a missed or
spurious event costs at most one poll. Without inotify (another system, or no watches
left) `wait` just sleeps for its timeout, as plain polling did.
"""

from __future__ import annotations

import ctypes
import os
import select
import struct
import time
from pathlib import Path

# inotify(7): writes, metadata, creation, deletion and renames of entries, and of the folder.
_MASK = 0x2 | 0x4 | 0x8 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
_HEADER = struct.Struct("iIII")  # wd, mask, cookie, len of the name that follows


class FileEvents:
    def __init__(self, root: Path, folders: tuple[str, ...], files: tuple[str, ...]):
        self.root = root
        self.folders = folders
        self.files = frozenset(files)  # the only names in `root` itself that count
        self.fd = -1
        self._root_watch = -1
        try:
            self._libc = ctypes.CDLL(None, use_errno=True)
            self.fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):
            return
        self.rewatch()

    @property
    def active(self) -> bool:
        return self.fd >= 0

    def rewatch(self) -> None:
        """Watch every folder now under the watched ones (new folders appear between builds)."""
        if not self.active:
            return
        self._root_watch = self._watch(self.root)
        pending = [self.root / name for name in self.folders]
        while pending:
            folder = pending.pop()
            if self._watch(folder) < 0:
                continue
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            pending += [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False) and counts(e.name)]

    def _watch(self, folder: Path) -> int:
        return self._libc.inotify_add_watch(self.fd, os.fsencode(folder), _MASK)

    def wait(self, timeout: float) -> bool:
        """True as soon as a watched file changes; False after `timeout` seconds without."""
        if not self.active:
            select.select([], [], [], timeout)
            return False
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            if select.select([self.fd], [], [], left)[0] and self._relevant(self._read()):
                return True
        return False

    def quiet(self, seconds: float) -> None:
        """Return once no watched file changed for `seconds` (an editor saving in several writes)."""
        while self.active and select.select([self.fd], [], [], seconds)[0]:
            self._read()

    def _read(self) -> bytes:
        chunks = []
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)

    def _relevant(self, data: bytes) -> bool:
        """Whether the events concern a watched file (not the output swapped in beside them)."""
        offset = 0
        while offset + _HEADER.size <= len(data):
            wd, _, _, length = _HEADER.unpack_from(data, offset)
            offset += _HEADER.size
            name = data[offset : offset + length].rstrip(b"\0").decode("utf-8", "replace")
            offset += length
            if wd != self._root_watch and counts(name):
                return True
            if wd == self._root_watch and (name in self.files or name in self.folders):
                return True
        return False

    def close(self) -> None:
        if self.active:
            os.close(self.fd)
            self.fd = -1


def counts(name: str) -> bool:
    """A watched name: not hidden, not an editor's backup, not node_modules."""
    return bool(name) and not name.startswith(".") and not name.endswith("~") and name != "node_modules"
