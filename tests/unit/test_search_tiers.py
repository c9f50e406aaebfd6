"""Search files: the compact format (= lunr's own builder), JS parity and what the build writes."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import random
import re
from datetime import date
from pathlib import Path

import pytest
from lunr.builder import Builder

from cmosc.model.organization import build_organizations, unique_phones
from cmosc.profiles.catalog import load_catalog
from cmosc.search import lunr_functions as lunr_fn
from cmosc.search import pipeline as pl
from cmosc.search.compact import (
    COMPACT_FORMAT,
    IndexBuilder,
    compact_index,
    decoded_rows,
    from_vlq,
    lunr_ref,
    to_lunr,
    vlq,
)
from cmosc.search.documents import call_number, card_phone, plain_text, snippet
from cmosc.search.tiers import NAME_FIELDS, TEXT_FIELDS, search_files
from support.node_runner import run_js
from support.search_documents import document_rows
from support.synthetic_text import synthetic_documents

ALL_FIELDS = NAME_FIELDS + TEXT_FIELDS
ROOT = Path(__file__).resolve().parents[2]


def _documents(count: int = 120) -> list[dict]:
    docs = sorted(synthetic_documents(count, 60), key=lambda d: d["id"])
    for i, doc in enumerate(docs):
        doc["tipo"] = "Asociación civil" if i % 2 else "Cooperativa"
        doc["necesidades_tipos"] = "Voluntariado Donación en especie" if i % 3 else ""
    # Frequencies > 1 and empty fields: the cases the format encodes apart.
    docs[0]["nombre"] = "Comedor comedor COMEDOR de los comedores"
    docs[1]["descripcion"] = ""
    docs[2]["sigla"] = "ON"
    return docs


def _lunr_builder_index(docs: list[dict], fields) -> dict:
    """The reference: lunr's standard Builder (its tokenizer plus our registered
    pipeline, stopwords kept in sigla), refs by position as in the compact format."""
    builder = Builder()
    builder.ref("id")
    for field, boost in fields:
        # lunr's tokenizer keeps each list item (it only lower-cases it, idempotent here).
        builder.field(
            field, boost=boost, extractor=lambda doc, field=field: pl.split_words(doc.get(field) or "")
        )
    builder.pipeline.add(lunr_fn.split_token, lunr_fn.drop_stopword, lunr_fn.stem_token)
    builder.pipeline.skip(lunr_fn.drop_stopword, sorted(pl.FIELDS_KEEPING_STOPWORDS))
    for position, doc in enumerate(docs):
        builder.add({**doc, "id": lunr_ref(position)})
    return builder.build().serialize()


def _by_term(index: dict) -> tuple[dict, dict]:
    """Postings and vectors by term (independent of the `_index` numbering)."""
    term_of = {posting["_index"]: t for t, posting in index["invertedIndex"]}
    postings = {
        t: {c: sorted(docs) for c, docs in p.items() if c != "_index" and docs}
        for t, p in index["invertedIndex"]
    }
    vectors = {
        ref: {term_of[v[i]]: v[i + 1] for i in range(0, len(v), 2)} for ref, v in index["fieldVectors"] if v
    }
    return postings, vectors


@pytest.mark.parametrize("fields", [NAME_FIELDS, TEXT_FIELDS], ids=["nombres", "texto"])
def test_an_index_patched_where_documents_changed_equals_one_built_from_scratch(fields):
    """`cmosc servir` patches a shard's index after a save: same bytes as a fresh one."""
    docs = _documents()
    builder = IndexBuilder(fields)
    assert builder.index(docs) == compact_index(docs, fields)
    versions = []
    edited = [dict(d) for d in docs]
    edited[5] = {**edited[5], "nombre": "Comedor nuevo nuevo", "descripcion": "", "resumen": "otro"}
    edited[0] = {**edited[0], "nombre": "Biblioteca"}  # the document with repeated words
    edited[-1] = {**edited[-1], "descripcion": edited[-1]["descripcion"] + " palabrainventada"}
    versions.append(edited)
    versions.append([dict(d) for d in docs])  # and back
    versions.append(docs[:-1])  # one fewer: the positions shift, built from scratch
    versions.append([{**d, "nombre": f"Otro {i}"} for i, d in enumerate(docs)])  # all changed
    for version in versions:
        assert builder.index(version) == compact_index(version, fields)


