"""Synonym groups applied by the search pipeline (the twin of the synonym part of search-pipeline.js).

Staff write groups of words or phrases (`vocabularios/sinonimos.yml`, validated by
`cmosc.profiles.synonyms`). A word is compared by its *key* (`pipeline.synonym_key`:
folded, without plural endings), so a group entry matches its singular, plural,
accented and unaccented forms alike.

- Documents: every place where a group entry appears in a field's words (all
  words, stopwords included, since «copa de leche» has one) adds the group's
  term ``=N`` (N: the group's position). A typed query can never produce
  ``=``, so the term is reachable only through a synonym.
- Queries: an entry found in the query becomes one alternative group holding
  ``=N`` (plus the word's own variants when the entry is one word).

Matching is greedy from left to right, the longest entry first; an entry that
yields the same keys as an earlier one is ignored (the first group keeps it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count

from cmosc.search import pipeline as pl

GROUP_PREFIX = "="


@dataclass(frozen=True)
class Synonyms:
    #: Per group, its entries as key sequences (what travels to the JS).
    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    #: first key → (the entries of several words starting with it as [(keys, group)],
    #: longest first; the group of the entry that is that one word, or None).
    _starts: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        longer: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        one_word: dict[str, int] = {}
        seen: set[tuple[str, ...]] = set()
        for number, entries in enumerate(self.groups):
            for keys in entries:
                if keys and keys not in seen:
                    seen.add(keys)
                    if len(keys) == 1:
                        one_word[keys[0]] = number
                    else:
                        longer.setdefault(keys[0], []).append((keys, number))
        for options in longer.values():
            options.sort(key=lambda option: -len(option[0]))
        starts = {key: (longer.get(key, []), one_word.get(key)) for key in longer.keys() | one_word.keys()}
        object.__setattr__(self, "_starts", starts)

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> Synonyms:
        """From the groups as staff typed them."""
        return cls(
            tuple(
                tuple(k for k in (tuple(pl.synonym_key(w) for w in pl.split_words(e)) for e in group) if k)
                for group in groups
            )
        )

    def spans(self, words: Sequence[str]) -> dict[int, tuple[int, int]]:
        """{start: (end, group)} of the entries found in ``words`` (normalized words)."""
        starts = self._starts
        if not starts:
            return {}
        keys = list(map(pl.synonym_key, words))
        found: dict[int, tuple[int, int]] = {}
        end = 0  # where the last entry found ends: none starts inside it
        for i in compress(count(), map(starts.__contains__, keys)):  # where one may start
            if i < end:
                continue
            longer, group = starts[keys[i]]
            for entry, number in longer:
                if tuple(keys[i : i + len(entry)]) == entry:
                    end = i + len(entry)
                    found[i] = (end, number)
                    break
            else:
                if group is not None:
                    found[i] = (i + 1, group)
        return found

    def terms(self, words: Sequence[str]) -> list[str]:
        """Group terms a document's words add, in order (with repeats)."""
        return [self.group_term(group) for _, group in self.spans(words).values()]

    @staticmethod
    @cache
    def group_term(group: int) -> str:
        # One string per group, not one per occurrence: the terms of every indexed text are
        # kept between builds (`compact._TERMS`): 9 MiB of these strings at 2000 profiles.
        return f"{GROUP_PREFIX}{group}"

    def __bool__(self) -> bool:
        return bool(self._starts)

    def js_config(self) -> list:
        return [[list(keys) for keys in entries] for entries in self.groups]


NO_SYNONYMS = Synonyms()
