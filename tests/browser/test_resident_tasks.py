"""The resident's task, measured on a 360×800 phone: find a comedor or merendero in a barrio
and reach its phone and opening hours, counting taps and scrolls from the home page."""

from __future__ import annotations

import pytest

WIDTH, HEIGHT = 360, 800
BARRIO, TOPIC = "Villa Luján", "Alimentación"


class Visit:
    """A visitor on a phone: every tap and every scroll is counted."""

    def __init__(self, page):
        self.page, self.taps, self.scrolls = page, 0, 0

    def reach(self, locator):
        """Bring an element on screen, counting a scroll only when it was not there already."""
        box = locator.bounding_box()
        if box is None or box["y"] < 0 or box["y"] + box["height"] > HEIGHT:
            locator.scroll_into_view_if_needed()
            self.scrolls += 1
        box = locator.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT + 1, "fuera de la pantalla"  # subpixel
        return locator

    def tap(self, locator):
        self.reach(locator).click()
        self.page.wait_for_load_state()
        self.taps += 1


def find_food_and_phone(page, base_url) -> Visit:
    visit = Visit(page)
    page.goto(base_url + "/")
    visit.tap(page.locator("#por-barrio + ul").get_by_role("link", name=BARRIO))
    visit.tap(page.locator("nav.acotar").get_by_role("link", name=TOPIC))
    card = page.locator("article.tarjeta").filter(has_text="Merendero").first
    visit.reach(card.locator("a[href^='tel:']"))
    visit.reach(card.locator(".tarjeta__horario"))
    assert card.locator(".tarjeta__horario").inner_text().startswith("Horarios: Lunes a viernes")
    return visit


@pytest.mark.parametrize("javascript", [True, False], ids=["con-js", "sin-js"])
def test_food_in_my_barrio_phone_and_hours_in_few_taps(browser, site_server, javascript):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": HEIGHT}, locale="es-AR", java_script_enabled=javascript
    )
    try:
        visit = find_food_and_phone(context.new_page(), site_server)
    finally:
        context.close()
    assert visit.taps <= (3 if javascript else 4), visit.taps
    assert visit.scrolls <= 1, visit.scrolls


def test_profile_contact_is_on_the_first_screen_and_buttons_are_big(browser, site_server):
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="es-AR")
    try:
        page = context.new_page()
        page.goto(site_server + "/organizaciones/merendero-los-girasoles/")
        heading = page.get_by_role("heading", name="Contacto y horarios").bounding_box()
        assert heading["y"] + heading["height"] <= HEIGHT
        for button in page.locator("a.accion, button.accion").all():
            if button.is_visible():
                assert button.bounding_box()["height"] >= 44, button.inner_text()
    finally:
        context.close()
