"""Narrowing without JavaScript: barrio × topic listings, only where organizations are."""

from __future__ import annotations

from support.expectations import profiles, vocabulary
from support.html_tree import page


def expected_combinations() -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for slug, p in profiles().items():
        if p["activa"]:
            for barrio in p["facets"]["barrios"]:
                for area in p["facets"]["areas"]:
                    found.setdefault((barrio, area), set()).add(slug)
    return found


def card_links(doc) -> set[str]:
    return {
        a.attrs["href"]
        for a in doc.find("ul", class_="tarjetas").find_all("a")
        if "/organizaciones/" in a.attrs["href"]
    }


def test_only_non_empty_combinations_are_built_and_list_their_organizations(built_site):
    expected = expected_combinations()
    built = {
        (path.parent.parent.name, path.parent.name)
        for path in built_site.glob("barrios/*/*/index.html")
        if path.parent.name != "pagina"
    }
    assert built == set(expected)
    for (barrio, area), slugs in expected.items():
        doc = page(built_site, f"/barrios/{barrio}/{area}/")
        assert doc.find("h1").text() == f"{vocabulary('areas')[area]} en {vocabulary('barrios')[barrio]}"
        assert card_links(doc) == {f"/organizaciones/{s}/" for s in slugs}


def test_barrio_lists_its_topics_and_topic_its_barrios(built_site):
    expected = expected_combinations()
    doc = page(built_site, "/barrios/villa-lujan/")
    links = [a.attrs["href"] for a in doc.find("nav", class_="acotar").find_all("a")]
    assert set(links) == {f"/barrios/villa-lujan/{a}/" for b, a in expected if b == "villa-lujan"}
    doc = page(built_site, "/areas/alimentacion/")
    links = [a.attrs["href"] for a in doc.find("nav", class_="acotar").find_all("a")]
    assert set(links) == {f"/barrios/{b}/alimentacion/" for b, a in expected if a == "alimentacion"}


def test_children_are_one_entry_whether_topic_or_population(built_site):
    by_topic = card_links(page(built_site, "/areas/ninez/"))
    by_population = card_links(page(built_site, "/poblaciones/ninas-y-ninos/"))
    assert by_population <= by_topic  # the topic gathers everyone serving children
    doc = page(built_site, "/poblaciones/ninas-y-ninos/")
    assert "/areas/ninez/" in [a.attrs["href"] for a in doc.find("p", class_="alerta-suave").find_all("a")]


def test_the_directory_can_be_narrowed_without_javascript(built_site):
    doc = page(built_site, "/organizaciones/")
    box = doc.find("div", class_="acotar")
    links = [a.attrs["href"] for a in box.find_all("a")]
    assert "/barrios/villa-lujan/" in links and "/areas/alimentacion/" in links
