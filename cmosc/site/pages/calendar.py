"""Trainings as iCalendar (RFC 5545), written with the `icalendar` library.

`/capacitaciones/calendario.ics` has every session of every training; each training also
has its own «Agregar al calendario» file, `/capacitaciones/<slug>/calendario.ics`. A
training with several sessions (`Sesiones:`) is one VEVENT per session. Times carry
`TZID=America/Argentina/Tucuman` with its VTIMEZONE. Deterministic: DTSTAMP is the
training's publication date, never the build time.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from cmosc.site.context import FileSpec, Site
from cmosc.site.filters import sessions

ZONE = "America/Argentina/Tucuman"
TUCUMAN = ZoneInfo(ZONE)
SAVE_AS = "capacitaciones/calendario.ics"
PRODID = "-//CMOSC San Miguel de Tucumán//Directorio//ES"
UTC = ZoneInfo("UTC")


def training_file(article) -> str:
    """The per-training «Agregar al calendario» file, next to its page."""
    return f"capacitaciones/{article.slug}/calendario.ics"


def trainings(context: dict) -> list:
    found = [a for a in context.get("articles", []) if a.category.name == "capacitaciones" and sessions(a)]
    return sorted(found, key=lambda a: (sessions(a)[0].start, a.slug))


def location(article) -> str | None:
    parts = [getattr(article, "lugar", None), getattr(article, "direccion", None)]
    return ", ".join(p for p in parts if p) or None


def _published(article) -> datetime:
    day = (
        article.date.date()
        if isinstance(article.date, datetime)
        else date.fromisoformat(str(article.date)[:10])
    )
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def _plain(summary) -> str:
    # Pelican renders the summary as HTML; a calendar wants plain text.
    return html.unescape(re.sub(r"<[^>]+>", "", str(summary))).strip()


def events(article, base_url: str) -> list[Event]:
    items = sessions(article)
    summary = getattr(article, "metadata", {}).get("summary")
    out = []
    for number, session in enumerate(items, start=1):
        event = Event()
        # A one-session training keeps the UID it always had; sessions are numbered.
        uid = article.slug if len(items) == 1 else f"{article.slug}-{number}"
        event.add("uid", f"{uid}@capacitaciones.cmosc")
        event.add("dtstamp", _published(article))
        event.add("dtstart", session.start.replace(tzinfo=TUCUMAN))
        event.add("dtend", session.end.replace(tzinfo=TUCUMAN))
        title = article.title if len(items) == 1 else f"{article.title} (encuentro {number} de {len(items)})"
        event.add("summary", title)
        event.add("url", f"{base_url}/{article.url}")
        if location(article):
            event.add("location", location(article))
        if summary:
            event.add("description", _plain(summary))
        out.append(event)
    return out


def calendar(items: list[Event], name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", ZONE)
    for item in items:
        cal.add_component(item)
    if ZONE in cal.get_missing_tzids():
        cal.subcomponents.insert(0, _zone())
    cal.add_missing_timezones()  # any other zone (none today)
    return cal.to_ical()


@functools.cache
def _zone() -> Timezone:
    """Tucumán's VTIMEZONE, worked out once: from its rules it took 80 ms per calendar."""
    return Timezone.from_tzid(ZONE)


def calendars(site: Site, context: dict):
    chosen = trainings(context)
    everything = []
    for article in chosen:
        mine = events(article, site.url_canonica)
        everything += mine
        yield FileSpec(training_file(article), calendar(mine, article.title))
    yield FileSpec(SAVE_AS, calendar(everything, "Capacitaciones del CMOSC"))
