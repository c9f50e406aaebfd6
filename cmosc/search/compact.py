"""The published index format (``formato`` 3): postings only; the browser computes the rest.

A lunr index serialized by lunr is mostly ``fieldVectors``: one BM25 weight per
(term, field, document), with three decimals (measured at 2000 synthetic profiles:
113 KB of the 205 KB gzip of the short-field index). Those weights are a pure
function of the postings: lunr.js' ``Builder.createFieldVectors`` uses only the
term frequency, the field length (= sum of the frequencies of its terms), the
average field length, the number of documents with the term (idf) and the field
boost. So this format ships only the postings, and ``search-pipeline.js``
(``loadIndex``) recomputes the vectors with lunr.js' own formula before
``lunr.Index.load``. ``to_lunr`` is the same computation in Python, checked
against lunr's own builder in tests/unit/test_search_tiers.py.

Shape (the keys are data the browser reads)::

    {"formato": 3, "pipeline": {...}, "campos": [["nombre", 10], ...],
     "documentos": 2000,
     "terminos": [["term", f, "d…", f, "d…"], ["term", k], ...]}

``terminos`` is sorted by term; a term's position is its lunr ``_index``. ``f``
is a field's position in ``campos``; ``"d…"`` holds the documents containing the
term in that field, as ascending positions, delta-encoded (first absolute); a
``0`` repeats the previous document, i.e. adds one to its term frequency. The
deltas are written as a string of base-64 digits, five bits each, low bits first,
a digit of 32 or more saying another follows (source maps' VLQ without a sign):
most deltas are one character, with no comma. A row ``["term", k]`` has the
same postings as row ``k`` (a word and its stem, a one-word synonym group and its
word: 39 rows at 2000 profiles, too far apart for gzip's window to see them).
Measured at 2000 synthetic profiles, the short-field index went from 59 KB gzip
to 52 with the shared rows and to 42 with the digits. Document ``n`` has lunr
ref ``lunr_ref(n)`` (base 36).
"""

from __future__ import annotations

import json
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain
from operator import sub

from cmosc.search import pipeline as pl

COMPACT_FORMAT = 3
#: lunr.js Builder defaults (k1, b): the JS side uses the same.
K1, B = 1.2, 0.75

#: (field, boost) pairs, in index order.
Fields = tuple[tuple[str, int], ...]

_BASE_36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def lunr_ref(position: int) -> str:
    """lunr ref of document ``position`` (base 36, as ``Number.prototype.toString(36)``)."""
    if position < 0:
        raise ValueError(position)
    digits = ""
    while True:
        position, rest = divmod(position, 36)
        digits = _BASE_36[rest] + digits
        if position == 0:
            return digits


