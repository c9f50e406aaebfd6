"""/mapa/ as built: every active sede with coordinates, the others listed apart, barrio
centres, the search's location file, and map code on the map page only."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from support.expectations import _resolver, profiles, vocabulary
from support.html_tree import page
from support.map_data import markers

ROOT = Path(__file__).resolve().parents[2]


def sedes() -> list[dict]:
    """Every sede of an active organization, read straight from the YAML."""
    barrios = _resolver("barrios")
    result = []
    for slug, info in profiles().items():
        if not info["activa"]:
            continue
        data = yaml.load((ROOT / "organizaciones" / f"{slug}.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
        for number, sede in enumerate(data.get("sedes", []), start=1):
            ubicacion = sede.get("ubicacion") or {}
            result.append(
                {
                    "ancla": f"sede-{slug}-{number}",
                    "slug": slug,
                    "lat": float(ubicacion["lat"]) if ubicacion else None,
                    "lon": float(ubicacion["lon"]) if ubicacion else None,
                    "barrio": barrios(sede["barrio"]) if sede.get("barrio") else "",
                }
            )
    return result


def test_every_active_located_sede_is_listed_with_its_data(built_site):
    doc = page(built_site, "mapa/")
    items = {m["id"]: m for m in markers(built_site)}
    expected = [s for s in sedes() if s["lat"] is not None]
    assert len(expected) >= 20, "the sample data must put most sedes on the map"
    assert set(items) == {s["ancla"] for s in expected}
    for s in expected:
        m = items[s["ancla"]]
        # Markers are rounded to MARKER_DECIMALS (4: about 10 m).
        assert abs(m["lat"] - s["lat"]) <= 0.00005 and abs(m["lon"] - s["lon"]) <= 0.00005, m
        assert m["barrio"] == s["barrio"]
        assert m["href"] == f"/organizaciones/{s['slug']}/"
    # The list items carry no data of their own: the file is fetched by map.js only.
    assert not any(
        k.startswith("data-") for li in doc.find("ol", id="sedes").find_all("li") for k in li.attrs
    )
    inactive = {slug for slug, info in profiles().items() if not info["activa"]}
    assert not any(
        a.attrs["href"].strip("/").split("/")[-1] in inactive for a in doc.find("main").find_all("a")
    )


def test_sedes_without_coordinates_are_listed_under_the_map(built_site):
    doc = page(built_site, "mapa/")
    unlocated = [s for s in sedes() if s["lat"] is None]
    assert unlocated, "the sample data must have a sede without coordinates"
    section = next(s for s in doc.find_all("section") if s.find("h2", id="sin-ubicacion"))
    linked = [a.attrs["href"] for a in section.find_all("a")]
    assert sorted(linked) == sorted(f"/organizaciones/{s['slug']}/" for s in unlocated)


def test_filters_offer_the_values_the_located_sedes_have(built_site):
    doc = page(built_site, "mapa/")
    barrio_select = doc.find("select", id="filtro-barrio")
    offered = {o.attrs["value"] for o in barrio_select.find_all("option") if o.attrs["value"]}
    assert offered == {s["barrio"] for s in sedes() if s["lat"] is not None and s["barrio"]}
    names = vocabulary("barrios")
    centre = barrio_select.find("option", value="centro")
    count = sum(1 for s in sedes() if s["lat"] is not None and s["barrio"] == "centro")
    assert centre.text() == f"{names['centro']} ({count})"
    assert doc.find("select", id="filtro-tipo") and doc.find("select", id="filtro-area")


def test_barrio_centres_are_the_mean_of_their_sedes(built_site):
    for path in ("mapa/", "buscar/"):
        doc = page(built_site, path)
        select = next(s for s in doc.find_all("select") if "data-cercania-barrio" in s.attrs)
        options = {o.attrs["value"]: o for o in select.find_all("option") if o.attrs["value"]}
        located = [s for s in sedes() if s["lat"] is not None and s["barrio"]]
        assert set(options) == {s["barrio"] for s in located}
        for barrio, option in options.items():
            mine = [s for s in located if s["barrio"] == barrio]
            assert abs(float(option.attrs["data-lat"]) - sum(s["lat"] for s in mine) / len(mine)) < 1e-5
            assert abs(float(option.attrs["data-lon"]) - sum(s["lon"] for s in mine) / len(mine)) < 1e-5


def test_search_location_file_has_every_located_sede(built_site):
    data = json.loads((built_site / "buscar" / "ubicaciones.json").read_text("utf-8"))
    expected: dict[str, list] = {}
    for s in sedes():
        if s["lat"] is not None:
            expected.setdefault(s["slug"], []).append([s["lat"], s["lon"]])
    assert data == expected


def test_only_the_map_page_loads_map_code_and_allows_tiles(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text("utf-8")
        is_map = html.relative_to(built_site).as_posix() == "mapa/index.html"
        assert ("leaflet" in text) == is_map, html
        assert ("https://tile.openstreetmap.org" in text) == is_map, html
    head = (built_site / "mapa" / "index.html").read_text("utf-8").split("</head>")[0]
    assert "img-src 'self' https://tile.openstreetmap.org;" in head
