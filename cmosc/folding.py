"""Text folding and Spanish collation shared by vocabularies, sorting and search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s_\-]+")


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and accent-insensitive key: `Niñez`, `niñez`, `ninez` → `ninez`."""
    return _SPACES.sub("-", strip_accents(text).casefold().strip())


def spanish_sort_key(text: str) -> str:
    """Spanish collation: accents ignored, ñ after n (and before o)."""
    lowered = text.casefold().replace("ñ", "n\x7f")
    return strip_accents(lowered).strip()
