"""JSON Schema building blocks that accept what the validator accepts, as editors read YAML.

The validator reads every scalar as the text typed, trimmed. yaml-language-server reads
YAML 1.2 (core schema), so the same text reaches the JSON Schema as a string, a number,
a boolean or null: `sigla: NO` and `horarios: 9:30` are strings, `fundacion: 2009` and
`- 03814000000` are integers, `1e3` is a number, `accesible: true` a boolean, `sigla:`
null. Each fragment accepts the text forms (the validator's own patterns, padded with
optional spaces) and the typed forms that same text becomes. What a schema cannot
tell (how a number was typed, check digits, files, today's date) is listed in
`tests/unit/test_schema_agreement.py`.
"""

from __future__ import annotations

import re

from cmosc.profiles.checks import DATE_PATTERN

# Blank means absent to the validator: null, '', [] and {} are what editors write for a
# cleared field. A required field left blank is missing, so only optional fields take it.
BLANK_NAME = "vacio"
BLANK = {"$ref": f"#/definitions/{BLANK_NAME}"}
DEFINITIONS = {
    BLANK_NAME: {
        "description": "Sin dato: vacío, '', [] o {} equivalen a no escribir el campo.",
        "enum": [None, "", [], {}],
    }
}
# A JavaScript number stops being exact past 15 digits; longer integers are not bounded.
_MAX_DIGITS = 15
# Unicode category Cc except tab, newline and carriage return (checks.text refuses them).
_NO_CONTROL = "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]"
_TEXT = rf"^(?=[\s\S]*\S){_NO_CONTROL}*$"  # something besides spaces, and no control characters


def core(pattern: str) -> str:
    return pattern.removeprefix("^").removesuffix("$")


def padded(pattern: str) -> str:
    """The validator trims spaces before matching; a schema sees them."""
    return rf"^\s*({core(pattern)})\s*$"


def any_case(words) -> str:
    """A pattern for these words in any case (what `str.casefold` equates), spaces around."""

    def letters(word: str) -> str:
        return "".join(f"[{c}{c.upper()}]" if c.upper() != c else re.escape(c) for c in word)

    return r"^\s*(" + "|".join(letters(w) for w in sorted(words)) + r")\s*$"


def string(pattern: str, **more) -> dict:
    return {"type": "string", "pattern": padded(pattern), **more}


def one_of(*alternatives: dict) -> dict:
    return alternatives[0] if len(alternatives) == 1 else {"anyOf": list(alternatives)}


def _integers_of_length(min_len: int | None, max_len: int | None) -> dict | None:
    """Integers whose decimal text has between min_len and max_len characters, or None."""
    out: dict = {"type": "integer"}
    if max_len is not None and max_len < 1:
        return None
    if max_len is not None and max_len <= _MAX_DIGITS:
        out.update(minimum=-(10 ** (max_len - 1) - 1), maximum=10**max_len - 1)
    if min_len is not None and min_len >= 2:
        if min_len > _MAX_DIGITS:
            return None
        out["not"] = {"minimum": -(10 ** (min_len - 2) - 1), "maximum": 10 ** (min_len - 1) - 1}
    return out


def text(field) -> dict:
    """Free text, or the number or boolean an editor turns it into (`nombre: 123`)."""
    low, high = field.min_len or 1, field.max_len
    alternatives = [{"type": "string", "pattern": _TEXT, "minLength": low}]
    if high:
        alternatives[0]["maxLength"] = high
    integers = _integers_of_length(low, high)
    if integers:
        alternatives.append(integers)
    alternatives.append({"type": "number", "not": {"type": "integer"}})
    booleans = [b for b, n in ((True, 4), (False, 5)) if low <= n <= (high or n)]
    if booleans:
        alternatives.append({"enum": booleans})
    return one_of(*alternatives)


def integer_text(low: int, high: int) -> str:
    """The texts `checks.integer` reads as a number from low to high (a short range)."""
    numbers = "|".join(str(n) for n in range(low, high + 1))
    return rf"^\+?0*({numbers})$"


def integer(field) -> dict:
    low, high = int(field.minimo), int(field.maximo)
    return one_of(
        {"type": "integer", "minimum": low, "maximum": high},
        string(integer_text(low, high)),
    )


def decimal(field, text_pattern: str) -> dict:
    return one_of(
        {"type": "number", "minimum": field.minimo, "maximum": field.maximo},
        string(text_pattern),
    )


def at_least(number: int) -> str:
    """A pattern for the numbers with as many digits as `number` that are not smaller."""
    digits = str(number)
    options = [digits]
    for i, d in enumerate(digits):
        if d != "9":
            higher = "9" if d == "8" else f"[{int(d) + 1}-9]"
            options.append(digits[:i] + higher + "[0-9]" * (len(digits) - i - 1))
    return "^(" + "|".join(options) + ")$"


def date() -> dict:
    # `format: date` rejects 2026-02-30; it sees the text untrimmed, so no padding here.
    return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}


def year_or_date(min_year: int) -> dict:
    year = core(at_least(min_year))
    return one_of(
        {"type": "integer", "minimum": min_year, "maximum": 9999},
        string(year),
        {"type": "string", "pattern": DATE_PATTERN.replace("[0-9]{4}", f"({year})", 1), "format": "date"},
    )
