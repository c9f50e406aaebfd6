"""The search's Spanish text pipeline (Python side).

This module and ``theme/static/js/search-pipeline.js`` do EXACTLY the same text
processing; ``tests/unit/test_search_pipeline.py`` checks it by running the same word
list through both (Node and Chromium).

Processing a text
-----------------

1. ``normalize``: NFKC → lower case → NFKC (``str.lower`` and
   ``String.prototype.toLowerCase`` apply the same Unicode mapping).
2. ``split_words``: format characters (category ``Cf``: soft hyphen, ZWJ, BOM…)
   are removed; anything that is not a letter (``L*``), number (``N*``), mark
   (``M*``) or dot separates words; dots inside a word are removed
   (``A.C.E.S.`` → ``aces``, ``1.500`` → ``1500``).
3. Stopwords: a word is dropped when its *folded* form is in
   ``stopwords_es.txt`` (except in the ``sigla`` field: see
   ``FIELDS_KEEPING_STOPWORDS``).
4. Variants: each word ``w`` yields one to three terms, without repeats::

       a = fold(stem(w))                        # as written
       b = fold(stem(fold(w)))                  # written without accents
       c = fold(stem(pluralize(fold(w))))       # its plural, without accents

   The same on documents and queries (in a query, the terms of one word are
   alternatives). ``b`` and ``c`` depend only on ``fold(w)``, so every accented
   and unaccented form of a word shares those terms ("educacion" ↔ "educación",
   "ninos" ↔ "niños", both ways). ``c`` joins singular and plural where
   Snowball does not ("mujer"→"muj" but "mujeres"→"mujer"; "joven"/"jóvenes";
   "ciudad"/"ciudades"). ``a`` keeps plain Snowball for well-accented text
   ("japonés"/"japoneses").

Why the order matters: Spanish Snowball suffixes carry accents ("-ación",
"-ía", "-ión"…) and the algorithm removes accents at the end. Folding BEFORE
stemming loses suffixes (stem("tenia") = "teni" but stem("tenía") = "ten");
folding only AFTER does not match what a visitor types without accents
(evidence: ``test_fold_and_stem_order`` in tests/unit/test_search_pipeline.py).

``stem`` = ``restore_accent`` + Spanish Snowball. ``restore_accent`` puts the
accent back on "-acion"/"-ucion" endings (always accented in Spanish). That is
what makes parity possible: Snowball 3.0 (Python ``snowballstemmer`` 3.x) added
rules for unaccented "-acion"/"-ucion" that lunr-languages' older Snowball
lacks; over the whole Spanish dictionary (103 thousand forms, with and without
accents) those are ALL the differences, and with the accent restored both
agree. Snowball only runs on Latin-alphabet words (every character < U+0250):
it is a Spanish stemmer, and this avoids UTF-16 (JS) / code point (Python)
differences.

5. Synonyms (``cmosc.search.synonyms``, optional): where a staff-written group
   entry appears among a text's words, the group's term ``=N`` is added after
   the words' terms; in a query the entry becomes one group holding ``=N``.
   Entries are compared by ``synonym_key`` (folded, without plural endings).

The lunr pipeline functions (``cmosc.search.lunr_functions``) are registered
under the labels in ``LABELS``; lunr serializes those labels in the index and
lunr.js must have functions registered under the same names
(``search-pipeline.js`` registers them).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import chain

import snowballstemmer

#: Goes up when the processing changes; the JS refuses an index of another version.
PIPELINE_VERSION = 2

#: Labels under which the functions are registered in lunr (Python and JS); data.
LABELS = {
    "split": "cmosc-es-separar",
    "stopwords": "cmosc-es-vacias",
    "stems": "cmosc-es-raices",
}

#: Fields where stopwords are NOT dropped (a sigla "UNO" or "ESA" must be findable).
FIELDS_KEEPING_STOPWORDS = frozenset({"sigla"})

# Every character below this code point is Latin (Latin-1, Latin Extended-A/B):
# only those words go through Snowball.
_LATIN_LIMIT = "\u0250"


def normalize(text: str) -> str:
    """NFKC, lower case, NFKC (as ``normalize`` in the JS)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).lower())


