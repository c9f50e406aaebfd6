"""Archivos del buscador: formato compacto (= lunr), paridad JS y lo que escribe el build."""

from __future__ import annotations

import gzip
import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

from cmosc.model.organization import build_organizations
from cmosc.profiles.catalog import load_catalog
from cmosc.search.compact import a_lunr, indice_compacto
from cmosc.search.documents import extracto, texto_plano
from cmosc.search.index import build_index, expandir
from cmosc.search.measure import documentos_sinteticos
from cmosc.search.tiers import CAMPOS_NOMBRES, CAMPOS_TEXTO, archivos
from support.node_runner import correr as correr_js

CAMPOS_TODOS = CAMPOS_NOMBRES + CAMPOS_TEXTO
RAIZ = Path(__file__).resolve().parents[2]


def _documentos(cantidad: int = 120) -> list[dict]:
    docs = sorted(documentos_sinteticos(cantidad, 60), key=lambda d: d["id"])
    for i, doc in enumerate(docs):
        doc["tipo"] = "Asociación civil" if i % 2 else "Cooperativa"
        doc["necesidades_tipos"] = "Voluntariado Donación en especie" if i % 3 else ""
    # Frecuencias > 1 y campos vacíos: los casos que el formato codifica aparte.
    docs[0]["nombre"] = "Comedor comedor COMEDOR de los comedores"
    docs[1]["descripcion"] = ""
    docs[2]["sigla"] = "ON"
    return docs


def _por_termino(indice: dict) -> tuple[dict, dict]:
    """Postings y vectores por término (sin depender de la numeración `_index`)."""
    termino_de = {posting["_index"]: t for t, posting in indice["invertedIndex"]}
    postings = {
        t: {c: sorted(docs) for c, docs in p.items() if c != "_index" and docs}
        for t, p in indice["invertedIndex"]
    }
    vectores = {
        ref: {termino_de[v[i]]: v[i + 1] for i in range(0, len(v), 2)}
        for ref, v in indice["fieldVectors"]
        if v
    }
    return postings, vectores


@pytest.mark.parametrize("campos", [CAMPOS_NOMBRES, CAMPOS_TEXTO], ids=["nombres", "texto"])
def test_compacto_reconstruye_el_indice_de_lunr(campos):
    """Los vectores que se recalculan desde los postings son los del Builder de lunr."""
    docs = _documentos()
    de_lunr = expandir(build_index(docs, campos=campos)["lunr"])
    reconstruido = a_lunr(indice_compacto(docs, campos))
    assert reconstruido["fields"] == de_lunr["fields"]
    assert [t for t, _ in reconstruido["invertedIndex"]] == [t for t, _ in de_lunr["invertedIndex"]]
    postings_a, vectores_a = _por_termino(de_lunr)
    postings_b, vectores_b = _por_termino(reconstruido)
    assert postings_a == postings_b
    assert vectores_a.keys() == vectores_b.keys()
    diferencia = max(abs(vectores_a[r][t] - vectores_b[r][t]) for r in vectores_a for t in vectores_a[r])
    assert diferencia <= 0.001  # sólo el redondeo a 3 decimales
    if "nombre" in reconstruido["fields"]:
        assert vectores_b["nombre/0"]["comedor"] > 0


def test_frecuencias_como_documento_repetido():
    compacto = indice_compacto([{"nombre": "taller"}, {"nombre": "taller taller casa"}], (("nombre", 1),))
    assert ["tall", 0, [0, 1, 0]] in compacto["terminos"]
    assert ["cas", 0, [1]] in compacto["terminos"]


def test_js_desempaqueta_igual_que_python(tmp_path):
    compacto = indice_compacto(_documentos(60), CAMPOS_TODOS)
    js = correr_js(tmp_path, "const salida = api.desempaquetar(entrada);", compacto)
    python = a_lunr(compacto)
    assert _por_termino(js)[0] == _por_termino(python)[0]
    vectores_js, vectores_py = _por_termino(js)[1], _por_termino(python)[1]
    assert vectores_js.keys() == vectores_py.keys()
    assert all(
        abs(vectores_js[r][t] - vectores_py[r][t]) <= 0.001 for r in vectores_py for t in vectores_py[r]
    )


def test_js_busca_en_el_indice_compacto(tmp_path):
    docs = _documentos(60)
    compacto = indice_compacto(docs, CAMPOS_TODOS)
    cuerpo = """
    const indice = api.loadIndex(entrada);
    const salida = ['comedores', 'on'].map(q => api.buscar(indice, q).map(r => parseInt(r.ref, 36)));
    """
    comedores, on = correr_js(tmp_path, cuerpo, compacto)
    assert comedores[0] == 0
    assert on == [2]


def test_texto_plano_y_extracto():
    assert (
        texto_plano('<p>Hola <a href="https://x.org/secreto">mundo</a> &amp; más</p>') == "Hola mundo & más"
    )
    assert "secreto" not in texto_plano('<a href="https://x.org/secreto">x</a>')

    class Org:  # only what `extracto` reads
        resumen = None
        descripcion_html = "<p>" + "palabra " * 60 + "</p>"

    corto = extracto(Org(), 40)
    assert corto.endswith("palabra…") and len(corto) <= 41


# --------------------------------------------------------------------------
# Lo que escribe el build de los datos de ejemplo
# --------------------------------------------------------------------------


def _json(built_site, nombre: str) -> dict:
    return json.loads((built_site / "buscar" / nombre).read_text(encoding="utf-8"))


