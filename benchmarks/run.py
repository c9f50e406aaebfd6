"""`make bench [N=2000]`: our build vs plain Pelican, a plain Jinja loop and Hugo, in one run.

Ratios are measured in the same run on the same synthetic data because these
machines are noisy; absolute seconds vary between runs, ratios much less.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from cmosc.profiles.catalog import load_catalog

from . import hugo_peer
from .measurement import Measurement, load_average, measure_process
from .synthetic import write_articles, write_profiles

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".trabajo"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
# Optional figure providers: module with `measure(output_dir, project_dir) -> list[(label, value)]`.
EXTRA_MODULES = (
    "benchmarks.weights",
    "benchmarks.search",
    "benchmarks.pagefind_peer",
    "benchmarks.map",
    "benchmarks.edit_rebuild",
    "benchmarks.precommit",
    "benchmarks.history",
    "benchmarks.open_now",
    "benchmarks.importer",
    "benchmarks.lighthouse",
)
# Beyond this many profiles (`make bench N=100000`, province or national scale) only our own
# build is measured, against one at SCALE_BASE in the same run: the peers, the browser and
# `cmosc servir` figures are for the sizes people compare, and at 10^5 they would take hours.
SCALE_BASE = 20_000
PLAIN_PELICAN_CONF = (
    'PATH = "content"\nSITENAME = "Pelican"\nSITEURL = ""\nTIMEZONE = "UTC"\nDEFAULT_LANG = "es"\n'
)


def prepare(n: int) -> Path:
    project = WORK / f"n{n}"
    if project.exists():
        shutil.rmtree(project)
    for name in ("vocabularios", "content", "theme"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    texts = write_profiles(ROOT, project / "organizaciones", n)
    plain = project / "pelican-plano"
    write_articles(texts, plain / "content")
    (plain / "pelicanconf.py").write_text(PLAIN_PELICAN_CONF, encoding="utf-8")
    return project


def validation_seconds(project: Path, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        catalog = load_catalog(project)
        best = min(best, time.perf_counter() - started)
        assert catalog.ok, catalog.diagnostics[:3]
    return best


def alternating(
    commands: dict[str, tuple[list[str], Path, dict | None]], rounds: int
) -> dict[str, list[Measurement]]:
    """Each command `rounds` times, taking turns, so a change in the machine's load hits all alike."""
    runs: dict[str, list[Measurement]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (command, cwd, env) in commands.items():
            runs[name].append(measure_process(command, cwd, env))
    return runs


def our_build(project: Path) -> tuple[list[str], Path, dict]:
    """`cmosc construir --sin-cache` of a prepared project, as `alternating` takes it."""
    command = [sys.executable, "-m", "cmosc.cli.main", "--raiz", str(project), "construir", "--sin-cache"]
    return command, project, {"CMOSC_FECHA_REFERENCIA": "2026-11-25"}


def scale_run(n: int, rounds: int) -> list[tuple[str, str]]:
    """Our build at N and at SCALE_BASE, alternating: time and memory per profile (#14, point 4)."""
    from .search import first_query_bytes

    projects = {SCALE_BASE: prepare(SCALE_BASE), n: prepare(n)}
    load_before = load_average()
    runs = alternating({size: our_build(project) for size, project in projects.items()}, rounds)
    cpu = {size: statistics.median(m.cpu_seconds for m in measured) for size, measured in runs.items()}
    wall = {size: statistics.median(m.seconds for m in measured) for size, measured in runs.items()}
    peak = {size: max(m.peak_mb for m in measured) for size, measured in runs.items()}
    per_profile = {size: cpu[size] / size * 1000 for size in projects}
    slope = (peak[n] - peak[SCALE_BASE]) * 1024 / (n - SCALE_BASE)
    first = first_query_bytes(projects[n] / "output")
    rows = [
        ("Perfiles sintéticos (N)", f"{n}, comparado con {SCALE_BASE} en la misma corrida"),
        ("Corridas alternadas de cada construcción (se toma la mediana)", f"{rounds}"),
        (
            "Carga de la máquina al empezar y al terminar las corridas (1, 5, 15 min)",
            f"{load_before} / {load_average()}",
        ),
    ]
    for size in projects:
        rows += [
            (f"Nuestra construcción a N = {size}: reloj / CPU", f"{wall[size]:.1f} s / {cpu[size]:.1f} s"),
            (f"CPU por perfil a N = {size}", f"{per_profile[size]:.2f} ms"),
            (
                f"Memoria pico a N = {size} (el proceso más grande: principal o datos abiertos)",
                f"{peak[size]:.0f} MB",
            ),
        ]
    rows += [
        (
            f"Razón CPU por perfil, N = {n} / N = {SCALE_BASE} (meta ≤ 1,15)",
            f"{per_profile[n] / per_profile[SCALE_BASE]:.2f}",
        ),
        (f"Memoria por perfil, pendiente entre {SCALE_BASE} y {n} (meta ≤ 15 KB)", f"{slope:.1f} KB"),
        (f"Memoria pico a N = {n} (meta ≤ 2 GB)", f"{peak[n]:.0f} MB"),
        (
            f"Búsqueda: primera consulta completa a N = {n} (gzip; meta ≤ 200 KB)",
            f"{first / 1024:.0f} KB",
        ),
    ]
    return rows


def run(n: int, rounds: int) -> list[tuple[str, str]]:
    if n > SCALE_BASE:
        return scale_run(n, rounds)
    project = prepare(n)
    python = sys.executable
    load_before = load_average()
    runs = alternating(
        {
            "ours": our_build(project),
            "pelican": (
                [python, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
                project / "pelican-plano",
                None,
            ),
            "floor": (
                [
                    python,
                    "-m",
                    "benchmarks.jinja_floor",
                    str(project / "organizaciones"),
                    str(project / "piso"),
                ],
                ROOT,
                None,
            ),
        }
        | hugo_peer.commands(project),
        rounds,
    )
    wall = {name: statistics.median(m.seconds for m in measured) for name, measured in runs.items()}
    cpu = {name: statistics.median(m.cpu_seconds for m in measured) for name, measured in runs.items()}
    memory = {name: max(m.peak_mb for m in measured) for name, measured in runs.items()}
    validar = measure_process([python, "-m", "cmosc.cli.main", "--raiz", str(project), "validar"], project)
    in_process = validation_seconds(project)
    rows = [
        ("Perfiles sintéticos (N)", f"{n}"),
        ("Corridas alternadas de cada construcción (se toma la mediana)", f"{rounds}"),
        (
            "Carga de la máquina al empezar y al terminar las corridas (1, 5, 15 min)",
            f"{load_before} / {load_average()}",
        ),
        (
            "Nuestra construcción completa (validar + Pelican + cambio atómico): reloj / CPU",
            f"{wall['ours']:.2f} s / {cpu['ours']:.2f} s",
        ),
        (
            "Pelican plano, N artículos Markdown, tema por defecto: reloj / CPU",
            f"{wall['pelican']:.2f} s / {cpu['pelican']:.2f} s",
        ),
        (
            "Piso: bucle Jinja simple (leer YAML + renderizar N páginas): reloj / CPU",
            f"{wall['floor']:.2f} s / {cpu['floor']:.2f} s",
        ),
        ("Razón nuestra / Pelican plano, CPU (meta ≤ 0,6)", f"{cpu['ours'] / cpu['pelican']:.2f}"),
        ("Razón nuestra / Pelican plano, reloj", f"{wall['ours'] / wall['pelican']:.2f}"),
        ("Razón nuestra / piso Jinja, CPU (meta ≤ 3)", f"{cpu['ours'] / cpu['floor']:.2f}"),
        ("Validación sola, en proceso (meta ≤ 1 s)", f"{in_process:.2f} s"),
        ("`cmosc validar` completo (con arranque de Python)", f"{validar.seconds:.2f} s"),
        ("Memoria pico de nuestra construcción (meta ≤ 300 MB)", f"{memory['ours']:.0f} MB"),
        ("Memoria pico de Pelican plano", f"{memory['pelican']:.0f} MB"),
        *hugo_peer.rows(wall, cpu),
    ]
    for name in EXTRA_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        rows += module.measure(project / "output", project)
    return rows


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, block) for each `## ` section of RESULTS.md, in order."""
    found, heading, block = [], None, []
    for line in text.splitlines():
        if line.startswith("## "):
            if heading is not None:
                found.append((heading, "\n".join(block)))
            heading, block = line, [line]
        elif heading is not None:
            block.append(line)
    if heading is not None:
        found.append((heading, "\n".join(block)))
    return found


def _size(heading: str) -> int | None:
    """N of a `## N = 2000 …` heading; None for the notes."""
    rest = heading.removeprefix("## N = ")
    number = rest.split()[0] if rest != heading and rest.split() else ""
    return int(number) if number.isdigit() else None


def write_results(sections: list[tuple[int, list[tuple[str, str]]]]) -> str:
    """Replace the `## N = n` sections just measured; keep every other section (other sizes,
    measured in other runs, and the notes), so `make bench N=100000` does not erase N=2000."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    fresh = {}
    for n, rows in sections:
        lines = [f"## N = {n}", "", f"Commit `{commit}`, {sys.platform}, 2 núcleos.", ""]
        lines += ["| medida | valor |", "|---|---|", *(f"| {label} | {value} |" for label, value in rows), ""]
        fresh[n] = "\n".join(lines)
    kept = _sections(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
    sizes = {_size(h): block for h, block in kept if _size(h) is not None and _size(h) not in fresh}
    measured = [block for _, block in sorted({**sizes, **fresh}.items())]
    notes = [block for h, block in kept if _size(h) is None]
    header = (
        "# Resultados de `make bench`\n\n"
        "Cada tamaño se mide en su propia corrida; las razones se comparan dentro de la misma "
        "corrida, alternando las construcciones, sobre los mismos datos sintéticos.\n"
    )
    text = "\n".join([header, *measured, *notes]).rstrip("\n") + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description="Mide la construcción del sitio.")
    parser.add_argument(
        "--n", type=int, nargs="+", default=[2000], help="cantidades de perfiles (p. ej. 2000 20000)"
    )
    parser.add_argument(
        "--rondas",
        type=int,
        help=f"corridas alternadas de cada construcción (por defecto 3; 1 con más de {SCALE_BASE} perfiles)",
    )
    args = parser.parse_args()
    sections = []
    for n in args.n:
        rounds = args.rondas or (1 if n > SCALE_BASE else 3)
        sections.append((n, run(n, rounds)))
    print(write_results(sections))


if __name__ == "__main__":
    main()
