"""Compiled templates shared by the generators of a build, and kept between builds.

Pelican gives each generator its own Jinja environment, so a template two of them render
(base.html: the articles, the pages and ours) was compiled once for each: 0.1 s of a clean
build at N=2000. `SharedCode` keeps each compiled template for the others of the same build
(Jinja compares the source's checksum first, and the code object, run in each environment's
own namespace, is what a bytecode file holds).

Pelican also makes new environments for every build, so every template was compiled again
each time (about 1 s at N=2000). `TemplateCodeCache` stores them on disk too. Jinja already
recompiles a template whose source changed or that another Python or Jinja compiled; this
cache adds a SHA-256 of each file, so a truncated or damaged one is compiled again too,
never run.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from jinja2 import BytecodeCache


class SharedCode(BytecodeCache):
    def __init__(self):
        self._compiled: dict[str, tuple[str, object]] = {}  # key → (source checksum, code)

    def load_bytecode(self, bucket) -> None:
        known = self._compiled.get(bucket.key)
        if known is not None and known[0] == bucket.checksum:
            bucket.code = known[1]

    def dump_bytecode(self, bucket) -> None:
        self._compiled[bucket.key] = (bucket.checksum, bucket.code)


class TemplateCodeCache(SharedCode):
    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def _path(self, bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket) -> None:
        super().load_bytecode(bucket)
        if bucket.code is not None:
            return
        try:
            raw = self._path(bucket).read_bytes()
        except OSError:
            return
        digest, payload = raw[:32], raw[32:]
        if hashlib.sha256(payload).digest() != digest:
            return
        try:
            bucket.bytecode_from_string(payload)
        except Exception:  # checked above; a layout Jinja cannot read is compiled again
            bucket.reset()
            return
        if bucket.code is not None:  # None: compiled from another source (checksum)
            super().dump_bytecode(bucket)

    def dump_bytecode(self, bucket) -> None:
        super().dump_bytecode(bucket)
        payload = bucket.bytecode_to_string()
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, self._path(bucket))
