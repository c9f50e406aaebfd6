"""Compact index format (``formato`` 2): postings only; the browser computes the rest.

A lunr index serialized by lunr is mostly ``fieldVectors``: one BM25 weight per
(term, field, document), with three decimals (measured at 2000 synthetic profiles:
113 KB of the 205 KB gzip of the short-field index). Those weights are a pure
function of the postings: lunr.js' ``Builder.createFieldVectors`` uses only the
term frequency, the field length (= sum of the frequencies of its terms), the
average field length, the number of documents with the term (idf) and the field
boost. So this format ships only the postings, and ``search-pipeline.js``
(``loadIndex``) recomputes the vectors with lunr.js' own formula before
``lunr.Index.load``. ``a_lunr`` is the same computation in Python (tests and
``cargar``), checked against lunr's builder in tests/test_busqueda_niveles.py.

Shape::

    {"formato": 2, "pipeline": {...}, "campos": [["nombre", 10], ...],
     "documentos": 2000,
     "terminos": [["term", f, [d, d, ...], f, [d, ...]], ...]}

``terminos`` is sorted by term; a term's position is its lunr ``_index``. ``f``
is a field's position in ``campos``; the ``d`` list holds the documents
containing the term in that field, as ascending positions, delta-encoded (first
absolute); a ``0`` repeats the previous document, i.e. adds one to its term
frequency. Document ``n`` has lunr ref ``indice.ref_interna(n)`` (base 36).
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping

from cmosc.search import pipeline as pl
from cmosc.search.index import Campos, ref_interna

FORMATO_COMPACTO = 2
#: lunr.js Builder defaults (k1, b): the JS side uses the same.
K1, B = 1.2, 0.75


def indice_compacto(documentos: Iterable[Mapping[str, str]], campos: Campos) -> dict:
    """Index of ``documentos`` (already in their final order: position = ref),
    each a dict of field → plain text, through the same pipeline as
    ``indice.build_index``."""
    # Streamed document by document (no list of every word is kept); with the C
    # stemmer (PyStemmer) the variants are cheap enough without `precalcular`.
    # term → field position → positions of the documents, one per occurrence.
    postings: dict[str, dict[int, array]] = {}
    nombres = [campo for campo, _ in campos]
    cantidad = 0
    for posicion, doc in enumerate(documentos):
        cantidad += 1
        for f, campo in enumerate(nombres):
            texto = doc.get(campo)
            if not texto:
                continue
            for termino in pl.terminos(pl.dividir(texto), campo):
                por_campo = postings.get(termino)
                if por_campo is None:
                    por_campo = postings[termino] = {}
                lista = por_campo.get(f)
                if lista is None:
                    lista = por_campo[f] = array("I")
                lista.append(posicion)
    terminos = []
    for termino in sorted(postings):
        fila: list = [termino]
        for f in sorted(postings[termino]):
            apariciones = postings[termino][f]  # ascending: documents are read in order
            fila += [f, [b - a for a, b in zip([0, *apariciones], apariciones)]]
        terminos.append(fila)
    return {
        "formato": FORMATO_COMPACTO,
        "pipeline": pl.configuracion_js(),
        "campos": [list(c) for c in campos],
        "documentos": cantidad,
        "terminos": terminos,
    }


def _apariciones(deltas: list[int]) -> dict[int, int]:
    """Delta list → {document position: term frequency}."""
    frecuencias: dict[int, int] = {}
    posicion = 0
    for delta in deltas:
        posicion += delta
        frecuencias[posicion] = frecuencias.get(posicion, 0) + 1
    return frecuencias


def a_lunr(compacto: dict) -> dict:
    """The index as lunr serializes it (what ``lunr.Index.load`` takes), with the
    vectors computed as lunr.js' ``Builder`` does. Mirrors ``desempaquetar`` in
    search-pipeline.js."""
    if compacto.get("formato") != FORMATO_COMPACTO:
        raise ValueError(f"formato de índice desconocido: {compacto.get('formato')!r}")
    campos = [c[0] for c in compacto["campos"]]
    boosts = [c[1] for c in compacto["campos"]]
    n = compacto["documentos"]
    # Decode: term → field → {doc: tf}
    decodificado = []
    largos = [defaultdict(int) for _ in campos]
    for fila in compacto["terminos"]:
        por_campo = {}
        for i in range(1, len(fila), 2):
            f, frecuencias = fila[i], _apariciones(fila[i + 1])
            por_campo[f] = frecuencias
            for doc, tf in frecuencias.items():
                largos[f][doc] += tf
        decodificado.append((fila[0], por_campo))
    promedios = [sum(largos[f].values()) / n if n else 0 for f in range(len(campos))]
    vectores: dict[str, list] = defaultdict(list)
    invertido = []
    for indice, (termino, por_campo) in enumerate(decodificado):
        con_termino = sum(len(frecuencias) for frecuencias in por_campo.values())
        x = (n - con_termino + 0.5) / (con_termino + 0.5)
        idf = math.log(1 + abs(x))
        posting: dict = {"_index": indice}
        for campo in campos:
            posting[campo] = {}
        for f, frecuencias in por_campo.items():
            for doc, tf in sorted(frecuencias.items()):
                ref = ref_interna(doc)
                posting[campos[f]][ref] = {}
                normal = K1 * (1 - B + B * (largos[f][doc] / promedios[f])) + tf
                peso = idf * ((K1 + 1) * tf) / normal * boosts[f]
                vectores[f"{campos[f]}/{ref}"] += [indice, math.floor(peso * 1000 + 0.5) / 1000]
        invertido.append([termino, posting])
    return {
        "version": "2.3.9",
        "fields": campos,
        "fieldVectors": [[ref, vectores[ref]] for ref in sorted(vectores)],
        "invertedIndex": invertido,
        "pipeline": [pl.ETIQUETAS["separar"], pl.ETIQUETAS["vacias"], pl.ETIQUETAS["raices"]],
    }
