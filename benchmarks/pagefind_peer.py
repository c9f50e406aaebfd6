"""The search peer of `make bench`: Pagefind over the same built site, in the same run.

Pagefind (npm, pinned in package-lock.json) indexes the profile pages of a hard-linked copy
of `output/` (their <main>). In Chromium, for each query of benchmarks.search, taking
turns on fresh contexts (cold cache): our /buscar/?q=… and benchmarks/pagefind.html, a
page with Pagefind's JS API that shows the first k results (5, the first page of
Pagefind's own UI, and 40, our first page). For each: ms from navigation to the first
results shown, and the bytes that arrived before them (Content-Length as the loopback
host sends them, gzip for text; Pagefind's index files are gzip already), its web worker's
requests included; and of those, the ones the first results need (ours without its
full-text tier, which search.js requests once the first tier is in and does not wait for).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from .measurement import measure_process
from .search import CHROMIUM, QUERIES, SCRIPTS, median_max, served

ROOT = Path(__file__).resolve().parent.parent
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
TEST_PAGE = Path(__file__).resolve().parent / "pagefind.html"
PROFILES = "organizaciones/*/index.html"
OURS = "ours"
#: Results shown before the first-results mark: Pagefind UI's first page, then our first page.
FIRST_PAGES = (5, 40)


def index_site(output_dir: Path, site: Path):
    """Pagefind's index of the profile pages in `site`, a hard-linked copy of `output_dir`,
    with the test page beside it; returns the indexing run's Measurement."""
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(output_dir, site, copy_function=os.link)
    command = [str(PAGEFIND), "--site", str(site), "--glob", PROFILES, "--root-selector", "main"]
    indexing = measure_process(command, ROOT)
    (site / "pagefind-prueba").mkdir()
    shutil.copy(TEST_PAGE, site / "pagefind-prueba" / "index.html")
    return indexing


def bytes_before(responses: list, mark_at: float, kind) -> tuple[int, int, int]:
    """Body bytes of the responses that had arrived by `mark_at` (epoch ms): all of them,
    those the first results needed (not of `kind(path)` "later") and those of the search's
    own files needed (`kind(path)` "search")."""
    total = needed = search = 0
    for response in responses:
        timing = response.request.timing
        if timing["startTime"] + timing["responseEnd"] <= mark_at:
            size = int(response.headers.get("content-length", "0"))
            what = kind(urlsplit(response.url).path)
            total += size
            needed += 0 if what == "later" else size
            search += size if what == "search" else 0
    return total, needed, search


def first_results(browser, url: str, mark: str, kind) -> tuple[float, int, int, int, int]:
    """(ms from navigation to `mark`, the three sums of bytes_before(), results count once
    everything loaded) on a cold context."""
    context = browser.new_context(service_workers="block")
    responses = []
    context.on("requestfinished", lambda request: responses.append(request.response()))
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        "(name) => performance.getEntriesByName(name).length > 0", arg=mark, timeout=120_000
    )
    start, origin = page.evaluate(
        "(name) => [performance.getEntriesByName(name)[0].startTime, performance.timeOrigin]", mark
    )
    page.wait_for_load_state("networkidle")  # ours goes on loading its full-text tier
    count = page.get_attribute("[data-resultados]", "data-resultados")
    context.close()
    arrived = bytes_before([r for r in responses if r is not None], origin + start, kind)
    return start, *arrived, int(count)


_OUR_SCRIPTS = {f"/theme/{script}" for script in SCRIPTS}


#: Our full-text tier: search.js requests it once the first tier is in and does not wait for it.
_OUR_LATER = ("/buscar/texto-", "/buscar/extractos-")


def ours_kind(path: str) -> str:
    if path.startswith(_OUR_LATER):
        return "later"
    return (
        "search" if path in _OUR_SCRIPTS or path.startswith("/buscar/") and path.endswith(".json") else "page"
    )


def pagefind_kind(path: str) -> str:
    return "search" if path.startswith("/pagefind/") else "page"


