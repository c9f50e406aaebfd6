"""Organizations → what the search needs: texts to index and card/facet metadata.

Only the view model (`cmosc.model.organization.Organization`) is read, and it holds published
fields only (`privacy.published`), so nothing private can reach the index.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from cmosc.model.facets import FACETS
from cmosc.model.organization import Organization, Phone
from cmosc.profiles import phones

#: Longest card snippet, in characters (cut at a word boundary).
SNIPPET_LENGTH = 180

_TAG = re.compile(r"<[^>]+>")
_SEPARATORS = re.compile(r"[\s./-]+")
_PADDED_NUMBER = re.compile(r"\b0+(\d+)")


def _visible_text(html_fragment: str) -> str:
    """Visible text of sanitized HTML: tags dropped (link targets are not
    text), entities decoded; spaces as they come."""
    return html.unescape(_TAG.sub(" ", str(html_fragment)))


def plain_text(html_fragment: str) -> str:
    """Visible text of sanitized HTML (`_visible_text`), spaces collapsed."""
    # Split and joined: a regular expression's `sub` made a replacement for every space.
    return " ".join(_visible_text(html_fragment).split())


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(filter(None, parts))


def identifier_text(values: Iterable[str]) -> str:
    """Registry numbers as typed, run together («CMOSC-0042» → «CMOSC0042», a CUIT
    without hyphens) and without leading zeros («42»): how people type them."""
    forms: list[str] = []
    for value in values:
        forms += [value, _SEPARATORS.sub("", value), *_PADDED_NUMBER.findall(value)]
    return _join(dict.fromkeys(forms))


def index_texts(org: Organization) -> dict[str, str]:
    """Every indexed field of one organization, as text (see `tiers`)."""
    activities = org.data.get("actividades") or []
    return {
        "id": org.slug,
        "nombre": org.nombre,
        "sigla": org.sigla or "",
        "identificadores": identifier_text(str(v) for v in (org.data.get("identificadores") or {}).values()),
        "resumen": org.resumen or "",
        "tipo": org.tipo.nombre,
        "areas": _join(t.nombre for t in org.areas),
        "poblacion": _join(t.nombre for t in org.poblacion),
        "barrio": _join(t.nombre for t in org.barrios),
        "necesidades_tipos": _join(dict.fromkeys(n.tipo.nombre for n in org.necesidades)),
        "necesidades": _join(n.descripcion for n in org.necesidades),
        "actividades": _join(_join((a.get("nombre"), a.get("descripcion"))) for a in activities),
        # Spaces not collapsed: the index splits at any run of them (half of `plain_text`'s time).
        "descripcion": _visible_text(org.descripcion_html),
    }


def snippet(org: Organization, length: int = SNIPPET_LENGTH) -> str:
    """The card snippet: the summary, else the start of the description."""
    text = org.resumen or plain_text(org.descripcion_html)
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > length // 2 else length].rstrip(" ,;:.") + "…"


def facet_values(org: Organization) -> dict[str, list[str]]:
    """Facet values of one organization, by /buscar/ URL parameter (`cmosc.model.facets`)."""
    return {facet.param: facet.values(org) for facet in FACETS}


def call_number(shown: str) -> str:
    """The number search.js (`callNumber`) dials for a phone as shown: its digits, in
    international form when shown as «+54 9 381 555-0123» or «0381 421-3456»."""
    digits = phones.digits_of(shown)
    return "+" + digits if shown.startswith("+") else f"+{phones.COUNTRY}{digits.removeprefix('0')}"


def card_phone(phone: Phone) -> str | list[str]:
    """A card's phone: as shown, or [as shown, number] when the number is not `call_number`
    of what is shown (half the bytes of both at 2000 organizations)."""
    number = phone.href.removeprefix("tel:")
    return phone.texto if call_number(phone.texto) == number else [phone.texto, number]


def card(org: Organization) -> dict:
    """What a result card shows besides facet names and the snippet (which comes later,
    see `tiers`). A missing sigla is omitted; `inactiva` only appears when true; `tel`
    is the first phone of an active organization (`card_phone`); `h` only with readable
    hours."""
    row = {"slug": org.slug, "nombre": org.nombre}
    if org.sigla:
        row["sigla"] = org.sigla
    if not org.activa:
        row["inactiva"] = True
    elif org.telefonos:
        row["tel"] = card_phone(org.telefonos[0])
    if org.hours:
        row["h"] = org.hours  # compact hours of each sede, for «abierto ahora» (hours.js)
    return row
