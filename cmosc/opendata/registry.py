"""The exporters, in one list (Datasette style): add a format by listing its `Exporter` here.

An exporter is an `Exporter` (file name, format, description and a
`render(dataset) -> Iterable[bytes]`, the file by parts). `export_all()` runs them one by
one, then describes the results in `datapackage.json`; the CSV and the XLSX, the same rows,
come of one pass over the organizations (`xlsx_export.Workbook`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from cmosc.opendata.csv_export import CSV, render_csv
from cmosc.opendata.datapackage_export import render_datapackage
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter
from cmosc.opendata.geojson_export import GEOJSON
from cmosc.opendata.hsds_export import HSDS
from cmosc.opendata.json_export import JSON
from cmosc.opendata.xlsx_export import XLSX, Workbook

EXPORTERS = [CSV, JSON, GEOJSON, XLSX, HSDS]
DATAPACKAGE = "datapackage.json"


def export_all(dataset: Dataset) -> Iterator[tuple[str, Iterable[bytes]]]:
    """Every open-data file as (name, its bytes by parts), datapackage.json last. Take all of a
    file's parts, in order, before asking for the next file: they are made as they are taken,
    and only the file's size and digest are kept, for datapackage.json."""
    described = []
    # Each organization's cells are worked out once, for its CSV line and its XLSX row; the sheet
    # waits compressed (11 MB at 20,000) while the JSON and GeoJSON are written.
    book = Workbook(dataset)
    made = {CSV: render_csv(dataset, book), XLSX: book.parts()}
    for exporter in EXPORTERS:
        parts = made[exporter] if exporter in made else exporter.render(dataset)
        yield exporter.archivo, _described(exporter, parts, described)
    if len(described) != len(EXPORTERS):
        raise RuntimeError("Cada archivo de datos abiertos se escribe entero antes del siguiente.")
    yield DATAPACKAGE, [render_datapackage(dataset, described)]


def _described(exporter: Exporter, parts: Iterable[bytes], described: list) -> Iterator[bytes]:
    """`parts`, passed on; once they are all taken, the file's size and sha256 are noted."""
    digest, size = hashlib.sha256(), 0
    for part in parts:
        digest.update(part)
        size += len(part)
        yield part
    described.append((exporter, size, digest.digest()))
