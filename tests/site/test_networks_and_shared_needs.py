"""/redes/, /necesidades-compartidas/ and the trainings calendar, checked against the YAML."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from support.expectations import _fold, profiles
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


def test_shared_needs_are_the_needs_of_two_or_more_active_organizations(built_site):
    by_need: dict[str, set[str]] = {}
    for slug, info in profiles().items():
        if info["activa"]:
            for need in info["facets"]["necesidades"]:
                by_need.setdefault(need, set()).add(slug)
    shared = {need: orgs for need, orgs in by_need.items() if len(orgs) >= 2}
    doc = page(built_site, "necesidades-compartidas/")
    sections = {s.find("h2").attrs["id"].removeprefix("nc-"): s for s in doc.find_all("section")}
    assert set(sections) == set(shared)
    for need, orgs in shared.items():
        text = sections[need].find("p").text()
        assert text.startswith(f"{len(orgs)} organizaciones activas"), (need, text)
        # Every organization named under a barrio or an area does need it.
        assert _linked_slugs(sections[need]) <= orgs


def test_shared_needs_by_barrio_group_only_organizations_of_that_barrio(built_site):
    doc = page(built_site, "necesidades-compartidas/")
    data = profiles()
    for item in doc.find_all("li"):
        link = item.find("a")
        if not link or "/barrios/" not in link.attrs.get("href", ""):
            continue
        barrio = link.attrs["href"].strip("/").split("/")[-1]
        members = _linked_slugs(item)
        assert len(members) >= 2 and all(barrio in data[s]["facets"]["barrios"] for s in members), item.text()


def test_training_calendar_is_valid_icalendar(built_site):
    raw = (built_site / "capacitaciones" / "calendario.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode("utf-8").split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = re.sub(r"\r\n ", "", raw.decode("utf-8")).split("\r\n")
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-2] == "END:VCALENDAR"
    trainings = sorted(p.stem for p in (ROOT / "content" / "capacitaciones").glob("*.md"))
    uids = sorted(line.removeprefix("UID:").split("@")[0] for line in unfolded if line.startswith("UID:"))
    assert uids == trainings
    # 2026-12-03T18:00 in Tucumán (UTC−3) is 21:00 UTC.
    text = (ROOT / "content" / "capacitaciones" / "personeria-juridica-paso-a-paso.md").read_text(
        encoding="utf-8"
    )
    start = re.search(r"^Inicio: (\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)", text, re.M).groups()
    hour = int(start[3]) + 3
    assert f"DTSTART:{start[0]}{start[1]}{start[2]}T{hour:02d}{start[4]}00Z" in unfolded
    assert not any("<p>" in line for line in unfolded)
