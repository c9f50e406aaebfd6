"""Pre-commit speed: `cmosc validar ONE.yml` against `cmosc validar` of every profile.

The hook validates the files a commit touches, so its cost must be Python start-up plus
that file, not Pelican's or openpyxl's import time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .measurement import measure_process


def best_of(command: list[str], cwd: Path, repeat: int = 5) -> float:
    return min(measure_process(command, cwd).seconds for _ in range(repeat))


def measure(output_dir: Path, project: Path) -> list[tuple[str, str]]:
    project = project.resolve()
    cli = [sys.executable, "-m", "cmosc.cli.main", "--raiz", str(project), "validar"]
    one = sorted((project / "organizaciones").glob("*.yml"))[0]
    single = best_of([*cli, str(one)], project)
    everything = best_of(cli, project, repeat=3)
    return [
        ("`cmosc validar UNO.yml` (gancho pre-commit)", f"{single:.2f} s"),
        ("Razón `validar UNO.yml` / `validar` de todos (meta ≤ 0,25)", f"{single / everything:.2f}"),
    ]
