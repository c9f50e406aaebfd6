"""Ranking: the code /buscar/ runs (`rank` and `order` in search-pipeline.js), in Node
and in Chromium, over the two published index tiers built from a small directory.

Under ``CI=true`` a missing ``node`` or Chromium fails, never skips.
"""

from __future__ import annotations

import pytest

from cmosc.search import pipeline as pl
from cmosc.search.compact import compact_index, decoded_rows, lunr_ref
from cmosc.search.tiers import NAME_FIELDS, TEXT_FIELDS
from support.node_runner import open_search_page, run_js, run_node


def _doc(slug, **fields) -> dict:
    doc = {field: "" for field, _ in NAME_FIELDS + TEXT_FIELDS}
    doc.update(fields, id=slug)
    return doc


DOCUMENTS = sorted(
    [
        _doc(
            "asociacion-civil-esperanza-solidaria",
            nombre="Asociación Civil Esperanza Solidaria",
            sigla="ACES",
            resumen="Apoyo escolar y educación popular para niñas y niños del barrio.",
            areas="Educación, Niñez",
            poblacion="Niñas, niños y adolescentes",
            barrio="Villa 9 de Julio",
            necesidades="Útiles escolares, voluntarios",
            actividades="Apoyo escolar, Biblioteca popular",
            descripcion="Funcionamos desde 2004 en el salón de la parroquia.",
        ),
        _doc(
            "comedor-los-peques",
            nombre="Comedor comunitario Los Peques",
            resumen="Almuerzo y merienda para familias del barrio.",
            areas="Alimentación",
            poblacion="Familias",
            barrio="Villa Luján",
            necesidades="Alimentos no perecederos, garrafas",
            actividades="Comedor, Merendero",
            descripcion="Cocinamos todos los días para 120 personas.",
        ),
        _doc(
            "club-atletico-san-cayetano",
            nombre="Club Atlético San Cayetano",
            resumen="Escuela de fútbol infantil y otros deportes.",
            areas="Deporte",
            poblacion="Jóvenes",
            barrio="San Cayetano",
            actividades="Fútbol, Hockey, Vóley",
            descripcion="Tenemos una pequeña biblioteca en la sede.",
        ),
        _doc(
            "union-de-organizaciones",
            nombre="Unión de Organizaciones del Oeste",
            sigla="UNO",
            resumen="Red de organizaciones vecinales.",
            areas="Participación ciudadana",
            poblacion="Mujer, diversidad",
            barrio="Oeste",
            actividades="Talleres de género",
        ),
        _doc(
            "centro-educacion-adultos-tafi",
            # Written without accents, as forms sometimes send it.
            nombre="Centro de educacion de adultos",
            resumen="Terminalidad educativa para jovenes y adultos",
            areas="Educacion",
            poblacion="Jovenes, adultos, mujeres",
            barrio="Tafi Viejo",
            necesidades="Computadoras",
        ),
        _doc(
            "fundacion-biblioteca-del-sur",
            nombre="Fundación Biblioteca del Sur",
            resumen="Promoción de la lectura.",
            areas="Cultura",
            poblacion="Todas las edades",
            barrio="Barrio Sur",
            actividades="Préstamo de libros, talleres de lectura para niños",
        ),
        _doc(
            "comedor-cerrado",
            nombre="Comedor Comedor del Centro",
            resumen="Comedor que cerró.",
            inactiva=True,
        ),
    ],
    key=lambda d: d["id"],
)

#: What documentos-K.json carries for ranking: the card fields `order` reads.
ROWS = [
    {"slug": d["id"], "nombre": d["nombre"], **({"inactiva": True} if d.get("inactiva") else {})}
    for d in DOCUMENTS
]

QUERIES = [
    "ninos",
    "niños",
    "NIÑOS",
    "nino",
    "comedores",
    "comedor",
    "futbol",
    "fútbol",
    "educacion",
    "educación",
    "ACES",
    "aces",
    "A.C.E.S.",
    "uno",
    "mujeres",
    "mujer",
    "jóvenes",
    "joven",
    "biblioteca",
    "bibl",
    "bibloteca",
    "tafi viejo",
    "comedor villa lujan",
    "comedor futbol",
    "zzxqj",
    "qwertyuiop asdf",
    "de la",
    "el",
    "los de las",
    "",
    "   ",
    "¿?",
    "+-~^*:",
    "niños:",
    "-comedor",
    "+futbol~",
    "^biblioteca*",
]