def compare(site: Path) -> dict[str | int, list[tuple[float, int, int, int]]]:
    """Per setup (OURS, then each k of FIRST_PAGES), one first_results() per query."""
    from playwright.sync_api import sync_playwright

    runs: dict[str | int, list] = {OURS: [], **{k: [] for k in FIRST_PAGES}}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for query in QUERIES:
            url = f"{base}/buscar/?q={query}"
            runs[OURS].append(first_results(browser, url, "cmosc-resultados", ours_kind))
            for k in FIRST_PAGES:
                url = f"{base}/pagefind-prueba/?q={query}&k={k}"
                runs[k].append(first_results(browser, url, "pagefind-resultados", pagefind_kind))
        browser.close()
    return runs


def _kb1(size: float) -> str:
    return f"{size / 1024:.0f} KB"


def _kb(values: tuple[int, ...]) -> str:
    return f"mediana {_kb1(statistics.median(values))}, máx. {_kb1(max(values))}"


def rows(indexing, index_bytes: int, runs: dict) -> list[tuple[str, str]]:
    version = subprocess.run([str(PAGEFIND), "--version"], capture_output=True, text=True).stdout.strip()
    found = [
        (
            f"{version}: indexar las páginas de perfil del sitio construido: reloj / CPU",
            f"{indexing.seconds:.2f} s / {indexing.cpu_seconds:.2f} s",
        ),
        ("Pagefind: tamaño de `pagefind/` (ya comprimido)", f"{index_bytes / 1024:.0f} KB"),
    ]
    names = {OURS: "nuestra `/buscar/?q=…` (40 tarjetas)"}
    names |= {k: f"Pagefind, API JS, primeros {k} resultados" for k in FIRST_PAGES}
    for setup, measured in runs.items():
        ms, total, needed, search, counts = zip(*measured, strict=True)
        found += [
            (
                f"Búsqueda comparada, {names[setup]}: de abrir la página a los primeros resultados",
                median_max(ms),
            ),
            (f"Búsqueda comparada, {names[setup]}: llegado antes de los primeros resultados", _kb(total)),
            (
                f"Búsqueda comparada, {names[setup]}: de eso, lo que necesitan los primeros resultados "
                "(sin el texto completo, que se pide después del primer índice y no se espera)",
                _kb(needed),
            ),
            (
                f"Búsqueda comparada, {names[setup]}: de eso, scripts e índice de la búsqueda (sin la página)",
                _kb(search),
            ),
            (f"Búsqueda comparada, {names[setup]}: resultados por consulta", ", ".join(map(str, counts))),
        ]
    medians = {
        setup: [statistics.median(column) for column in zip(*measured, strict=True)]
        for setup, measured in runs.items()
    }
    ours, best = medians.pop(OURS), [min(column) for column in zip(*medians.values(), strict=True)]
    verdict = [
        f"{'sí' if ours[0] < best[0] else 'no'} en tiempo ({ours[0]:.0f} ms frente a {best[0]:.0f} ms)",
        f"{'sí' if ours[2] <= best[2] else 'no'} en bytes necesarios ({_kb1(ours[2])} frente a {_kb1(best[2])}",
        f"solo la búsqueda: {_kb1(ours[3])} frente a {_kb1(best[3])}",
        f"todo lo llegado: {_kb1(ours[1])} frente a {_kb1(best[1])})",
    ]
    found.append(
        (
            "Meta: nuestra búsqueda antes que Pagefind a los primeros resultados y sin bajar más "
            "(medianas, frente al mejor de los dos Pagefind)",
            "; ".join(verdict),
        )
    )
    return found


def measure(output_dir: Path, project_dir: Path) -> list[tuple[str, str]]:
    if not PAGEFIND.exists():
        return [("Pagefind", "no instalado (`npm ci`): sin comparar")]
    site = project_dir / "pagefind"
    indexing = index_site(output_dir, site)
    index_bytes = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    return rows(indexing, index_bytes, compare(site))


if __name__ == "__main__":
    import sys

    project = Path(sys.argv[1])
    for label, value in measure(project / "output", project):
        print(f"| {label} | {value} |")
