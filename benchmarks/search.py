"""Search figures for `make bench`: index bytes, build share, and Chromium timings.

`measure(output_dir, project_dir)` runs after `benchmarks.run` built the synthetic
profiles into `output_dir`. Chromium is Debian's (/usr/bin/chromium) driven by
Playwright; the site is served on loopback, one fresh browser context (cold
cache) per query.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import re
import statistics
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
TIERS = ("documentos", "nombres", "texto")
SCRIPTS = (
    "vendor/lunr/lunr.min.js",
    "vendor/lunr-languages/lunr.stemmer.support.js",
    "vendor/lunr-languages/lunr.es.js",
    "js/search-pipeline.js",
    "js/search.js",
)
# What visitors type: no accents, plurals, several words, a typo (the synthetic vocabulary).
QUERIES = (
    "comedor",
    "ninez",
    "futbol",
    "jovenes",
    "merienda",
    "cooperativa girasoles",
    "huerta",
    "capacitacion",
    "talleres mujeres",
    "fubol",
)


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def _gzipped(path: Path) -> bytes:
    """gzip -9 of a file, compressed once per version of it (the host serves it so too)."""
    stat = path.stat()
    return _compress(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _compress(path: Path, _mtime: int, _size: int) -> bytes:
    return gzip.compress(path.read_bytes(), 9, mtime=0)


def _gzip(path: Path) -> int:
    return len(_gzipped(path))


_ASSET = re.compile(r'<(?:script|img)[^>]* src="([^"]+)"|<link[^>]* rel="stylesheet"[^>]* href="([^"]+)"')


def first_query_bytes(output_dir: Path) -> int:
    """gzip bytes the first query on /buscar/ needs: the page, the styles, scripts and
    images it references, and shard 0's cards and short-field index."""
    page = output_dir / "buscar" / "index.html"
    html = page.read_text(encoding="utf-8")
    assets = {a or b for a, b in _ASSET.findall(html)}
    files = [page, output_dir / "buscar" / "documentos-0.json", output_dir / "buscar" / "nombres-0.json"]
    files += [output_dir / urlsplit(a).path.lstrip("/") for a in sorted(assets)]
    return sum(_gzip(f) for f in files)


def _bytes_rows(output_dir: Path) -> list[tuple[str, str]]:
    folder = output_dir / "buscar"
    shards = len(list(folder.glob("nombres-*.json")))
    rows = [("Búsqueda: fragmentos del índice (de hasta 2500 organizaciones)", str(shards))]
    for tier in TIERS:
        files = sorted(folder.glob(f"{tier}-*.json"))
        raw = sum(f.stat().st_size for f in files)
        rows.append(
            (
                f"Búsqueda: `buscar/{tier}-*.json`, todos los fragmentos (crudo / gzip)",
                f"{_kb(raw)} / {_kb(sum(_gzip(f) for f in files))}",
            )
        )
    scripts = sum(_gzip(output_dir / "theme" / s) for s in SCRIPTS)
    first = scripts + _gzip(folder / "documentos-0.json") + _gzip(folder / "nombres-0.json")
    total = scripts + sum(_gzip(f) for f in folder.glob("*.json"))
    rows.append(("Búsqueda: scripts de /buscar/ (gzip)", _kb(scripts)))
    rows.append(
        (
            "Búsqueda: bajado para la primera consulta, scripts + documentos-0 + nombres-0 (gzip; meta ≤ 250 KB a N=2000)",
            _kb(first),
        )
    )
    rows.append(
        ("Búsqueda: bajado en total, con el resto de los fragmentos y el texto completo (gzip)", _kb(total))
    )
    rows.append(
        (
            "Búsqueda: primera consulta completa, página + estilos + scripts + imágenes + documentos-0 + nombres-0 (gzip; meta ≤ 120 KB a N=2000)",
            _kb(first_query_bytes(output_dir)),
        )
    )
    return rows


