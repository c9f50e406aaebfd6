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


class ProfileCache:
    def __init__(self):
        self._entries: dict[str, tuple[str, object]] = {}
        self.reused = 0

    def validate(self, path: Path, environment: str, validate):
        """`validate()`'s result for this file, from the cache when its inputs are unchanged."""
        key = environment + hashlib.sha256(path.read_bytes()).hexdigest()
        entry = self._entries.get(str(path))
        if entry is not None and entry[0] == key:
            self.reused += 1
            return entry[1]
        result = validate()
        self._entries[str(path)] = (key, result)
        return result

    def forget_missing(self, paths: list[Path]) -> None:
        """Drop deleted or renamed files, so the cache does not grow with them."""
        present = {str(p) for p in paths}
        for gone in set(self._entries) - present:
            del self._entries[gone]
