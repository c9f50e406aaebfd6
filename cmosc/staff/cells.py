"""Turn a spreadsheet cell into the text a profile field expects.

Only unambiguous clean-ups: CUIT hyphens, phone spacing, vocabulary names to ids,
day/month/year dates to ISO, decimal commas. Anything it cannot place is kept as
typed, so validation reports it with the usual message and suggestions.
"""

from __future__ import annotations

import re

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
