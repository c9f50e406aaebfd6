"""Facet pages list exactly the right profiles, computed here from the YAML, in Spanish order."""
from __future__ import annotations

import pytest

from expectativas import collation_key, facet_values, profiles
from cmosc.sitio.colaborar import LIMIT
from html_arbol import card_slugs, page

SEGMENTS = ("tipos", "areas", "barrios", "poblaciones", "necesidades", "ods")
PERFILES = profiles()


def expected(segment: str, value: str, activa: bool) -> list[str]:
    slugs = [s for s, p in PERFILES.items() if p["activa"] == activa and value in p["facets"][segment]]
    return sorted(slugs, key=lambda s: (collation_key(PERFILES[s]["nombre"]), s))


def listed(sitio, path: str) -> tuple[list[str], list[str]]:
    """(active card slugs over every page, inactive card slugs) of a listing."""
    doc = page(sitio, path)
    inactive_section = doc.find("section", clase="inactivas")
    inactive = card_slugs(inactive_section) if inactive_section else []
    active = [s for s in card_slugs(doc.find("main")) if s not in inactive]
    nav = doc.find("nav", clase="paginacion")
    if nav:
        for link in nav.find_all("a", rel="next"):
            more_active, more_inactive = listed(sitio, link.attrs["href"])
            return active + more_active, inactive + more_inactive
    return active, inactive


@pytest.mark.parametrize("segment", SEGMENTS)
def test_every_value_page_lists_exactly_its_organizations(sitio, segment):
    for value in facet_values(segment):
        want_active, want_inactive = expected(segment, value, True), expected(segment, value, False)
        path = f"/{segment}/{value}/"
        if not want_active and not want_inactive:
            assert not (sitio / segment / value).exists(), f"{path} no debería existir"
            continue
        got_active, got_inactive = listed(sitio, path)
        assert got_active == want_active, path
        assert got_inactive == want_inactive, path


@pytest.mark.parametrize("segment", SEGMENTS)
def test_parent_lists_every_value_with_its_active_count(sitio, segment):
    doc = page(sitio, f"/{segment}/")
    items = doc.find("main").find("ul", clase="valores").find_all("li")
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
            assert item.find("span", clase="cuenta").text() == f"{count} {word}"
    zero = [i for i in items if not i.find("a")]
    assert all("sin organizaciones" in i.text() for i in zero)
    assert len(zero) == sum(1 for v in facet_values(segment)
                            if not expected(segment, v, True) and not expected(segment, v, False))


def test_ods_parent_shows_values_without_organizations_as_text(sitio):
    used = {v for p in PERFILES.values() for v in p["facets"]["ods"]}
    assert len(used) < 17, "los datos de ejemplo deberían dejar algún ODS sin organizaciones"
    unused = sorted(set(facet_values("ods")) - used, key=int)[0]
    doc = page(sitio, "/ods/")
    item = [li for li in doc.find("ul", clase="valores").find_all("li") if li.text().startswith(f"ODS {unused}:")][0]
    assert item.find("a") is None


def test_directory_lists_active_organizations_in_spanish_order(sitio):
    active, inactive = listed(sitio, "/organizaciones/")
    want = sorted((s for s, p in PERFILES.items() if p["activa"]), key=lambda s: (collation_key(PERFILES[s]["nombre"]), s))
    assert active == want
    assert sorted(inactive) == sorted(s for s, p in PERFILES.items() if not p["activa"])
    assert inactive, "los datos de ejemplo incluyen organizaciones inactivas"


def test_cards_show_name_type_summary_barrio_areas_and_freshness(sitio):
    doc = page(sitio, "/tipos/fundacion/")
    card = doc.find("article", clase="tarjeta")
    slug = card_slugs(card)[0] if card.find(clase="tarjeta__titulo") else None
    assert slug and PERFILES[slug]["nombre"] in card.text()
    assert "Fundación" in card.find(clase="tarjeta__tipo").text()
    assert card.find(clase="tarjeta__frescura").text().startswith(("Verificada el", "Datos sin verificar"))
    assert card.find("ul", clase="etiquetas")


def test_colaborar_groups_active_organizations_by_need(sitio):
    doc = page(sitio, "/colaborar/")
    for value in facet_values("necesidades"):
        section = doc.find("section", **{"aria-labelledby": value})
        want = expected("necesidades", value, True)
        if not want:
            assert section is None
            continue
        names = [h.find("a").attrs["href"].rstrip("/").rsplit("/", 1)[-1] for h in section.find_all("h3")]
        assert names == want[:LIMIT], value
        assert section.find("a", href=f"/necesidades/{value}/")
