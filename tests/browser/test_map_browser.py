"""/mapa/ and «Cerca de mí» in Chromium, with tile requests answered by a local blank PNG."""

from __future__ import annotations

import math

import pytest

from support.map_data import markers
from support.tiles import route_tiles

COMPLETO = "organizacion-norte"


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(locale="es-AR", viewport={"width": 1280, "height": 900})
    context.pedidas = route_tiles(context)
    yield context
    context.close()


def open_page(browser_context, url):
    pagina = browser_context.new_page()
    pagina.errores = []
    pagina.on("pageerror", lambda e: pagina.errores.append(str(e)))
    pagina.on("console", lambda m: pagina.errores.append(m.text) if m.type in ("error", "warning") else None)
    pagina.goto(url)
    pagina.wait_for_selector("#mapa[data-listo]" if "/mapa/" in url else "#busqueda")
    return pagina


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
    pagina = open_page(browser_context, site_server + "/mapa/")
    total = len(listed(built_site))
    assert pagina.get_attribute("#mapa", "data-sedes") == str(total)
    # Every sede is a marker or inside a cluster: the clusters' counts add up.
    counted = pagina.evaluate("""() => Array.from(document.querySelectorAll('.leaflet-marker-icon')).reduce(
        (n, el) => n + (el.classList.contains('grupo-mapa') ? parseInt(el.textContent, 10) : 1), 0)""")
    assert counted == total
    assert pagina.locator(".grupo-mapa").count() >= 1  # the sample data is dense enough to cluster
    assert browser_context.pedidas and all(
        u.startswith("https://tile.openstreetmap.org/") for u in browser_context.pedidas
    )
    atribucion = pagina.locator(".leaflet-control-attribution a", has_text="colaboradores de OpenStreetMap")
    assert atribucion.get_attribute("href") == "https://www.openstreetmap.org/copyright"
    assert pagina.errores == []  # CSP included: a blocked tile or style would show here


def test_a_profile_link_centres_the_map_and_opens_the_popup(browser_context, site_server):
    pagina = open_page(browser_context, f"{site_server}/mapa/#sede-{COMPLETO}-1")
    popup = pagina.locator(".leaflet-popup-content")
    popup.wait_for()
    enlace = popup.locator("a")
    assert enlace.get_attribute("href") == f"/organizaciones/{COMPLETO}/"
    assert "Organización Norte" in enlace.inner_text()
    assert pagina.evaluate(
        "() => document.querySelector('#mapa .leaflet-marker-icon:not(.grupo-mapa)') !== null"
    )
    enlace.click()
    pagina.wait_for_url(f"{site_server}/organizaciones/{COMPLETO}/")
    assert pagina.errores == []


def test_filters_act_on_markers_and_list(browser_context, site_server, built_site):
    pagina = open_page(browser_context, site_server + "/mapa/")
    sedes = listed(built_site)
    pagina.select_option("#filtro-barrio", "centro")
    en_centro = [s["id"] for s in sedes if s["barrio"] == "centro"]
    assert en_centro
    pagina.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(en_centro)}'")
    visible_slugs = pagina.evaluate(
        "() => Array.from(document.querySelectorAll('#sedes li:not([hidden])'), li => li.id)"
    )
    assert sorted(visible_slugs) == sorted(en_centro)
    assert f"{len(en_centro)} sedes con los filtros elegidos" in pagina.inner_text("#mapa-estado")
    tipo = next(s["tipo"] for s in sedes if s["barrio"] == "centro")
    pagina.select_option("#filtro-tipo", tipo)
    both = [s["id"] for s in sedes if s["barrio"] == "centro" and s["tipo"] == tipo]
    pagina.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(both)}'")
    pagina.click("button[type=reset]")
    pagina.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(sedes)}'")


def test_skip_link_jumps_over_the_map_to_the_list(browser_context, site_server):
    pagina = open_page(browser_context, site_server + "/mapa/")
    pagina.locator("a.saltar-mapa").focus()
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.id") == "lista-sedes"


def test_near_me_on_the_map_sorts_by_distance(browser, site_server, built_site):
    sedes = listed(built_site)
    here = {"latitude": -26.8241, "longitude": -65.2226}
    context = browser.new_context(
        locale="es-AR", geolocation=here, permissions=["geolocation"], viewport={"width": 1280, "height": 900}
    )
    asked = route_tiles(context)
    outside = []
    context.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
    pagina = open_page(context, site_server + "/mapa/")
    pagina.click("#cercania-mapa [data-cercania-ubicacion]")
    pagina.wait_for_selector("#sedes .sedes-mapa__distancia")
    order = pagina.evaluate("() => Array.from(document.querySelectorAll('#sedes li'), li => li.id)")
    expected = sorted(sedes, key=lambda s: haversine(here["latitude"], here["longitude"], s["lat"], s["lon"]))
    assert order == [s["id"] for s in expected]
    assert "La más cercana" in pagina.inner_text("#cercania-mapa [data-cercania-estado]")
    # The position went nowhere: the only requests off this site are the (blank) tiles.
    assert set(outside) == set(asked)
    context.close()


