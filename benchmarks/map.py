"""Map figures for `make bench`: what /mapa/ downloads before tiles, and how soon it is ready.

Measured in Chromium (Debian's, through Playwright) on the synthetic build: every
response of the site to the page is weighed gzip-compressed (tile requests are
refused, there is no network; the service worker is blocked so its precache is not
counted either); «ready» is the `cmosc-mapa-listo` mark map.js sets when every sede
is on the map, on the navigation's timeline (0 = the request for the page).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .search import CHROMIUM, median_max, served
from .weights import gzip_size

RUNS = 5
BUDGET_KB = 150
TILES = "https://tile.openstreetmap.org/**"


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def _open(browser, base: str, weights: dict | None = None):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.route(TILES, lambda route: route.abort())  # no network here; tiles are not our weight
    page = context.new_page()
    if weights is not None:

        def weigh(response):
            if response.url.startswith(base) and response.ok:
                weights[response.url] = gzip_size(response.body())

        page.on("response", weigh)
    page.goto(f"{base}/mapa/")
    page.wait_for_selector("#mapa[data-listo]", timeout=60_000)
    return context, page


def measure(output_dir: Path, project_dir: Path | None = None) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    ready, after_html, filtering, opening, nearby = [], [], [], [], []
    weights: dict[str, int] = {}
    with served(output_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for run in range(RUNS):
            context, page = _open(browser, base, weights if run == 0 else None)
            if run == 0:
                page.wait_for_load_state("networkidle")  # every response weighed before closing
                sedes = int(page.get_attribute("#mapa", "data-sedes"))
            times = page.evaluate("""() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const mark = performance.getEntriesByName('cmosc-mapa-listo')[0].startTime;
                return [mark, mark - nav.responseEnd] }""")
            ready.append(times[0])
            after_html.append(times[1])
            # One filter and one «Cerca de mí» by barrio, the synchronous part (list and clusters).
            filtering.append(
                page.evaluate("""() => { const s = document.getElementById('filtro-barrio');
                    s.value = s.options[1].value; const t = performance.now();
                    s.dispatchEvent(new Event('change', {bubbles: true})); return performance.now() - t }""")
            )
            opening.append(
                page.evaluate("""() => { const c = document.getElementById('filtro-abierto');
                    c.checked = true; const t = performance.now();
                    c.dispatchEvent(new Event('change', {bubbles: true}));
                    const ms = performance.now() - t; c.checked = false;
                    c.dispatchEvent(new Event('change', {bubbles: true})); return ms }""")
            )
            nearby.append(
                page.evaluate("""() => { const s = document.getElementById('cercania-mapa-barrio');
                    s.value = s.options[1].value; const t = performance.now();
                    s.dispatchEvent(new Event('change', {bubbles: true})); return performance.now() - t }""")
            )
            context.close()
        browser.close()

    fmt = median_max
    html = sum(size for url, size in weights.items() if url.rstrip("/").endswith("/mapa"))
    return [
        ("Mapa: sedes en `/mapa/`", str(sedes)),
        ("Mapa: HTML de `/mapa/` con la lista de sedes (gzip)", _kb(html)),
        (
            f"Mapa: todo lo que baja `/mapa/` antes de las teselas, {len(weights)} archivos (gzip; meta ≤ {BUDGET_KB} KB)",
            _kb(sum(weights.values())),
        ),
        (
            f"Mapa en Chromium: de pedir la página a todas las sedes en el mapa ({RUNS} veces, caché fría)",
            fmt(ready),
        ),
        ("Mapa en Chromium: de recibido el HTML a todas las sedes en el mapa (meta ≤ 1 s)", fmt(after_html)),
        ("Mapa en Chromium: aplicar un filtro de barrio (lista y grupos)", fmt(filtering)),
        (
            "Mapa en Chromium: «Solo abiertas ahora» (horarios de todas las sedes, lista y grupos)",
            fmt(opening),
        ),
        ("Mapa en Chromium: «Cerca de mí» por barrio, ordenar la lista", fmt(nearby)),
    ]


if __name__ == "__main__":
    for label, value in measure(Path(sys.argv[1] if len(sys.argv) > 1 else "output")):
        print(f"| {label} | {value} |")
