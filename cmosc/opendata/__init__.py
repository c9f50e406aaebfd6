"""Open data: the published fields of every organization in CSV, JSON, GeoJSON, XLSX,
HSDS 3.0 and a Frictionless datapackage.json. The Pelican build (`cmosc/site/pages/opendata.py`)
and `cmosc exportar` both call `export_all()`, so the files are the same either way."""

from cmosc.opendata.csv_export import render_csv
from cmosc.opendata.dataset import Dataset, Licence, licence_of
from cmosc.opendata.registry import DATAPACKAGE, EXPORTERS, export_all

__all__ = ["Dataset", "Licence", "licence_of", "render_csv", "EXPORTERS", "DATAPACKAGE", "export_all"]
