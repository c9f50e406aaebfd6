"""/redes/, /necesidades-compartidas/ and the trainings calendar, checked against the YAML."""

from __future__ import annotations

from pathlib import Path

import yaml

from support.expectations import _fold, profiles, vocabulary
from support.html_tree import page

ROOT = Path(__file__).resolve().parents[2]


def _raw(slug: str) -> dict:
    return yaml.load(
        (ROOT / "organizaciones" / f"{slug}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )


def _linked_slugs(node) -> set[str]:
    return {
        a.attrs["href"].strip("/").split("/")[-1]
        for a in node.find_all("a")
        if "/organizaciones/" in a.attrs.get("href", "")
    }


def test_every_network_lists_exactly_its_active_members(built_site):
    expected: dict[str, set[str]] = {}
    for slug, info in profiles().items():
        if info["activa"]:
            for name in _raw(slug).get("redes", []):
                expected.setdefault(_fold(name), set()).add(slug)
    assert expected, "the sample data must have networks"
    doc = page(built_site, "redes/")
    sections = {s.find("h2").attrs["id"].removeprefix("red-"): s for s in doc.find_all("section")}
    assert set(sections) == set(expected)
    for key, members in expected.items():
        assert _linked_slugs(sections[key]) == members, key


def test_shared_needs_are_a_need_by_barrio_table(built_site):
    data = {slug: p for slug, p in profiles().items() if p["activa"]}
    by_need: dict[str, set[str]] = {}
    for slug, info in data.items():
        for need in info["facets"]["necesidades"]:
            by_need.setdefault(need, set()).add(slug)
    shared = {need for need, orgs in by_need.items() if len(orgs) >= 2}
    doc = page(built_site, "necesidades-compartidas/")
    city = doc.find("section", **{"aria-labelledby": "en-la-ciudad"})
    assert {a.attrs["href"].strip("/").split("/")[-1] for a in city.find_all("a")} == shared
    table = doc.find("div", **{"aria-labelledby": "por-barrio"}).find("table")
    columns = [th.text() for th in table.find("thead").find_all("th")][1:]
    labels = {v: k for k, v in vocabulary("necesidades").items()}
    needs = [labels[c] for c in columns]
    assert set(needs) == shared
    for row in table.find("tbody").find_all("tr"):
        link = row.find("th").find("a").attrs["href"]
        assert link.startswith("/colaborar/barrio/")
        barrio = link.strip("/").split("/")[-1]
        for need, cell in zip(needs, row.find_all("td")):
            want = sum(
                1
                for p in data.values()
                if need in p["facets"]["necesidades"] and barrio in p["facets"]["barrios"]
            )
            assert cell.text() == (str(want) if want else "·ninguna"), (barrio, need)
