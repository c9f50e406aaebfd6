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
                        "faceta": result,
                        "valor": value,
                        "pagina": pagina,
                        "inactivas": value.inactivas if pagina.is_last else (),
                    },
                )


def combined(site: Site, context: dict):
    barrios, areas = site.facetas["barrios"], site.facetas["areas"]
    for combo in site.combinaciones.all:
        for pagina in paginate(combo.activas, combo.url, site.per_page):
            yield PageSpec(
                pagina.save_as,
                "barrio_tema",
                {
                    "page_name": "explorar",
                    "ruta": pagina.url,
                    "barrios": barrios,
                    "areas": areas,
                    "combo": combo,
                    "pagina": pagina,
                },
            )
