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

Large directories are split by documents into shards of ``TAMANO_FRAGMENTO``
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
from cmosc.search.compact import indice_compacto
from cmosc.search.documents import tarjeta, textos, valores
from cmosc.search.index import Campos, serializar

FORMATO_DOCUMENTOS = 1

#: Organizations per shard. Up to this many there is one shard; beyond it the
#: page answers from the first shard and merges the others as they arrive, so
#: the time to first results and each decoding step stay bounded (figures in
#: benchmarks/RESULTS.md at 2000 and 20000 profiles).
TAMANO_FRAGMENTO = 2500

#: Tier 1: short fields; the boosts of `indice.CAMPOS` where they exist.
CAMPOS_NOMBRES: Campos = (
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
CAMPOS_TEXTO: Campos = (
    ("necesidades", 2),
    ("actividades", 2),
    ("descripcion", 1),
)

#: URL parameter → (vocabulary, label). Parameter names are the contract of
#: /buscar/ (contrato/interfaz.md); `documentos.valores` gives each one's ids.
FACETAS: tuple[tuple[str, str | None, str], ...] = (
    ("tipo", "tipos", "Tipo de organización"),
    ("area", "areas", "Área"),
    ("barrio", "barrios", "Barrio"),
    ("poblacion", "poblaciones", "Población"),
    ("necesidad", "necesidades", "Necesidades"),
    ("ods", None, "Objetivos de Desarrollo Sostenible"),
)


@dataclass(frozen=True)
class Archivo:
    nombre: str  # file name under buscar/
    texto: str  # exact JSON text written

    @property
    def version(self) -> str:
        """Content hash for cache busting (`?v=`): same bytes, same version."""
        return hashlib.sha256(self.texto.encode("utf-8")).hexdigest()[:12]


def valores_faceta(
    param: str, vocabularies: Mapping[str, Vocabulary], orgs: Iterable[Organization]
) -> list[tuple[str, str]]:
    """(value, name) of a facet, in display order: vocabulary terms sorted by
    name; ODS by number, only those some organization declares."""
    vocab = next(f[1] for f in FACETAS if f[0] == param)
    if vocab is None:
        usados = sorted({n for o in orgs for n in (o.ods or [])})
        return [(str(n), f"ODS {n}: {ODS[n]}") for n in usados]
    return [(t.id, t.nombre) for t in vocabularies[vocab].sorted_terms()]


def _documentos(ordenadas: list[Organization], facetas: dict[str, list[tuple[str, str]]]) -> dict:
    """Cards plus facets. A row's facet values are positions in the facet's
    value list (`facetas[param][i]` = [id, name]), which keeps the file small."""
    posicion = {param: {valor: i for i, (valor, _) in enumerate(lista)} for param, lista in facetas.items()}
    filas = []
    for org in ordenadas:
        fila = tarjeta(org)
        for param, ids in valores(org).items():
            if ids:
                fila[param] = [posicion[param][i] for i in ids]
        filas.append(fila)
    return {
        "formato": FORMATO_DOCUMENTOS,
        "facetas": {param: [list(par) for par in lista] for param, lista in facetas.items()},
        "documentos": filas,
    }


def archivos(
    orgs: list[Organization], vocabularies: Mapping[str, Vocabulary], fragmento: int = TAMANO_FRAGMENTO
) -> list[dict[str, Archivo]]:
    """The search files: per shard of `fragmento` organizations (by slug), its
    three tiers keyed "documentos", "nombres", "texto". Deterministic bytes."""
    if fragmento < 1:
        raise ValueError(f"tamaño de fragmento inválido: {fragmento}")
    ordenadas = sorted(orgs, key=lambda o: o.slug)
    facetas = {param: valores_faceta(param, vocabularies, ordenadas) for param, *_ in FACETAS}
    resultado = []
    for k, inicio in enumerate(range(0, max(len(ordenadas), 1), fragmento)):
        parte = ordenadas[inicio : inicio + fragmento]
        docs = [textos(o) for o in parte]
        resultado.append(
            {
                "documentos": Archivo(f"documentos-{k}.json", serializar(_documentos(parte, facetas))),
                "nombres": Archivo(f"nombres-{k}.json", serializar(indice_compacto(docs, CAMPOS_NOMBRES))),
                "texto": Archivo(f"texto-{k}.json", serializar(indice_compacto(docs, CAMPOS_TEXTO))),
            }
        )
    return resultado
