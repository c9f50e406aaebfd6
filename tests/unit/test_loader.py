"""The strict YAML loader: positions kept, scalars kept as typed, hostile input refused."""

from __future__ import annotations

import time

import pytest
from yaml.nodes import MappingNode

from cmosc.profiles.loader import MAX_BYTES, load_bytes, load_text


def scalars(text: str) -> dict[str, str]:
    loaded = load_text(text, "f.yml")
    assert loaded.diagnostics == (), loaded.diagnostics
    assert isinstance(loaded.node, MappingNode)
    return {k.value: v for k, v in loaded.node.value}


def codes(text: str) -> list[tuple[int, int, str]]:
    return [(d.linea, d.columna, d.codigo) for d in load_text(text, "f.yml").diagnostics]


@pytest.mark.parametrize(
    "typed",
    [
        "NO",
        "no",
        "on",
        "ON",
        "yes",
        "12:30",
        "9:30 a 12:30",
        "03814000000",
        "+54 381 400-0000",
        "1e3",
        "0x1F",
        "2026-10-01",
        "010",
    ],
)
def test_scalars_stay_the_text_that_was_typed(typed):
    assert scalars(f"valor: {typed}\n")["valor"].value == typed


def test_flow_list_keeps_leading_zero():
    node = scalars("telefonos: [03814000000, +5493814121314]\n")["telefonos"]
    assert [item.value for item in node.value] == ["03814000000", "+5493814121314"]


def test_positions_are_one_based_line_and_column():
    node = scalars("# comentario\nnombre: Algo\nsedes:\n  - barrio: centro\n")["sedes"]
    barrio = node.value[0].value[0][1]
    assert (barrio.start_mark.line + 1, barrio.start_mark.column + 1) == (4, 13)


def test_duplicate_keys_are_errors_at_the_second_key():
    assert codes("a: 1\nb: 2\na: 3\n") == [(3, 1, "clave_repetida")]


def test_duplicate_keys_in_nested_mappings():
    assert codes("sedes:\n  - barrio: centro\n    barrio: centro\n") == [(3, 5, "clave_repetida")]


def test_anchors_and_aliases_are_refused():
    assert codes("a: &x 1\nb: *x\n") == [(1, 4, "ancla"), (2, 4, "alias")]


def test_alias_bomb_is_refused_fast():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{','.join('*' + p for _ in range(9))}]\n" for p, n in zip("abcdefgh", "bcdefghi")
    )
    # CPU time of this process, not wall time: a loaded machine must not fail the test, an
    # expanding alias bomb (seconds of CPU) still does.
    started = time.process_time()
    result = load_text(bomb, "f.yml")
    assert time.process_time() - started < 0.5
    assert result.node is None and {d.codigo for d in result.diagnostics} >= {"alias", "ancla"}


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 300)), "{a: " * 5000]
)
def test_deep_nesting_is_refused_fast(text):
    started = time.process_time()
    result = load_text(text, "f.yml")
    assert time.process_time() - started < 0.5
    assert result.node is None and result.diagnostics


def test_tabs_in_indentation_are_errors():
    assert codes("a:\n\tb: 1\n") == [(2, 1, "tabulacion")]


def test_tab_inside_a_value_is_text():
    assert scalars("a: 'uno\tdos'\n")["a"].value == "uno\tdos"


@pytest.mark.parametrize("text", ["", "   \n", "# solo comentario\n", "~\n"])
def test_empty_files_are_errors(text):
    assert codes(text) == [(1, 1, "archivo_vacio")]


def test_non_utf8_is_an_error_with_position():
    result = load_bytes("nombre: Asociación\n".encode("latin-1"), "f.yml")
    assert [(d.linea, d.columna, d.codigo) for d in result.diagnostics] == [(1, 17, "no_utf8")]


def test_utf8_bom_is_accepted():
    result = load_bytes("\ufeffnombre: Niñez\n".encode("utf-8"), "f.yml")
    assert result.diagnostics == ()


def test_files_over_one_megabyte_are_refused():
    result = load_bytes(b"a: " + b"x" * MAX_BYTES, "f.yml")
    assert [d.codigo for d in result.diagnostics] == ["archivo_grande"]


def test_several_documents_are_refused():
    assert codes("a: 1\n---\nb: 2\n") == [(2, 1, "yaml_invalido")]


@pytest.mark.parametrize("text", ["a: !!python/object:os.system x\n", "a: !local x\n", "a: !!binary aGk=\n"])
def test_custom_tags_are_refused(text):
    assert [c for *_, c in codes(text)] == ["etiqueta"]


def test_syntax_errors_are_spanish_with_position():
    result = load_text("a: b: c\n", "f.yml")
    (diagnostic,) = result.diagnostics
    assert (diagnostic.linea, diagnostic.columna) == (1, 5)
    assert diagnostic.mensaje.startswith("YAML inválido: ") and "mapping" not in diagnostic.mensaje
