"""Compiled templates kept between builds (Jinja's bytecode cache), each file checked first.

Pelican makes a new Jinja environment for every build, so every template was compiled
again each time (about 1 s at N=2000). Jinja already recompiles a template whose source
changed (it stores the source's checksum) or that another Python or Jinja compiled; this
cache adds a SHA-256 of each file, so a truncated or damaged one is compiled again too,
never run.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from jinja2 import BytecodeCache


class TemplateCodeCache(BytecodeCache):
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket) -> None:
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

    def dump_bytecode(self, bucket) -> None:
        payload = bucket.bytecode_to_string()
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, self._path(bucket))
