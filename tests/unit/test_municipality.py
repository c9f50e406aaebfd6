"""The municipality is a setting: another one (or the province) runs the same software."""

from __future__ import annotations

import json
import shutil
from datetime import date
from urllib.parse import parse_qs, urlsplit

from conftest import ROOT

from cmosc.model.organization import build_organizations
from cmosc.municipality import municipality
from cmosc.profiles.catalog import load_catalog


def test_a_sede_without_locality_is_in_the_configured_municipality(tmp_path):
    shutil.copytree(ROOT / "vocabularios", tmp_path / "vocabularios")
    (tmp_path / "organizaciones").mkdir()
    (tmp_path / "organizaciones" / "club-aconquija.yml").write_text(
        "nombre: Club Aconquija\ntipo: otra\nsedes:\n  - direccion: Av. Aconquija 1500\n", encoding="utf-8"
    )
    (tmp_path / "pelicanconf.py").write_text(
        'CMOSC_MUNICIPIO_LOCALIDAD = "Yerba Buena"\nCMOSC_MUNICIPIO_CODIGO_POSTAL = "4107"\n',
        encoding="utf-8",
    )
    catalog = load_catalog(tmp_path, today=date(2026, 12, 1))
    assert catalog.ok, catalog.diagnostics
    (org,) = build_organizations(catalog, date(2026, 12, 1))
    query = parse_qs(urlsplit(org.sedes[0].address_search_url).query)["query"]
    assert query == ["Av. Aconquija 1500, Yerba Buena"]
    assert catalog.municipal_area.codigo_postal == "4107"


def test_a_geojson_multipolygon_outline_contains_the_points_of_each_polygon(tmp_path):
    def square(lon: float) -> list:
        return [[lon, -26.82], [lon + 0.02, -26.82], [lon + 0.02, -26.80], [lon, -26.80], [lon, -26.82]]

    shape = {"type": "MultiPolygon", "coordinates": [[square(-65.30)], [square(-65.20)]]}
    (tmp_path / "limite.geojson").write_text(json.dumps(shape), encoding="utf-8")
    town = municipality({"CMOSC_MUNICIPIO_CONTORNO": "limite.geojson", "CMOSC_DATOS_RAIZ": str(tmp_path)})
    assert town.contains(-26.81, -65.29) and town.contains(-26.81, -65.19)
    assert not town.contains(-26.81, -65.24)  # between the two polygons