class _CharacterMap(dict):
    """Lazy ``str.translate`` table: letter/number/mark/dot stay, ``Cf`` is
    removed and anything else becomes a space."""

    def __missing__(self, code: int):
        character = chr(code)
        category = unicodedata.category(character)
        if category == "Cf":
            value = None
        elif category[0] in "LNM" or character == ".":
            value = code
        else:
            value = " "
        self[code] = value
        return value


_MAP = _CharacterMap()

# Lower case and `_MAP` for the Latin-1 characters as a `bytes.translate` table, and the
# characters it removes, dots too: a dot never separates words, so removing them all first
# leaves the same words. A text that NFKC leaves in Latin-1 (almost every Spanish text) is
# lowered, translated and split at its spaces as bytes, all from C: more than twice as fast
# as lowering it and picking its words with a regular expression. Each Latin-1 character
# lowers to one, which NFKC leaves as it is (so `normalize`'s second NFKC changes nothing):
# checked over every Latin-1 character in tests/unit/test_search_pipeline.py.
_LATIN_1_LOWER = [ord(chr(code).lower()) for code in range(256)]
_LATIN_1_MAP = bytes(lower if _MAP[lower] == lower else ord(" ") for lower in _LATIN_1_LOWER)
_LATIN_1_REMOVED = b"." + bytes(code for code in range(256) if _MAP[code] is None)


def split_words(text: str) -> list[str]:
    """Normalize and split a text into words (no filtering, no stemming)."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text)  # as `normalize`
    try:
        latin_1 = text.encode("latin-1")
    except UnicodeEncodeError:
        text = unicodedata.normalize("NFKC", text.lower()).replace(".", "")
        return [part for part in text.translate(_MAP).split(" ") if part]
    return latin_1.translate(_LATIN_1_MAP, _LATIN_1_REMOVED).decode("latin-1").split()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Remove accents, diaeresis and tilde: á→a, ü→u, ñ→n (NFD, drop the
    non-spacing marks ``Mn``, NFC)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def restore_accent(word: str) -> str:
    """Accent the "-acion"/"-ucion" endings (see the module docstring: makes
    Python's Snowball 3.0 and lunr.es.js' Snowball agree)."""
    if word.endswith("acion"):
        return word[:-5] + "ación"
    if word.endswith("ucion"):
        return word[:-5] + "ución"
    return word


_STEMMER = snowballstemmer.stemmer("spanish")


def stem(word: str) -> str:
    """Spanish Snowball stem of a normalized word (the result is not folded).
    Words with non-Latin characters are returned as they are."""
    if not word or max(word) >= _LATIN_LIMIT:
        return word
    return _STEMMER.stemWord(restore_accent(word))


def pluralize(word: str) -> str:
    """Regular plural of a folded word of at least three letters a-z ending in a
    consonant: z → ces, another consonant (but s/x) → +es; else the same word.

    With a final vowel ("niño"/"niños") Snowball already joins singular and
    plural almost always, so no extra stemmer call is spent (the stemmer is the
    expensive part of building the index)."""
    if len(word) < 3 or not (word.isascii() and word.isalpha()):
        return word
    last = word[-1]
    if last in "aeiousx":
        return word
    if last == "z":
        return word[:-1] + "ces"
    return word + "es"


def _compute_variants(word: str) -> tuple[str, ...]:
    folded = fold(word)
    a = fold(stem(word))
    b = a if folded == word else fold(stem(folded))
    plural = pluralize(folded)
    c = b if plural == folded else fold(stem(plural))
    # dict.fromkeys drops repeats keeping the order; a "word" made only of
    # combining marks folds to "" and is dropped.
    return tuple(t for t in dict.fromkeys((a, b, c)) if t)


def synonym_key(word: str) -> str:
    """How synonym entries and text words are compared: folded, and without the plural
    and a final "e" («comedores» → «comedor», «adolescentes»/«adolescente» →
    «adolescent»). Not a Snowball stem: stems join too much for a synonym («comida» and
    «como» share «com»). A stopword is compared as it is."""
    return _KEYS[word]


def synonym_keys(words: list[str]) -> list[str]:
    """``synonym_key`` of each word, looked up from C."""
    return list(map(_KEYS.__getitem__, words))


def _compute_key(word: str) -> str:
    key = fold(word)
    if key in _STOPWORDS or not key.isascii():
        return key
    if key.endswith("es") and len(key) > 4:
        key = key[:-2]
    elif key.endswith("s") and len(key) > 3:
        key = key[:-1]
    if key.endswith("e") and len(key) > 3:
        key = key[:-1]
    return key


_CACHE_MAX = 1_000_000


class _PerWord(dict):
    """word → ``compute(word)``, each worked out once (all forgotten past ``_CACHE_MAX``
    words); a dict, so that the words of a text are looked up from C (``map``)."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= _CACHE_MAX:
            self.clear()
        found = self[word] = self.compute(word)
        return found


