"""Each profile's history from git: dates and descriptions of the commits that changed its file.

One `git log` for the whole build (never one per file): its `--name-status` lines, newest
first, are followed back through renames (`-M`), so a renamed profile keeps its past.
Commit subjects are public in the repository already; e-mail addresses are dropped from
them anyway («[correo]»), and author names are kept only when `CMOSC_HISTORIAL_AUTORES` allows. A build
without git (a downloaded archive, git not installed) still works: `available` is False
and the page says why. Everything comes from the commits, so one commit gives one output.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PROFILES_DIR = "organizaciones"
EMAIL = re.compile(r"<?[\w.+-]+@[\w-]+(\.[\w-]+)+>?")
# Record and field separators that cannot appear in a commit subject or a path.
RECORD, FIELD = "\x1e", "\x1f"
LOG_FORMAT = f"{RECORD}%cs{FIELD}%an{FIELD}%s"


@dataclass(frozen=True)
class Change:
    fecha: date
    descripcion: str
    autor: str | None = None


@dataclass
class History:
    available: bool
    reason: str = ""  # why there is no history, in Spanish, when not available
    partial: bool = False  # a shallow clone: the oldest changes are missing
    by_slug: dict[str, list[Change]] = field(default_factory=dict)

    def of(self, slug: str) -> list[Change]:
        """Changes to organizaciones/<slug>.yml, newest first."""
        return self.by_slug.get(slug, [])

    def last_update(self, slug: str) -> date | None:
        changes = self.of(slug)
        return changes[0].fecha if changes else None


def clean(text: str) -> str:
    return " ".join(EMAIL.sub("[correo]", text).split())


def slug_of(path: str) -> str | None:
    parent, _, name = path.rpartition("/")
    if parent != PROFILES_DIR or not name.endswith(".yml"):
        return None
    return name.removesuffix(".yml")


def parse_log(text: str, authors: bool = False) -> dict[str, list[Change]]:
    """`git log -M --name-status` output (newest first) → changes per current slug."""
    current: dict[str, str] = {}  # a path in the past → the path it has now
    by_slug: dict[str, list[Change]] = {}
    for record in text.split(RECORD)[1:]:
        header, _, body = record.partition("\n")
        day, author, subject = header.split(FIELD, 2)
        change = Change(date.fromisoformat(day), clean(subject), clean(author) if authors else None)
        for line in body.splitlines():
            status, *paths = line.split("\t")
            if not paths:
                continue
            now = current.get(paths[-1], paths[-1])
            if status.startswith("R") and len(paths) == 2:
                current[paths[0]] = now  # older commits name the file by its old path
            slug = slug_of(now)
            if slug is not None:
                changes = by_slug.setdefault(slug, [])
                if not changes or changes[-1] is not change:
                    changes.append(change)
    return by_slug


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    # Paths unquoted and messages untranslated, whatever the user's git settings say.
    return subprocess.run(
        ["git", "-C", str(root), "-c", "core.quotepath=off", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "LC_ALL": "C"},
    )


def read_history(root: Path, authors: bool = False) -> History:
    if shutil.which("git") is None:
        return History(False, "no está instalado git en la computadora que construyó el sitio")
    shallow = git(root, "rev-parse", "--is-shallow-repository")
    if shallow.returncode != 0:
        return History(False, "el sitio se construyó a partir de una copia sin el historial de git")
    log = git(
        root,
        "log",
        "-M",
        "--name-status",
        "--relative",
        "--no-color",
        "--no-merges",
        f"--format={LOG_FORMAT}",
        "--",
        PROFILES_DIR,
    )
    if log.returncode != 0:
        # An empty repository (no commit yet) has no history either.
        return History(False, "el repositorio todavía no tiene cambios guardados")
    return History(True, partial=shallow.stdout.strip() == "true", by_slug=parse_log(log.stdout, authors))
