"""`organizaciones.json`: the published fields with their nesting, plus the vocabularies."""

from __future__ import annotations

import json
from datetime import date

from cmosc.opendata.columns import con_derivadas
from cmosc.opendata.dataset import Conjunto
from cmosc.opendata.exporter import Exportador


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def record(org, conjunto: Conjunto) -> dict:
    data = _plain(con_derivadas(org.data))
    if org.logo_img:
        data["logo"] = conjunto.url_logo(org)
    return {"slug": org.slug, "url": conjunto.url_perfil(org), **data}


def dumps(value, indent: int | None = None) -> bytes:
    """Stable JSON: sorted keys, UTF-8, a final newline. Without indent Python uses its C
    encoder, several times faster on the large data files."""
    separators = (",", ": ") if indent else (",", ":")
    return (
        json.dumps(value, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators) + "\n"
    ).encode("utf-8")


def render_json(conjunto: Conjunto) -> bytes:
    actualizado = conjunto.actualizado
    return dumps(
        {
            "titulo": conjunto.titulo,
            "publicador": conjunto.publicador,
            "licencia": {
                "id": conjunto.licencia.id,
                "titulo": conjunto.licencia.titulo,
                "url": conjunto.licencia.url,
            },
            "actualizado": actualizado.isoformat() if actualizado else None,
            "organizaciones": [record(o, conjunto) for o in conjunto.organizaciones],
            "vocabularios": {
                name: [{"id": t.id, "nombre": t.nombre} for t in vocab.terms]
                for name, vocab in sorted(conjunto.vocabularios.items())
            },
        }
    )


JSON = Exportador(
    "organizaciones.json",
    "json",
    "application/json",
    "Organizaciones (JSON)",
    "Los mismos datos con su estructura (sedes, actividades y contactos como listas y objetos), "
    "los identificadores de los vocabularios y sus nombres.",
    render_json,
)
