"""/mapa/: every active sede on a map, with the same sedes as a plain list.

The list is the page's data: each item carries its coordinates and facet ids in
`data-*` attributes, so without JavaScript it is the whole page and with it
`map.js` reads the points from it (no second copy of the data to download).
Barrio centres (the mean of their sedes) let «Cerca de mí» work without geolocation.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from cmosc.folding import spanish_sort_key
from cmosc.model.organization import Organization, Sede
from cmosc.site.context import FileSpec, PageSpec, Site

# Five decimals are about a metre: enough for a centre, and stable bytes.
DECIMALS = 5
# Fetched by «Cerca de mí» on /buscar/ only when asked (see nearby.js).
LOCATIONS_FILE = "buscar/ubicaciones.json"


# The map's filters: URL-style parameter (also the list items' data-* name), label,
# vocabulary, and the values of one point. map.js reads the same names.
FILTERS = (
    ("tipo", "Tipo", "tipos", lambda p: [p.org.tipo.id]),
    ("area", "Área", "areas", lambda p: [a.id for a in p.org.areas]),
    ("barrio", "Barrio", "barrios", lambda p: [p.sede.barrio.id] if p.sede.barrio else []),
)


@dataclass(frozen=True)
class Point:
    org: Organization
    sede: Sede
    number: int  # 1-based position among the organization's sedes

    @property
    def ancla(self) -> str:
        return f"sede-{self.org.slug}-{self.number}"

    @property
    def etiqueta(self) -> str:
        return sede_label(self.sede, self.number)


def sede_label(sede: Sede, number: int) -> str:
    return sede.nombre or ("Sede principal" if number == 1 else f"Sede {number}")


def points(site: Site) -> tuple[list[Point], list[Point]]:
    """(sedes with coordinates, sedes without) of active organizations, by organization name."""
    located, unlocated = [], []
    for org in site.activas:
        for number, sede in enumerate(org.sedes, start=1):
            (located if sede.lat is not None else unlocated).append(Point(org, sede, number))
    return located, unlocated


def barrio_centres(located: list[Point]) -> list[dict]:
    """One entry per barrio with located sedes: its id, name and the mean of their coordinates."""
    sums: dict[str, list] = {}
    for p in located:
        if p.sede.barrio:
            entry = sums.setdefault(p.sede.barrio.id, [p.sede.barrio.nombre, 0.0, 0.0, 0])
            entry[1] += p.sede.lat
            entry[2] += p.sede.lon
            entry[3] += 1
    centres = [
        {"id": bid, "nombre": nombre, "lat": round(lat / n, DECIMALS), "lon": round(lon / n, DECIMALS)}
        for bid, (nombre, lat, lon, n) in sums.items()
    ]
    return sorted(centres, key=lambda c: spanish_sort_key(c["nombre"]))


def filter_options(located: list[Point], read, vocabulary) -> list[tuple[str, str, int]]:
    """(id, name, sedes) of the values the located sedes have, in name order."""
    counts = Counter(value for p in located for value in read(p))
    options = [(vid, vocabulary.label(vid), n) for vid, n in counts.items()]
    return sorted(options, key=lambda o: spanish_sort_key(o[1]))


def tile_origin(template: str) -> str:
    """CSP source for a tile URL template: `https://{s}.tile.x.org/…` → `https://*.tile.x.org`."""
    parts = urlsplit(template.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}"


def map_config(site: Site) -> dict:
    """What map.js needs besides the list: tiles, attribution, and the view with no sedes."""
    atribucion = site.settings.get("CMOSC_MAPA_ATRIBUCION") or {}
    return {
        "teselas": site.settings.get("CMOSC_MAPA_TESELAS"),
        "atribucion": {"texto": atribucion.get("texto", ""), "url": atribucion.get("url", "")},
        "limites": [
            [site.municipio.lat[0], site.municipio.lon[0]],
            [site.municipio.lat[1], site.municipio.lon[1]],
        ],
    }


def locations(located: list[Point]) -> dict[str, list[list[float]]]:
    """slug → [[lat, lon], …] of its located sedes, for sorting search results by distance."""
    result: dict[str, list] = {}
    for p in located:
        result.setdefault(p.org.slug, []).append([p.sede.lat, p.sede.lon])
    return dict(sorted(result.items()))


def mapa(site: Site, context: dict):
    located, unlocated = points(site)
    yield PageSpec(
        "mapa/index.html",
        "mapa",
        {
            "page_name": "mapa",
            "ruta": "mapa/",
            "puntos": located,
            "sin_ubicacion": unlocated,
            "filtros": [
                (param, label, filter_options(located, read, site.vocabularies[vocabulary]))
                for param, label, vocabulary, read in FILTERS
            ],
            "barrios_centros": barrio_centres(located),
            "mapa_config": map_config(site),
            "csp_img": tile_origin(site.settings.get("CMOSC_MAPA_TESELAS") or ""),
        },
    )


def locations_file(site: Site) -> FileSpec:
    located, _ = points(site)
    text = json.dumps(locations(located), separators=(",", ":"), sort_keys=True)
    return FileSpec(LOCATIONS_FILE, text.encode("utf-8"))