@pytest.mark.parametrize("fields", [NAME_FIELDS, TEXT_FIELDS], ids=["nombres", "texto"])
def test_compact_rebuilds_lunrs_index(fields):
    """The vectors recomputed from the postings are those of lunr's Builder."""
    docs = _documents()
    by_lunr = _lunr_builder_index(docs, fields)
    rebuilt = to_lunr(compact_index(docs, fields))
    assert rebuilt["fields"] == by_lunr["fields"]
    assert sorted(t for t, _ in rebuilt["invertedIndex"]) == sorted(t for t, _ in by_lunr["invertedIndex"])
    postings_a, vectors_a = _by_term(by_lunr)
    postings_b, vectors_b = _by_term(rebuilt)
    assert postings_a == postings_b
    assert vectors_a.keys() == vectors_b.keys()
    difference = max(abs(vectors_a[r][t] - vectors_b[r][t]) for r in vectors_a for t in vectors_a[r])
    assert difference <= 0.001  # only the rounding to 3 decimals
    if "nombre" in rebuilt["fields"]:
        assert vectors_b["nombre/0"]["comedor"] > 0


def test_frequency_as_repeated_document():
    compact = compact_index([{"nombre": "taller"}, {"nombre": "taller taller casa"}], (("nombre", 1),))
    assert ["tall", 0, [0, 1, 0]] in decoded_rows(compact["terminos"])
    assert ["cas", 0, [1]] in decoded_rows(compact["terminos"])


def test_postings_as_base64_digits():
    """Deltas below 32 are one digit; larger ones carry on in the next digits, low bits first."""
    assert vlq([0, 1, 31]) == "ABf"
    assert vlq([32, 1000]) == "gBof"
    numbers = [0, 1, 31, 32, 33, 1023, 1024, 40000, 2**31]
    assert from_vlq(vlq(numbers)) == numbers


def test_same_postings_written_once(tmp_path):
    """A term with an earlier term's postings (a word and its stem) names that row instead."""
    docs = [{"nombre": "apoyo escolar"}, {"nombre": "casa escolar"}, {"nombre": "casa"}]
    compact = compact_index(docs, (("nombre", 1),))
    assert compact["terminos"] == [["apoy", 0, "A"], ["cas", 0, "BB"], ["escol", 0, "AB"], ["escolar", 2]]
    python = to_lunr(compact)
    assert _by_term(python)[0]["escolar"] == _by_term(python)[0]["escol"] == {"nombre": ["0", "1"]}
    js = run_js(tmp_path, "const output = api.unpack(input);", compact)
    assert _by_term(js) == _by_term(python)


def test_js_unpacks_as_python(tmp_path):
    compact = compact_index(_documents(60), ALL_FIELDS)
    js = run_js(tmp_path, "const output = api.unpack(input);", compact)
    python = to_lunr(compact)
    assert _by_term(js)[0] == _by_term(python)[0]
    vectors_js, vectors_py = _by_term(js)[1], _by_term(python)[1]
    assert vectors_js.keys() == vectors_py.keys()
    assert all(abs(vectors_js[r][t] - vectors_py[r][t]) <= 0.001 for r in vectors_py for t in vectors_py[r])


def test_js_searches_the_compact_index(tmp_path):
    compact = compact_index(_documents(60), ALL_FIELDS)
    body = """
    const indexes = [{index: api.loadIndex(input), offset: 0}];
    const output = ['comedores', 'on'].map(q => Object.keys(api.rank(indexes, q).scores).map(Number));
    """
    comedores, on = run_js(tmp_path, body, compact)
    assert 0 in comedores
    assert on == [2]


def test_card_phone_is_the_shown_text_when_its_digits_dial():
    for typed, card in (
        ("0381 421-3456", "0381 421-3456"),
        ("381 15 520-1199", "+54 9 381 520-1199"),
        ("0800 555 0199", "0800 555-0199"),
        ("4213456 interno 23", ["4213456 interno 23", "421345623"]),  # not placed: shown as typed
    ):
        (phone,) = unique_phones([typed])
        assert card_phone(phone) == card, typed
        assert call_number(phone.texto) == phone.href.removeprefix("tel:") or isinstance(card, list)


def test_plain_text_and_snippet():
    assert plain_text('<p>Hola <a href="https://x.org/secreto">mundo</a> &amp; más</p>') == "Hola mundo & más"
    assert "secreto" not in plain_text('<a href="https://x.org/secreto">x</a>')

    class Org:  # only what `snippet` reads
        resumen = None
        descripcion_html = "<p>" + "palabra " * 60 + "</p>"

    short = snippet(Org(), 40)
    assert short.endswith("palabra…") and len(short) <= 41


# --------------------------------------------------------------------------
# What the build writes for the sample data
# --------------------------------------------------------------------------


def _json(built_site, name: str) -> dict:
    return json.loads((built_site / "buscar" / name).read_text(encoding="utf-8"))