# Run in Node and in Chromium alike: the site's ranking over both tiers.
RANK = """
function rankAll (api, input) {
  const indexes = [input.names, input.text].map(function (json) {
    return { index: api.loadIndex(json), offset: 0 };
  });
  const result = {};
  input.queries.forEach(function (q) {
    const r = api.rank(indexes, q);
    const positions = r.scores === null ? null : api.order(Object.keys(r.scores).map(Number), input.rows, r.scores);
    result[q] = { mode: r.mode, slugs: positions && positions.map(function (i) { return input.rows[i].slug; }) };
  });
  return result;
}
"""


def _input() -> dict:
    return {
        "names": compact_index(DOCUMENTS, NAME_FIELDS),
        "text": compact_index(DOCUMENTS, TEXT_FIELDS),
        "rows": ROWS,
        "queries": QUERIES,
    }


@pytest.fixture(scope="module")
def ranked(tmp_path_factory) -> dict:
    return run_js(tmp_path_factory.mktemp("js"), RANK + "const output = rankAll(api, input);", _input())


@pytest.mark.parametrize(
    "query, first",
    [
        ("ninos", "asociacion-civil-esperanza-solidaria"),
        ("niños", "asociacion-civil-esperanza-solidaria"),
        ("NIÑOS", "asociacion-civil-esperanza-solidaria"),
        ("nino", "asociacion-civil-esperanza-solidaria"),
        ("comedores", "comedor-los-peques"),
        ("comedor", "comedor-los-peques"),
        ("futbol", "club-atletico-san-cayetano"),
        ("fútbol", "club-atletico-san-cayetano"),
        ("ACES", "asociacion-civil-esperanza-solidaria"),
        ("aces", "asociacion-civil-esperanza-solidaria"),
        ("A.C.E.S.", "asociacion-civil-esperanza-solidaria"),
        ("uno", "union-de-organizaciones"),
        ("biblioteca", "fundacion-biblioteca-del-sur"),
    ],
)
def test_query_finds_first(ranked, query, first):
    assert ranked[query]["mode"] == "exact" and ranked[query]["slugs"][0] == first, ranked[query]


def test_accents_both_ways(ranked):
    both = {"asociacion-civil-esperanza-solidaria", "centro-educacion-adultos-tafi"}
    # "educacion" finds the accented document, "educación" the unaccented one.
    assert set(ranked["educacion"]["slugs"]) == both
    assert set(ranked["educación"]["slugs"]) == both


def test_singular_and_plural(ranked):
    # "mujer" is in one document and "mujeres" in another: each query finds both.
    both = {"union-de-organizaciones", "centro-educacion-adultos-tafi"}
    assert set(ranked["mujer"]["slugs"]) == set(ranked["mujeres"]["slugs"]) == both
    young = {"club-atletico-san-cayetano", "centro-educacion-adultos-tafi"}
    assert set(ranked["jóvenes"]["slugs"]) == set(ranked["joven"]["slugs"]) == young


def test_nothing_found(ranked):
    for query in ("zzxqj", "qwertyuiop asdf", "de la", "el", "los de las"):
        assert ranked[query] == {"mode": "none", "slugs": []}, query


@pytest.mark.parametrize("query", ["", "   ", "¿?", "+-~^*:"])
def test_no_searchable_word_means_every_document(ranked, query):
    # The page then lists everything that passes the facet filters.
    assert ranked[query] == {"mode": "exact", "slugs": None}


def test_lunr_query_syntax_is_text(ranked):
    # Terms never go through lunr's query parser: ":" "~" "^" "-" "+" "*" are separators.
    assert ranked["niños:"] == ranked["niños"]
    assert ranked["-comedor"] == ranked["comedor"]
    assert ranked["+futbol~"] == ranked["futbol"]
    assert ranked["^biblioteca*"] == ranked["biblioteca"]


