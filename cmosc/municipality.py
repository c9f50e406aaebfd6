"""The municipality the directory covers (the `CMOSC_MUNICIPIO_*` settings), read once.

Its names decide which spreadsheet rows are ours, its rectangle bounds every profile's
coordinates, its outline decides which imported points are «fuera del municipio», and its
town and postal code complete the addresses of HSDS and schema.org. The outline is either
(lat, lon) pairs written in `pelicanconf.py` or a GeoJSON file (an official boundary).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cmosc.settings import SettingError, project_settings, setting

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Municipality:
    localidad: str
    nombres: tuple[str, ...]
    departamentos: tuple[str, ...]
    province: str
    short_names: tuple[str, ...]
    codigo_postal: str
    lat: tuple[float, float]
    lon: tuple[float, float]
    contornos: tuple[Ring, ...]  # the outer rings of its polygons, as (lat, lon)
    pais: str = "AR"

    def contains(self, lat: float, lon: float) -> bool:
        """Whether a point is inside one of the outline's polygons (ray casting)."""
        return any(_inside(ring, lat, lon) for ring in self.contornos)


def _inside(ring: Ring, lat: float, lon: float) -> bool:
    inside = False
    for (lat_a, lon_a), (lat_b, lon_b) in zip(ring, ring[1:] + ring[:1]):
        if (lon_a > lon) != (lon_b > lon):
            crossing = lat_a + (lon - lon_a) * (lat_b - lat_a) / (lon_b - lon_a)
            if lat < crossing:
                inside = not inside
    return inside


def outline(value, root: Path) -> tuple[Ring, ...]:
    """`CMOSC_MUNICIPIO_CONTORNO`: (lat, lon) pairs, or the path (from the data root) of a
    GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection in (lon, lat) order."""
    if not isinstance(value, str | Path):
        return (tuple((float(lat), float(lon)) for lat, lon in value),)
    path = root / value
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise SettingError(f"CMOSC_MUNICIPIO_CONTORNO: no existe el archivo «{path}».") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingError(
            f"CMOSC_MUNICIPIO_CONTORNO: «{path}» no es GeoJSON válido (línea {exc.lineno}, columna {exc.colno})."
        ) from None
    features = data.get("features") if data.get("type") == "FeatureCollection" else [data]
    rings = []
    for feature in features:
        geometry = feature.get("geometry", feature)
        polygons = {"Polygon": [geometry.get("coordinates")], "MultiPolygon": geometry.get("coordinates")}
        for polygon in polygons.get(geometry.get("type"), []):
            rings.append(tuple((float(point[1]), float(point[0])) for point in polygon[0]))
    if not rings:
        raise SettingError(f"CMOSC_MUNICIPIO_CONTORNO: «{path}» no tiene ningún polígono.")
    return tuple(rings)


def municipality(settings: dict) -> Municipality:
    limits = setting(settings, "CMOSC_MUNICIPIO_LIMITES")
    return Municipality(
        setting(settings, "CMOSC_MUNICIPIO_LOCALIDAD"),
        tuple(setting(settings, "CMOSC_MUNICIPIO_NOMBRES")),
        tuple(setting(settings, "CMOSC_MUNICIPIO_DEPARTAMENTOS")),
        setting(settings, "CMOSC_MUNICIPIO_PROVINCIA"),
        tuple(setting(settings, "CMOSC_MUNICIPIO_NOMBRES_CORTOS")),
        str(setting(settings, "CMOSC_MUNICIPIO_CODIGO_POSTAL")),
        tuple(limits["lat"]),
        tuple(limits["lon"]),
        outline(setting(settings, "CMOSC_MUNICIPIO_CONTORNO"), Path(setting(settings, "CMOSC_DATOS_RAIZ"))),
    )


# The defaults, for what is described before any project is read (the schema's help text).
MUNICIPALITY = municipality({})


def project_municipality(root: Path) -> Municipality:
    """The municipality of a project's `pelicanconf.py`, so the build, `cmosc validar` and
    `cmosc importar` agree on its names and bounds."""
    return municipality(project_settings(Path(root)))
