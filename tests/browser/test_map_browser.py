"""/mapa/ and «Cerca de mí» in Chromium, with tile requests answered by a local blank PNG."""

from __future__ import annotations

import math

import pytest

from support.map_data import markers
from support.tiles import route_tiles

COMPLETE = "organizacion-norte"


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(locale="es-AR", viewport={"width": 1280, "height": 900})
    context.requested = route_tiles(context)
    yield context
    context.close()


def open_page(browser_context, url):
    page = browser_context.new_page()
    page.errores = []
    page.on("pageerror", lambda e: page.errores.append(str(e)))
    page.on("console", lambda m: page.errores.append(m.text) if m.type in ("error", "warning") else None)
    page.goto(url)
    page.wait_for_selector("#mapa[data-listo]" if "/mapa/" in url else "#busqueda")
    return page


def listed(built_site) -> list[dict]:
    return markers(built_site)


def haversine(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


def test_markers_and_clusters_cover_every_sede_and_tiles_come_from_settings(
    browser_context, site_server, built_site
):
    page = open_page(browser_context, site_server + "/mapa/")
    total = len(listed(built_site))
    assert page.get_attribute("#mapa", "data-sedes") == str(total)
    # Every sede is a marker or inside a cluster: the clusters' counts add up.
    counted = page.evaluate("""() => Array.from(document.querySelectorAll('.leaflet-marker-icon')).reduce(
        (n, el) => n + (el.classList.contains('grupo-mapa') ? parseInt(el.textContent, 10) : 1), 0)""")
    assert counted == total
    assert page.locator(".grupo-mapa").count() >= 1  # the sample data is dense enough to cluster
    assert browser_context.requested and all(
        u.startswith("https://tile.openstreetmap.org/") for u in browser_context.requested
    )
    attribution = page.locator(".leaflet-control-attribution a", has_text="colaboradores de OpenStreetMap")
    assert attribution.get_attribute("href") == "https://www.openstreetmap.org/copyright"
    assert page.errores == []  # CSP included: a blocked tile or style would show here


def test_a_profile_link_centres_the_map_and_opens_the_popup(browser_context, site_server):
    page = open_page(browser_context, f"{site_server}/mapa/#sede-{COMPLETE}-1")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    enlace = popup.locator("a")
    assert enlace.get_attribute("href") == f"/organizaciones/{COMPLETE}/"
    assert "Organización Norte" in enlace.inner_text()
    assert page.evaluate(
        "() => document.querySelector('#mapa .leaflet-marker-icon:not(.grupo-mapa)') !== null"
    )
    enlace.click()
    page.wait_for_url(f"{site_server}/organizaciones/{COMPLETE}/")
    assert page.errores == []


def test_filters_act_on_markers_and_list(browser_context, site_server, built_site):
    page = open_page(browser_context, site_server + "/mapa/")
    sedes = listed(built_site)
    page.select_option("#filtro-barrio", "centro")
    in_centre = [s["id"] for s in sedes if s["barrio"] == "centro"]
    assert in_centre
    page.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(in_centre)}'")
    visible_slugs = page.evaluate(
        "() => Array.from(document.querySelectorAll('#sedes li:not([hidden])'), li => li.id)"
    )
    assert sorted(visible_slugs) == sorted(in_centre)
    assert f"{len(in_centre)} sedes con los filtros elegidos" in page.inner_text("#mapa-estado")
    tipo = next(s["tipo"] for s in sedes if s["barrio"] == "centro")
    page.select_option("#filtro-tipo", tipo)
    both = [s["id"] for s in sedes if s["barrio"] == "centro" and s["tipo"] == tipo]
    page.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(both)}'")
    page.click("button[type=reset]")
    page.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(sedes)}'")


def test_skip_link_jumps_over_the_map_to_the_list(browser_context, site_server):
    page = open_page(browser_context, site_server + "/mapa/")
    page.locator("a.saltar-mapa").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "lista-sedes"


def test_near_me_on_the_map_sorts_by_distance(browser, site_server, built_site):
    sedes = listed(built_site)
    here = {"latitude": -26.8241, "longitude": -65.2226}
    context = browser.new_context(
        locale="es-AR", geolocation=here, permissions=["geolocation"], viewport={"width": 1280, "height": 900}
    )
    asked = route_tiles(context)
    outside = []
    context.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
    page = open_page(context, site_server + "/mapa/")
    page.click("#cercania-mapa [data-cercania-ubicacion]")
    page.wait_for_selector("#sedes .sedes-mapa__distancia")
    order = page.evaluate("() => Array.from(document.querySelectorAll('#sedes li'), li => li.id)")
    expected = sorted(sedes, key=lambda s: haversine(here["latitude"], here["longitude"], s["lat"], s["lon"]))
    assert order == [s["id"] for s in expected]
    assert "La más cercana" in page.inner_text("#cercania-mapa [data-cercania-estado]")
    # The position went nowhere: the only requests off this site are the (blank) tiles.
    assert set(outside) == set(asked)
    context.close()


