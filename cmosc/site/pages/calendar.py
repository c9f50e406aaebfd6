"""/capacitaciones/calendario.ics: every training as an iCalendar event (RFC 5545).

Deterministic: DTSTAMP is the training's publication date, never the build time.
Times in the content are Tucumán local time (UTC−3 all year, no daylight saving).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, timedelta, timezone

from cmosc.site.context import FileSpec, Site

TUCUMAN = timezone(timedelta(hours=-3))
SAVE_AS = "capacitaciones/calendario.ics"
DEFAULT_LENGTH = timedelta(hours=2)


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def utc(value) -> str:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TUCUMAN)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event(article, base_url: str) -> list[str]:
    start = datetime.fromisoformat(str(article.inicio))
    end = getattr(article, "fin", None) or (start + DEFAULT_LENGTH).isoformat()
    published = (
        article.date.date()
        if isinstance(article.date, datetime)
        else date.fromisoformat(str(article.date)[:10])
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{article.slug}@capacitaciones.cmosc",
        f"DTSTAMP:{published:%Y%m%d}T000000Z",
        f"DTSTART:{utc(start)}",
        f"DTEND:{utc(end)}",
        f"SUMMARY:{escape(article.title)}",
        f"URL:{base_url}/{article.url}",
    ]
    if getattr(article, "lugar", None):
        lines.append(f"LOCATION:{escape(article.lugar)}")
    summary = getattr(article, "metadata", {}).get("summary")
    if summary:
        # Pelican renders the summary as HTML; a calendar wants plain text.
        lines.append(f"DESCRIPTION:{escape(html.unescape(re.sub(r'<[^>]+>', '', str(summary))).strip())}")
    return lines + ["END:VEVENT"]


def calendario(site: Site, context: dict):
    trainings = sorted(
        (
            a
            for a in context.get("articles", [])
            if a.category.name == "capacitaciones" and getattr(a, "inicio", None)
        ),
        key=lambda a: (str(a.inicio), a.slug),
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CMOSC San Miguel de Tucumán//Directorio//ES",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Capacitaciones del CMOSC",
        "X-WR-TIMEZONE:America/Argentina/Tucuman",
    ]
    for article in trainings:
        lines += event(article, site.url_canonica)
    lines.append("END:VCALENDAR")
    yield FileSpec(SAVE_AS, ("\r\n".join(fold_line(line) for line in lines) + "\r\n").encode("utf-8"))