def _build_seconds(project_dir: Path) -> float:
    """Time of the search files alone, in process (catalog and model already built)."""
    from cmosc.model.organization import build_organizations
    from cmosc.profiles.catalog import load_catalog
    from cmosc.search import compact, pipeline
    from cmosc.search.tiers import search_files
    from cmosc.settings import reference_date

    today = reference_date({"CMOSC_FECHA_REFERENCIA": "2026-11-25"})
    catalog = load_catalog(project_dir, today=today)
    organizations = build_organizations(catalog, today)
    pipeline._VARIANTS.clear()  # cold, like a fresh build: no word's terms known yet
    compact._TERMS.clear()
    started = time.perf_counter()
    search_files(organizations, catalog.vocabularies)
    return time.perf_counter() - started


#: What a static host (GitHub Pages, a CDN) serves compressed.
_TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt"}


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves as the site's host does: persistent HTTP/1.1 connections and gzip for text.

    (Python's default is HTTP/1.0, a new connection per file, and no compression:
    Lighthouse's simulation then charges every file a connection set-up and its raw bytes
    over the emulated 4G, a host no visitor gets.)"""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in _TEXT_SUFFIXES and path.is_file()):
            return super().send_head()
        body = _gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # Python's 5 drops a browser's parallel connections (a 1 s retry)


@contextmanager
def served(output_dir: Path):
    """The built site on a free loopback port, for the time of the block; yields its URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Host, directory=str(output_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def median_max(values: list[float]) -> str:
    return f"mediana {statistics.median(values):.0f} ms, máx. {max(values):.0f} ms"


def _browser_rows(output_dir: Path) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    to_results, after_index, decode, to_full, counts = [], [], [], [], []
    with served(output_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for query in QUERIES:
            context = browser.new_context(service_workers="block")  # first visit only, no precache
            page = context.new_page()
            page.goto(f"{base}/buscar/?q={query}")
            page.wait_for_function(
                "() => document.getElementById('busqueda').hasAttribute('data-texto-cargado')",
                timeout=120_000,
            )
            # First occurrence of each mark: results are marked again when tier 2 arrives.
            marks = page.evaluate("""() => { const m = {};
                for (const e of performance.getEntriesByType('mark')) if (!(e.name in m)) m[e.name] = e.startTime;
                return m }""")
            # Navigation start is 0 on the performance timeline.
            to_results.append(marks["cmosc-resultados"])
            after_index.append(marks["cmosc-resultados"] - marks["cmosc-indice-cargado"])
            decode.append(marks["cmosc-indice-cargado"] - marks["cmosc-indice-bajado"])
            to_full.append(marks["cmosc-texto-cargado"])
            counts.append(int(page.get_attribute("#busqueda", "data-resultados")))
            context.close()
        browser.close()

    fmt = median_max
    return [
        (
            "Búsqueda en Chromium: de abrir `/buscar/?q=…` a los primeros resultados (10 consultas, caché fría)",
            fmt(to_results),
        ),
        (
            "Búsqueda en Chromium: armar el primer índice lunr tras bajarlo (fragmento 0: documentos + nombres)",
            fmt(decode),
        ),
        (
            "Búsqueda en Chromium: del índice cargado a los primeros resultados (meta ≤ 100 ms)",
            fmt(after_index),
        ),
        (
            "Búsqueda en Chromium: de abrir la página a resultados con todo cargado (fragmentos y texto completo)",
            fmt(to_full),
        ),
        ("Búsqueda: resultados por consulta (" + ", ".join(QUERIES) + ")", ", ".join(map(str, counts))),
    ]


def measure(output_dir: Path, project_dir: Path) -> list[tuple[str, str]]:
    rows = _bytes_rows(output_dir)
    rows.append(
        (
            "Búsqueda: armado de los tres archivos dentro del build, en proceso",
            f"{_build_seconds(project_dir):.2f} s",
        )
    )
    rows += _browser_rows(output_dir)
    return rows


if __name__ == "__main__":
    import sys

    project = Path(sys.argv[1])
    for label, value in measure(project / "output", project):
        print(f"| {label} | {value} |")
