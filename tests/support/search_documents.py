"""`buscar/documentos-K.json` as the page reads it: one dict per organization.

The file is by column (`cmosc.search.tiers._documents`); this is `rows` of search.js in
Python, for tests that look at one organization's card or facets."""

from __future__ import annotations


def document_rows(documents: dict) -> list[dict]:
    columns = documents["columnas"]
    count = len(next(iter(columns.values()), []))
    return [
        {
            key: documents["horarios"][values[i]] if key == "h" else values[i]
            for key, values in columns.items()
            if values[i] is not None
        }
        for i in range(count)
    ]
