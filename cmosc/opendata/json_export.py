"""`organizaciones.json`: the published fields with their nesting, plus the vocabularies."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial

from cmosc.opendata.columns import with_derived
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter


def _iso(value) -> str:
    """A date, the one value of profile data JSON has no type for, as ISO text: asked by the
    encoder as it meets one, which spares copying every record to convert its few dates."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} no se puede escribir en JSON")


def record(org, dataset: Dataset) -> dict:
    data = with_derived(org.data)
    if org.logo_img:
        data["logo"] = dataset.url_logo(org)
    return {"slug": org.slug, "url": dataset.url_perfil(org), **data}


def dumps(value, indent: int | None = None) -> bytes:
    """Stable JSON: sorted keys, UTF-8, a final newline. Without indent Python uses its C
    encoder, several times faster on the large data files."""
    if indent is None:
        return encode(value) + b"\n"
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent) + "\n").encode("utf-8")


# No export holds a cycle: without the check the encoder does not note every list and object.
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_iso, check_circular=False
)


def encode(value) -> bytes:
    """A value as `dumps` writes it inside a document: the text of a fragment (`fragments.py`)."""
    return _ENCODER.encode(value).encode("utf-8")


def encode_items(values: list) -> bytes:
    """The encoded items of an array without its brackets: one organization's part of it. The
    list encoded whole, its brackets cut: one call of the encoder, not one per item."""
    return encode(values)[1:-1]


def document(members: dict[str, bytes | Iterable[bytes]]) -> Iterator[bytes]:
    """`dumps` of an object whose values are already encoded, by parts: the same bytes, for the
    sorted keys and the separators are those of `encode`. A value is its encoded bytes or, for
    a large array (`array`), its parts."""
    yield b"{"
    for n, key in enumerate(sorted(members)):
        yield (b"," if n else b"") + encode(key) + b":"
        value = members[key]
        yield from [value] if isinstance(value, bytes) else value
    yield b"}\n"


def array(encoded: Iterable[bytes]) -> Iterator[bytes]:
    """A JSON array of encoded items, by parts (an item at a time: the whole array is never held);
    an empty item (an organization with none) adds nothing. An item comes with its separator,
    in one part: each part costs its way through the hashing and writing that take it."""
    separator = b""
    yield b"["
    for item in encoded:
        if item:
            yield separator + item
            separator = b","
    yield b"]"


def render_json(dataset: Dataset) -> Iterator[bytes]:
    actualizado = dataset.actualizado
    make = partial(_record_text, dataset)
    get = dataset.fragments.get
    return document(
        {
            "titulo": encode(dataset.titulo),
            "publicador": encode(dataset.publicador),
            "licencia": encode(
                {"id": dataset.licencia.id, "titulo": dataset.licencia.titulo, "url": dataset.licencia.url}
            ),
            "actualizado": encode(actualizado.isoformat() if actualizado else None),
            "organizaciones": array(get("json", o, make) for o in dataset.organizations),
            "vocabularios": encode(
                {
                    name: [{"id": t.id, "nombre": t.nombre} for t in vocab.terms]
                    for name, vocab in sorted(dataset.vocabularios.items())
                }
            ),
        }
    )


def _record_text(dataset: Dataset, org) -> bytes:
    return encode(record(org, dataset))


JSON = Exporter(
    "organizaciones.json",
    "json",
    "application/json",
    "Organizaciones (JSON)",
    "Los mismos datos con su estructura (sedes, actividades y contactos como listas y objetos), "
    "los identificadores de los vocabularios y sus nombres.",
    render_json,
)
