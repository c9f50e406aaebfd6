"""The files the search page fetches, in two tiers.

1. ``documentos-K.json``: one row per organization (card + facet ids) and the
   facet names. Needed for any result, so it comes first.
2. ``nombres-K.json``: lunr index of the short fields people search by (name,
   sigla, summary, areas, type, population, barrio, kinds of need). Fetched
   together with (1) on the first focus of the search box; answers the first
   query on its own.
3. ``texto-K.json``: lunr index of the long fields (description, activities, need
   descriptions). Fetched right after the first two have loaded; when it
   arrives the current query is run again over both indexes and merged.

The three share the document order (sorted by slug): lunr ref ``r`` (base 36)
is row ``int(r, 36)`` of ``documentos.json``, so the indexes carry no slugs.

Large directories are split by documents into shards of ``SHARD_SIZE``
organizations (``documentos-K.json``, ``nombres-K.json``, ``texto-K.json``);
each shard is a complete, independent set (its own BM25 statistics). The page
loads shard 0's first two tiers, shows results, then the other shards' first
tiers, then every full-text tier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cmosc.model.organization import Organization
from cmosc.ods import ODS
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.search.compact import Fields, compact_index, to_json
from cmosc.search.documents import card, facet_values, index_texts
from cmosc.settings import DEFAULTS

DOCUMENTS_FORMAT = 1

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
#: Tier 2: long fields.
TEXT_FIELDS: Fields = (
    ("necesidades", 2),
    ("actividades", 2),
    ("descripcion", 1),
)

#: URL parameter → (vocabulary, label). Parameter names are the contract of
#: /buscar/ (contrato/interfaz.md); `documents.facet_values` gives each one's ids.
FACETS: tuple[tuple[str, str | None, str], ...] = (
    ("tipo", "tipos", "Tipo de organización"),
    ("area", "areas", "Área"),
    ("barrio", "barrios", "Barrio"),
    ("poblacion", "poblaciones", "Población"),
    ("necesidad", "necesidades", "Necesidades"),
    ("ods", None, "Objetivos de Desarrollo Sostenible"),
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
    param: str, vocabularies: Mapping[str, Vocabulary], orgs: Iterable[Organization]
) -> list[tuple[str, str]]:
    """(value, name) of a facet, in display order: vocabulary terms sorted by
    name; ODS by number, only those some organization declares."""
    vocab = next(f[1] for f in FACETS if f[0] == param)
    if vocab is None:
        used = sorted({n for o in orgs for n in (o.ods or [])})
        return [(str(n), f"ODS {n}: {ODS[n]}") for n in used]
    return [(t.id, t.nombre) for t in vocabularies[vocab].sorted_terms()]


def _documents(ordered: list[Organization], facets: dict[str, list[tuple[str, str]]]) -> dict:
    """Cards plus facets. A row's facet values are positions in the facet's
    value list (`facetas[param][i]` = [id, name]), which keeps the file small."""
    position = {
        param: {value: i for i, (value, _) in enumerate(options)} for param, options in facets.items()
    }
    rows = []
    for org in ordered:
        row = card(org)
        for param, ids in facet_values(org).items():
            if ids:
                row[param] = [position[param][i] for i in ids]
        rows.append(row)
    return {
        "formato": DOCUMENTS_FORMAT,
        "facetas": {param: [list(pair) for pair in options] for param, options in facets.items()},
        "documentos": rows,
    }


def search_files(
    orgs: list[Organization], vocabularies: Mapping[str, Vocabulary], shard_size: int = SHARD_SIZE
) -> list[dict[str, SearchFile]]:
    """The search files: per shard of `shard_size` organizations (by slug), its
    three tiers keyed "documentos", "nombres", "texto". Deterministic bytes."""
    if shard_size < 1:
        raise ValueError(f"tamaño de fragmento inválido: {shard_size}")
    ordered = sorted(orgs, key=lambda o: o.slug)
    facets = {param: facet_options(param, vocabularies, ordered) for param, *_ in FACETS}
    shards = []
    for k, start in enumerate(range(0, max(len(ordered), 1), shard_size)):
        part = ordered[start : start + shard_size]
        texts = [index_texts(o) for o in part]
        shards.append(
            {
                "documentos": SearchFile(f"documentos-{k}.json", to_json(_documents(part, facets))),
                "nombres": SearchFile(f"nombres-{k}.json", to_json(compact_index(texts, NAME_FIELDS))),
                "texto": SearchFile(f"texto-{k}.json", to_json(compact_index(texts, TEXT_FIELDS))),
            }
        )
    return shards