def to_json(data: dict) -> str:
    """Compact, stable JSON (sorted keys, unescaped UTF-8)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# Terms of each text, kept between the builds of one process (`cmosc servir`, `keep`): the
# pipeline is a pure function of the text, its field and the synonym groups, so on each save
# only the changed texts go through it again. Emptied when the groups change or it grows
# large. A one-off build keeps them only while it indexes one set of documents (4 KB per
# organization, most of them unique to it: a national registry's would be 400 MB).
_TERMS: dict[tuple[str, str], tuple[str, ...]] = {}
_TERMS_GROUPS: list = [None]
_TERMS_LIMIT = 1_000_000


def _text_terms(synonyms, keep: bool):
    groups = synonyms.groups if synonyms else None
    if not keep:
        _TERMS.clear()
        _TERMS_GROUPS[0] = None
    elif _TERMS_GROUPS[0] != groups or len(_TERMS) > _TERMS_LIMIT:
        _TERMS.clear()
        _TERMS_GROUPS[0] = groups
    known = _TERMS if keep else {}

    def terms(text: str, field: str) -> tuple[str, ...]:
        found = known.get((text, field))
        if found is None:
            found = known[(text, field)] = tuple(pl.terms(pl.split_words(text), field, synonyms))
        return found

    return terms


def compact_index(documents: Iterable[Mapping[str, str]], fields: Fields, synonyms=None) -> dict:
    """Index of ``documents`` (already in their final order: position = ref),
    each a dict of field → plain text; ``synonyms`` a ``synonyms.Synonyms``."""
    return IndexBuilder(fields, synonyms).index(documents)


class IndexBuilder:
    """Builds the index of a list of documents and keeps its postings, so that the index
    of the next version of the list (`cmosc servir`: the same shard after one profile was
    saved) is patched where a few documents changed instead of built again: at N=2000 a
    whole index took most of the time of a one-profile rebuild."""

    def __init__(self, fields: Fields, synonyms=None, keep: bool = False):
        # keep: the terms of each text stay for the next build of this process (`_TERMS`).
        self.fields, self.synonyms, self.keep = fields, synonyms, keep
        self._docs: list[tuple[tuple[str, ...], ...]] | None = None  # per position, per field
        # term → field position → positions of the documents, one per occurrence (ascending).
        self._postings: dict[str, dict[int, array]] = {}
        self._tails: dict[str, tuple] = {}  # term → its row after the term: (f, "d…", …)

    def index(self, documents: Iterable[Mapping[str, str]]) -> dict:
        names = [field for field, _ in self.fields]
        text_terms = _text_terms(self.synonyms, self.keep)
        docs = [
            tuple(text_terms(doc[field], field) if doc.get(field) else () for field in names)
            for doc in documents
        ]
        before = self._docs
        changed = (
            [p for p, (old, new) in enumerate(zip(before, docs)) if old != new]
            if before is not None and len(before) == len(docs)
            else None
        )
        if changed is None or len(changed) > len(docs) // 4:  # shifted or mostly new: from scratch
            self._postings, self._tails = {}, {}
            dirty = self._add(range(len(docs)), docs)
        else:
            dirty = self._remove(changed, before) | self._add(changed, docs)
        self._docs = docs
        for term in dirty:
            by_field = self._postings.get(term)
            if by_field is None:
                self._tails.pop(term, None)
                continue
            tail: list = []
            for f in sorted(by_field):
                occurrences = by_field[f]
                tail += [f, vlq(map(sub, occurrences, chain((0,), occurrences)))]
            self._tails[term] = tuple(tail)
        rows: list[list] = []
        first: dict[tuple, int] = {}  # postings → the row that has them first
        for term in sorted(self._tails):
            tail = self._tails[term]
            if tail in first:
                rows.append([term, first[tail]])
            else:
                first[tail] = len(rows)
                rows.append([term, *tail])
        return {
            "formato": COMPACT_FORMAT,
            "pipeline": pl.js_config(self.synonyms),
            "campos": [list(c) for c in self.fields],
            "documentos": len(docs),
            "terminos": rows,
        }

    def _add(self, positions, docs) -> set[str]:
        # Each (term, field)'s new occurrences are gathered first, in position order: one
        # append per occurrence, then one merge per posting list (looking the lists up again
        # for every occurrence took twice as long). Gathered as the arrays a new posting list
        # keeps: as Python lists they were 10 MB more at the build's peak at N=20,000.
        gathered = [defaultdict(_positions) for _ in self.fields]
        for position in positions:
            for found, terms in zip(gathered, docs[position]):
                for term in terms:
                    found[term].append(position)
        postings = self._postings
        for f, found in enumerate(gathered):
            for term, added in found.items():
                by_field = postings.get(term)
                if by_field is None:
                    by_field = postings[term] = {}
                occurrences = by_field.get(f)
                if occurrences is None:
                    by_field[f] = added
                elif occurrences[-1] <= added[0]:
                    occurrences.extend(added)
                else:  # patching: keep them ascending
                    by_field[f] = array("I", sorted([*occurrences, *added]))
        return set().union(*gathered)

    def _remove(self, positions, docs) -> set[str]:
        postings, touched = self._postings, set()
        for position in positions:
            for f, terms in enumerate(docs[position]):
                for term in terms:
                    by_field = postings[term]
                    by_field[f].remove(position)  # one occurrence
                    if not by_field[f]:
                        del by_field[f]
                        if not by_field:
                            del postings[term]
                    touched.add(term)
        return touched


_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_VALUE = {c: i for i, c in enumerate(_DIGITS)}


def _digits(n: int) -> str:
    out = ""
    while n >= 32:
        out += _DIGITS[32 | n & 31]
        n >>= 5
    return out + _DIGITS[n]


#: `_digits` of the numbers below 4096, looked up rather than worked out again: every delta
#: of a shard of up to 4096 documents (2500 by default).
_CODES = [_digits(n) for n in range(4096)]
#: The one-digit numbers (below 32) → their digit, as a `bytes.translate` table: most posting
#: lists have only such deltas (at 2000 profiles, 92 % of the occurrences).
_ONE_DIGIT = bytes.maketrans(bytes(range(32)), _DIGITS[:32].encode("ascii"))


def _positions() -> array:
    return array("I")


def vlq(numbers: Iterable[int]) -> str:
    """Non-negative integers as base-64 VLQ digits (see the module's docstring)."""
    numbers = list(numbers)
    top = max(numbers, default=0)
    if top < 32:
        return bytes(numbers).translate(_ONE_DIGIT).decode("ascii")
    if top < len(_CODES):
        return "".join(map(_CODES.__getitem__, numbers))
    return "".join(map(_digits, numbers))


def from_vlq(text: str) -> list[int]:
    numbers, n, shift = [], 0, 0
    for c in text:
        digit = _VALUE[c]
        n |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            numbers.append(n)
            n, shift = 0, 0
    return numbers


def decoded_rows(rows: list[list]) -> list[list]:
    """``terminos`` as plain lists: ``[term, f, [deltas], …]``, a ``[term, k]`` row with
    row k's postings. Mirrors ``decodeRows`` in search-pipeline.js."""
    plain = [[row[0], *(from_vlq(x) if isinstance(x, str) else x for x in row[1:])] for row in rows]
    return [[row[0], *plain[row[1]][1:]] if len(row) == 2 else row for row in plain]


def _frequencies(deltas: list[int]) -> dict[int, int]:
    """Delta list → {document position: term frequency}."""
    frequencies: dict[int, int] = {}
    position = 0
    for delta in deltas:
        position += delta
        frequencies[position] = frequencies.get(position, 0) + 1
    return frequencies


def to_lunr(compact: dict) -> dict:
    """The index as lunr serializes it (what ``lunr.Index.load`` takes), with the
    vectors computed as lunr.js' ``Builder`` does. Mirrors ``unpack`` in
    search-pipeline.js."""
    if compact.get("formato") != COMPACT_FORMAT:
        raise ValueError(f"formato de índice desconocido: {compact.get('formato')!r}")
    fields = [c[0] for c in compact["campos"]]
    boosts = [c[1] for c in compact["campos"]]
    n = compact["documentos"]
    # Decode: term → field → {doc: tf}
    decoded = []
    lengths = [defaultdict(int) for _ in fields]
    for row in decoded_rows(compact["terminos"]):
        by_field = {}
        for i in range(1, len(row), 2):
            f, frequencies = row[i], _frequencies(row[i + 1])
            by_field[f] = frequencies
            for doc, tf in frequencies.items():
                lengths[f][doc] += tf
        decoded.append((row[0], by_field))
    averages = [sum(lengths[f].values()) / n if n else 0 for f in range(len(fields))]
    vectors: dict[str, list] = defaultdict(list)
    inverted = []
    for index, (term, by_field) in enumerate(decoded):
        with_term = sum(len(frequencies) for frequencies in by_field.values())
        x = (n - with_term + 0.5) / (with_term + 0.5)
        idf = math.log(1 + abs(x))
        posting: dict = {"_index": index}
        for field in fields:
            posting[field] = {}
        for f, frequencies in by_field.items():
            for doc, tf in sorted(frequencies.items()):
                ref = lunr_ref(doc)
                posting[fields[f]][ref] = {}
                norm = K1 * (1 - B + B * (lengths[f][doc] / averages[f])) + tf
                weight = idf * ((K1 + 1) * tf) / norm * boosts[f]
                vectors[f"{fields[f]}/{ref}"] += [index, math.floor(weight * 1000 + 0.5) / 1000]
        inverted.append([term, posting])
    return {
        "version": "2.3.9",
        "fields": fields,
        "fieldVectors": [[ref, vectors[ref]] for ref in sorted(vectors)],
        "invertedIndex": inverted,
        "pipeline": [pl.LABELS["split"], pl.LABELS["stopwords"], pl.LABELS["stems"]],
    }