def test_without_geolocation_the_barrio_centre_is_used(browser_context, site_server, built_site):
    page = open_page(browser_context, site_server + "/mapa/")
    page.select_option("#cercania-mapa-barrio", "centro")
    page.wait_for_selector("#sedes .sedes-mapa__distancia")
    first = page.evaluate("() => document.querySelector('#sedes li').id")
    assert next(s for s in listed(built_site) if s["id"] == first)["barrio"] == "centro"
    assert "el centro de Centro" in page.inner_text("#cercania-mapa [data-cercania-estado]")


def test_near_me_on_search_sorts_results_by_distance(browser, site_server, built_site):
    sedes = listed(built_site)
    here = {"latitude": -26.8105, "longitude": -65.2010}
    context = browser.new_context(locale="es-AR", geolocation=here, permissions=["geolocation"])
    page = open_page(context, site_server + "/buscar/")
    page.click("#cercania-buscar [data-cercania-ubicacion]")
    page.wait_for_selector("#resultados li")
    nearest: dict[str, float] = {}
    for s in sedes:
        slug = s["id"].removeprefix("sede-").rsplit("-", 1)[0]
        d = haversine(here["latitude"], here["longitude"], s["lat"], s["lon"])
        nearest[slug] = min(d, nearest.get(slug, d))
    hrefs = page.evaluate(
        "() => Array.from(document.querySelectorAll('#resultados li:not(.resultado--inactiva) h3 a'), a => a.getAttribute('href'))"
    )
    shown = [h.strip("/").split("/")[-1] for h in hrefs]
    located = [s for s in shown if s in nearest]
    assert located == sorted(nearest, key=nearest.get)[: len(located)]
    assert "a " in page.inner_text("#resultados li .resultado__datos")
    assert "distancia a tu ubicación" in page.inner_text("#cercania-buscar [data-cercania-estado]")
    assert page.errores == []
    context.close()


def test_without_javascript_the_list_is_the_page(browser, site_server, built_site):
    context = browser.new_context(locale="es-AR", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + f"/mapa/#sede-{COMPLETE}-1")
    assert not page.locator("#mapa").is_visible()
    assert not page.locator("#cercania-mapa").is_visible()
    assert page.locator("#sedes li").count() == len(listed(built_site))
    assert page.locator(f"#sede-{COMPLETE}-1 a").is_visible()
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violations_on_the_map(browser, site_server, width):
    from support.axe import axe_violations, describe

    # axe is injected by the test, not by the site: the site's CSP rightly refuses it.
    context = browser.new_context(locale="es-AR", bypass_csp=True, viewport={"width": width, "height": 900})
    route_tiles(context)
    page = open_page(context, f"{site_server}/mapa/#sede-{COMPLETE}-1")
    page.locator(".leaflet-popup-content").wait_for()
    page.locator("#mapa-herramientas > summary").evaluate("s => { s.parentElement.open = true }")
    page.select_option("#cercania-mapa-barrio", "centro")
    page.wait_for_selector("#sedes .sedes-mapa__distancia")
    violations = axe_violations(page)
    context.close()
    assert not violations, describe(violations)


def test_open_now_filter_and_popup_use_the_hours_on_tucumans_clock(browser, site_server, built_site):
    # A Wednesday at 3:00 in Tucumán (7:00 for a visitor in Madrid): only La Posada (every day
    # 20 to 8) is open among the sample sedes.
    context = browser.new_context(
        locale="es-AR", timezone_id="Europe/Madrid", viewport={"width": 1280, "height": 900}
    )
    route_tiles(context)
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-02T03:00:00-03:00")
    page.goto(site_server + "/mapa/")
    page.wait_for_selector("#mapa[data-listo]")
    sedes = listed(built_site)
    open_now = [
        s["id"] for s in sedes if s["href"] == "/organizaciones/fundacion-la-posada/" and s["horario"]
    ]
    assert open_now and sum(1 for s in sedes if s["horario"]) > len(open_now)
    page.check("#filtro-abierto")
    page.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(open_now)}'")
    visible_slugs = page.evaluate(
        "() => Array.from(document.querySelectorAll('#sedes li:not([hidden])'), li => li.id)"
    )
    assert visible_slugs == open_now
    assert "abierta ahora" in page.inner_text("#mapa-estado")
    page.evaluate(f"() => {{ window.location.hash = '{open_now[0]}' }}")
    estado = page.locator(".leaflet-popup-content .horario__estado")
    estado.wait_for()
    assert estado.inner_text() == "Abierto ahora · cierra a las 8"
    page.uncheck("#filtro-abierto")
    page.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(sedes)}'")
    context.close()
