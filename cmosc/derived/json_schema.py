"""JSON Schema (draft-07, what yaml-language-server supports best) for editor hover and checks.

It mirrors the validator as the editor sees YAML 1.2: text fields also accept a
number or boolean (the validator reads every scalar as the text typed), vocabulary
fields accept ids and display names, `additionalProperties: false` catches typos.
"""

from __future__ import annotations

import json

from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import ORGANIZACION, Field

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
    if field.default is not None:
        out["default"] = field.default
    return out


def json_schema(vocabularies) -> dict:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID}
    schema.update(node(ORGANIZACION, vocabularies))
    return schema


def render(root, vocabularies) -> str:
    return json.dumps(json_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"
