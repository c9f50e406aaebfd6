"""The exporters, in one list (Datasette style): add a format by listing its `Exporter` here.

An exporter is an `Exporter` (file name, format, description and a
`render(dataset) -> bytes`). `export_all()` runs them one by one, then describes the
results in `datapackage.json`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from cmosc.opendata.csv_export import CSV
from cmosc.opendata.datapackage_export import render_datapackage
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.geojson_export import GEOJSON
from cmosc.opendata.hsds_export import HSDS
from cmosc.opendata.json_export import JSON
from cmosc.opendata.xlsx_export import XLSX

EXPORTERS = [CSV, JSON, GEOJSON, XLSX, HSDS]
DATAPACKAGE = "datapackage.json"


def export_all(dataset: Dataset) -> Iterator[tuple[str, bytes]]:
    """Every open-data file as (name, bytes), one at a time, datapackage.json last: of a
    file made, only its size and digest are kept, never all files' bytes together (they
    were 906 MB at 100,000 organizations)."""
    described = []
    for exporter in EXPORTERS:
        content = exporter.render(dataset)
        described.append((exporter, len(content), hashlib.sha256(content).digest()))
        yield exporter.archivo, content
    yield DATAPACKAGE, render_datapackage(dataset, described)
