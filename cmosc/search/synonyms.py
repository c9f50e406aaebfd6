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
    #: key → the group of the entry that is that one word.
    _one_word: dict = field(init=False, compare=False, repr=False)
    #: key → that group's term (`group_term`).
    _one_word_terms: dict = field(init=False, compare=False, repr=False)
    #: first key → the entries of several words starting with it as [(keys, group)], longest first.
    _longer: dict = field(init=False, compare=False, repr=False)
    #: The first two keys of every entry of several words.
    _pairs: frozenset = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        one_word: dict[str, int] = {}
        longer: dict[str, list[tuple[tuple[str, ...], int]]] = {}
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
        object.__setattr__(self, "_one_word", one_word)
        object.__setattr__(self, "_one_word_terms", {key: self.group_term(n) for key, n in one_word.items()})
        object.__setattr__(self, "_longer", longer)
        object.__setattr__(
            self, "_pairs", frozenset(keys[:2] for options in longer.values() for keys, _ in options)
        )

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> Synonyms:
        """From the groups as staff typed them."""
        return cls(
            tuple(
                tuple(k for k in (tuple(pl.synonym_key(w) for w in pl.split_words(e)) for e in group) if k)
                for group in groups
            )
        )

    def _found_longer(self, keys: list[str]) -> list[tuple[int, int, int]]:
        """(start, end, group) of the entries of several words found in ``keys``, in order.
        Only they decide where an entry may start (none inside one found): a one-word entry
        is found wherever its key is outside them. They are tried only where the next key
        is their second one, picked from C: in most texts nowhere."""
        found = []
        end = 0
        for i in compress(count(), map(self._pairs.__contains__, zip(keys, keys[1:]))):
            if i < end:
                continue
            for entry, number in self._longer[keys[i]]:
                if tuple(keys[i : i + len(entry)]) == entry:
                    end = i + len(entry)
                    found.append((i, end, number))
                    break
        return found

    def spans(self, words: Sequence[str]) -> dict[int, tuple[int, int]]:
        """{start: (end, group)} of the entries found in ``words`` (normalized words), in order."""
        keys = pl.synonym_keys(words)
        found = {i: (i + 1, self._one_word[key]) for i, key in enumerate(keys) if key in self._one_word}
        for start, end, number in self._found_longer(keys):
            for i in range(start, end):
                found.pop(i, None)
            found[start] = (end, number)
        return dict(sorted(found.items()))

    def terms(self, words: Sequence[str]) -> list[str]:
        """Group terms a document's words add, in order (with repeats): `spans`' groups,
        with the one-word entries between the longer ones looked up from C."""
        keys = pl.synonym_keys(words)
        one_word = self._one_word_terms.get
        found: list[str] = []
        done = 0
        for start, end, number in self._found_longer(keys):
            found += filter(None, map(one_word, keys[done:start]))
            found.append(self.group_term(number))
            done = end
        found += filter(None, map(one_word, keys[done:]))
        return found

    @staticmethod
    @cache
    def group_term(group: int) -> str:
        # One string per group, not one per occurrence: the terms of every indexed text are
        # kept between builds (`compact._TERMS`): 9 MiB of these strings at 2000 profiles.
        return f"{GROUP_PREFIX}{group}"

    def __bool__(self) -> bool:
        return bool(self._one_word or self._longer)

    def js_config(self) -> list:
        return [[list(keys) for keys in entries] for entries in self.groups]


NO_SYNONYMS = Synonyms()