def test_search_files_of_the_build(built_site):
    documents = _json(built_site, "documentos-0.json")
    rows = document_rows(documents)
    slugs = [d["slug"] for d in rows]
    assert slugs == sorted(slugs) and len(slugs) == len(
        list((built_site / "organizaciones").glob("*/index.html"))
    ) - _redirects(built_site)
    norte = rows[slugs.index("organizacion-norte")]
    nombres = {p: [documents["facetas"][p][i][0] for i in norte.get(p, [])] for p in documents["facetas"]}
    assert norte["sigla"] == "ON"
    assert nombres["barrio"] == ["villa-mariano-moreno"]
    # Its areas, plus «Niñez», which its population «Niñas y niños» stands for (merged topics).
    assert nombres["area"] == ["desarrollo-comunitario", "vivienda", "alimentacion", "ninez"]
    assert nombres["necesidad"] == ["donacion-en-especie", "capacitacion"]
    assert nombres["ods"] == ["2", "6", "11"]
    # Snippets come in their own file, after the first results (cards lead with barrio and phone).
    assert "extracto" not in norte and norte["tel"] == "+54 9 381 520-1199"
    snippets = _json(built_site, "extractos-0.json")["extractos"]
    assert len(snippets) == len(slugs)
    assert snippets[slugs.index("organizacion-norte")].startswith("Organización territorial de la zona norte")
    for nivel in ("nombres-0.json", "texto-0.json"):
        indice = _json(built_site, nivel)
        assert indice["formato"] == COMPACT_FORMAT and indice["documentos"] == len(slugs)
    name_fields = [c for c, _ in _json(built_site, "nombres-0.json")["campos"]]
    assert "descripcion" not in name_fields and "sigla" in name_fields


def _version(built_site, name: str) -> str:
    return hashlib.sha256((built_site / "buscar" / name).read_bytes()).hexdigest()[:12]


def _redirects(built_site) -> int:
    return sum(
        1
        for p in (built_site / "organizaciones").glob("*/index.html")
        if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")
    )


def test_published_data_only(built_site):
    todo = "".join(
        (built_site / "buscar" / n).read_text(encoding="utf-8")
        for n in ("documentos-0.json", "nombres-0.json", "texto-0.json", "extractos-0.json")
    )
    assert "resguardo" not in todo and "comodato" not in todo  # notas_internas de los ejemplos
    assert "notas_internas" not in todo


