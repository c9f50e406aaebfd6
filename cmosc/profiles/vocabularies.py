"""Staff-editable vocabularies: lookups by id or display name, with suggestions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from cmosc.folding import fold, spanish_sort_key


@dataclass(frozen=True)
class Term:
    id: str
    nombre: str
    descripcion: str = ""


@dataclass
class Vocabulary:
    name: str
    terms: list[Term]
    _index: dict[str, str] = field(default_factory=dict, repr=False)
    _by_id: dict[str, Term] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._by_id = {t.id: t for t in self.terms}
        for term in self.terms:
            self._index.setdefault(fold(term.id), term.id)
            self._index.setdefault(fold(term.nombre), term.id)

    def resolve(self, value: str) -> str | None:
        """The id a staff member meant, accepting ids and names in any case or accents."""
        term = self._by_id.get(value)
        if term is not None:
            return term.id  # the vocabulary's own string: one object shared by every profile
        return self._index.get(fold(value))

    def suggest(self, value: str) -> list[str]:
        matches = difflib.get_close_matches(fold(value), list(self._index), n=6, cutoff=0.6)
        ids = list(dict.fromkeys(self._index[m] for m in matches))
        if not ids:
            # A word of the value inside a term (e.g. «asociación» → asociacion-civil).
            folded = fold(value)
            ids = [t.id for t in self.terms if folded and folded in fold(t.nombre)]
        return ids[:3]

    def term(self, term_id: str) -> Term:
        return self._by_id[term_id]

    def label(self, term_id: str) -> str:
        return self.term(term_id).nombre

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: spanish_sort_key(t.nombre))


# Letters that `folding.fold` treats as equal, for a case- and accent-insensitive pattern.
_VARIANTS = {"a": "aáàäâ", "e": "eéèëê", "i": "iíìïî", "o": "oóòöô", "u": "uúùüû", "n": "nñ", "c": "cç"}


def _char_class(char: str) -> str:
    if char == "-":
        return r"[\s_-]+"
    if not char.isalpha():
        return re.escape(char)
    letters = _VARIANTS.get(char, char)
    return "[" + "".join(dict.fromkeys(letters + letters.upper())) + "]"


def vocabulary_pattern(vocabulary: Vocabulary) -> str:
    """A regular expression (for JSON Schema) accepting what `resolve` accepts: ids and
    names, any case, with or without accents."""
    keys = sorted({fold(t.id) for t in vocabulary.terms} | {fold(t.nombre) for t in vocabulary.terms})
    return r"^\s*(" + "|".join("".join(_char_class(c) for c in key) for key in keys) + r")\s*$"
