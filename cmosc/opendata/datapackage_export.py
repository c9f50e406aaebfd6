"""`datapackage.json`: a Frictionless Data Package describing every other file.

Written last, from the other files' size and sha256, so it always describes
exactly what was published alongside it.
"""

from __future__ import annotations

from cmosc.opendata.columns import NO, SI
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.json_export import dumps
from cmosc.opendata.rows import COLUMNS

NAME = "directorio-organizaciones-cmosc"


def table_schema() -> dict:
    fields = []
    for col in COLUMNS:
        field = {"name": col.nombre, "title": col.titulo, "description": col.descripcion, "type": col.tipo}
        if col.tipo == "boolean":
            field.update(trueValues=[SI], falseValues=[NO])
        fields.append(field)
    return {"fields": fields, "primaryKey": ["slug"], "missingValues": [""]}


def resource(exporter, size: int, digest: bytes) -> dict:
    entry = {
        "name": exporter.archivo.replace("_", "-").replace(".", "-"),  # unique: organizaciones-csv…
        "path": exporter.archivo,
        "title": exporter.titulo,
        "description": exporter.descripcion,
        "format": exporter.formato,
        "mediatype": exporter.mediatype,
        "bytes": size,
        "hash": "sha256:" + digest.hex(),
    }
    if exporter.tabular:
        entry["encoding"] = "utf-8-sig" if exporter.formato == "csv" else "utf-8"
        entry["profile"] = "tabular-data-resource"
        entry["schema"] = table_schema()
    else:
        entry["encoding"] = "utf-8"
    if exporter.formato == "xlsx":
        entry.pop("encoding")
    return entry


def render_datapackage(dataset: Dataset, files: list[tuple[object, int, bytes]]) -> bytes:
    """`files`: (exporter, size, sha256 digest) of each file it describes."""
    actualizado = dataset.actualizado
    package = {
        "name": NAME,
        "title": dataset.titulo,
        "description": (
            "Organizaciones de la sociedad civil de San Miguel de Tucumán registradas por el "
            f"{dataset.publicador}. Solo datos institucionales publicados en el directorio."
        ),
        "homepage": dataset.url("datos/"),
        "version": actualizado.isoformat() if actualizado else "sin-fecha",
        "licenses": [
            {"name": dataset.licencia.id, "title": dataset.licencia.titulo, "path": dataset.licencia.url}
        ],
        "contributors": [{"title": dataset.publicador, "role": "publisher"}],
        "keywords": ["organizaciones sociales", "sociedad civil", "Tucumán", "datos abiertos"],
        "resources": [resource(*described) for described in files],
    }
    if actualizado:
        package["created"] = actualizado.isoformat() + "T00:00:00Z"
    return dumps(package, indent=1)  # small, and read by people
