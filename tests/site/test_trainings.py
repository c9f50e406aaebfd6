"""Trainings and calls in the built site: one VEVENT per session with Tucumán's TZID and
VTIMEZONE (read back by `icalendar`), a per-training «Agregar al calendario» file, and Atom
feeds of trainings and open calls (read by `feedparser`)."""

from __future__ import annotations

import re

import feedparser
import yaml
from conftest import ROOT
from icalendar import Calendar

from support.html_tree import page

ZONE = "America/Argentina/Tucuman"
COURSE = "gestion-de-proyectos-sociales"  # Sesiones: 15, 22 y 29 de septiembre, 18 a 20


def read_ics(path) -> Calendar:
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    return Calendar.from_ical(raw)


def test_calendar_has_one_event_per_session_in_tucuman_time(built_site):
    cal = read_ics(built_site / "capacitaciones" / "calendario.ics")
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == ZONE
    events = cal.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)) == 9  # 3 + 3 sessions and three one-session trainings
    mine = [e for e in events if str(e["UID"]).startswith(COURSE)]
    assert [(e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat()) for e in mine] == [
        ("2026-09-15T18:00:00-03:00", "2026-09-15T20:00:00-03:00"),
        ("2026-09-22T18:00:00-03:00", "2026-09-22T20:00:00-03:00"),
        ("2026-09-29T18:00:00-03:00", "2026-09-29T20:00:00-03:00"),
    ]
    for event in events:
        assert event["DTSTART"].params["TZID"] == ZONE and event["DTEND"].params["TZID"] == ZONE
    assert str(mine[0]["SUMMARY"]) == "Gestión de proyectos sociales (encuentro 1 de 3)"
    assert (
        str(mine[0]["LOCATION"]) == "Salón de capacitaciones del CMOSC, 25 de Mayo 550, San Miguel de Tucumán"
    )
    # DTSTAMP is the publication date, never the build time.
    assert {e.decoded("DTSTAMP").isoformat() for e in mine} == {"2026-08-20T00:00:00+00:00"}


def test_each_training_has_its_own_calendar_file_linked_from_its_page(built_site):
    cal = read_ics(built_site / "capacitaciones" / COURSE / "calendario.ics")
    assert len(cal.walk("VEVENT")) == 3 and len(cal.walk("VTIMEZONE")) == 1
    doc = page(built_site, f"/capacitaciones/{COURSE}/")
    links = [a for a in doc.find_all("a") if a.attrs.get("href", "").endswith(f"/{COURSE}/calendario.ics")]
    assert len(links) == 1 and links[0].text().startswith("Agregar al calendario")
    sessions = [li.text() for li in doc.find("ol", class_="sesiones").find_all("li")]
    assert sessions == [
        "martes 15 de septiembre de 2026, 18:00 h a 20:00 h",
        "martes 22 de septiembre de 2026, 18:00 h a 20:00 h",
        "martes 29 de septiembre de 2026, 18:00 h a 20:00 h",
    ]
    assert "25 de Mayo 550" in doc.find("dl", class_="ficha").text()


def test_training_feed_is_valid_atom(built_site):
    feed = feedparser.parse((built_site / "capacitaciones" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10" and feed.feed.title == "Capacitaciones del CMOSC"
    assert len(feed.entries) == 5
    dates = [e.published_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert all(e.link.endswith("/") and "/capacitaciones/" in e.link for e in feed.entries)


def test_calls_feed_lists_only_open_calls(built_site):
    feed = feedparser.parse((built_site / "programas" / "convocatorias.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    assert titles and all(
        re.search(r"Convocatoria abierta hasta el \d{4}-\d\d-\d\d", e.summary) for e in feed.entries
    )
    listing = page(built_site, "/programas/")
    open_section = [h for h in listing.find_all("h2") if h.text() == "Con convocatoria abierta"]
    assert open_section, "la página de programas muestra las convocatorias abiertas"
    assert any(
        a.attrs.get("href", "").endswith("/programas/convocatorias.atom.xml") for a in listing.find_all("a")
    )


def test_a_program_page_lists_the_active_organizations_that_take_part(built_site):
    program = "mesas-comunitarias-alimentarias"
    profiles = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "organizaciones").glob("*.yml")
    ]
    taking_part = {
        d["nombre"]
        for d in profiles
        if program in (d.get("programas") or []) and d.get("estado", "activa") == "activa"
    }
    assert len(taking_part) >= 2, "the sample data has organizations in the program"
    listed = [
        a.text() for a in page(built_site, f"/programas/{program}/").find_all("a") if a.parent.tag == "h3"
    ]
    assert sorted(listed) == sorted(taking_part) and len(listed) == len(set(listed))