_VARIANTS = _PerWord(_compute_variants)
_KEYS = _PerWord(_compute_key)


def variants(word: str) -> tuple[str, ...]:
    """Terms one normalized word yields (see the module docstring): ``a``,
    ``b`` and ``c`` without repeats, in that order."""
    return _VARIANTS[word]


def _read_stopwords() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("stopwords_es.txt").read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            for word in split_words(line):
                words.add(fold(word))
    return tuple(sorted(words))


#: Normalized, folded, sorted stopwords (what travels to the JS).
STOPWORDS: tuple[str, ...] = _read_stopwords()
_STOPWORDS = frozenset(STOPWORDS)


def is_stopword(word: str) -> bool:
    return fold(word) in _STOPWORDS


# A document word's terms where stopwords are dropped: none for a stopword.
_INDEXED = _PerWord(lambda word: () if fold(word) in _STOPWORDS else _VARIANTS[word])


def terms(words: list[str], field: str | None = None, synonyms=None) -> list[str]:
    """Indexed terms of words already split (see ``tokens``); ``synonyms`` is a
    ``cmosc.search.synonyms.Synonyms`` or None."""
    per_word = _VARIANTS if field in FIELDS_KEEPING_STOPWORDS else _INDEXED
    result = list(chain.from_iterable(map(per_word.__getitem__, words)))
    if synonyms:
        result.extend(synonyms.terms(words))
    return result


def tokens(text: str, field: str | None = None, synonyms=None) -> list[str]:
    """Terms indexed for ``text`` (document side), in order and with repeats
    (lunr counts frequencies). Same as ``tokens`` in the JS."""
    return terms(split_words(text), field, synonyms)


def query_groups(text: str, synonyms=None) -> list[list[str]]:
    """Query side: one group of alternative terms per word (or synonym entry).

    Stopwords are dropped unless the query has only stopwords and no synonym:
    then they are kept (so a sigla like "UNO" is found, and "de la" breaks
    nothing: outside the sigla field those words are not indexed). A synonym
    entry gives one group: its group term, plus the word's variants when the
    entry is one word. Repeated groups are omitted."""
    words = split_words(text)
    spans = synonyms.spans(words) if synonyms else {}
    keep_stopwords = not spans and all(fold(w) in _STOPWORDS for w in words)
    groups: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    i = 0
    while i < len(words):
        word = words[i]
        if i in spans:
            end, number = spans[i]
            group = (synonyms.group_term(number), *(variants(word) if end == i + 1 else ()))
            i = end
        else:
            i += 1
            if not keep_stopwords and fold(word) in _STOPWORDS:
                continue
            group = variants(word)
        if group and group not in seen:
            seen.add(group)
            groups.append(list(group))
    return groups


def query_tokens(text: str, synonyms=None) -> list[str]:
    """Query side: every term to look up, without repeats and in order."""
    seen: dict[str, None] = {}
    for group in query_groups(text, synonyms):
        for term in group:
            seen.setdefault(term, None)
    return list(seen)


def js_config(synonyms=None) -> dict:
    """What the JS needs to reproduce the pipeline (travels in the index)."""
    return {
        "version": PIPELINE_VERSION,
        "etiquetas": [LABELS[k] for k in ("split", "stopwords", "stems")],
        "palabras_vacias": list(STOPWORDS),
        "sinonimos": synonyms.js_config() if synonyms else [],
    }
