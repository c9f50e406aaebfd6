"""/buscar/ on a 360×800 phone, as a resident uses it: results first, one «Filtrar (n)»
control, removable chips, barrio and phone on every card, inactive organizations only when
asked for, and a short way from the query to the first result by keyboard."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from support.search_documents import document_rows

PHONE = {"width": 360, "height": 800}
READY = "() => document.getElementById('busqueda').hasAttribute('data-texto-cargado') && document.getElementById('busqueda').hasAttribute('data-resultados')"


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="es-AR", viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def open_search(page, server, query: str):
    page.goto(f"{server}/buscar/?{query}")
    page.wait_for_function(READY)


def result_slugs(page) -> list[str]:
    return [
        a.get_attribute("href").rstrip("/").rsplit("/", 1)[1]
        for a in page.query_selector_all("#resultados .resultado__nombre a")
    ]


def test_first_result_is_on_the_first_screen(phone, site_server):
    open_search(phone, site_server, "q=comedor")
    box = phone.locator("#resultados li").first.bounding_box()
    # Its name and its call button are within the 800 px without scrolling.
    call = (
        phone.locator("#resultados li")
        .first.locator(".resultado__llamar, .resultado__nombre")
        .last.bounding_box()
    )
    assert phone.evaluate("() => window.scrollY") == 0
    assert box["y"] > 0 and call["y"] + call["height"] <= PHONE["height"], (box, call)
    assert not phone.eval_on_selector("#filtros", "d => d.open")  # filters stay folded on a phone
    assert phone.inner_text("#filtros > summary") == "Filtrar (0)"


def test_three_tabs_from_the_query_to_the_first_result(phone, site_server):
    phone.goto(f"{site_server}/buscar/")
    phone.click("#q")
    phone.keyboard.type("comedor", delay=20)
    # The results of the whole word, not of a prefix shown while typing on a busy machine.
    phone.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'comedor'")
    phone.wait_for_function(READY)
    phone.wait_for_function("() => document.querySelectorAll('#resultados li').length > 0")
    first = phone.eval_on_selector("#resultados .resultado__nombre a", "a => a.href")
    tabs = 0
    while phone.evaluate("() => document.activeElement.href || ''") != first:
        phone.keyboard.press("Tab")
        tabs += 1
        if tabs > 3:
            pytest.fail("más de 3 Tab desde la búsqueda hasta el primer resultado")
    assert 1 <= tabs <= 3


def test_enter_and_skip_link_take_the_keyboard_to_the_results(phone, site_server):
    open_search(phone, site_server, "q=comedor")
    first = phone.eval_on_selector("#resultados .resultado__nombre a", "a => a.href")
    phone.focus("#q")
    phone.keyboard.press("Enter")
    assert phone.evaluate("() => document.activeElement.href") == first
    phone.focus("#saltar-resultados")
    assert phone.is_visible("#saltar-resultados")  # shown when focused
    assert phone.inner_text("#saltar-resultados") == "Saltar a los resultados"
    phone.keyboard.press("Enter")
    assert phone.evaluate("() => document.activeElement.href") == first


def test_cards_show_barrio_and_a_call_button(phone, site_server):
    open_search(phone, site_server, "q=girasoles")
    card = phone.locator("#resultados li").first
    assert "Villa Luján" in card.locator(".resultado__datos").inner_text()
    call = card.locator("a.resultado__llamar")
    assert call.get_attribute("href") == "tel:+543814213456"
    assert call.inner_text() == "Llamar al 0381 421-3456"
    assert call.bounding_box()["height"] >= 44
    open_search(phone, site_server, "q=manos+unidas")  # a mobile, typed «0381 15 530-4411»
    call = phone.locator("#resultados li").first.locator("a.resultado__llamar")
    assert call.get_attribute("href") == "tel:+5493815304411"
    assert call.inner_text() == "Llamar al +54 9 381 530-4411"


def test_chosen_filters_are_chips_that_remove_themselves(phone, site_server):
    open_search(phone, site_server, "q=comedor&barrio=villa-lujan")
    assert result_slugs(phone) == ["merendero-los-girasoles"]
    assert phone.inner_text("#filtros > summary") == "Filtrar (1)"
    chip = phone.locator("#chips button")
    assert chip.count() == 1 and chip.inner_text().startswith("Villa Luján")
    assert chip.get_attribute("aria-label") == "Quitar el filtro Villa Luján"
    assert chip.bounding_box()["height"] >= 44
    chip.click()
    phone.wait_for_function("() => !location.search.includes('barrio=')")
    assert phone.is_hidden("#chips") and phone.inner_text("#filtros > summary") == "Filtrar (0)"
    assert len(result_slugs(phone)) > 1
    assert phone.evaluate("() => document.activeElement.tagName") == "SUMMARY"


def test_inactive_organizations_only_when_asked(phone, site_server):
    open_search(phone, site_server, "q=rayito")
    assert result_slugs(phone) == []
    assert "1 que ya no funciona" in phone.inner_text("#estado")
    assert phone.text_content("#inactivas-cantidad") == "(1)"
    phone.click("#filtros > summary")
    phone.check("#f-inactivas")
    phone.wait_for_function("() => location.search.includes('inactivas=1')")
    assert result_slugs(phone) == ["merendero-rayito-de-sol"]
    card = phone.locator("#resultados li").first
    assert "Ya no funciona" in card.inner_text() and card.locator("a.resultado__llamar").count() == 0
    assert parse_qs(urlsplit(phone.url).query) == {"q": ["rayito"], "inactivas": ["1"]}


def test_facet_counts_leave_inactive_organizations_out(phone, site_server, built_site):
    """Counts with no query, in the page as built and after the script recounts."""
    import json

    documents = json.loads((built_site / "buscar/documentos-0.json").read_text(encoding="utf-8"))
    food = [v for v, _ in documents["facetas"]["area"]].index("alimentacion")
    rows = [d for d in document_rows(documents) if food in d.get("area", [])]
    active = [d for d in rows if not d.get("inactiva")]
    assert len(active) < len(rows)  # the sample has an inactive food organization
    html = (built_site / "buscar/index.html").read_text(encoding="utf-8")
    assert f'for="f-area-alimentacion">Alimentación <span class="faceta__cantidad">({len(active)})' in html
    open_search(phone, site_server, "area=alimentacion")
    assert phone.inner_text("#estado").startswith(f"{len(active)} organizaciones")
    assert sorted(result_slugs(phone)) == sorted(d["slug"] for d in active)


def test_filters_open_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{site_server}/buscar/")
        assert page.is_hidden("[data-faceta='barrio']")
        page.click("#filtros > summary")
        assert page.is_visible("[data-faceta='barrio'] > summary")
        assert page.is_visible(".busqueda__aplicar")
    finally:
        context.close()


def test_a_refresh_of_the_results_keeps_the_keyboard_where_it_was(phone, site_server):
    open_search(phone, site_server, "q=comedor")
    second = phone.locator("#resultados .resultado__nombre a").nth(1)
    second.focus()
    href = second.get_attribute("href")
    # What the page does when the distance origin changes or more data arrives.
    phone.evaluate("() => document.getElementById('busqueda').dispatchEvent(new Event('cmosc:cercania'))")
    assert phone.evaluate("() => document.activeElement.getAttribute('href')") == href
    assert phone.evaluate("() => document.getElementById('resultados').contains(document.activeElement)")
