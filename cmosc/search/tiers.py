"""The files the search page fetches, in two tiers.

1. ``documentos-K.json``: per organization its card and facet ids, by column
   (`_documents`), and the facet names. Needed for any result, so it comes first.
2. ``nombres-K.json``: lunr index of the short fields people search by (name,
   sigla, summary, areas, type, population, barrio, kinds of need). Fetched
   together with (1) on the first focus of the search box; answers the first
   query on its own.
3. ``texto-K.json``: lunr index of the long fields (description, activities, need
   descriptions), and ``extractos-K.json``: each row's card snippet. Fetched
   right after the first two have loaded; when they arrive the current query is
   run again over both indexes and merged, and the cards gain their snippet.
   (Snippets are most of the cards' bytes and the first screen does not need
   them: barrio, phone and hours come first.)

All share the document order (sorted by slug): lunr ref ``r`` (base 36)
is row ``int(r, 36)`` of ``documentos.json``'s columns, so the indexes carry no slugs.

Large directories are split by documents into shards of ``SHARD_SIZE``
organizations (``documentos-K``, ``nombres-K``, ``texto-K``, ``extractos-K.json``);
each shard is a complete, independent set (its own BM25 statistics). The page
loads shard 0's first two tiers, shows results, then the other shards' first
tiers, then every full-text tier.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cmosc.model.facets import FACETS, Facet
from cmosc.model.organization import Organization
from cmosc.model.privacy import same_objects
from cmosc.profiles import phones
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.search.compact import Fields, IndexBuilder, to_json
from cmosc.search.documents import card, facet_values, index_texts, snippet
from cmosc.search.synonyms import NO_SYNONYMS, Synonyms
from cmosc.settings import DEFAULTS

#: 2: by column (`_documents`); 1 was one object per row.
DOCUMENTS_FORMAT = 2

#: Organizations per shard (setting CMOSC_BUSQUEDA_FRAGMENTO). Up to this many there
#: is one shard; beyond it the page answers from the first shard and merges the others
#: as they arrive, so the time to first results and each decoding step stay bounded
#: (figures in benchmarks/RESULTS.md at 2000 and 20000 profiles).
SHARD_SIZE = DEFAULTS["CMOSC_BUSQUEDA_FRAGMENTO"]

#: Tier 1: short fields.
NAME_FIELDS: Fields = (
    ("nombre", 10),
    ("sigla", 10),
    ("resumen", 5),
    ("areas", 4),
    ("tipo", 3),
    ("poblacion", 3),
    ("barrio", 3),
    ("necesidades_tipos", 2),
)
#: Tier 2: long fields, and the registry numbers (unique terms that would double the
#: first tier's weight at 2000 organizations; a number search is answered when it arrives).
TEXT_FIELDS: Fields = (
    ("identificadores", 5),
    ("necesidades", 2),
    ("actividades", 2),
    ("descripcion", 1),
)


@dataclass(frozen=True)
class SearchFile:
    name: str  # file name under buscar/
    text: str  # exact JSON text written

    @property
    def version(self) -> str:
        """Content hash for cache busting (`?v=`): same bytes, same version."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12]


def facet_options(
    facet: Facet, vocabularies: Mapping[str, Vocabulary], orgs: Iterable[Organization]
) -> list[tuple[str, str]]:
    """(value, name) of a facet, in display order. A vocabulary is offered whole; of the
    17 goals, a fixed list, only those some organization declares."""
    options = [(value, label) for value, label, _ in facet.terms(vocabularies)]
    if facet.vocabulary is None:
        used = {value for org in orgs for value in facet.values(org)}
        options = [option for option in options if option[0] in used]
    return options


