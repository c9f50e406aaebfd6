"""Turn a spreadsheet cell into the text a profile field expects.

Only unambiguous clean-ups: CUIT hyphens, phone spacing, vocabulary names to ids,
day/month/year dates (and Excel's) to ISO, decimal commas; placeholders such as
`s/d` are empty. What each kind does to a cell is the kind's (`kinds.py`); anything it
cannot place is kept as typed, so its check reports it with the usual message.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from cmosc.folding import fold
from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import Field
from cmosc.profiles.vocabularies import Vocabulary


def split_list(text: str, item: Field) -> list[str]:
    return [part.strip() for part in re.split(KINDS[item.kind].separator, text) if part.strip()]


def normalize_list(text: str, field: Field, vocabularies: dict[str, Vocabulary]) -> list[str]:
    items = [normalize_scalar(part, field.items, vocabularies) for part in split_list(text, field.items)]
    return list(dict.fromkeys(items))  # a repeated value is a typo, not data


def normalize_scalar(text: str, field: Field, vocabularies: dict[str, Vocabulary]) -> str:
    kind = KINDS[field.kind]
    text = text.strip() if kind.multiline else " ".join(text.split())
    return kind.normalise(text, field, vocabularies)


# What registries and staff type for "no data"; such a cell is empty, never a value.
PLACEHOLDERS = frozenset(
    fold(p)
    for p in ("0", "00", "s/d", "sd", "s/n", "sin dato", "sin datos", "no tiene", "no posee", "-", "--", "—", ".",
              "n/a", "n/d", "null", "none", "ninguno", "ninguna")
)  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
EXCEL_EPOCH = date(1899, 12, 30)


_LONGEST = max(map(len, PLACEHOLDERS))


def is_placeholder(text: str) -> bool:
    return len(text) <= _LONGEST and fold(text) in PLACEHOLDERS


def spreadsheet_date(text: str, today: date) -> tuple[str, str | None]:
    """An ISO date for what Excel shows or stores (`3/4/22`, `12/31/2021`, serial `44650`),
    and a warning when day and month could be swapped; other text comes back as it is."""
    if re.fullmatch(r"\d{5}", text):
        return (EXCEL_EPOCH + timedelta(days=int(text))).isoformat(), None
    match = _DAY_MONTH_YEAR.match(text)
    if not match:
        return text, None
    first, second, year = (int(g) for g in match.groups())
    if len(match.group(3)) == 2:
        year += 2000 if 2000 + year <= today.year else 1900
    day, month, warning = first, second, None
    if first <= 12 < second:  # only month/day makes sense (Excel in English)
        day, month = second, first
    elif len(match.group(3)) == 2 and first <= 12 and second <= 12 and first != second:
        # `3/4/22` is how Excel re-saves a date, in either order; `03/04/2022` is ours (d/m).
        warning = (
            f"se leyó como día/mes/año ({first} de {MONTHS[second - 1]} de {year}); si era mes/día, corregila"
        )
    try:
        return date(year, month, day).isoformat(), warning
    except ValueError:
        return text, None


MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre")  # fmt: skip
