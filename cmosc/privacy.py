"""The allow-list of published fields, derived from the schema (Ley 25.326).

Every output (pages, search index, exports) is built from `published(data)`, so a
field marked `publico=False` in the schema cannot reach the site by accident.
"""
from __future__ import annotations

from .schema import ORGANIZACION, Field


def published(data: dict, schema: Field = ORGANIZACION) -> dict:
    out = {}
    for key, value in data.items():
        sub = schema.child(key)
        if sub is None or not sub.publico:
            continue
        out[key] = _published_value(value, sub)
    return out


def _published_value(value, schema: Field):
    if schema.kind == "objeto":
        return published(value, schema)
    if schema.kind == "lista" and schema.items is not None and schema.items.kind == "objeto":
        return [published(item, schema.items) for item in value]
    return value


def published_paths(schema: Field = ORGANIZACION, prefix: str = "") -> list[str]:
    """Dotted paths of every published field, for docs and export columns."""
    paths = []
    for sub in schema.fields:
        if not sub.publico:
            continue
        path = f"{prefix}{sub.key}"
        if sub.kind == "objeto":
            paths += published_paths(sub, path + ".")
        elif sub.kind == "lista" and sub.items is not None and sub.items.kind == "objeto":
            paths += published_paths(sub.items, path + "[].")
        else:
            paths.append(path)
    return paths