def _documents(pieces: list[_Pieces], facets: dict[str, list[tuple[str, str]]]) -> dict:
    """Cards plus facets, by column: ``columnas[key][row]`` is row's value of a card key
    (`card`) or its facet values, ``null`` where it has none. Columns, not one object per
    row: the keys are written once and each column compresses on its own (at 2000
    organizations 44 KB gzip instead of 56). A facet value is its position in the
    facet's value list (`facetas[param][i]` = [id, name]); a row's hours, the position
    of that compact JSON in ``horarios`` (a few dozen distinct timetables are shared)."""
    position = {
        param: {value: i for i, (value, _) in enumerate(options)} for param, options in facets.items()
    }
    rows = []
    for piece in pieces:
        row = dict(piece.card)
        for param, ids in piece.facets.items():
            if ids:
                row[param] = [position[param][i] for i in ids]
        rows.append(row)
    hours = [to_json({"h": row["h"]}) if "h" in row else None for row in rows]
    timetables = sorted({text for text in hours if text is not None})
    timetable = {text: i for i, text in enumerate(timetables)}
    for row, text in zip(rows, hours):
        if text is not None:
            row["h"] = timetable[text]
    keys = sorted({key for row in rows for key in row})
    return {
        "formato": DOCUMENTS_FORMAT,
        "facetas": {param: [list(pair) for pair in options] for param, options in facets.items()},
        "horarios": [json.loads(text)["h"] for text in timetables],
        "pais": phones.COUNTRY,  # the country code `card_phone` leaves out
        "columnas": {key: [row.get(key) for row in rows] for key in keys},
    }


def search_files(
    orgs: list[Organization],
    vocabularies: Mapping[str, Vocabulary],
    shard_size: int = SHARD_SIZE,
    synonyms: Synonyms = NO_SYNONYMS,
    keep: bool = False,
) -> list[dict[str, SearchFile]]:
    """The search files: per shard of `shard_size` organizations (by slug), its
    files keyed "documentos", "nombres", "texto", "extractos". Deterministic bytes.
    `keep`: each shard (files, index builders, pieces) and the terms of each text stay for
    the next build of this process (`cmosc servir`), which works out again only what
    changed; a one-off build keeps nothing (at N=20000, 80 MB of terms alone)."""
    if shard_size < 1:
        raise ValueError(f"tamaño de fragmento inválido: {shard_size}")
    if not keep:
        _SHARDS.clear()
    ordered = sorted(orgs, key=lambda o: o.slug)
    facets = {facet.param: facet_options(facet, vocabularies, ordered) for facet in FACETS}
    shards = []
    for k, start in enumerate(range(0, max(len(ordered), 1), shard_size)):
        part = ordered[start : start + shard_size]
        known = _SHARDS.get(k)
        if known is not None and known[1] == facets and known[2] == synonyms and same_objects(known[0], part):
            shards.append(known[3])
            continue
        # The shard's indexes are patched where its organizations changed (`IndexBuilder`),
        # and what is read from those that did not is not read again (`_pieces`).
        builders = known[4] if known is not None and known[2] == synonyms else None
        if builders is None:
            builders = (IndexBuilder(NAME_FIELDS, synonyms, keep), IndexBuilder(TEXT_FIELDS, synonyms, keep))
        last = dict(zip(map(id, known[0]), zip(known[0], known[5]))) if known is not None else {}
        pieces = []
        for org in part:
            seen = last.get(id(org))
            pieces.append(seen[1] if seen is not None and seen[0] is org else _pieces(org))
        texts = [piece.texts for piece in pieces]
        shards.append(
            {
                "documentos": SearchFile(f"documentos-{k}.json", to_json(_documents(pieces, facets))),
                "nombres": SearchFile(f"nombres-{k}.json", to_json(builders[0].index(texts))),
                "texto": SearchFile(f"texto-{k}.json", to_json(builders[1].index(texts))),
                "extractos": SearchFile(
                    f"extractos-{k}.json",
                    to_json({"formato": DOCUMENTS_FORMAT, "extractos": [piece.snippet for piece in pieces]}),
                ),
            }
        )
        if keep:
            _SHARDS[k] = (part, facets, synonyms, shards[-1], builders, pieces)
    for k in [k for k in _SHARDS if k >= len(shards)]:
        del _SHARDS[k]
    return shards


@dataclass(frozen=True)
class _Pieces:
    """What the search files take from one organization."""

    texts: dict  # field → plain text, for the indexes
    card: dict
    facets: dict
    snippet: str


def _pieces(org: Organization) -> _Pieces:
    return _Pieces(index_texts(org), card(org), facet_values(org), snippet(org))


# The shards of the last build of this process: `cmosc servir` gets the same (immutable)
# Organization objects back for unchanged profiles, so a save rebuilds only the shard
# holding the changed ones (of 8 at N=20000). k → (its organizations, facets, synonyms,
# files, index builders, each organization's pieces).
_SHARDS: dict[int, tuple[list[Organization], dict, Synonyms, dict, tuple, list]] = {}
