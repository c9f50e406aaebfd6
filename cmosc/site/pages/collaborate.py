"""/colaborar/: one card per organization with all it needs, for companies and volunteers.

Filters by need type, barrio and topic are static pages (/colaborar/necesidad/<id>/,
/colaborar/barrio/<id>/, /colaborar/tema/<id>/), built only where some organization
matches, so they work without JavaScript; `collaborate.js` filters the main page in place.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmosc.folding import spanish_sort_key
from cmosc.model.facets import BY_ID, Facet
from cmosc.site.context import PageSpec, Site


@dataclass(frozen=True)
class Filter:
    """One way to narrow the page: its URL part and heading, and the facet it filters by."""

    segmento: str  # /colaborar/<segmento>/<id>/
    titulo: str
    faceta: Facet  # whose values (and labels) it uses

    def lee(self, org) -> list[str]:
        return self.faceta.values(org)


# What they need first: the page is about needs.
FILTROS = (
    Filter("necesidad", "Qué necesitan", BY_ID["necesidades"]),
    Filter("barrio", "Barrio", BY_ID["barrios"]),
    Filter("tema", "Tema", BY_ID["areas"]),
)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    url: str
    count: int


def organizations_with_needs(site: Site) -> list:
    return [o for o in site.activas if o.necesidades]


def options(site: Site, orgs) -> list[tuple[Filter, list[Option]]]:
    """Each filter's values that some organization with needs has, with counts, by name."""
    result = []
    for f in FILTROS:
        labels = {v.value: v.label for v in site.facetas[f.faceta.id].values}
        counts: dict[str, int] = {}
        for org in orgs:
            for value in site.values(f.faceta, org):
                counts[value] = counts.get(value, 0) + 1
        opciones = [Option(v, labels[v], f"colaborar/{f.segmento}/{v}/", n) for v, n in counts.items()]
        result.append((f, sorted(opciones, key=lambda o: spanish_sort_key(o.label))))
    return result


def collaborate(site: Site, context: dict):
    orgs = organizations_with_needs(site)
    filtros = options(site, orgs)
    # filtros_pedido: the same for every page, so each organization's needs render once (cards.py).
    base = {"page_name": "colaborar", "filtros": filtros, "filtros_pedido": FILTROS, "hoy": site.today}
    yield PageSpec(
        "colaborar/index.html", "colaborar", {**base, "ruta": "colaborar/", "orgs": orgs, "elegido": None}
    )
    for f, opciones in filtros:
        # Each organization's values read once, not once per option.
        chosen: dict[str, list] = {option.value: [] for option in opciones}
        for org in orgs:
            for value in site.values(f.faceta, org):
                chosen[value].append(org)
        for option in opciones:
            yield PageSpec(
                f"{option.url}index.html",
                "colaborar",
                {**base, "ruta": option.url, "orgs": chosen[option.value], "elegido": (f, option)},
            )