def test_archivos_del_buscador(built_site):
    documentos = _json(built_site, "documentos-0.json")
    slugs = [d["slug"] for d in documentos["documentos"]]
    assert slugs == sorted(slugs) and len(slugs) == len(
        list((built_site / "organizaciones").glob("*/index.html"))
    ) - _redirecciones(built_site)
    norte = documentos["documentos"][slugs.index("organizacion-norte")]
    nombres = {p: [documentos["facetas"][p][i][0] for i in norte.get(p, [])] for p in documentos["facetas"]}
    assert norte["sigla"] == "ON"
    assert nombres["barrio"] == ["villa-mariano-moreno"]
    assert nombres["area"] == ["desarrollo-comunitario", "vivienda", "alimentacion"]
    assert nombres["necesidad"] == ["donacion-en-especie", "capacitacion"]
    assert nombres["ods"] == ["2", "6", "11"]
    assert norte["extracto"].startswith("Organización territorial de la zona norte")
    for nivel in ("nombres-0.json", "texto-0.json"):
        indice = _json(built_site, nivel)
        assert indice["formato"] == 2 and indice["documentos"] == len(slugs)
    campos_nombres = [c for c, _ in _json(built_site, "nombres-0.json")["campos"]]
    assert "descripcion" not in campos_nombres and "sigla" in campos_nombres


def _version(built_site, nombre: str) -> str:
    import hashlib

    return hashlib.sha256((built_site / "buscar" / nombre).read_bytes()).hexdigest()[:12]


def _redirecciones(built_site) -> int:
    return sum(
        1
        for p in (built_site / "organizaciones").glob("*/index.html")
        if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")
    )


def test_solo_datos_publicados(built_site):
    todo = "".join(
        (built_site / "buscar" / n).read_text(encoding="utf-8")
        for n in ("documentos-0.json", "nombres-0.json", "texto-0.json")
    )
    assert "resguardo" not in todo and "comodato" not in todo  # notas_internas de los ejemplos
    assert "notas_internas" not in todo


def test_pagina_sin_js_inline_y_con_versiones(built_site):
    html = (built_site / "buscar" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    codigo = [(attrs, cuerpo) for attrs, cuerpo in scripts if 'type="application/json"' not in attrs]
    assert codigo and all(
        "src=" in attrs and "defer" in attrs and not cuerpo.strip() for attrs, cuerpo in codigo
    )
    assert not re.search(r"\son[a-z]+=", html)
    datos = [json.loads(cuerpo) for attrs, cuerpo in scripts if 'id="busqueda-archivos"' in attrs]
    assert datos == [
        [
            {
                nivel: f"/buscar/{nivel}-0.json?v={_version(built_site, f'{nivel}-0.json')}"
                for nivel in ("documentos", "nombres", "texto")
            }
        ]
    ]
    assert "La búsqueda necesita JavaScript" in html
    for ruta in ("tipos", "areas", "barrios", "poblaciones", "necesidades", "ods"):
        assert f'href="/{ruta}/"' in html
    for param in ("tipo", "area", "barrio", "poblacion", "necesidad", "ods"):
        assert f'name="{param}"' in html
    # El índice no se pide en las demás páginas.
    assert "search.js" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_primer_nivel_chico(built_site):
    """Con los datos de ejemplo el primer pedido es de unos pocos KB."""
    total = sum(
        len(gzip.compress((built_site / "buscar" / n).read_bytes()))
        for n in ("documentos-0.json", "nombres-0.json")
    )
    assert total < 20_000


def test_stemmer_en_c_igual_al_de_python():
    """PyStemmer (C, pinned for build speed) gives the stems of the pure-Python Snowball."""
    from snowballstemmer.spanish_stemmer import SpanishStemmer

    from cmosc.search import pipeline as pl

    assert type(pl._STEMMER).__module__ == "Stemmer"
    palabras = sorted({p for d in documentos_sinteticos(300, 80) for v in d.values() for p in pl.dividir(v)})
    python = SpanishStemmer()
    assert [pl._STEMMER.stemWord(p) for p in palabras] == [python.stemWord(p) for p in palabras]


def test_archivos_deterministas():
    """Same organizations in any order → byte-identical files."""
    hoy = date(2026, 11, 25)
    catalogo = load_catalog(RAIZ, today=hoy)
    orgs = build_organizations(catalogo, hoy)
    mezcladas = orgs[:]
    random.Random(7).shuffle(mezcladas)
    uno = [{k: a.texto for k, a in f.items()} for f in archivos(orgs, catalogo.vocabularies)]
    otro = [{k: a.texto for k, a in f.items()} for f in archivos(mezcladas, catalogo.vocabularies)]
    assert mezcladas != orgs and uno == otro and len(uno) == 1


def test_fragmentos():
    """Split by slug into shards of n organizations, each a complete set with local positions."""
    hoy = date(2026, 11, 25)
    catalogo = load_catalog(RAIZ, today=hoy)
    orgs = build_organizations(catalogo, hoy)
    fragmentos = archivos(orgs, catalogo.vocabularies, fragmento=8)
    assert len(fragmentos) == -(-len(orgs) // 8)
    filas = [json.loads(f["documentos"].texto)["documentos"] for f in fragmentos]
    assert [d["slug"] for parte in filas for d in parte] == sorted(o.slug for o in orgs)
    for parte, f in zip(filas, fragmentos):
        assert json.loads(f["nombres"].texto)["documentos"] == len(parte)
        assert json.loads(f["texto"].texto)["documentos"] == len(parte)
    assert [f["nombres"].nombre for f in fragmentos][:2] == ["nombres-0.json", "nombres-1.json"]
