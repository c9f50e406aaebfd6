"""Validate a composed YAML node tree against the schema, collecting every error.

Input is a node tree from `loader`; output is plain, typed data (vocabulary ids,
normalized CUIT, ints, dates) plus located diagnostics. A missing key points at its
parent mapping; every other error points at the offending value.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cmosc.diagnostics import WARNING, Diagnostic
from cmosc.messages import suggestion
from cmosc.municipality import MUNICIPALITY, Municipality
from cmosc.profiles import checks
from cmosc.profiles.kinds import KINDS
from cmosc.profiles.loader import is_null, position
from cmosc.profiles.located import located
from cmosc.profiles.schema import Field
from cmosc.profiles.vocabularies import Vocabulary

INVALID = object()


@dataclass
class Env:
    """What validation needs to know beyond the file itself."""

    vocabularies: dict[str, Vocabulary]
    programas: frozenset[str] = frozenset()
    base_dir: Path | None = None
    today: date = field(default_factory=date.today)
    municipal_area: Municipality = MUNICIPALITY


@dataclass
class Run:
    archivo: str
    env: Env
    diagnostics: list[Diagnostic] = field(default_factory=list)
    marked: frozenset[str] = frozenset()  # kinds whose values' positions are kept in `marks`
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    def error(self, node: Node, path: str, code: str, **values) -> object:
        line, col = position(node)
        self.diagnostics.append(located(self.archivo, line, col, path, code, **values))
        return INVALID

    def warn(self, node: Node, path: str, code: str, **values) -> None:
        line, col = position(node)
        self.diagnostics.append(
            replace(located(self.archivo, line, col, path, code, **values), nivel=WARNING)
        )

    @property
    def failed(self) -> bool:
        return any(d.nivel == "error" for d in self.diagnostics)


def validate(node: Node, schema: Field, archivo: str, env: Env) -> tuple[dict | None, list[Diagnostic]]:
    data, _, diagnostics = validate_with_marks(node, schema, archivo, env)
    return data, diagnostics


def validate_with_marks(
    node: Node, schema: Field, archivo: str, env: Env, marked: frozenset[str] = frozenset()
):
    """Like `validate`, plus the (line, column) by path of every value of the kinds in
    `marked` (only those: a position and a path string per value were a third of what a
    validated profile kept). Warnings never make data None: a profile with only warnings
    is valid."""
    run = Run(archivo, env, marked=marked)
    data = check_object(node, schema, "", run)
    if run.failed or data is INVALID:
        return None, run.marks, run.diagnostics
    return data, run.marks, run.diagnostics


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "un grupo de campos"
    if isinstance(node, SequenceNode):
        return "una lista"
    return f"el texto «{node.value}»"


def is_blank(node: Node) -> bool:
    """An absent value for a key: null, `''`, `[]` or `{}` (as the web editor writes cleared
    fields). A required key left blank is reported as missing; `'   '` is still an error."""
    if isinstance(node, ScalarNode):
        return node.value == "" or is_null(node)
    return not node.value


def join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def check_object(node: Node, schema: Field, path: str, run: Run):
    if not isinstance(node, MappingNode):
        return run.error(node, path, "tipo_objeto", hay=describe(node))
    result, ok = {}, True
    for key_node, value_node in node.value:
        key = sys.intern(key_node.value)  # the same few dozen keys in every profile: one string each
        sub = schema.child(key)
        if sub is None and schema.claves:
            key, sub = vocabulary_key(key, schema, run.env.vocabularies) or (key, None)
        if sub is None:
            known = [f.key for f in schema.fields] + _key_ids(schema, run)
            close = difflib.get_close_matches(key, known, n=2, cutoff=0.6)
            run.error(key_node, join(path, key), "clave_desconocida", clave=key, sugerencia=suggestion(close))
            ok = False
            continue
        if is_blank(value_node):
            continue
        value = check_value(value_node, sub, join(path, key), run)
        if value is INVALID:
            ok = False
        elif value or not isinstance(value, dict):  # a group whose fields are all blank is absent too
            result[key] = value
    if ok and schema.at_least_one and not any(_holds(result, p) for p in schema.at_least_one):
        run.error(node, path, "sin_contacto")
        ok = False
    for sub in schema.absent_matters:
        if sub.key not in result:
            if sub.required and not _present_but_invalid(node, sub.key):
                run.error(node, join(path, sub.key), "requerido")
                ok = False
            elif sub.default is not None:
                result[sub.key] = sub.default
    return result if ok else INVALID


def vocabulary_key(key: str, schema: Field, vocabularies: dict) -> tuple[str, Field] | None:
    """The key a registry is kept under (`conabip`, `personeria_juridica`) and its field, for
    a key or registry name (`CONABIP`, `Personas Jurídicas`); None when it is none of them."""
    if schema.child(key):
        return key, schema.child(key)
    vocabulary = vocabularies.get(schema.claves or "")
    term_id = vocabulary.resolve(key) if vocabulary else None
    if term_id is None:
        return None
    declared = schema.child(term_id.replace("-", "_"))  # `personeria-juridica` is a declared key
    return (declared.key, declared) if declared else (term_id, schema.extra)


def _key_ids(schema: Field, run: Run) -> list[str]:
    vocabulary = run.env.vocabularies.get(schema.claves or "")
    return [t.id for t in vocabulary.terms] if vocabulary else []


def _holds(data: dict, path: str) -> bool:
    """Whether validated data has a value at a dotted path (`sedes[].direccion`)."""
    head, _, rest = path.partition(".")
    value = data.get(head.removesuffix("[]"))
    if not rest or not value:
        return bool(value)
    items = value if head.endswith("[]") else [value]
    return any(isinstance(item, dict) and _holds(item, rest) for item in items)


def _present_but_invalid(node: MappingNode, key: str) -> bool:
    return any(k.value == key and not is_blank(v) for k, v in node.value)


def check_list(node: Node, schema: Field, path: str, run: Run):
    if not isinstance(node, SequenceNode):
        return run.error(node, path, "tipo_lista", hay=describe(node))
    items, ok, seen = [], True, {}
    for number, item in enumerate(node.value, start=1):
        item_path = f"{path}[{number}]"
        if is_null(item):
            run.error(item, item_path, "vacio")
            ok = False
            continue
        value = check_value(item, schema.items, item_path, run)
        if value is INVALID:
            ok = False
            continue
        if not isinstance(value, dict):
            if value in seen:
                run.error(item, item_path, "repetido", valor=item.value)
                ok = False
                continue
            seen[value] = True
        items.append(value)
    return items if ok else INVALID


def check_value(node: Node, schema: Field, path: str, run: Run):
    kind = schema.kind
    if kind in run.marked:
        run.marks[path] = position(node)
    if kind == "objeto":
        return check_object(node, schema, path, run)
    if kind == "lista":
        return check_list(node, schema, path, run)
    if not isinstance(node, ScalarNode):
        return run.error(node, path, "tipo_texto", hay=describe(node))
    return check_scalar(node, schema, path, run)


def check_scalar(node: ScalarNode, schema: Field, path: str, run: Run):
    kind = KINDS[schema.kind]
    outcome = kind.check(node.value.strip(), schema, run.env)
    if outcome is checks.UNCHECKABLE:
        return INVALID
    if isinstance(outcome, checks.Problem):
        return run.error(node, path, outcome.code, **outcome.values)
    notice = kind.warn(outcome) if kind.warn else None
    if notice:
        run.warn(node, path, notice.code, **notice.values)
    return outcome
