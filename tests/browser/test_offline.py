"""Offline after one visit (service worker), in Chromium with the context set offline;
the manifest; and a new build replacing the cache. http://127.0.0.1 is a secure context."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import _QuietHandler, build_site, copy_project, serve_with

from support.map_data import markers
from support.tiles import TILE_HOST, route_tiles

COMPLETE = "organizacion-norte"
OTHER = "apoyo-escolar-semillitas"
KEPT = """url => caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.match(url)))))
    .then(found => found.some(Boolean))"""


def visit_and_wait(page, url):
    """Open a page and wait until the worker controls the site and keeps that page."""
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(f"() => ({KEPT})(location.href)", polling=100, timeout=15000)


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(locale="es-AR", service_workers="allow")
    yield context
    context.close()


def test_visited_pages_and_search_work_offline_others_say_they_need_a_connection(
    browser_context, site_server
):
    page = browser_context.new_page()
    visit_and_wait(page, f"{site_server}/organizaciones/{COMPLETE}/")
    browser_context.set_offline(True)
    page.reload()
    assert "Organización Norte" in page.locator("h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.encabezado')).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    )  # the stylesheet came from the cache too
    page.goto(f"{site_server}/buscar/?q=comedor")
    page.wait_for_selector("#resultados li")
    assert int(page.get_attribute("#busqueda", "data-resultados")) > 0
    page.goto(f"{site_server}/organizaciones/{OTHER}/")
    assert page.locator("h1").inner_text() == "Esta página necesita conexión a internet"
    guardadas = page.locator("#paginas-guardadas")
    guardadas.wait_for()
    assert guardadas.get_by_role("link", name="Organización Norte").count() >= 1
    browser_context.set_offline(False)
    page.reload()
    assert page.locator("h1").inner_text() != "Esta página necesita conexión a internet"


def test_manifest_makes_the_site_installable(built_site, browser_context, site_server):
    data = json.loads((built_site / "manifest.webmanifest").read_text("utf-8"))
    assert data["lang"] == "es-AR" and data["display"] == "standalone" and data["start_url"] == "./"
    sizes = {i["sizes"] for i in data["icons"] if i["purpose"] == "any"}
    assert {"192x192", "512x512"} <= sizes
    page = browser_context.new_page()
    page.goto(site_server + "/")
    for icon in data["icons"]:
        response = page.request.get(f"{site_server}/{icon['src']}")
        assert response.ok and response.headers["content-type"] == "image/png"
        width, height = icon["sizes"].split("x")
        size = page.evaluate(
            "src => new Promise(ok => { const i = new Image(); i.onload = () => ok([i.naturalWidth, i.naturalHeight]); i.src = src })",
            f"/{icon['src']}",
        )
        assert size == [int(width), int(height)]
    assert page.locator("link[rel=manifest]").get_attribute("href") == "/manifest.webmanifest"


class _SwitchableHandler(_QuietHandler):
    root = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(type(self).root), **kwargs)


def test_a_new_build_replaces_the_cache(browser, tmp_path_factory):
    first = copy_project(tmp_path_factory.mktemp("despliegue"))
    assert build_site(first, first / "uno").returncode == 0
    (first / "organizaciones" / f"{OTHER}.yml").write_text(
        (first / "organizaciones" / f"{OTHER}.yml").read_text("utf-8").replace("Semillitas", "Semillas"),
        "utf-8",
    )
    assert build_site(first, first / "dos").returncode == 0
    names = [
        (first / d / "sw.js").read_text("utf-8").split('"cache":"')[1].split('"')[0] for d in ("uno", "dos")
    ]
    assert names[0] != names[1]

    handler = type("Handler", (_SwitchableHandler,), {"root": first / "uno"})
    server, base = serve_with(handler)
    context = browser.new_context(locale="es-AR")
    try:
        page = context.new_page()
        visit_and_wait(page, base + "/")
        assert page.evaluate("caches.keys()") == [names[0]]
        handler.root = first / "dos"  # the deploy
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        page.wait_for_function(
            f"() => caches.keys().then(k => k.length === 1 && k[0] === {json.dumps(names[1])})",
            polling=100,
            timeout=15000,
        )
        page.goto(f"{base}/organizaciones/{OTHER}/")
        assert "Semillas" in page.locator("h1").inner_text()
    finally:
        context.close()
        server.shutdown()
        shutil.rmtree(first / "uno", ignore_errors=True)


def test_the_map_works_offline_after_one_visit_without_its_streets(browser_context, site_server, built_site):
    """/mapa/ seen once (its first visit, before the worker controlled the page): offline, the
    list of sedes and the markers come from the cache; the tiles cannot, and the page says so."""
    asked = route_tiles(browser_context)
    page = browser_context.new_page()
    visit_and_wait(page, f"{site_server}/mapa/")
    page.wait_for_selector("#mapa[data-listo]")
    for used in ("theme/vendor/leaflet/leaflet.js", "theme/js/map.js", "mapa/sedes.json"):
        page.wait_for_function(
            f"() => ({KEPT})(new URL({json.dumps(used)}, location.href).href)", timeout=15000
        )
    assert asked and page.locator("#mapa-sin-calles").is_hidden()

    browser_context.unroute(TILE_HOST + "**")  # offline, a tile request fails as it would without a route
    browser_context.set_offline(True)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.reload()
    page.wait_for_selector("#mapa[data-listo]")
    total = len(markers(built_site))
    assert page.locator("#sedes > li").count() == total
    assert page.get_attribute("#mapa", "data-sedes") == str(total)
    counted = page.evaluate("""() => Array.from(document.querySelectorAll('.leaflet-marker-icon')).reduce(
        (n, el) => n + (el.classList.contains('grupo-mapa') ? parseInt(el.textContent, 10) : 1), 0)""")
    assert counted == total
    notice = page.locator("#mapa-sin-calles")
    notice.wait_for(state="visible")
    assert "Los puntos y la lista de sedes siguen funcionando" in notice.inner_text()
    # A profile's link to its sede still centres the map and opens the popup, offline.
    page.evaluate(f"() => {{ location.hash = '#sede-{COMPLETE}-1' }}")
    popup = page.locator(".leaflet-popup-content a")
    popup.wait_for()
    assert popup.get_attribute("href") == f"/organizaciones/{COMPLETE}/"
    assert errors == []
