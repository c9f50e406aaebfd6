"""Jinja filters: Spanish dates without relying on the system locale, safe JSON."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from markupsafe import Markup

from cmosc.ods import ODS
from cmosc.profiles import hours_format
from cmosc.profiles.hours import DAY_NAMES, MONTH_NAMES
from cmosc.profiles.sessions import Session, training_sessions
from cmosc.site.jsonld import organization_jsonld


def long_date(value) -> str:
    """`2026-10-01` → `1 de octubre de 2026` (Pelican's LOCALE may be missing)."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return f"{value.day} de {MONTH_NAMES[value.month - 1]} de {value.year}"


def date_time(value) -> str:
    """`2026-12-03T18:00` → `jueves 3 de diciembre de 2026, 18:00 h`."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    text = f"{DAY_NAMES[value.weekday()]} {long_date(value)}"
    if isinstance(value, datetime):
        text += f", {value:%H:%M} h"
    return text


# One encoder for every page (`json.dumps` with options makes one per call); its values are
# plain trees built for the page, never cyclic.
_SCRIPT_JSON = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False
)


def json_script(value) -> Markup:
    """JSON safe inside <script>: `<`, `>`, `&` escaped so `</script>` cannot break out."""
    text = _SCRIPT_JSON.encode(value)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


# `urllib.parse.quote(value, safe="")` by one table lookup per UTF-8 byte in C (`str.translate`
# of the bytes read as Latin-1): quote does that lookup in Python, 2–3 times slower, and every
# profile page builds eight links with it.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_PERCENT_ENCODED = [chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256)]


def urlencode_text(value: str) -> str:
    return str(value).encode("utf-8").decode("latin-1").translate(_PERCENT_ENCODED)


def breakable(value: str) -> Markup:
    """E-mails and URLs wrap after «@», «.», «/» instead of mid-word (escaped, then <wbr>)."""
    escaped = str(Markup.escape(value))
    return Markup(re.sub(r"(@|\.|/+)(?=.)", r"\1<wbr>", escaped))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def ods_label(number: int) -> str:
    return f"ODS {number}: {ODS[number]}"


def sessions(article) -> list[Session]:
    return training_sessions(
        getattr(article, "sesiones", None), getattr(article, "inicio", None), getattr(article, "fin", None)
    )


FILTERS = {
    "sesiones": sessions,
    "semana": hours_format.by_day,
    "cierres": hours_format.closures_text,
    "horario_canonico": hours_format.canonical,
    "ods_nombre": ods_label,
    "fecha_larga": long_date,
    "fecha_hora": date_time,
    "json_script": json_script,
    # In the template, not a page variable: computed only for the pages that are rendered.
    "jsonld": organization_jsonld,
    "urlencode_text": urlencode_text,
    "plural": plural,
    "partible": breakable,
}


def install_filters(generator) -> None:
    generator.env.filters.update(FILTERS)
