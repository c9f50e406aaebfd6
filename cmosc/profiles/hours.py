"""Spanish opening hours as data: `lunes a viernes de 9 a 12:30 y de 16 a 20` → days × intervals.

Pure functions, no I/O. `parse` reads what staff type (accents, abbreviations, `9-13`,
`18.30`, `12hs`, monthly ordinals like `último sábado del mes`, closures like `cerrado
en enero`) into `Hours`. Text it cannot read entirely keeps `readable=False` and a
Spanish `problem`; nothing is guessed from half a sentence. The canonical Spanish
text (`canonical`) parses back to the same hours.

Times are minutes after midnight; an interval that ends after midnight has `end`
> 1440 (`de 20 a 8` is 1200–1920). Days are ISO weekdays, 1 = Monday … 7 = Sunday.
Ordinals: 1–5 for «primer…quinto», -1 for «último».

The compact JSON (`as_json`), read by `theme/static/js/hours.js`:
`{"r": [{"d": [1, 2], "t": [[540, 750], [960]], "n": [-1], "m": [6, 7]}], "x": [1]}` —
rules (`d` days, `t` intervals, a one-item interval being a start time only, optional
`n` ordinals in the month and `m` months when it applies) and `x` closed months.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cmosc.folding import strip_accents

DAY = 1440
DAY_NAMES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
DAY_PLURALS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábados", "domingos")
MONTH_NAMES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)

# Folded words → meaning. «mar» is left out of the months: it is Tuesday.
_DAYS = {
    **{strip_accents(n): i for i, n in enumerate(DAY_NAMES, 1)},
    **{strip_accents(n): i for i, n in enumerate(DAY_PLURALS, 1)},
    **{"lun": 1, "mar": 2, "mie": 3, "mier": 3, "jue": 4, "vie": 5, "sab": 6, "dom": 7},
}
_MONTHS = {
    **{strip_accents(n): i for i, n in enumerate(MONTH_NAMES, 1)},
    **{
        "ene": 1,
        "feb": 2,
        "abr": 4,
        "may": 5,
        "jun": 6,
        "jul": 7,
        "ago": 8,
        "sep": 9,
        "sept": 9,
        "set": 9,
        "setiembre": 9,
    },
    **{"oct": 10, "nov": 11, "dic": 12},
}
_ORDINALS = {
    "primer": 1,
    "primero": 1,
    "primeros": 1,
    "1er": 1,
    "1ro": 1,
    "segundo": 2,
    "2do": 2,
    "tercer": 3,
    "tercero": 3,
    "3er": 3,
    "3ro": 3,
    "cuarto": 4,
    "4to": 4,
    "quinto": 5,
    "5to": 5,
    "ultimo": -1,
    "ultimos": -1,
}
ALL_WEEK = tuple(range(1, 8))
# Phrases that name a set of days, folded and split into words.
_DAY_SETS = {
    ("todos", "los", "dias"): ALL_WEEK,
    ("todos", "los", "dias", "de", "la", "semana"): ALL_WEEK,
    ("toda", "la", "semana"): ALL_WEEK,
    ("diariamente",): ALL_WEEK,
    ("dias", "habiles"): (1, 2, 3, 4, 5),
    ("fines", "de", "semana"): (6, 7),
    ("fin", "de", "semana"): (6, 7),
    ("los", "fines", "de", "semana"): (6, 7),
}
_MONTHLY = (("de", "cada", "mes"), ("del", "mes"), ("de", "mes"), ("de", "todos", "los", "meses"))
_CLOSED = ("cerrado", "cerrada", "cierra", "receso", "vacaciones", "excepto", "salvo", "menos")

# The text is folded to lowercase first (no IGNORECASE) and times are ASCII digits: the editor's
# twin, admin/hours-text.js, reads exactly the same tokens.
_TOKEN = re.compile(
    r"(?P<ord>[1-5](?:er|ro|do|to|°|º))"
    r"|(?P<allday>24\s*horas\b)"
    r"|(?P<time>[0-9]{1,2})(?:[:.h](?P<min>[0-9]{2}))?(?:\s*(?:hs|h|hrs|horas)\b\.?)?"
    r"|(?P<word>[a-zñ]+)\.?"
    r"|(?P<sep>[,;/()–—:.-])"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
)


@dataclass(frozen=True, slots=True)
class Rule:
    days: tuple[int, ...]
    intervals: tuple[tuple[int, ...], ...]  # (start, end) or (start,) for a start time only
    ordinals: tuple[int, ...] = ()
    months: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Hours:
    text: str  # as written
    readable: bool
    rules: tuple[Rule, ...] = ()
    closed: tuple[int, ...] = ()  # months closed
    problem: str | None = None  # why it is not readable, in Spanish

    def as_json(self) -> dict | None:
        if not self.readable:
            return None
        rules = []
        for rule in self.rules:
            item: dict = {"d": list(rule.days), "t": [list(i) for i in rule.intervals]}
            if rule.ordinals:
                item["n"] = list(rule.ordinals)
            if rule.months:
                item["m"] = list(rule.months)
            rules.append(item)
        result: dict = {"r": rules}
        if self.closed:
            result["x"] = list(self.closed)
        return result


class _Unreadable(Exception):
    pass


class _Tokens:
    """Folded tokens: ('word', 'lunes'), ('time', minutes), ('ord', n), ('sep', ','), ('allday', 1440)."""

    def __init__(self, text: str):
        self.text = _fold_keeping_length(text)
        self.items: list[tuple[str, object]] = []
        self.spans: list[tuple[int, int]] = []
        for m in _TOKEN.finditer(self.text):
            kind = m.lastgroup if m.lastgroup != "min" else "time"
            if kind == "space":
                continue
            if kind == "other":
                raise _Unreadable(f"no se entiende «{m.group()}»")
            if m.group("time") is not None:
                hour, minute = int(m.group("time")), int(m.group("min") or 0)
                if hour > 24 or minute > 59 or (hour == 24 and minute):
                    raise _Unreadable(f"«{m.group().strip()}» no es una hora válida")
                value: object = hour * 60 + minute
            elif kind == "ord":
                value = int(m.group()[0])
            elif kind == "word":
                value = m.group("word")
            elif kind == "allday":
                value = DAY
            else:
                value = m.group()
            self.items.append((kind, value))
            self.spans.append(m.span())
        self.original = text
        self.at = 0

    def peek(self, offset: int = 0) -> tuple[str, object] | None:
        index = self.at + offset
        return self.items[index] if index < len(self.items) else None

    def word(self, *words: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token[0] == "word" and token[1] in words

    def take_word(self, *words: str) -> bool:
        if self.word(*words):
            self.at += 1
            return True
        return False

    def take_phrase(self, phrase: tuple[str, ...]) -> bool:
        if all(self.word(w, offset=i) for i, w in enumerate(phrase)):
            self.at += len(phrase)
            return True
        return False

    def kind(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token[0] if token else None

    def sep(self, chars: str) -> bool:
        token = self.peek()
        return token is not None and token[0] == "sep" and token[1] in chars

    def rest(self) -> str:
        """The next few words as written, to quote in a message (the last ones at the end)."""
        first = self.at if self.at < len(self.spans) else max(len(self.spans) - 3, 0)
        last = min(first + 3, len(self.spans)) - 1
        return self.original[self.spans[first][0] : self.spans[last][1]].strip(" ,;.")


def _fold_keeping_length(text: str) -> str:
    """Lowercase without accents, one character for each character of the (NFC) text, so
    token positions quote the original."""
    return "".join((folded if len(folded := strip_accents(c).lower()) == 1 else "?") for c in text)


def _lookup(tokens: _Tokens, table: dict[str, int], offset: int = 0) -> int | None:
    token = tokens.peek(offset)
    return table.get(token[1]) if token and token[0] == "word" else None


def _skip_separators(tokens: _Tokens) -> None:
    while tokens.kind() == "sep" or tokens.word("y", "e"):
        tokens.at += 1


_RANGE_LINKS = (("word", "a"), ("word", "al"), ("sep", "-"), ("word", "hasta"))


def _span(tokens: _Tokens, names: dict[str, int]) -> tuple[int, int] | None:
    """A name, or `name a|al|-|hasta name`, as (first, last); None without a name here."""
    first = _lookup(tokens, names)
    if first is None:
        return None
    tokens.at += 1
    if tokens.peek() in _RANGE_LINKS:
        last = _lookup(tokens, names, 1)
        if last is not None:
            tokens.at += 2
            return first, last
    return first, first


def _day_range(tokens: _Tokens) -> tuple[int, ...] | None:
    """`lunes`, `lunes a viernes`, `lun-vie`, `del lunes al viernes`, `todos los días`."""
    for phrase, days in sorted(_DAY_SETS.items(), key=lambda p: -len(p[0])):
        if tokens.take_phrase(phrase):
            return days
    start = tokens.at
    tokens.take_word("de", "del", "los", "el", "las")
    span = _span(tokens, _DAYS)
    if span is None:
        tokens.at = start
        return None
    first, last = span
    if last < first:
        raise _Unreadable("el rango de días va hacia atrás")
    return tuple(range(first, last + 1))


def _ordinal_day(tokens: _Tokens) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """`primer lunes de cada mes`, `primer y tercer sábado`, `el último sábado del mes`."""
    start = tokens.at
    tokens.take_word("el", "los", "cada")
    ordinals = []
    while True:
        token = tokens.peek()
        value = token[1] if token and token[0] == "ord" else _lookup(tokens, _ORDINALS)
        if value is None:
            break
        ordinals.append(value)
        tokens.at += 1
        if tokens.sep(","):
            tokens.at += 1
        elif not tokens.take_word("y", "e"):
            break
    day = _lookup(tokens, _DAYS)
    if not ordinals or day is None:
        tokens.at = start
        return None
    tokens.at += 1
    for phrase in _MONTHLY:
        if tokens.take_phrase(phrase):
            break
    return (day,), tuple(sorted(set(ordinals), key=lambda n: (n < 0, n)))


def _series(tokens: _Tokens, read, separators: str) -> list:
    """Items `read` one after another, joined by `separators` and/or `y`, until one does not read
    (the tokens are then back after the last item)."""
    found = []
    while True:
        mark = tokens.at
        if found:
            if tokens.sep(separators):
                tokens.at += 1
            tokens.take_word("y", "e")
        item = read(tokens)
        if item is None:
            tokens.at = mark
            return found
        found.append(item)


def _days(tokens: _Tokens) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """A list of day items joined by commas and `y`; or one ordinal day."""
    ordinal = _ordinal_day(tokens)
    if ordinal:
        return ordinal
    days = [day for found in _series(tokens, _day_range, ",") for day in found]
    return (tuple(sorted(set(days))), ()) if days else None


def _time(tokens: _Tokens) -> int | None:
    tokens.take_word("la", "las")
    token = tokens.peek()
    if token and token[0] in ("time", "allday"):
        tokens.at += 1
        return int(token[1])
    return None


def _interval(tokens: _Tokens) -> tuple[int, ...] | None:
    start_at = tokens.at
    if tokens.kind() == "allday" or (tokens.word("las") and tokens.kind(1) == "allday"):
        tokens.at += 1 if tokens.kind() == "allday" else 2
        return (0, DAY)
    opener = tokens.take_word("de", "desde", "entre", "a")
    start = _time(tokens)
    if start is None:
        tokens.at = start_at
        return None
    link = tokens.peek()
    if link in (("word", "a"), ("word", "hasta"), ("sep", "-"), ("word", "al")) or (
        link == ("word", "y") and tokens.items[start_at] == ("word", "entre")
    ):
        mark = tokens.at
        tokens.at += 1
        end = _time(tokens)
        if end is not None:
            if start >= DAY:
                raise _Unreadable("un horario no puede empezar a las 24")
            if end == start:
                raise _Unreadable("el horario empieza y termina a la misma hora")
            return (start, end if end > start else end + DAY)
        tokens.at = mark
    if not opener and tokens.at - start_at > 1:
        tokens.at = start_at  # «las 9» alone is not a start time
        return None
    if start >= DAY:
        raise _Unreadable("un horario no puede empezar a las 24")
    return (start,)


def _intervals(tokens: _Tokens) -> tuple[tuple[int, ...], ...]:
    return tuple(_series(tokens, _interval, ",/"))


def _months(tokens: _Tokens) -> tuple[int, ...] | None:
    """`enero`, `enero y febrero`, `de junio a agosto`, `diciembre a febrero`."""
    start = tokens.at
    tokens.take_word("de", "desde", "en", "durante")
    tokens.take_phrase(("el", "mes", "de")) or tokens.take_phrase(("todo",))
    span = _span(tokens, _MONTHS)
    if span is None:
        tokens.at = start
        return None
    first, last = span
    if last != first:  # a range; `diciembre a febrero` wraps around the new year
        if last > first:
            return tuple(range(first, last + 1))
        return tuple(range(1, last + 1)) + tuple(range(first, 13))
    months = [first]
    while tokens.word("y", "e") or tokens.sep(","):
        tokens.at += 1
        tokens.take_word("en")
        month = _lookup(tokens, _MONTHS)
        if month is None:
            raise _Unreadable(f"no se entiende «{tokens.rest()}»")
        months.append(month)
        tokens.at += 1
    return tuple(sorted(set(months)))


def _clause(tokens: _Tokens) -> list[Rule]:
    months = _months(tokens) or ()
    if months and tokens.kind() == "sep":
        tokens.at += 1
    days = _days(tokens)
    if tokens.sep(",:"):
        tokens.at += 1
    intervals = _intervals(tokens)
    if days is None and intervals:
        tokens.take_word("los")
        days = _days(tokens)  # «de 9 a 13 de lunes a viernes»
        if days is None:
            raise _Unreadable("indica un horario pero no qué días")
    if days is None:
        raise _Unreadable(f"no se entiende «{tokens.rest()}»")
    if not intervals:
        if tokens.peek() is not None and not tokens.sep(",;./()"):
            raise _Unreadable(f"no se entiende «{tokens.rest()}»")
        raise _Unreadable("indica los días pero no el horario")
    day_list, ordinals = days
    return [Rule(day_list, intervals, ordinals, months)]


def _closure(tokens: _Tokens) -> tuple[int, ...] | None:
    start = tokens.at
    if not tokens.take_word(*_CLOSED):
        return None
    months = _months(tokens)
    if months is None:
        tokens.at = start
        raise _Unreadable(f"no se entiende «{tokens.rest()}»: nombrá los meses de cierre")
    return months


@lru_cache(maxsize=4096)
def parse(text: str) -> Hours:
    """Read Spanish hours; `readable=False` (with the reason) when any part is not understood."""
    try:
        tokens = _Tokens(unicodedata.normalize("NFC", text))
        rules: list[Rule] = []
        closed: set[int] = set()
        _skip_separators(tokens)
        while tokens.peek() is not None:
            months = _closure(tokens)
            if months is not None:
                closed.update(months)
            else:
                rules += _clause(tokens)
            _skip_separators(tokens)
        if not rules and not closed:
            raise _Unreadable("no indica días ni horarios")
    except _Unreadable as problem:
        return Hours(text, False, problem=str(problem))
    return Hours(text, True, tuple(rules), tuple(sorted(closed)))
