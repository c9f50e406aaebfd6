"""«Historial» for every profile: one `git log` over a repository of N profiles with history.

The repository is built here from the synthetic profiles: one commit adding them all, then
commits that each change a few files, and one that renames some (as staff do).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import time
from pathlib import Path

from cmosc.model.history import read_history

EDIT_COMMITS = 200
FILES_PER_EDIT = 10
RENAMES = 50


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Banco", "GIT_AUTHOR_EMAIL": "banco@ejemplo.org"}
    env |= {"GIT_COMMITTER_NAME": "Banco", "GIT_COMMITTER_EMAIL": "banco@ejemplo.org"}
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def build_repository(project: Path) -> Path:
    repo = project.parent / f"{project.name}-historial"
    if repo.exists():
        shutil.rmtree(repo)
    shutil.copytree(project / "organizaciones", repo / "organizaciones")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Carga inicial")
    files = sorted((repo / "organizaciones").glob("*.yml"))
    for i in range(EDIT_COMMITS):
        for path in files[i * FILES_PER_EDIT % len(files) :][:FILES_PER_EDIT]:
            with path.open("a", encoding="utf-8") as handle:
                handle.write(f"# revisión {i}\n")
        git(repo, "commit", "-q", "-am", f"Actualiza perfiles, tanda {i}")
    for path in files[:RENAMES]:
        git(repo, "mv", str(path), str(path.with_name(f"renombrada-{path.name}")))
    git(repo, "commit", "-q", "-m", "Renombra perfiles")
    return repo


def cpu_seconds() -> float:
    """This process's CPU time plus its finished children's (git): load on a shared machine does not inflate it."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(output_dir: Path, project: Path) -> list[tuple[str, str]]:
    repo = build_repository(project.resolve())
    wall = cpu = float("inf")
    for _ in range(3):
        started, started_cpu = time.perf_counter(), cpu_seconds()
        found = read_history(repo)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, cpu_seconds() - started_cpu)
    assert found.available and len(found.by_slug) >= len(list((repo / "organizaciones").glob("*.yml")))
    label = f"Historial de todos los perfiles, un `git log` ({2 + EDIT_COMMITS} commits, {RENAMES} renombrados; meta ≤ 1 s)"
    return [(label, f"{wall:.2f} s"), ("Historial: tiempo de CPU (git + lectura)", f"{cpu:.2f} s")]
