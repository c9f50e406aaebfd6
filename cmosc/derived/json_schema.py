"""JSON Schema (draft-07, what yaml-language-server supports best) for editor hover and checks.

It agrees with the validator as an editor reads YAML 1.2: each kind's fragment comes
from `kinds.KINDS` (see `schema_fragments`), an optional field also takes a blank
value, `additionalProperties: false` catches typos. `tests/unit/test_schema_agreement.py`
compares both verdicts over the fixtures and a table of edge values.
"""

from __future__ import annotations

import json

from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import ORGANIZACION, Field
from cmosc.profiles.schema_fragments import BLANK, DEFINITIONS

SCHEMA_ID = "https://cmosc.tucuman.gob.ar/esquema/organizacion.schema.json"


def node(field: Field, vocabularies) -> dict:
    out: dict = {}
    if field.etiqueta:
        out["title"] = field.etiqueta
    if field.ayuda:
        out["description"] = field.ayuda + ("" if field.publico else " (Nunca se publica.)")
        vocab = field.vocab or (field.items.vocab if field.items is not None else None)
        if vocab:
            out["description"] += " Valores: " + ", ".join(t.id for t in vocabularies[vocab].terms) + "."
    shape = _shape(field, vocabularies)
    if field.key and not field.requerido:
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
            properties={f.key: node(f, vocabularies) for f in field.fields},
        )
        required = [f.key for f in field.fields if f.requerido]
        if required:
            out["required"] = required
    elif field.kind == "lista":
        out.update(type="array", items=node(field.items, vocabularies))
        if field.items.kind not in ("objeto",):
            out["uniqueItems"] = True
    else:
        out.update(KINDS[field.kind].json_schema(field, vocabularies))
    return out


def json_schema(vocabularies) -> dict:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID}
    schema.update(node(ORGANIZACION, vocabularies))
    schema["definitions"] = DEFINITIONS
    return schema


def render(root, vocabularies) -> str:
    return json.dumps(json_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"
