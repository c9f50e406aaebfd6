"""The header's navigation: on a phone one row («Menú», a <details> that opens without
JavaScript, and «Buscar»); on a desktop every link in a row. Keyboard, 44 px, axe."""

from __future__ import annotations

from support.axe import axe_violations, describe

TAP = 44  # px, the smallest comfortable tap target
SECTIONS = ("Organizaciones", "Explorar", "Mapa", "Colaborar", "Capacitaciones", "Programas", "Acerca")


def _page(browser, width: int, javascript: bool = False):
    # Without JavaScript by default: the menu must not need it. axe (JavaScript) is
    # injected by the test, so that context bypasses the CSP.
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=javascript, bypass_csp=True
    )
    return context, context.new_page()


def test_phone_header_is_one_row_and_the_menu_opens_by_keyboard(browser, site_server):
    context, page = _page(browser, 360)
    try:
        page.goto(site_server + "/organizaciones/")
        nav = page.get_by_role("navigation", name="Principal")
        menu = nav.locator("summary")
        search = nav.get_by_role("link", name="Buscar", exact=True)
        first, second = menu.bounding_box(), search.bounding_box()
        assert abs(first["y"] - second["y"]) < 1, "«Menú» y «Buscar» en una sola fila"
        assert min(first["height"], second["height"]) >= TAP
        assert nav.bounding_box()["height"] < 2 * TAP, "la navegación cerrada ocupa una fila"
        assert not nav.get_by_role("link", name="Explorar").is_visible()

        menu.focus()
        page.keyboard.press("Enter")
        assert nav.locator("details").evaluate("d => d.open")
        for name in SECTIONS:
            link = nav.get_by_role("link", name=name, exact=True)
            assert link.is_visible() and link.bounding_box()["height"] >= TAP, name
        assert nav.get_by_role("link", name="Organizaciones").get_attribute("aria-current") == "page"
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent.trim()") == "Organizaciones"
    finally:
        context.close()


def test_open_phone_menu_has_no_axe_violations(browser, site_server):
    context, page = _page(browser, 360, javascript=True)
    try:
        page.goto(site_server + "/organizaciones/")
        page.get_by_role("navigation", name="Principal").locator("summary").click()
        violations = axe_violations(page)
        assert not violations, describe(violations)
    finally:
        context.close()


def test_desktop_header_shows_every_link_without_the_menu_button(browser, site_server):
    context, page = _page(browser, 1280)
    try:
        page.goto(site_server + "/organizaciones/")
        nav = page.get_by_role("navigation", name="Principal")
        assert not nav.locator("summary").is_visible()
        boxes = [nav.get_by_role("link", name=name, exact=True).bounding_box() for name in SECTIONS]
        assert len({round(b["y"]) for b in boxes}) == 1, "todos los enlaces en una fila"
        assert min(b["height"] for b in boxes) >= TAP
        assert not nav.get_by_role("link", name="Buscar", exact=True).is_visible()  # the header form instead
        page.keyboard.press("Tab")  # «Saltar al contenido»
        page.keyboard.press("Tab")  # the brand
        page.keyboard.press("Tab")  # the search box
        page.keyboard.press("Tab")  # its button
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent.trim()") == "Organizaciones"
    finally:
        context.close()
