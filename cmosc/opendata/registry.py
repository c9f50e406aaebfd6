"""The exporters, in one list (Datasette style): add a format by listing its `Exporter` here.

An exporter is an `Exporter` (file name, format, description and a
`render(dataset) -> bytes`). `export_all()` runs them all, then describes the
results in `datapackage.json`.
"""

from __future__ import annotations

from cmosc.opendata.csv_export import CSV
from cmosc.opendata.datapackage_export import render_datapackage
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.geojson_export import GEOJSON
from cmosc.opendata.hsds_export import HSDS
from cmosc.opendata.json_export import JSON
from cmosc.opendata.xlsx_export import XLSX

EXPORTERS = [CSV, JSON, GEOJSON, XLSX, HSDS]
DATAPACKAGE = "datapackage.json"


def export_all(dataset: Dataset) -> list[tuple[str, bytes]]:
    """Every open-data file as (name, bytes), datapackage.json last."""
    files = [(exporter, exporter.render(dataset)) for exporter in EXPORTERS]
    result = [(exporter.archivo, content) for exporter, content in files]
    result.append((DATAPACKAGE, render_datapackage(dataset, files)))
    return result
