"""`organizaciones.geojson`: one Point per sede with coordinates ([lon, lat], RFC 7946)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter
from cmosc.opendata.json_export import array, document, encode, encode_items


def features(org, dataset: Dataset) -> list[dict]:
    """The Points of one organization's sedes with coordinates."""
    result = []
    for number, sede in enumerate(org.sedes, start=1):
        if sede.lat is None:
            continue
        result.append(
            {
                "type": "Feature",
                "id": f"{org.slug}-{number}",
                "geometry": {"type": "Point", "coordinates": [sede.lon, sede.lat]},
                "properties": {
                    "slug": org.slug,
                    "nombre": org.nombre,
                    "url": dataset.url_perfil(org),
                    "tipo": org.tipo.id,
                    "tipo_nombre": org.tipo.nombre,
                    "estado": "activa" if org.activa else "inactiva",
                    "sede": sede.nombre,
                    "sede_numero": number,
                    "direccion": sede.direccion,
                    "barrio": sede.barrio.id if sede.barrio else None,
                    "barrio_nombre": sede.barrio.nombre if sede.barrio else None,
                    "horarios": sede.horarios,
                    "accesible": sede.accesible,
                    "areas": [a.id for a in org.areas],
                },
            }
        )
    return result


def render_geojson(dataset: Dataset) -> Iterator[bytes]:
    make = partial(_features_text, dataset)
    get = dataset.fragments.get
    return document(
        {
            "type": encode("FeatureCollection"),
            "features": array(get("geojson", o, make) for o in dataset.organizations),
        }
    )


def _features_text(dataset: Dataset, org) -> bytes:
    return encode_items(features(org, dataset))


GEOJSON = Exporter(
    "organizaciones.geojson",
    "geojson",
    "application/geo+json",
    "Sedes en el mapa (GeoJSON)",
    "Un punto por sede con coordenadas, en longitud y latitud (WGS 84), para usar en mapas.",
    render_geojson,
)
