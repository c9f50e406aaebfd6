"""/mapa/'s markers as built: the list items joined with mapa/sedes.json's columns."""

from __future__ import annotations

import json
from pathlib import Path

from support.html_tree import page


def _values(data: dict, param: str, i: int) -> list[str]:
    n = data[param][i]
    positions = n if isinstance(n, list) else ([] if n < 0 else [n])
    return [data["v"][param][k] for k in positions]


def markers(built_site: Path) -> list[dict]:
    """One dict per list item of /mapa/, in list order: id, link, coordinates, facets, hours."""
    items = page(built_site, "mapa/").find("ol", id="sedes").find_all("li")
    data = json.loads((built_site / "mapa" / "sedes.json").read_text("utf-8"))
    assert len(data["lat"]) == len(items), "one marker per list item"
    out = []
    for i, li in enumerate(items):
        out.append(
            {
                "id": li.attrs["id"],
                "href": li.find("a").attrs["href"],
                "lat": data["base"][0] + data["lat"][i] / data["escala"],
                "lon": data["base"][1] + data["lon"][i] / data["escala"],
                "tipo": _values(data, "tipo", i)[0],
                "areas": _values(data, "area", i),
                "barrio": (_values(data, "barrio", i) or [""])[0],
                "horario": data["h"][data["horario"][i]] if data["horario"][i] >= 0 else None,
            }
        )
    return out
