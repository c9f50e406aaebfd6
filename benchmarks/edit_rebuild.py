"""Saving one profile under `cmosc servir` vs a full clean build, alternating in the same run.

A real `cmosc servir` process watches the synthetic project; each round runs one clean
`cmosc construir --sin-cache` (its own output folder) and then changes one profile's summary and
times how long until the page on disk shows the change (what the browser reloads to). Each
round edits another profile, as staff do: what the last save rendered helps only as much
as it would help them.
The server's CPU for that rebuild is read from /proc, so the ratio also means something
on a loaded machine.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .measurement import load_average, measure_process

ROUNDS = 3
FIRST_EDITED = 20  # org-00020, then others spread over the directory
TIMEOUT = 900  # the first build at N=20000 on a loaded machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    """User + system time of a process and its waited-for children (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _wait_for(path: Path, marker: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            if marker in path.read_text(encoding="utf-8"):
                return
        except FileNotFoundError:
            pass
        if process.poll() is not None or "Se sigue sirviendo" in log.read_text(encoding="utf-8"):
            raise RuntimeError(f"cmosc servir no construyó:\n{log.read_text(encoding='utf-8')[-2000:]}")
        time.sleep(0.005)
    raise RuntimeError(f"{path} no mostró «{marker}» en {TIMEOUT} s")


def _builds(log: Path) -> int:
    return log.read_text(encoding="utf-8").count("Sitio construido")


def _edit(profile: Path, marker: str) -> None:
    lines = profile.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"resumen: {marker}.\n" if line.startswith("resumen:") else line for line in lines]
    profile.write_text("".join(lines), encoding="utf-8")


def alternate(project: Path, rounds: int = ROUNDS) -> dict:
    """Clean builds and one-profile edits, taking turns; seconds and CPU of each."""
    project = project.resolve()
    python = sys.executable
    env = {"CMOSC_FECHA_REFERENCIA": "2026-11-25"}
    cmosc = [python, "-m", "cmosc.cli.main", "--raiz", str(project)]
    served = project / "servido"
    slugs = sorted(p.stem for p in (project / "organizaciones").glob("*.yml"))
    step = max(1, (len(slugs) - FIRST_EDITED) // max(rounds, 1))
    edited = [slugs[(FIRST_EDITED + n * step) % len(slugs)] for n in range(rounds)]
    log = open(project / "servir.log", "w", encoding="utf-8")  # noqa: SIM115 (open while it runs)
    server = subprocess.Popen(
        [*cmosc, "servir", "--puerto", str(_free_port()), "--salida", "servido"],
        cwd=project,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    clean, edits, edit_cpu = [], [], []
    try:
        _wait_for(
            served / "organizaciones" / edited[0] / "index.html", "<html", server, project / "servir.log"
        )
        for number, slug in enumerate(edited):
            page = served / "organizaciones" / slug / "index.html"
            clean.append(
                measure_process([*cmosc, "construir", "--salida", "limpio", "--sin-cache"], project, env)
            )
            # Unique: a profile keeps the summary of an earlier run, which its page already shows.
            marker = f"Resumen editado en la ronda {number} ({time.time_ns()})"
            before = _cpu_seconds(server.pid)
            started = time.perf_counter()
            _edit(project / "organizaciones" / f"{slug}.yml", marker)
            _wait_for(page, marker, server, project / "servir.log")
            edits.append(time.perf_counter() - started)
            # The page is swapped in: let the server finish the build before reading its CPU.
            while _builds(project / "servir.log") < number + 2:
                time.sleep(0.01)
            edit_cpu.append(_cpu_seconds(server.pid) - before)
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    return {"clean": clean, "edits": edits, "edit_cpu": edit_cpu}


def measure(output_dir: Path, project: Path, rounds: int = ROUNDS) -> list[tuple[str, str]]:
    load_before = load_average()
    runs = alternate(project, rounds)
    clean_wall = statistics.median(m.seconds for m in runs["clean"])
    clean_cpu = statistics.median(m.cpu_seconds for m in runs["clean"])
    edit_wall = statistics.median(runs["edits"])
    edit_cpu = statistics.median(runs["edit_cpu"])
    return [
        (
            "Guardar un perfil con `cmosc servir` vs construcción limpia: carga al empezar y al terminar",
            f"{load_before} / {load_average()}",
        ),
        (
            f"Construcción limpia (`cmosc construir`), {len(runs['clean'])} alternadas: reloj / CPU (mediana)",
            f"{clean_wall:.2f} s / {clean_cpu:.2f} s",
        ),
        (
            "De guardar un perfil a su página en disco con `cmosc servir` (meta < 1 s): reloj / CPU (mediana)",
            f"{edit_wall:.2f} s / {edit_cpu:.2f} s",
        ),
        (
            "Razón guardar un perfil / construcción limpia, reloj y CPU (meta ≤ 0,25 a N=2000, ≤ 0,1 a N=20000)",
            f"{edit_wall / clean_wall:.2f} / {edit_cpu / clean_cpu:.2f}",
        ),
        (
            "Cada ronda: limpia reloj / guardar reloj (s)",
            ", ".join(f"{c.seconds:.2f}/{e:.2f}" for c, e in zip(runs["clean"], runs["edits"])),
        ),
    ]


if __name__ == "__main__":
    from .run import prepare

    # python -m benchmarks.edit_rebuild [N [ROUNDS]]
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else ROUNDS
    for label, value in measure(Path(), prepare(n), rounds):
        print(f"{label}: {value}")
