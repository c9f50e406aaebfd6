"""Open data: the published fields of every organization in CSV, JSON, GeoJSON, XLSX,
HSDS 3.0 and a Frictionless datapackage.json. The Pelican build (`sitio/datos_pages`)
and `cmosc exportar` both call `exportar()`, so the files are the same either way."""

from cmosc.opendata.csv_export import render_csv
from cmosc.opendata.dataset import Conjunto, Licencia, licencia_de
from cmosc.opendata.registry import DATAPACKAGE, EXPORTERS, exportar

__all__ = ["Conjunto", "Licencia", "licencia_de", "render_csv", "EXPORTERS", "DATAPACKAGE", "exportar"]
