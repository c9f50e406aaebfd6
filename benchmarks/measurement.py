"""Run a command and report its wall time, CPU time and peak memory (itself plus children)."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    codigo: int
    cpu_seconds: float = 0.0  # user + system time: what the run costs on a machine shared with others


def measure_process(command: list[str], cwd, env: dict | None = None) -> Measurement:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # wait4's rusage covers the child and its waited-for descendants (Pelican runs in one).
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} falló: {process.stderr.read().decode()[-2000:]}")
    return Measurement(elapsed, usage.ru_maxrss / 1024, code, usage.ru_utime + usage.ru_stime)


def load_average() -> str:
    """The machine's load average (1, 5, 15 min), to read beside the figures."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())
