"""The exporters, in one list (Datasette style): add a format by listing its `Exportador` here.

An exporter is an `Exportador` (file name, format, description and a
`render(conjunto) -> bytes`). `exportar()` runs them all, then describes the
results in `datapackage.json`.
"""

from __future__ import annotations

from cmosc.opendata.csv_export import CSV
from cmosc.opendata.datapackage_export import render_datapackage
from cmosc.opendata.dataset import Conjunto
from cmosc.opendata.geojson_export import GEOJSON
from cmosc.opendata.hsds_export import HSDS
from cmosc.opendata.json_export import JSON
from cmosc.opendata.xlsx_export import XLSX

EXPORTERS = [CSV, JSON, GEOJSON, XLSX, HSDS]
DATAPACKAGE = "datapackage.json"


def exportar(conjunto: Conjunto) -> list[tuple[str, bytes]]:
    """Every open-data file as (name, bytes), datapackage.json last."""
    files = [(exporter, exporter.render(conjunto)) for exporter in EXPORTERS]
    result = [(exporter.archivo, content) for exporter, content in files]
    result.append((DATAPACKAGE, render_datapackage(conjunto, files)))
    return result
