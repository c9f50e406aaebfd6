"""Lighthouse (mobile) on the sample site's home, a listing, a profile and search: `make bench`.

Uses the `lighthouse` npm package pinned in package.json (12.2.3: 13 needs Node 22) with
Debian's Chromium (`CHROME_PATH=/usr/bin/chromium`), default mobile emulation and
simulated throttling. The pages are the real sample data (`organizaciones/`), built
afresh into `benchmarks/.trabajo/muestra`, served on loopback. Not part of `make test`:
Lighthouse's scores are a report, the rules behind them are tested elsewhere (axe, sizes).
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


def audit(url: str, report: Path) -> dict:
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


def measure(output_dir: Path | None = None, project_dir: Path | None = None) -> list[tuple[str, str]]:
    site = build_sample()
    rows = []
    with served(site) as base:
        for name, path in PAGES:
            result = audit(base + path, WORK / f"lighthouse-{name.replace('ú', 'u')}.json")
            problems = failing(result)
            rows.append(
                (
                    f"Lighthouse móvil, {name} (`{path}`, datos de muestra): rendimiento / accesibilidad / "
                    "buenas prácticas / SEO (meta 100/100/100/100)",
                    "/".join(map(str, scores(result)))
                    + (f" (resta: {', '.join(problems)})" if problems else ""),
                )
            )
    return rows


if __name__ == "__main__":
    for label, value in measure():
        print(f"| {label} | {value} |")