def test_page_without_inline_js_and_with_versions(built_site):
    html = (built_site / "buscar" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    codigo = [(attrs, body) for attrs, body in scripts if 'type="application/json"' not in attrs]
    assert codigo and all("src=" in attrs and "defer" in attrs and not body.strip() for attrs, body in codigo)
    assert not re.search(r"\son[a-z]+=", html)
    datos = [json.loads(body) for attrs, body in scripts if 'id="busqueda-archivos"' in attrs]
    assert datos == [
        [
            {
                nivel: f"/buscar/{nivel}-0.json?v={_version(built_site, f'{nivel}-0.json')}"
                for nivel in ("documentos", "nombres", "texto", "extractos")
            }
        ]
    ]
    assert "La búsqueda necesita JavaScript" in html
    for path in ("tipos", "areas", "barrios", "poblaciones", "necesidades", "ods"):
        assert f'href="/{path}/"' in html
    for param in ("tipo", "area", "barrio", "poblacion", "necesidad", "ods"):
        assert f'name="{param}"' in html
    # El índice no se pide en las demás páginas.
    assert "search.js" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_search_script_gets_the_facets_as_data(built_site):
    """search.js hard-codes no facet: the page hands it the URL parameters (the documents'
    facet keys, in the order of the form's filters) and those the result card names."""
    html = (built_site / "buscar" / "index.html").read_text(encoding="utf-8")
    bloque = re.search(r'<script type="application/json" id="busqueda-facetas">(.*?)</script>', html, re.S)
    datos = json.loads(bloque.group(1))
    assert datos == {
        "parametros": ["tipo", "area", "barrio", "poblacion", "necesidad", "ods"],
        "tarjeta": ["tipo", "barrio"],
    }
    assert sorted(_json(built_site, "documentos-0.json")["facetas"]) == sorted(datos["parametros"])
    assert re.findall(r'data-faceta="(\w+)"', html) == datos["parametros"]
    script = (ROOT / "theme" / "static" / "js" / "search.js").read_text(encoding="utf-8")
    assert not [p for p in datos["parametros"] if f"'{p}'" in script or f'"{p}"' in script]


def test_first_tier_is_small(built_site):
    """With the sample data the first request is a few KB."""
    total = sum(
        len(gzip.compress((built_site / "buscar" / n).read_bytes()))
        for n in ("documentos-0.json", "nombres-0.json")
    )
    assert total < 20_000


def test_c_stemmer_equals_pythons():
    """PyStemmer (C, pinned for build speed) gives the stems of the pure-Python Snowball."""
    from snowballstemmer.spanish_stemmer import SpanishStemmer

    assert type(pl._STEMMER).__module__ == "Stemmer"
    words = sorted({w for d in synthetic_documents(300, 80) for v in d.values() for w in pl.split_words(v)})
    python = SpanishStemmer()
    assert [pl._STEMMER.stemWord(w) for w in words] == [python.stemWord(w) for w in words]


def test_search_files_deterministic():
    """Same organizations in any order → byte-identical files."""
    today = date(2026, 11, 25)
    catalog = load_catalog(ROOT, today=today)
    orgs = build_organizations(catalog, today)
    # Other objects with the same data: files worked out again, not the shards kept from `orgs`.
    shuffled = build_organizations(load_catalog(ROOT, today=today), today)
    random.Random(7).shuffle(shuffled)
    assert not {id(o) for o in orgs} & {id(o) for o in shuffled}
    one = [{k: a.text for k, a in f.items()} for f in search_files(orgs, catalog.vocabularies)]
    other = [{k: a.text for k, a in f.items()} for f in search_files(shuffled, catalog.vocabularies)]
    assert shuffled != orgs and one == other and len(one) == 1


def test_shards():
    """Split by slug into shards of n organizations, each a complete set with local positions."""
    today = date(2026, 11, 25)
    catalog = load_catalog(ROOT, today=today)
    orgs = build_organizations(catalog, today)
    shards = search_files(orgs, catalog.vocabularies, shard_size=8)
    assert len(shards) == -(-len(orgs) // 8)
    rows = [document_rows(json.loads(f["documentos"].text)) for f in shards]
    assert [d["slug"] for part in rows for d in part] == sorted(o.slug for o in orgs)
    for part, f in zip(rows, shards):
        assert json.loads(f["nombres"].text)["documentos"] == len(part)
        assert json.loads(f["texto"].text)["documentos"] == len(part)
    assert [f["nombres"].name for f in shards][:2] == ["nombres-0.json", "nombres-1.json"]


def test_unchanged_shards_are_kept_and_a_changed_one_worked_out_again():
    """`cmosc servir` after one save: the shards holding only the same Organization objects
    are the last build's; the one with the changed organization equals a fresh computation."""
    today = date(2026, 11, 25)
    catalog = load_catalog(ROOT, today=today)
    orgs = build_organizations(catalog, today)
    before = search_files(orgs, catalog.vocabularies, shard_size=8, keep=True)
    ordered = sorted(orgs, key=lambda o: o.slug)
    summary = "Un resumen que nadie más tiene: zarzaparrilla."
    edited = dataclasses.replace(ordered[9], resumen=summary, data={**ordered[9].data, "resumen": summary})
    now = search_files(
        [edited if o is ordered[9] else o for o in orgs], catalog.vocabularies, shard_size=8, keep=True
    )
    assert [a is b for a, b in zip(before, now)] == [True, False] + [True] * (len(now) - 2)
    assert "zarzaparr" in now[1]["extractos"].text and "zarzaparr" not in before[1]["extractos"].text
    # The same organizations as new objects: every shard worked out from scratch, same bytes.
    fresh_orgs = build_organizations(load_catalog(ROOT, today=today), today)
    fresh = search_files(
        [
            dataclasses.replace(o, resumen=summary, data={**o.data, "resumen": summary})
            if o.slug == edited.slug
            else o
            for o in fresh_orgs
        ],
        catalog.vocabularies,
        shard_size=8,
    )
    assert [{k: f.text for k, f in s.items()} for s in now] == [
        {k: f.text for k, f in s.items()} for s in fresh
    ]


def test_a_one_off_build_keeps_no_shards_or_terms():
    """Only a process that builds again (`keep`, `cmosc servir`) holds the last build's shards
    and the terms of each text; a one-off build frees them (4 KB per organization)."""
    from cmosc.search import compact, tiers

    today = date(2026, 11, 25)
    catalog = load_catalog(ROOT, today=today)
    orgs = build_organizations(catalog, today)
    kept = search_files(orgs, catalog.vocabularies, shard_size=8, keep=True)
    assert tiers._SHARDS and compact._TERMS
    once = search_files(orgs, catalog.vocabularies, shard_size=8)
    assert not tiers._SHARDS and not compact._TERMS
    assert [{k: f.text for k, f in s.items()} for s in once] == [
        {k: f.text for k, f in s.items()} for s in kept
    ]
