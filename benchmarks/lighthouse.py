"""Lighthouse (mobile) on the sample site's home, a listing, a profile and search: `make bench`.

Uses the `lighthouse` npm package pinned in package.json (12.2.3: 13 needs Node 22) with
Debian's Chromium (`CHROME_PATH=/usr/bin/chromium`), default mobile emulation and
simulated throttling. The pages are the real sample data (`organizaciones/`), built
afresh into `benchmarks/.trabajo/muestra`, served on loopback. Not part of `make test`:
Lighthouse's scores are a report, the rules behind them are tested elsewhere (axe, sizes).

CPU: Lighthouse's default 4× slowdown assumes a desktop-class host (benchmark index
≈ 1000, DevTools' "mid-tier" score) so that the result emulates a low-tier phone (≈ 264,
a Moto G Power, the device Lighthouse emulates). This shared machine is often far slower
than that, and 4× more makes a phone no one has. So each page is measured twice: with
the default 4×, and with the slowdown calibrated from the host's own benchmark index
(index / 264, between 1 and 4), as DevTools' CPU calibration does. Both are recorded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .search import CHROMIUM, served

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / ".trabajo" / "muestra"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: DevTools' benchmark index of a low-tier phone (the device Lighthouse emulates).
LOW_TIER_INDEX = 264
DEFAULT_SLOWDOWN = 4.0
PAGES = (
    ("inicio", "/"),
    ("listado", "/organizaciones/"),
    ("perfil", "/organizaciones/merendero-los-girasoles/"),
    ("búsqueda", "/buscar/?q=comedor"),
)


def build_sample() -> Path:
    output = WORK / "output"
    env = {**os.environ, "CMOSC_FECHA_REFERENCIA": "2026-11-25"}
    command = [
        sys.executable,
        "-m",
        "cmosc.cli.main",
        "--raiz",
        str(ROOT),
        "construir",
        "--salida",
        str(output),
    ]
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return output


def audit(url: str, report: Path, slowdown: float = DEFAULT_SLOWDOWN) -> dict:
    """Lighthouse's JSON report of one page (mobile, the four categories)."""
    if not LIGHTHOUSE.exists():
        raise SystemExit("falta node_modules/.bin/lighthouse: corré `npm ci` (make bench lo hace)")
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}",
    ]
    subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=600
    )
    return json.loads(report.read_text(encoding="utf-8"))


def scores(result: dict) -> list[int]:
    return [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]


def failing(result: dict) -> list[str]:
    """Ids of the audits that cost points (what to fix)."""
    weighted = {
        ref["id"] for c in CATEGORIES for ref in result["categories"][c]["auditRefs"] if ref["weight"]
    }
    return sorted(
        audit_id
        for audit_id, audit in result["audits"].items()
        if audit_id in weighted and audit["score"] is not None and audit["score"] < 1
    )


def calibrated(result: dict) -> float:
    """The CPU slowdown that makes this host behave like the phone Lighthouse emulates."""
    index = result["environment"]["benchmarkIndex"]
    return min(DEFAULT_SLOWDOWN, max(1.0, index / LOW_TIER_INDEX))


def summary(result: dict) -> str:
    problems = failing(result)
    return "/".join(map(str, scores(result))) + (f" (resta: {', '.join(problems)})" if problems else "")


def measure(output_dir: Path | None = None, project_dir: Path | None = None) -> list[tuple[str, str]]:
    """The home at Lighthouse's default 4×, then the four pages at the calibrated slowdown."""
    site = build_sample()
    label = (
        "Lighthouse móvil, {} (`{}`, datos de muestra), rendimiento / accesibilidad / buenas prácticas / SEO"
    )
    with served(site) as base:
        default = audit(base + "/", WORK / "lighthouse-inicio-4x.json")
        slowdown = calibrated(default)
        index = default["environment"]["benchmarkIndex"]
        rows = [
            (
                label.format("inicio", "/") + ", CPU 4×",
                f"{summary(default)}; índice de la máquina {index:.0f}",
            )
        ]
        for name, path in PAGES:
            result = audit(base + path, WORK / f"lighthouse-{name.replace('ú', 'u')}.json", slowdown)
            rows.append(
                (
                    label.format(name, path) + f", CPU calibrada {slowdown:.1f}× (meta 100/100/100/100)",
                    summary(result),
                )
            )
    return rows


if __name__ == "__main__":
    for label, value in measure():
        print(f"| {label} | {value} |")
