"""Listing pages by facet: /explorar/, each parent (/barrios/), each value (/barrios/centro/)
and each barrio narrowed to a topic (/barrios/centro/salud/)."""

from __future__ import annotations

from cmosc.site.context import PageSpec, Site
from cmosc.site.pagination import paged


def explore(site: Site, context: dict):
    yield PageSpec(
        "explorar/index.html",
        "explorar",
        {"page_name": "explorar", "ruta": "explorar/", "facetas": list(site.facetas.values())},
    )


def parents(site: Site, context: dict):
    for result in site.facetas.values():
        yield PageSpec(
            f"{result.url}index.html",
            "faceta",
            {"page_name": "explorar", "ruta": result.url, "faceta": result},
        )


def values(site: Site, context: dict):
    for result in site.facetas.values():
        for value in result.values:
            if not value.url:
                continue  # shown on the parent as "sin organizaciones", never as a dead link
            members = site.miembros[(result.facet.id, value.value)]
            yield from paged(
                members.activas,
                value.url,
                site.per_page,
                "faceta_valor",
                {
                    "page_name": "explorar",
                    # The facet, not its results: a page's cache key holds what it shows.
                    "faceta": result.facet,
                    "valor": value,
                    **narrowing(site, result.facet.id, value.value),
                },
                inactive=members.inactivas,
            )


def narrowing(site: Site, facet: str, value: str) -> dict:
    """A barrio's topics, a topic's barrios, a population's topic listing, when there are."""
    if facet == "barrios":
        return {"combinaciones": site.combinaciones.by_barrio.get(value)}
    if facet == "areas":
        return {"combinaciones": site.combinaciones.by_area.get(value)}
    if facet == "poblaciones":
        return {"tema": site.tema_de_poblacion.get(value)}
    return {}


def combined(site: Site, context: dict):
    for combo in site.combinaciones.all:
        others = [
            c for c in site.combinaciones.by_barrio.get(combo.barrio.id, ()) if c.area.id != combo.area.id
        ]
        yield from paged(
            site.combinaciones.members[(combo.barrio.id, combo.area.id)],
            combo.url,
            site.per_page,
            "barrio_tema",
            {"page_name": "explorar", "combo": combo, "otros_temas": others},
        )
