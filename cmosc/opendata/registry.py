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
from cmosc.opendata.geojson_export import GEOJSON
from cmosc.opendata.hsds_export import HSDS
from cmosc.opendata.json_export import JSON
from cmosc.opendata.xlsx_export import XLSX, Workbook

EXPORTERS = [CSV, JSON, GEOJSON, XLSX, HSDS]
DATAPACKAGE = "datapackage.json"


def export_all(dataset: Dataset) -> Iterator[tuple[str, Hashed]]:
    """Every open-data file as (name, its bytes by parts), datapackage.json last. Take all of a
    file's parts, in order, before asking for the next file: they are made as they are taken,
    and only the file's size and digest are kept, for datapackage.json."""
    # Each organization's cells are worked out once, for its CSV line and its XLSX row; the sheet
    # waits compressed (11 MB at 20,000) while the JSON and GeoJSON are written.
    book = Workbook(dataset)
    made = {CSV: render_csv(dataset, book), XLSX: book.parts()}
    files = []
    for exporter in EXPORTERS:
        parts = Hashed(made[exporter] if exporter in made else exporter.render(dataset))
        files.append((exporter, parts))
        yield exporter.archivo, parts
    if not all(parts.taken for _, parts in files):
        raise RuntimeError("Cada archivo de datos abiertos se escribe entero antes del siguiente.")
    described = [(exporter, parts.size, parts.digest()) for exporter, parts in files]
    yield DATAPACKAGE, Hashed([render_datapackage(dataset, described)])


class Hashed:
    """A file's parts, passed on as they are taken and hashed on the way: once all are taken, its
    size and sha256 (`digest`), which datapackage.json describes it by and its writer need not
    work out again (18 MB at N=2000)."""

    def __init__(self, parts: Iterable[bytes]):
        self._parts, self._hash = parts, hashlib.sha256()
        self.size, self.taken = 0, False

    def __iter__(self) -> Iterator[bytes]:
        for part in self._parts:
            self._hash.update(part)
            self.size += len(part)
            yield part
        self.taken = True

    def digest(self) -> bytes:
        return self._hash.digest()
