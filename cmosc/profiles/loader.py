"""Strict YAML reading: nodes with positions, never Python objects.

PyYAML's C composer gives us nodes whose scalars are still the text that was
typed, so `sigla: NO` stays "NO" and `0381...` keeps its zero; the schema decides
types later. Everything YAML allows but staff never mean (aliases, anchors,
duplicate keys, custom tags, several documents) is refused here with a position.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.cyaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cmosc.diagnostics import Diagnostic
from cmosc.profiles.located import located
from cmosc.profiles.yaml_messages import translate_yaml_problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 12
# Above this many flow brackets a file gets an event pre-scan for depth before the
# (recursive, C-level) composer sees it.
BRACKET_SCAN_THRESHOLD = 200
ALLOWED_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}
NULL_WORDS = {"", "~", "null", "Null", "NULL"}
_TAB_INDENT = re.compile(r"^([ ]*)\t", re.MULTILINE)


_DEFAULT_TAGS = {
    ScalarNode: "tag:yaml.org,2002:str",
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}


class _TextLoader(yaml.CBaseLoader):
    """Untagged nodes get the plain str/seq/map tag: nothing is typed while loading.

    Only the C parser is set up: nothing is constructed, and with no path resolvers the
    composer's calls to descend and ascend them (two per node) have nothing to do, so they
    go to C functions that ignore their arguments, not to Python; the Python setup and
    those calls were a sixth of composing a profile."""

    def __init__(self, stream):
        CParser.__init__(self, stream)

    def resolve(self, kind, value, implicit):
        return _DEFAULT_TAGS[kind]

    descend_resolver = staticmethod(operator.is_)  # (parent, index) -> a bool, unused
    ascend_resolver = staticmethod(tuple)  # () -> (), unused


@dataclass(frozen=True)
class Loaded:
    path: str
    node: Node | None
    diagnostics: tuple[Diagnostic, ...]


def position(node: Node) -> tuple[int, int]:
    """1-based line and column of a node's first character."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def is_null(node: Node) -> bool:
    """A plain empty, `~` or `null` scalar means "no value"; quoted text never does."""
    return isinstance(node, ScalarNode) and not node.style and node.value in NULL_WORDS


def load_file(path: Path, shown_as: str) -> Loaded:
    try:
        # Unbuffered: one read of the whole file, without a buffer object around it.
        with open(path, "rb", buffering=0) as file:
            raw = file.read()
    except OSError as exc:
        return _fail(shown_as, 1, 1, "archivo_ilegible", motivo=exc.strerror)
    return load_bytes(raw, shown_as)


def load_bytes(raw: bytes, shown_as: str) -> Loaded:
    if len(raw) > MAX_BYTES:
        return _fail(
            shown_as,
            1,
            1,
            "archivo_grande",
            peso=f"{len(raw):,}".replace(",", "."),
            maximo=f"{MAX_BYTES:,}".replace(",", "."),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return _fail(shown_as, line, col, "no_utf8")
    text = text.removeprefix("\ufeff")
    return load_text(text, shown_as)


def load_text(text: str, shown_as: str) -> Loaded:
    problems = _scan_text(text, shown_as)
    if problems:
        return Loaded(shown_as, None, tuple(problems))
    try:
        node = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return _fail(shown_as, line, col, "yaml_invalido", problema=translate_yaml_problem(exc))
    except yaml.YAMLError as exc:
        return _fail(shown_as, 1, 1, "yaml_invalido", problema=translate_yaml_problem(exc))
    if node is None or is_null(node):
        return _fail(shown_as, 1, 1, "archivo_vacio")
    diagnostics: list[Diagnostic] = []
    _check_tree(node, shown_as, diagnostics, depth=0)
    return Loaded(shown_as, None if diagnostics else node, tuple(diagnostics))


def _scan_text(text: str, shown_as: str) -> list[Diagnostic]:
    """Cheap textual checks that must run before the composer."""
    problems = []
    if "\t" in text:
        for match in _TAB_INDENT.finditer(text):
            number = text.count("\n", 0, match.start()) + 1
            problems.append(located(shown_as, number, len(match.group(1)) + 1, "", "tabulacion"))
    if problems:
        return problems
    if "&" in text or "*" in text or text.count("[") + text.count("{") > BRACKET_SCAN_THRESHOLD:
        problems = _scan_events(text, shown_as)
    return problems


def _scan_events(text: str, shown_as: str) -> list[Diagnostic]:
    """Find anchors, aliases and excessive nesting from the event stream."""
    problems = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CBaseLoader):
            line, col = event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, yaml.AliasEvent):
                problems.append(located(shown_as, line, col, "", "alias"))
            elif getattr(event, "anchor", None):
                problems.append(located(shown_as, line, col, "", "ancla"))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(located(shown_as, line, col, "", "anidamiento", maximo=MAX_DEPTH))
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            if len(problems) >= 50:
                break
    except yaml.YAMLError:
        # Syntax and reader errors (e.g. control characters): the composer reports them
        # with a better message.
        return problems
    return problems


def _check_tree(node: Node, shown_as: str, out: list[Diagnostic], depth: int) -> None:
    """Refuse custom tags, non-text keys and duplicate keys (positions only on error)."""
    if depth > MAX_DEPTH:
        out.append(_at(node, shown_as, "", "anidamiento", maximo=MAX_DEPTH))
        return
    if node.tag not in ALLOWED_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        out.append(_at(node, shown_as, "", "etiqueta", etiqueta=tag))
    if isinstance(node, MappingNode):
        seen: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                out.append(_at(key, shown_as, "", "clave_invalida"))
                continue
            if key.value in seen:
                first = seen[key.value].start_mark.line + 1
                out.append(_at(key, shown_as, key.value, "clave_repetida", linea=first))
            seen[key.value] = key
            if not isinstance(value, ScalarNode) or value.tag not in ALLOWED_TAGS:
                _check_tree(value, shown_as, out, depth + 1)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            if not isinstance(item, ScalarNode) or item.tag not in ALLOWED_TAGS:
                _check_tree(item, shown_as, out, depth + 1)


def _at(node: Node, shown_as: str, campo: str, code: str, **values) -> Diagnostic:
    line, col = position(node)
    return located(shown_as, line, col, campo, code, **values)


def _fail(shown_as: str, line: int, col: int, code: str, **values) -> Loaded:
    return Loaded(shown_as, None, (located(shown_as, line, col, "", code, **values),))