def test_every_word_then_typos_then_any_word(ranked):
    assert ranked["comedor villa lujan"] == {"mode": "exact", "slugs": ["comedor-los-peques"]}
    assert ranked["tafi viejo"]["slugs"] == ["centro-educacion-adultos-tafi"]
    assert ranked["bibloteca"]["mode"] == "fuzzy"
    assert ranked["bibloteca"]["slugs"][0] == "fundacion-biblioteca-del-sur"
    assert ranked["comedor futbol"]["mode"] == "any"
    assert set(ranked["comedor futbol"]["slugs"]) >= {"comedor-los-peques", "club-atletico-san-cayetano"}


def test_last_word_matches_as_prefix(ranked):
    assert ranked["bibl"]["mode"] == "exact"
    assert ranked["bibl"]["slugs"][0] == "fundacion-biblioteca-del-sur"


def test_name_outranks_activities_and_description(ranked):
    # "biblioteca": in one name, in another's activities and in a third's description.
    assert ranked["biblioteca"]["slugs"] == [
        "fundacion-biblioteca-del-sur",
        "asociacion-civil-esperanza-solidaria",
        "club-atletico-san-cayetano",
    ]


def test_inactive_organizations_last(ranked):
    # "Comedor Comedor…" scores highest on "comedor" but is inactive.
    assert ranked["comedor"]["slugs"] == ["comedor-los-peques", "comedor-cerrado"]


def test_order_without_scores_is_by_name(tmp_path):
    rows = [
        {"nombre": "Bolsa"},
        {"nombre": "árbol", "inactiva": True},
        {"nombre": "Ábaco"},
        {"nombre": "abaco"},
    ]
    body = "const output = api.order([0, 1, 2, 3], input, null);"
    assert run_js(tmp_path, body, rows) == [2, 3, 0, 1]


def test_order_nearest_first_when_a_distance_is_given(tmp_path):
    # «Cerca de mí»: distance outranks the score, inactive organizations still go last.
    rows = [{"nombre": "A", "m": 900}, {"nombre": "B", "m": 100, "inactiva": True}, {"nombre": "C", "m": 300}]
    body = "const output = api.order([0, 1, 2], input, {0: 5, 1: 1, 2: 1}, function (d) { return d.m; });"
    assert run_js(tmp_path, body, rows) == [2, 0, 1]


def test_indexed_terms_are_those_of_tokens():
    """Each field of each document holds exactly the terms of ``pipeline.tokens``
    (stopwords kept in the sigla field)."""
    index = compact_index(DOCUMENTS, NAME_FIELDS)
    fields = [field for field, _ in NAME_FIELDS]
    found: dict[tuple[int, str], set[str]] = {}
    for term, *postings in decoded_rows(index["terminos"]):
        for f, deltas in zip(postings[::2], postings[1::2]):
            position = 0
            for delta in deltas:
                position += delta
                found.setdefault((position, fields[f]), set()).add(term)
    expected = {
        (i, field): set(pl.tokens(doc[field], field))
        for i, doc in enumerate(DOCUMENTS)
        for field in fields
        if pl.tokens(doc[field], field)
    }
    assert found == expected


def test_lunr_refs_in_base_36():
    assert [lunr_ref(n) for n in (0, 9, 10, 35, 36, 1295, 1296)] == ["0", "9", "a", "z", "10", "zz", "100"]


def test_js_refuses_another_pipeline_version(tmp_path):
    index = compact_index(DOCUMENTS, NAME_FIELDS)
    index["pipeline"]["version"] = pl.PIPELINE_VERSION + 1
    process = run_node(tmp_path, "api.loadIndex(input);", index)
    assert process.returncode != 0 and "versión de pipeline" in process.stderr


def test_same_ranking_in_chromium(ranked, browser):
    """Loaded as plain <script> tags, as on the site: window.CMOSCSearch ranks exactly as in Node."""
    page, errors = open_search_page(browser)
    try:
        in_browser = page.evaluate("(input) => {" + RANK + "return rankAll(CMOSCSearch, input) }", _input())
    finally:
        page.close()
    assert errors == []
    assert in_browser == ranked
