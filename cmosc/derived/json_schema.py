"""JSON Schema (draft-07, what yaml-language-server supports best) for editor hover and checks.

It agrees with the validator as an editor reads YAML 1.2: each kind's fragment comes
from `kinds.KINDS` (see `schema_fragments`), an optional field also takes a blank
value, `additionalProperties: false` catches typos. `tests/unit/test_schema_agreement.py`
compares both verdicts over the fixtures and a table of edge values.
"""

from __future__ import annotations

import json

from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import ORGANIZATION, Field
from cmosc.profiles.schema_fragments import BLANK, DEFINITIONS
from cmosc.settings import project_settings, public_url

SCHEMA_PATH = "esquema/organizacion.schema.json"


def registry_keys(field: Field, vocabularies) -> dict:
    """An object's keys taken from a vocabulary (`identificadores.conabip`), as text properties."""
    if not field.claves:
        return {}
    declared = {f.key for f in field.fields}
    terms = [t for t in vocabularies[field.claves].terms if t.id.replace("-", "_") not in declared]
    return {
        t.id: node(field.extra, vocabularies) | {"title": t.nombre, "description": t.descripcion}
        for t in terms
    }


def _holds(path: str) -> dict:
    """A value at a dotted path (`sedes[].direccion`): the validator's `at_least_one`."""
    head, _, rest = path.partition(".")
    key = head.removesuffix("[]")
    if not rest:
        inner: dict = {"not": BLANK}
    elif head.endswith("[]"):
        inner = {"type": "array", "contains": _holds(rest)}
    else:
        inner = _holds(rest)
    return {"type": "object", "required": [key], "properties": {key: inner}}


def node(field: Field, vocabularies) -> dict:
    out: dict = {}
    if field.etiqueta:
        out["title"] = field.etiqueta
    if field.hint:
        out["description"] = field.hint + ("" if field.public else " (Nunca se publica.)")
        vocab = field.vocab or (field.items.vocab if field.items is not None else None)
        if vocab:
            out["description"] += " Valores: " + ", ".join(t.id for t in vocabularies[vocab].terms) + "."
    shape = _shape(field, vocabularies)
    if field.key and not field.required:
        alternatives = shape["anyOf"] if list(shape) == ["anyOf"] else [shape]
        shape = {"anyOf": [BLANK, *alternatives]}
    out.update(shape)
    if field.default is not None:
        out["default"] = field.default
    return out


def _shape(field: Field, vocabularies) -> dict:
    out: dict = {}
    if field.kind == "objeto":
        out.update(
            type="object",
            additionalProperties=False,
            properties={f.key: node(f, vocabularies) for f in field.fields}
            | registry_keys(field, vocabularies),
        )
        required = [f.key for f in field.fields if f.required]
        if required:
            out["required"] = required
        if field.at_least_one:
            out["anyOf"] = [_holds(path) for path in field.at_least_one]
    elif field.kind == "lista":
        out.update(type="array", items=node(field.items, vocabularies))
        if field.items.kind not in ("objeto",):
            out["uniqueItems"] = True
    else:
        out.update(KINDS[field.kind].json_schema(field, vocabularies))
    return out


def json_schema(vocabularies, address: str) -> dict:
    """`address`: the directory's public address (CMOSC_URL_CANONICA), the base of `$id`."""
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": f"{address}/{SCHEMA_PATH}"}
    schema.update(node(ORGANIZATION, vocabularies))
    schema["definitions"] = DEFINITIONS
    return schema


def render(root, vocabularies) -> str:
    schema = json_schema(vocabularies, public_url(project_settings(root)))
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
