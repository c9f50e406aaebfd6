"""JSON Schema (draft-07, what yaml-language-server supports best) for editor hover and checks.

It mirrors the validator as the editor sees YAML 1.2: text fields also accept a
number or boolean (the validator reads every scalar as the text typed), vocabulary
fields accept ids and display names, `additionalProperties: false` catches typos.
"""

from __future__ import annotations

import json
import re

from cmosc.folding import fold
from cmosc.profiles.checks import FALSE_WORDS, TRUE_WORDS
from cmosc.profiles.schema import MIN_YEAR, ORGANIZACION, SLUG_PATTERN, Field

SCHEMA_ID = "https://cmosc.tucuman.gob.ar/esquema/organizacion.schema.json"
_TEXT = ["string", "number", "boolean"]
_BOOL_WORDS = sorted(TRUE_WORDS | FALSE_WORDS)
_DATE = r"^\d{4}-\d{2}-\d{2}$"


# Letters that `folding.fold` treats as equal, for a case- and accent-insensitive pattern.
_VARIANTS = {"a": "aáàäâ", "e": "eéèëê", "i": "iíìïî", "o": "oóòöô", "u": "uúùüû", "n": "nñ", "c": "cç"}


def _char_class(char: str) -> str:
    if char == "-":
        return r"[\s_-]+"
    if not char.isalpha():
        return re.escape(char)
    letters = _VARIANTS.get(char, char)
    return "[" + "".join(dict.fromkeys(letters + letters.upper())) + "]"


def vocabulary_pattern(vocabulary) -> str:
    """Accepts what `Vocabulary.resolve` accepts: ids and names, any case, with or without accents."""
    keys = sorted({fold(t.id) for t in vocabulary.terms} | {fold(t.nombre) for t in vocabulary.terms})
    return r"^\s*(" + "|".join("".join(_char_class(c) for c in key) for key in keys) + r")\s*$"


def scalar(field: Field, vocabularies) -> dict:
    kind = field.kind
    if kind in ("texto", "markdown"):
        out = {"type": _TEXT}
        if field.min_len:
            out["minLength"] = field.min_len
        if field.max_len:
            out["maxLength"] = field.max_len
        return out
    if kind == "vocab":
        vocabulary = vocabularies[field.vocab]
        return {
            "type": "string",
            "pattern": vocabulary_pattern(vocabulary),
            "examples": [t.id for t in vocabulary.terms],
        }
    if kind == "opcion":
        return {"enum": list(field.opciones)}
    if kind == "entero":
        return {
            "anyOf": [
                {"type": "integer", "minimum": field.minimo, "maximum": field.maximo},
                {"type": "string", "pattern": r"^\d+$"},
            ]
        }
    if kind == "coordenada":
        return {"type": "number", "minimum": field.minimo, "maximum": field.maximo}
    if kind == "booleano":
        return {"enum": [True, False] + _BOOL_WORDS}
    if kind == "consentimiento":
        return {"enum": [True] + sorted(TRUE_WORDS)}
    if kind == "fecha":
        return {"type": "string", "pattern": _DATE, "format": "date"}
    if kind == "anio_o_fecha":
        return {"anyOf": [{"type": "integer", "minimum": MIN_YEAR}, {"type": "string", "pattern": _DATE}]}
    if kind == "cuit":
        return {"type": ["string", "integer"], "pattern": r"^\d{2}-?\d{8}-?\d$"}
    if kind == "email":
        return {"type": "string", "format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"}
    if kind == "url":
        return {"type": "string", "format": "uri", "pattern": r"^https?://"}
    if kind == "telefono":
        return {"type": ["string", "integer"], "pattern": r"^[+(\d][\d\s\-().]*$"}
    if kind == "slug":
        return {"type": "string", "pattern": SLUG_PATTERN, "maxLength": 80}
    if kind == "programa":
        return {"type": "string", "pattern": SLUG_PATTERN}
    if kind == "logo":
        return {"type": "string", "pattern": r"\.(png|jpe?g|webp)$"}
    raise ValueError(f"kind without a JSON Schema: {kind}")


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
        out.update(scalar(field, vocabularies))
    if field.default is not None:
        out["default"] = field.default
    return out


def json_schema(vocabularies) -> dict:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID}
    schema.update(node(ORGANIZACION, vocabularies))
    return schema


def render(root, vocabularies) -> str:
    return json.dumps(json_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"
