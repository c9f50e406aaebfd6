"""`organizaciones.json`: the published fields with their nesting, plus the vocabularies."""

from __future__ import annotations

import json
from datetime import date

from cmosc.opendata.columns import with_derived
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def record(org, dataset: Dataset) -> dict:
    data = _plain(with_derived(org.data))
    if org.logo_img:
        data["logo"] = dataset.url_logo(org)
    return {"slug": org.slug, "url": dataset.url_perfil(org), **data}


def dumps(value, indent: int | None = None) -> bytes:
    """Stable JSON: sorted keys, UTF-8, a final newline. Without indent Python uses its C
    encoder, several times faster on the large data files."""
    separators = (",", ": ") if indent else (",", ":")
    return (
        json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators) + "\n"
    ).encode("utf-8")


def render_json(dataset: Dataset) -> bytes:
    actualizado = dataset.actualizado
    return dumps(
        {
            "titulo": dataset.titulo,
            "publicador": dataset.publicador,
            "licencia": {
                "id": dataset.licencia.id,
                "titulo": dataset.licencia.titulo,
                "url": dataset.licencia.url,
            },
            "actualizado": actualizado.isoformat() if actualizado else None,
            "organizaciones": [record(o, dataset) for o in dataset.organizations],
            "vocabularios": {
                name: [{"id": t.id, "nombre": t.nombre} for t in vocab.terms]
                for name, vocab in sorted(dataset.vocabularios.items())
            },
        }
    )


JSON = Exporter(
    "organizaciones.json",
    "json",
    "application/json",
    "Organizaciones (JSON)",
    "Los mismos datos con su estructura (sedes, actividades y contactos como listas y objetos), "
    "los identificadores de los vocabularios y sus nombres.",
    render_json,
)
