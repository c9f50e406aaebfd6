"""Turn a spreadsheet cell into the text a profile field expects.

Only unambiguous clean-ups: CUIT hyphens, phone spacing, vocabulary names to ids,
day/month/year dates to ISO, decimal commas. Anything it cannot place is kept as
typed, so validation reports it with the usual message and suggestions.
"""

from __future__ import annotations

import re

from cmosc.profiles import phones
from cmosc.profiles.checks import parse_bool
from cmosc.profiles.schema import Field
from cmosc.profiles.vocabularies import Vocabulary

_LIST_SEPARATORS = {
    "vocab": r"[,;/\n]+",
    "telefono": r"\s*(?:[/;,\n]|\s-\s|\so\s)\s*",
    "entero": r"[^\d]+",
}
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def split_list(text: str, item: Field) -> list[str]:
    pattern = _LIST_SEPARATORS.get(item.kind, r"\s*[;\n]\s*")
    return [part.strip() for part in re.split(pattern, text) if part.strip()]


def normalize_list(text: str, field: Field, vocabularies: dict[str, Vocabulary]) -> list[str]:
    items = [normalize_scalar(part, field.items, vocabularies) for part in split_list(text, field.items)]
    return list(dict.fromkeys(items))  # a repeated value is a typo, not data


def normalize_scalar(text: str, field: Field, vocabularies: dict[str, Vocabulary]) -> str:
    text = " ".join(text.split()) if field.kind != "markdown" else text.strip()
    normalizer = NORMALIZERS.get(field.kind)
    return normalizer(text, field, vocabularies) if normalizer else text


def vocabulary_id(text, field, vocabularies):
    vocabulary = vocabularies.get(field.vocab or "")
    return (vocabulary.resolve(text) if vocabulary else None) or text


def cuit(text, field, vocabularies):
    digits = re.sub(r"\D", "", text)
    return f"{digits[:2]}-{digits[2:10]}-{digits[10]}" if len(digits) == 11 else text


def phone(text, field, vocabularies):
    return phones.display(text)


def iso_date(text, field, vocabularies):
    match = _DMY.match(text)
    if match:
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text


def boolean(text, field, vocabularies):
    if text.casefold() in ("x", "✓"):
        return "true"
    parsed = parse_bool(text)
    return text if parsed is None else ("true" if parsed else "false")


def coordinate(text, field, vocabularies):
    return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text


def lower(text, field, vocabularies):
    return text.casefold()


def url(text, field, vocabularies):
    # "www.algo.org" in a spreadsheet means the web address.
    return f"https://{text}" if re.match(r"^www\.[^\s]+$", text, re.I) else text


NORMALIZERS = {
    "vocab": vocabulary_id,
    "cuit": cuit,
    "telefono": phone,
    "fecha": iso_date,
    "anio_o_fecha": iso_date,
    "booleano": boolean,
    "coordenada": coordinate,
    "opcion": lower,
    "url": url,
}
