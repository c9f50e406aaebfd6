"""/mapa/: every active sede on a map, with the same sedes as a plain list.

Without JavaScript the list is the whole page. The markers' data (coordinates,
facets, hours) is a compact JSON file, `mapa/sedes.json`, one row per list item
in the same order, that only `map.js` downloads: at 2000 organizations the
page stays within its weight budget (`make bench`, benchmarks/map.py).
Barrio centres (the mean of their sedes) let «Cerca de mí» work without geolocation.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from cmosc.folding import spanish_sort_key
from cmosc.model.facets import FACETS, Facet
from cmosc.model.organization import Location, Organization
from cmosc.site.context import FileSpec, PageSpec, Site

# Five decimals are about a metre: enough for a centre, and stable bytes.
DECIMALS = 5
# Markers: four decimals are about 10 m, a marker's width at street zoom; the profile keeps
# the exact point for «Cómo llegar».
MARKER_DECIMALS = 4
# Fetched by «Cerca de mí» on /buscar/ only when asked (see nearby.js).
LOCATIONS_FILE = "buscar/ubicaciones.json"
# The map's markers, fetched by map.js (see `markers`).
MARKERS_FILE = "mapa/sedes.json"


# The map's filters: the facets marked `on_map`, in registry order; their URL parameter
# names the list items' data-* and the columns of mapa/sedes.json that map.js filters on.
FILTERS = tuple(f for f in FACETS if f.on_map)


@dataclass(frozen=True)
class Point:
    org: Organization
    sede: Location
    number: int  # 1-based position among the organization's sedes

    @cached_property  # in the instance's __dict__: kept with the point between builds (`points`)
    def hours(self) -> str | None:
        """Its readable hours as sorted JSON (`Hours.as_json`), one key of map.js's `h`."""
        hours = self.sede.hours
        return (
            json.dumps(hours.as_json(), sort_keys=True) if hours and hours.readable and hours.rules else None
        )


def point_values(site: Site, facet: Facet, point: Point) -> tuple[str, ...]:
    """A sede's values of a facet: its own where the facet reads sedes, else its organization's."""
    return tuple(facet.read_sede(point.sede)) if facet.read_sede else site.values(facet, point.org)


# The last build's points of each organization, when this process builds again (`cmosc
# servir`): id(org) → (org, its located points, its unlocated points). An unchanged profile
# is the same Organization object in the next build, and its sedes with it.
_POINTS: dict[int, tuple[Organization, tuple[Point, ...], tuple[Point, ...]]] = {}


def points(site: Site, keep: bool = False) -> tuple[list[Point], list[Point]]:
    """(sedes with coordinates, sedes without) of active organizations, by organization name.
    `keep`: each organization's are kept for the next build (see `_POINTS`)."""
    located: list[Point] = []
    unlocated: list[Point] = []
    fresh = {}
    for org in site.activas:
        known = _POINTS.get(id(org)) if keep else None
        if known is None or known[0] is not org:
            ours: tuple[list, list] = ([], [])
            for number, sede in enumerate(org.sedes, start=1):
                ours[sede.lat is None].append(Point(org, sede, number))
            known = (org, tuple(ours[0]), tuple(ours[1]))
        located += known[1]
        unlocated += known[2]
        if keep:
            fresh[id(org)] = known
    if keep:
        _POINTS.clear()
        _POINTS.update(fresh)
    return located, unlocated


def organizations_of(listed: list[Point]) -> list[Organization]:
    """Each organization of these points once, in their order (an organization's are together)."""
    orgs: list[Organization] = []
    for p in listed:
        if not orgs or orgs[-1] is not p.org:
            orgs.append(p.org)
    return orgs


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


def filter_options(site: Site, located: list[Point], facet: Facet, vocabulary) -> list[tuple[str, str, int]]:
    """(id, name, sedes) of the values the located sedes have, in name order."""
    counts = Counter(value for p in located for value in point_values(site, facet, p))
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
            [site.municipal_area.lat[0], site.municipal_area.lon[0]],
            [site.municipal_area.lat[1], site.municipal_area.lon[1]],
        ],
    }


def locations(located: list[Point]) -> dict[str, list[list[float]]]:
    """slug → [[lat, lon], …] of its located sedes, for sorting search results by distance."""
    result: dict[str, list] = {}
    for p in located:
        result.setdefault(p.org.slug, []).append([p.sede.lat, p.sede.lon])
    return dict(sorted(result.items()))


def markers(site: Site, located: list[Point]) -> dict:
    """map.js's data, by columns (one entry per located sede, in list order), because at 2000
    organizations rows of repeated keys and ids would be most of the download:
    - `lat`, `lon`: integers, `(coordinate - base) * scale` (MARKER_DECIMALS);
    - one column per filter: positions in `v[param]` (the ids); an integer per sede (-1: none)
      when no sede has more than one value, else a list per sede;
    - `horario`: position in `h`, the distinct `Hours.as_json()` (-1: no readable hours)."""
    scale = 10**MARKER_DECIMALS
    base = [min((p.sede.lat for p in located), default=0), min((p.sede.lon for p in located), default=0)]
    base = [math.floor(b * scale) / scale for b in base]
    out: dict = {
        "escala": scale,
        "base": base,
        "lat": [round((p.sede.lat - base[0]) * scale) for p in located],
        "lon": [round((p.sede.lon - base[1]) * scale) for p in located],
        "v": {},
    }
    for facet in FILTERS:
        ids: dict[str, int] = {}
        column = [[ids.setdefault(v, len(ids)) for v in point_values(site, facet, p)] for p in located]
        single = all(len(c) <= 1 for c in column)
        out[facet.param] = [(c[0] if c else -1) for c in column] if single else column
        out["v"][facet.param] = list(ids)
    hours: dict[str, int] = {}
    out["horario"] = [hours.setdefault(p.hours, len(hours)) if p.hours else -1 for p in located]
    out["h"] = [json.loads(k) for k in hours]
    return out


def map_page(site: Site, context: dict):
    from cmosc.site.generator import builds_again  # here: the generator imports every builder

    located, unlocated = points(site, builds_again(context))
    data = json.dumps(markers(site, located), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    yield FileSpec(MARKERS_FILE, data)
    yield PageSpec(
        "mapa/index.html",
        "mapa",
        {
            "page_name": "mapa",
            "ruta": "mapa/",
            "sedes": len(located),
            # The lists show each organization's sedes together, rendered once per organization.
            "ubicadas": organizations_of(located),
            "sin_ubicacion": organizations_of(unlocated),
            "filtros": [
                (f.param, f.singular, filter_options(site, located, f, site.vocabularies[f.vocabulary]))
                for f in FILTERS
            ],
            "barrios_centros": barrio_centres(located),
            "mapa_config": map_config(site),
            # The version makes a new build's file a new URL for browsers' caches.
            "sedes_url": f"{context.get('SITEURL', '')}/{MARKERS_FILE}?v={hashlib.sha256(data).hexdigest()[:12]}",
            "csp_img": tile_origin(site.settings.get("CMOSC_MAPA_TESELAS") or ""),
        },
    )


def locations_file(site: Site, keep: bool = False) -> FileSpec:
    located, _ = points(site, keep)
    text = json.dumps(locations(located), separators=(",", ":"), sort_keys=True)
    return FileSpec(LOCATIONS_FILE, text.encode("utf-8"))
