"""vocabularios/sinonimos.yml: validation with located errors, and what the groups do to search
(Python side; the JS side is held to the same results by test_search_pipeline.py's parity)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmosc.profiles.catalog import load_catalog
from cmosc.profiles.synonyms import SYNONYMS_FILE, load_synonyms
from cmosc.search import pipeline as pl
from cmosc.search.synonyms import Synonyms

ROOT = Path(__file__).resolve().parents[2]
GROUPS = load_synonyms(ROOT)[0]
SYNONYMS = Synonyms.from_groups(GROUPS)


def test_the_shipped_file_is_valid_and_broad():
    groups, problems = load_synonyms(ROOT)
    assert problems == []
    assert len(groups) >= 25
    food = next(g for g in groups if "comedor" in g)
    assert {"merendero", "olla popular", "copa de leche", "comida", "alimentos"} <= set(food)
    assert any({"guardería", "jardín maternal"} <= set(g) for g in groups)


def _problems(tmp_path, text: str):
    (tmp_path / "vocabularios").mkdir(exist_ok=True)
    (tmp_path / SYNONYMS_FILE).write_text(text, encoding="utf-8")
    return load_synonyms(tmp_path)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("comedor: merendero\n", [(1, 1, "", "sinonimos_no_lista")]),
        ("- comedor\n- [a, b]\n", [(1, 3, "[1]", "sinonimos_grupo_no_lista")]),
        ("- [comedor]\n", [(1, 3, "[1]", "sinonimos_grupo_corto")]),
        (
            "- [comedor, '', merendero]\n- [x, '!!']\n",
            [(1, 13, "[1][2]", "sinonimo_invalido"), (2, 7, "[2][2]", "sinonimo_invalido")],
        ),
        ("- [comedor, merendero]\n- [guardería, Merendero]\n", [(2, 15, "[2][2]", "sinonimo_repetido")]),
        ("- [Guardería, guarderia]\n", [(1, 15, "[1][2]", "sinonimo_repetido")]),
        ("- [comedor, {a: b}]\n", [(1, 13, "[1][2]", "sinonimo_invalido")]),
    ],
)
def test_located_errors(tmp_path, text, expected):
    groups, problems = _problems(tmp_path, text)
    assert groups == ()
    assert [(p.linea, p.columna, p.campo, p.codigo) for p in problems] == expected
    assert all(p.archivo == SYNONYMS_FILE and p.nivel == "error" for p in problems)


def test_all_problems_at_once_in_spanish(tmp_path):
    _, problems = _problems(tmp_path, "- [a]\n- [b, b]\n- 3\n")
    assert [p.codigo for p in problems] == [
        "sinonimos_grupo_corto",
        "sinonimo_repetido",
        "sinonimos_grupo_no_lista",
    ]
    assert "«b» ya está en la línea 2" in problems[1].mensaje


def test_yaml_syntax_error_is_located(tmp_path):
    _, problems = _problems(tmp_path, "- [comedor, merendero\n")
    assert problems and problems[0].archivo == SYNONYMS_FILE and problems[0].linea >= 1


def test_an_invalid_file_stops_validation(tmp_path):
    """`cmosc validar` and the build see the file's errors (the catalog is not ok)."""
    for name in ("vocabularios", "organizaciones", "content"):
        (tmp_path / name).symlink_to(ROOT / name) if name != "vocabularios" else None
    (tmp_path / "vocabularios").mkdir()
    for vocabulary in (ROOT / "vocabularios").glob("*.yml"):
        (tmp_path / "vocabularios" / vocabulary.name).write_bytes(vocabulary.read_bytes())
    (tmp_path / SYNONYMS_FILE).write_text("- [comedor]\n", encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert not catalog.ok
    assert [d.codigo for d in catalog.diagnostics if d.archivo == SYNONYMS_FILE] == ["sinonimos_grupo_corto"]


def test_without_the_file_there_are_no_synonyms(tmp_path):
    assert load_synonyms(tmp_path) == ((), [])
    assert not Synonyms.from_groups(())
    assert pl.query_groups("comedor", Synonyms.from_groups(())) == pl.query_groups("comedor")


def matches(document: str, query: str) -> bool:
    """Every query group finds a term of the document (the page's AND of words)."""
    terms = set(pl.tokens(document, None, SYNONYMS))
    return all(terms & set(group) for group in pl.query_groups(query, SYNONYMS))


@pytest.mark.parametrize(
    "query, document",
    [
        ("comedor", "Merendero Los Girasoles"),
        ("comedor", "Olla popular del barrio"),
        ("comedores", "Copa de leche para chicos"),
        ("comida", "Comedor comunitario"),
        ("alimentos", "Merenderos"),
        ("guardería", "Jardín maternal"),
        ("guarderia", "jardines maternales"),
        ("jardin maternal", "Guardería y sala cuna"),
        ("olla popular", "El comedor abre de lunes a viernes"),
        ("niñez", "Apoyo para changuitos"),
        ("adultos mayores", "Centro de jubilados"),
        ("abuelos", "Personas mayores"),
        ("personas con discapacidad", "Discapacidad"),
        ("comedor villa lujan", "Merendero en Villa Luján"),
        ("CAPS", "centro de salud"),
        ("villa nueve de julio", "Villa 9 de Julio"),
    ],
)
def test_a_word_finds_its_synonyms(query, document):
    assert matches(document, query), (pl.query_groups(query, SYNONYMS), pl.tokens(document, None, SYNONYMS))
    assert not matches(document, query + " zzxqj")  # still every word


@pytest.mark.parametrize(
    "query, document",
    [
        ("comedor", "Club de fútbol"),
        ("guardería", "Jardín botánico"),  # only the whole phrase «jardín maternal»
        ("copa", "Comedor comunitario"),  # a word of a phrase is just a word
        ("leche", "Comedor"),
    ],
)
def test_no_synonym_without_the_whole_entry(query, document):
    assert not matches(document, query)


def test_phrases_match_longest_first_in_order():
    spans = SYNONYMS.spans(pl.split_words("copa de leche y personas en situación de calle"))
    assert [(start, end) for start, (end, _) in spans.items()] == [(0, 3), (4, 9)]
    # «sin techo» (situación de calle) wins over «techo» (vivienda).
    calle = SYNONYMS.spans(pl.split_words("sin techo"))
    assert list(calle) == [0] and calle[0][0] == 2


def test_a_repeated_key_stays_with_its_first_group():
    synonyms = Synonyms.from_groups([("comedor", "merendero"), ("comedores", "olla")])
    assert synonyms.spans(["comedor"]) == {0: (1, 0)}
    assert synonyms.spans(["olla"]) == {0: (1, 1)}


def test_group_terms_cannot_be_typed():
    assert pl.query_tokens("=0 =1") == ["0", "1"]
    assert all(t.startswith("=") for t in SYNONYMS.terms(pl.split_words("comedor guardería")))
