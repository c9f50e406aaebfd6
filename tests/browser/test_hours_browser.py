"""«Abierto ahora» in Chromium at fixed instants (Playwright's clock): profiles, listings and
search compute it in the browser on Tucumán's clock; axe finds nothing on the enhanced page."""

from __future__ import annotations

import pytest

from support.axe import axe_violations, describe

VILLA = "/organizaciones/centro-vecinal-villa-munecas/"  # martes y jueves 18–20; último sábado 10–19; enero cerrado
POSADA = "/organizaciones/fundacion-la-posada/"  # todos los días de 20 a 8


@pytest.fixture
def clock(browser):
    context = browser.new_context(locale="es-AR", bypass_csp=True, timezone_id="Europe/Madrid")
    yield context
    context.close()


def open_at(context, url: str, instant: str):
    page = context.new_page()
    page.clock.set_fixed_time(instant)
    page.goto(url)
    page.wait_for_selector("[data-horario-estado]:not([hidden])")
    return page


@pytest.mark.parametrize(
    "url, instant, expected, today",
    [
        (VILLA, "2026-12-01T18:30:00-03:00", "Abierto ahora · cierra a las 20", "Martes"),
        (VILLA, "2026-12-01T20:00:00-03:00", "Cerrado · abre el jueves a las 18", "Martes"),
        # The last Saturday of December 2026 is the 26th; the 19th is not.
        (VILLA, "2026-12-26T12:00:00-03:00", "Abierto ahora · cierra a las 19", "Sábado"),
        (VILLA, "2026-12-19T12:00:00-03:00", "Cerrado · abre el martes a las 18", "Sábado"),
        # January is closed: the next opening is in February.
        (VILLA, "2026-12-31T19:00:00-03:00", "Abierto ahora · cierra a las 20", "Jueves"),
        (VILLA, "2027-01-05T18:30:00-03:00", "Cerrado · abre el martes 2 de febrero a las 18", "Martes"),
        # Across midnight, with the visitor's own clock in another time zone.
        (POSADA, "2026-12-02T03:00:00-03:00", "Abierto ahora · cierra a las 8", "Miércoles"),
        (POSADA, "2026-12-02T23:59:00-03:00", "Abierto ahora · cierra mañana a las 8", "Miércoles"),
        (POSADA, "2026-12-02T10:00:00-03:00", "Cerrado · abre hoy a las 20", "Miércoles"),
    ],
)
def test_profile_says_whether_it_is_open_and_marks_today(clock, site_server, url, instant, expected, today):
    page = open_at(clock, site_server + url, instant)
    contact = page.locator(".perfil__contacto")
    assert contact.locator("[data-horario-estado]").inner_text() == expected
    block = contact.locator(".horario")
    assert block.locator("tr.hoy th").inner_text() == f"{today} (hoy)"
    assert block.locator("tr.hoy").count() == 1
    page.close()


def test_enhanced_profile_has_no_axe_violations(clock, site_server):
    for width in (360, 1280):
        page = open_at(clock, site_server + VILLA, "2026-12-01T18:30:00-03:00")
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        page.close()
        assert not violations, describe(violations)


def test_listing_filter_keeps_only_open_organizations(clock, site_server):
    page = open_at(clock, site_server + "/organizaciones/", "2026-12-02T03:00:00-03:00")
    control = page.locator("[data-filtro-abierto]")
    assert control.is_visible()
    total = page.locator(".tarjetas > li").count()
    control.locator("input").check()
    visible = page.locator(".tarjetas > li:not([hidden])")
    names = visible.locator(".tarjeta__titulo").all_inner_texts()
    assert any("La Posada" in n for n in names) and 0 < len(names) < total
    assert (
        page.locator("[data-filtro-resultado]").inner_text() == "1 organización abierta ahora en esta página."
    )
    assert "Abierto ahora" in visible.first.locator("[data-horario-estado]").inner_text()
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.close()


def test_search_filter_abierto_ahora_from_the_url(clock, site_server):
    page = clock.new_page()
    page.clock.set_fixed_time("2026-12-02T03:00:00-03:00")
    page.goto(site_server + "/buscar/?abierto=1")
    page.wait_for_function("() => document.getElementById('busqueda').hasAttribute('data-resultados')")
    assert page.locator("#f-abierto").is_checked()
    results = page.locator("#resultados > li")
    names = results.locator(".resultado__nombre").all_inner_texts()
    assert any("La Posada" in n for n in names)
    for text in results.locator(".resultado__horario").all_inner_texts():
        assert text.startswith("Abierto ahora")
    page.clock.set_fixed_time("2026-12-02T10:30:00-03:00")
    page.locator("#f-abierto").uncheck()
    page.locator("#f-abierto").check()
    names_later = page.locator("#resultados > li .resultado__nombre").all_inner_texts()
    assert not any("La Posada" in n for n in names_later)
    page.close()


def test_without_javascript_the_week_is_there_and_no_filter_is_offered(browser, site_server):
    context = browser.new_context(locale="es-AR", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + VILLA)
    assert page.locator(".semana tr").count() == 7
    assert not page.locator("[data-horario-estado]").first.is_visible()
    page.goto(site_server + "/organizaciones/")
    assert not page.locator("[data-filtro-abierto]").is_visible()
    context.close()
