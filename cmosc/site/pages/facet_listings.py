"""Listing pages by facet: /explorar/, each parent (/barrios/), each value (/barrios/centro/)
and each barrio narrowed to a topic (/barrios/centro/salud/)."""

from __future__ import annotations

from cmosc.site.context import PageSpec, Site
from cmosc.site.pagination import paginate


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
            for pagina in paginate(value.activas, value.url, site.per_page):
                yield PageSpec(
                    pagina.save_as,
                    "faceta_valor",
                    {
                        "page_name": "explorar",
                        "ruta": pagina.url,
                        # The facet, not its results: a page's cache key holds what it shows.
                        "faceta": result.facet,
                        "valor": value,
                        "pagina": pagina,
                        "inactivas": value.inactivas if pagina.is_last else (),
                        **narrowing(site, result.facet.id, value.value),
                    },
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
        for pagina in paginate(combo.activas, combo.url, site.per_page):
            yield PageSpec(
                pagina.save_as,
                "barrio_tema",
                {
                    "page_name": "explorar",
                    "ruta": pagina.url,
                    "combo": combo,
                    "pagina": pagina,
                    "otros_temas": others,
                },
            )
