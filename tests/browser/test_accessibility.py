"""axe-core (vendored, 4.14.1) in Chromium on every page type: any violation fails."""

from __future__ import annotations

import pytest

from support.axe import AXE, axe_violations, describe

PAGES = {
    "inicio": "/",
    "listado": "/organizaciones/",
    "perfil completo": "/organizaciones/organizacion-norte/",
    "perfil mínimo": "/organizaciones/apoyo-escolar-semillitas/",
    "perfil inactivo": "/organizaciones/merendero-rayito-de-sol/",
    "explorar": "/explorar/",
    "tipos": "/tipos/",
    "un tipo": "/tipos/fundacion/",
    "áreas": "/areas/",
    "un área": "/areas/educacion/",
    "barrios": "/barrios/",
    "un barrio": "/barrios/centro/",
    "barrio y tema": "/barrios/villa-lujan/alimentacion/",
    "poblaciones": "/poblaciones/",
    "una población": "/poblaciones/familias/",
    "necesidades": "/necesidades/",
    "una necesidad": "/necesidades/equipamiento/",
    "ods": "/ods/",
    "un ods": "/ods/4/",
    "colaborar": "/colaborar/",
    "colaborar por barrio": "/colaborar/barrio/centro/",
    "sumar": "/sumar/",
    "redes": "/redes/",
    "necesidades compartidas": "/necesidades-compartidas/",
    "capacitaciones": "/capacitaciones/",
    "una capacitación": "/capacitaciones/personeria-juridica-paso-a-paso/",
    "programas": "/programas/",
    "un programa": "/programas/equipar-osc/",
    "acerca": "/acerca/",
    "404": "/404.html",
    "sin conexión": "/sin-conexion.html",
}


@pytest.fixture(scope="module")
def browser_context(browser):
    # axe is injected by the test, not by the site: the site's CSP rightly refuses it.
    context = browser.new_context(locale="es-AR", bypass_csp=True)
    yield context
    context.close()


# Every page on a phone; the layouts that change most also on a desktop screen.
CASES = [(n, 360) for n in PAGES] + [
    (n, 1280)
    for n in (
        "inicio",
        "perfil completo",
        "perfil mínimo",
        "un barrio",
        "colaborar",
        "necesidades compartidas",
    )
]


@pytest.mark.parametrize("nombre,width", CASES)
def test_axe_finds_no_violations(browser_context, site_server, nombre, width):
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_server + PAGES[nombre])
    violations = axe_violations(page)
    page.close()
    assert not violations, describe(violations)


def test_axe_detects_a_violation(browser_context, site_server):
    """The harness itself can fail: an unlabelled input must be reported."""
    page = browser_context.new_page()
    page.goto(site_server + "/")
    page.evaluate("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['label']}})")
    page.close()
    assert [v["id"] for v in result["violations"]] == ["label"]


def test_skip_link_appears_on_focus_and_moves_to_main(browser_context, site_server):
    page = browser_context.new_page()
    page.goto(site_server + "/organizaciones/organizacion-norte/")
    skip_link = page.get_by_role("link", name="Saltar al contenido")
    assert skip_link.bounding_box()["x"] < 0, "oculto hasta recibir el foco"
    page.keyboard.press("Tab")
    assert skip_link.evaluate("e => e === document.activeElement")
    assert skip_link.bounding_box()["x"] >= 0
    outline = skip_link.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid", "el foco se ve"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "contenido"
    page.close()
