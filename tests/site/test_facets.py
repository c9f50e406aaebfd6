"""Facet pages list exactly the right profiles, computed here from the YAML, in Spanish order."""

from __future__ import annotations

import pytest

from support.expectations import collation_key, facet_values, profiles
from support.html_tree import card_slugs, page
from support.listings import PROFILES, expected, listed

SEGMENTS = ("tipos", "areas", "barrios", "poblaciones", "necesidades", "ods")


@pytest.mark.parametrize("segment", SEGMENTS)
def test_every_value_page_lists_exactly_its_organizations(built_site, segment):
    for value in facet_values(segment):
        want_active, want_inactive = expected(segment, value, True), expected(segment, value, False)
        path = f"/{segment}/{value}/"
        if not want_active and not want_inactive:
            assert not (built_site / segment / value).exists(), f"{path} no debería existir"
            continue
        got_active, got_inactive = listed(built_site, path)
        assert got_active == want_active, path
        assert got_inactive == want_inactive, path


@pytest.mark.parametrize("segment", SEGMENTS)
def test_parent_lists_every_value_with_its_active_count(built_site, segment):
    doc = page(built_site, f"/{segment}/")
    items = doc.find("main").find("ul", class_="valores").find_all("li")
    assert len(items) == len(facet_values(segment))
    by_value = {}
    for item in items:
        link = item.find("a")
        key = link.attrs["href"].rstrip("/").rsplit("/", 1)[-1] if link else None
        by_value[key or item.text()] = item
    for value in facet_values(segment):
        count = len(expected(segment, value, True))
        has_page = count or expected(segment, value, False)
        if has_page:
            item = by_value[value]
            word = "organización" if count == 1 else "organizaciones"
            assert item.find("span", class_="cuenta").text() == f"{count} {word}"
    zero = [i for i in items if not i.find("a")]
    assert all("sin organizaciones" in i.text() for i in zero)
    assert len(zero) == sum(
        1 for v in facet_values(segment) if not expected(segment, v, True) and not expected(segment, v, False)
    )


def test_ods_parent_shows_values_without_organizations_as_text(built_site):
    used = {v for p in PROFILES.values() for v in p["facets"]["ods"]}
    assert len(used) < 17, "los datos de ejemplo deberían dejar algún ODS sin organizaciones"
    unused = sorted(set(facet_values("ods")) - used, key=int)[0]
    doc = page(built_site, "/ods/")
    item = [
        li for li in doc.find("ul", class_="valores").find_all("li") if li.text().startswith(f"ODS {unused}:")
    ][0]
    assert item.find("a") is None


def test_directory_lists_active_organizations_in_spanish_order(built_site):
    active, inactive = listed(built_site, "/organizaciones/")
    want = sorted(
        (s for s, p in PROFILES.items() if p["activa"]),
        key=lambda s: (collation_key(PROFILES[s]["nombre"]), s),
    )
    assert active == want
    assert sorted(inactive) == sorted(s for s, p in PROFILES.items() if not p["activa"])
    assert inactive, "los datos de ejemplo incluyen organizaciones inactivas"


def test_cards_show_name_type_summary_barrio_areas_hours_phone_and_staleness(built_site):
    doc = page(built_site, "/tipos/fundacion/")
    card = doc.find("article", class_="tarjeta")
    slug = card_slugs(card)[0] if card.find(class_="tarjeta__titulo") else None
    assert slug and PROFILES[slug]["nombre"] in card.text()
    assert "Fundación" in card.find(class_="tarjeta__tipo").text()
    assert card.find("ul", class_="etiquetas")
    cards = {
        card_slugs(c)[0]: c
        for c in page(built_site, "/barrios/villa-lujan/").find_all("article", class_="tarjeta")
    }
    girasoles = cards["merendero-los-girasoles"]
    assert girasoles.find(class_="tarjeta__horario").text() == "Horarios: Lunes a viernes de 15 a 18:30"
    assert girasoles.find("a", class_="accion").attrs["href"] == "tel:+543814213456"
    assert girasoles.find(class_="tarjeta__frescura") is None  # verified recently: nothing to warn
    stale = {
        card_slugs(c)[0]: c
        for c in page(built_site, "/barrios/marcos-paz/").find_all("article", class_="tarjeta")
    }
    warning = stale["centro-vecinal-marcos-paz"].find(class_="tarjeta__frescura").text()
    assert warning.startswith("Puede estar desactualizada (verificada el")


def test_colaborar_has_one_card_per_organization_and_static_filters(built_site):
    data = profiles()
    with_needs = [slug for slug, p in data.items() if p["activa"] and p["facets"]["necesidades"]]

    def cards(path):
        doc = page(built_site, path)
        return [card_slugs(c)[0] for c in doc.find_all("li", class_="pedido")], doc

    slugs, doc = cards("/colaborar/")
    assert sorted(slugs) == sorted(with_needs) and len(slugs) == len(set(slugs))
    girasoles = next(
        c for c in doc.find_all("li", class_="pedido") if card_slugs(c)[0] == "merendero-los-girasoles"
    )
    assert len(girasoles.find("ul", class_="necesita").find_all("li")) == 3  # all its needs, one card
    assert "(desde el 10 de marzo de 2025: hace más de un año" in girasoles.text()
    assert "contacto@<wbr>" in str((built_site / "colaborar" / "index.html").read_text(encoding="utf-8")), (
        "long e-mails wrap after @ and dots"
    )
    # Every filter link is a static page listing exactly the matching organizations.
    for segment, facet in (("necesidad", "necesidades"), ("barrio", "barrios"), ("tema", "areas")):
        values = {v for slug in with_needs for v in data[slug]["facets"][facet]}
        built = {p.parent.name for p in (built_site / "colaborar" / segment).glob("*/index.html")}
        assert built == values, segment
        for value in values:
            want = {slug for slug in with_needs if value in data[slug]["facets"][facet]}
            assert set(cards(f"/colaborar/{segment}/{value}/")[0]) == want, (segment, value)