def test_without_geolocation_the_barrio_centre_is_used(browser_context, site_server, built_site):
    pagina = open_page(browser_context, site_server + "/mapa/")
    pagina.select_option("#cercania-mapa-barrio", "centro")
    pagina.wait_for_selector("#sedes .sedes-mapa__distancia")
    first = pagina.evaluate("() => document.querySelector('#sedes li').id")
    assert next(s for s in listed(built_site) if s["id"] == first)["barrio"] == "centro"
    assert "el centro de Centro" in pagina.inner_text("#cercania-mapa [data-cercania-estado]")


def test_near_me_on_search_sorts_results_by_distance(browser, site_server, built_site):
    sedes = listed(built_site)
    here = {"latitude": -26.8105, "longitude": -65.2010}
    context = browser.new_context(locale="es-AR", geolocation=here, permissions=["geolocation"])
    pagina = open_page(context, site_server + "/buscar/")
    pagina.click("#cercania-buscar [data-cercania-ubicacion]")
    pagina.wait_for_selector("#resultados li")
    nearest: dict[str, float] = {}
    for s in sedes:
        slug = s["id"].removeprefix("sede-").rsplit("-", 1)[0]
        d = haversine(here["latitude"], here["longitude"], s["lat"], s["lon"])
        nearest[slug] = min(d, nearest.get(slug, d))
    hrefs = pagina.evaluate(
        "() => Array.from(document.querySelectorAll('#resultados li:not(.resultado--inactiva) h3 a'), a => a.getAttribute('href'))"
    )
    shown = [h.strip("/").split("/")[-1] for h in hrefs]
    located = [s for s in shown if s in nearest]
    assert located == sorted(nearest, key=nearest.get)[: len(located)]
    assert "a " in pagina.inner_text("#resultados li .resultado__datos")
    assert "distancia a tu ubicación" in pagina.inner_text("#cercania-buscar [data-cercania-estado]")
    assert pagina.errores == []
    context.close()


def test_without_javascript_the_list_is_the_page(browser, site_server, built_site):
    context = browser.new_context(locale="es-AR", java_script_enabled=False)
    pagina = context.new_page()
    pagina.goto(site_server + f"/mapa/#sede-{COMPLETO}-1")
    assert not pagina.locator("#mapa").is_visible()
    assert not pagina.locator("#cercania-mapa").is_visible()
    assert pagina.locator("#sedes li").count() == len(listed(built_site))
    assert pagina.locator(f"#sede-{COMPLETO}-1 a").is_visible()
    context.close()


@pytest.mark.parametrize("ancho", [360, 1280])
def test_axe_finds_no_violations_on_the_map(browser, site_server, ancho):
    from support.axe import axe_violations, describe

    # axe is injected by the test, not by the site: the site's CSP rightly refuses it.
    context = browser.new_context(locale="es-AR", bypass_csp=True, viewport={"width": ancho, "height": 900})
    route_tiles(context)
    pagina = open_page(context, f"{site_server}/mapa/#sede-{COMPLETO}-1")
    pagina.locator(".leaflet-popup-content").wait_for()
    pagina.locator("#mapa-herramientas > summary").evaluate("s => { s.parentElement.open = true }")
    pagina.select_option("#cercania-mapa-barrio", "centro")
    pagina.wait_for_selector("#sedes .sedes-mapa__distancia")
    violations = axe_violations(pagina)
    context.close()
    assert not violations, describe(violations)


def test_open_now_filter_and_popup_use_the_hours_on_tucumans_clock(browser, site_server, built_site):
    # A Wednesday at 3:00 in Tucumán (7:00 for a visitor in Madrid): only La Posada (every day
    # 20 to 8) is open among the sample sedes.
    context = browser.new_context(
        locale="es-AR", timezone_id="Europe/Madrid", viewport={"width": 1280, "height": 900}
    )
    route_tiles(context)
    pagina = context.new_page()
    pagina.clock.set_fixed_time("2026-12-02T03:00:00-03:00")
    pagina.goto(site_server + "/mapa/")
    pagina.wait_for_selector("#mapa[data-listo]")
    sedes = listed(built_site)
    open_now = [
        s["id"] for s in sedes if s["href"] == "/organizaciones/fundacion-la-posada/" and s["horario"]
    ]
    assert open_now and sum(1 for s in sedes if s["horario"]) > len(open_now)
    pagina.check("#filtro-abierto")
    pagina.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(open_now)}'")
    visible_slugs = pagina.evaluate(
        "() => Array.from(document.querySelectorAll('#sedes li:not([hidden])'), li => li.id)"
    )
    assert visible_slugs == open_now
    assert "abierta ahora" in pagina.inner_text("#mapa-estado")
    pagina.evaluate(f"() => {{ window.location.hash = '{open_now[0]}' }}")
    estado = pagina.locator(".leaflet-popup-content .horario__estado")
    estado.wait_for()
    assert estado.inner_text() == "Abierto ahora · cierra a las 8"
    pagina.uncheck("#filtro-abierto")
    pagina.wait_for_function(f"() => document.getElementById('mapa').dataset.sedes === '{len(sedes)}'")
    context.close()
