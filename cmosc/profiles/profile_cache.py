"""Validated profiles kept between builds of one process (`cmosc servir`).

A profile's result is reused only when its file's bytes, its path and everything else
validation reads are unchanged: the vocabularies, the program ids, the reference date and
the other files beside the profiles (logos are checked on disk). Nothing is written to
disk, so there is no stale cache to detect on the next run.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cmosc.profiles.validator import Env


def environment_key(env: Env) -> str:
    """What validation reads beyond the profile file itself."""
    digest = hashlib.sha256()
    digest.update(repr(sorted(env.vocabularies.items())).encode())
    digest.update(
        repr((sorted(env.programas), env.today.isoformat(), str(env.base_dir), env.municipal_area)).encode()
    )
    if env.base_dir is not None:
        for folder, dirs, files in sorted(os.walk(env.base_dir)):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".yml"):
                    stat = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return digest.hexdigest()


def _identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


class ProfileCache:
    def __init__(self):
        # path → (environment, identity of the file when read, hash of its bytes, result)
        self._entries: dict[str, tuple[str, tuple, str, object]] = {}
        self.reused = 0

    def validate(self, path: Path, environment: str, validate):
        """`validate()`'s result for this file, from the cache when its inputs are unchanged.

        A file whose inode, size and modification and change times are as when it was
        last read is not read again (at N=20000, reading every profile on each save took
        longer than validating the changed one); any other is read and its bytes compared."""
        name = str(path)
        identity = _identity(os.stat(name))
        entry = self._entries.get(name)
        if entry is not None and entry[0] == environment and entry[1] == identity:
            self.reused += 1
            return entry[3]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if entry is not None and entry[0] == environment and entry[2] == digest:
            self._entries[name] = (environment, identity, digest, entry[3])
            self.reused += 1
            return entry[3]
        result = validate()
        self._entries[name] = (environment, identity, digest, result)
        return result

    def forget_missing(self, paths: list[Path]) -> None:
        """Drop deleted or renamed files, so the cache does not grow with them."""
        present = {str(p) for p in paths}
        for gone in set(self._entries) - present:
            del self._entries[gone]
