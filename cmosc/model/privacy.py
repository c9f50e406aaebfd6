"""The allow-list of published fields, derived from the schema (Ley 25.326).

Every output (pages, search index, exports) is built from `published(data)`, so a
field marked `publico=False` in the schema cannot reach the site by accident.
"""

from __future__ import annotations

import re
from operator import is_

from cmosc.profiles.schema import ORGANIZATION, Field

# An HTML comment in Markdown is where people leave notes to themselves; the page never
# shows it, so no other output (exports, search index) may carry it either. An
# unterminated comment hides everything after it, as it does in a browser.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def published(data: dict, schema: Field = ORGANIZATION) -> dict:
    """The published part of validated data. A group or list with nothing to leave out is
    the validated one itself, not a copy: an organization shares it with its profile (the
    copies were a tenth of a build's memory per organization). Neither is ever changed."""
    out, changed = {}, False
    for key, value in data.items():
        sub = schema.entry(key)
        if sub is None or not sub.public:
            changed = True
            continue
        shown = out[key] = _published_value(value, sub) if sub.kind in _SHAPED else value
        changed = changed or shown is not value
    return out if changed else data


def same_objects(values, others) -> bool:
    """Whether two collections hold the very same objects, in the same order (also used by
    `cmosc.search.tiers` to tell a shard of unchanged organizations)."""
    return len(values) == len(others) and all(map(is_, values, others))


# The kinds whose values `_published_value` may change; any other is published as validated.
_SHAPED = frozenset({"objeto", "lista", "markdown"})


def _published_value(value, schema: Field):
    if schema.kind == "objeto":
        return published(value, schema)
    if schema.kind == "lista" and schema.items is not None and schema.items.kind == "objeto":
        items = [published(item, schema.items) for item in value]
        return value if same_objects(items, value) else items
    if schema.kind == "markdown":
        return _HTML_COMMENT.sub("", value).strip()
    return value


def published_paths(schema: Field = ORGANIZATION, prefix: str = "") -> list[str]:
    """Dotted paths of every published field, for docs and export columns."""
    paths = []
    for sub in schema.fields:
        if not sub.public:
            continue
        path = f"{prefix}{sub.key}"
        if sub.kind == "objeto":
            paths += published_paths(sub, path + ".")
        elif sub.kind == "lista" and sub.items is not None and sub.items.kind == "objeto":
            paths += published_paths(sub.items, path + "[].")
        else:
            paths.append(path)
    return paths
