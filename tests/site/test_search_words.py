"""The words residents type, on the built sample site: synonyms, registry numbers and sigla
reach the right organizations through the published index files and the page's own ranking
(search-pipeline.js in Node)."""

from __future__ import annotations

import json

import pytest

from support.node_runner import run_js
from support.search_documents import document_rows

RANK = """
const indexes = input.shards.map(function (s) {
  return [{ index: api.loadIndex(s.names), offset: s.offset }, { index: api.loadIndex(s.text), offset: s.offset }];
}).flat();
const output = {};
input.queries.forEach(function (q) {
  const r = api.rank(indexes, q);
  const positions = api.order(Object.keys(r.scores || {}).map(Number), input.rows, r.scores);
  output[q] = positions.map(function (i) { return input.rows[i].slug; });
});
"""

QUERIES = [
    "comedor",
    "comedor villa lujan",
    "comida",
    "olla popular",
    "CMOSC-0042",
    "cmosc 0042",
    "0042",
    "42",
    "BPPS",
    "30-61260771-7",
    "30612607717",
]


@pytest.fixture(scope="module")
def found(built_site, tmp_path_factory) -> dict[str, list[str]]:
    folder = built_site / "buscar"
    shards, rows = [], []
    k = 0
    while (folder / f"documentos-{k}.json").exists():
        documents = json.loads((folder / f"documentos-{k}.json").read_text(encoding="utf-8"))
        shards.append(
            {
                "offset": len(rows),
                "names": json.loads((folder / f"nombres-{k}.json").read_text(encoding="utf-8")),
                "text": json.loads((folder / f"texto-{k}.json").read_text(encoding="utf-8")),
            }
        )
        rows += document_rows(documents)
        k += 1
    return run_js(
        tmp_path_factory.mktemp("palabras"), RANK, {"shards": shards, "rows": rows, "queries": QUERIES}
    )


def slugs_with(built_site, text: str) -> set[str]:
    return {
        p.stem
        for p in (built_site.parent / "organizaciones").glob("*.yml")
        if text in p.read_text(encoding="utf-8")
    }


def test_comedor_finds_every_merendero_and_olla(found, built_site):
    food = {"merendero-los-girasoles", "merendero-pancita-feliz", "comedor-comunitario-manos-unidas"}
    assert food <= set(found["comedor"])
    assert food <= set(found["comida"])
    assert "merendero-los-girasoles" in found["olla popular"]


def test_comedor_in_a_barrio(found):
    """The issue's case: «comedor» in Villa Luján found nothing although a merendero is there."""
    assert found["comedor villa lujan"][:1] == ["merendero-los-girasoles"]


@pytest.mark.parametrize("query", ["CMOSC-0042", "cmosc 0042", "0042", "42"])
def test_registry_number(found, query):
    assert found[query][:1] == ["merendero-los-girasoles"]


def test_sigla(found, built_site):
    assert found["BPPS"][:1] == sorted(slugs_with(built_site, "sigla: BPPS"))


@pytest.mark.parametrize("query", ["30-61260771-7", "30612607717"])
def test_cuit_with_or_without_hyphens(found, built_site, query):
    assert found[query][:1] == sorted(slugs_with(built_site, "cuit: 30-61260771-7"))
