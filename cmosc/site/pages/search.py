"""/buscar/: the search page and the files its script fetches (see `cmosc.search.tiers`)."""

from __future__ import annotations

from collections import Counter

from cmosc.search.documents import facet_values
from cmosc.search.tiers import FACETS, facet_options, search_files
from cmosc.settings import setting
from cmosc.site.context import FileSpec, PageSpec, Site
from cmosc.site.pages.map import LOCATIONS_FILE, barrio_centres, locations_file, points

#: Facet listing pages linked from the page when the search cannot run.
PAGINAS_FACETS = (
    ("tipos", "tipo"),
    ("areas", "área"),
    ("barrios", "barrio"),
    ("poblaciones", "población"),
    ("necesidades", "necesidad"),
    ("ods", "ODS"),
)


def facetas(site: Site) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
    """(parameter, label, [(value, name, count)]) with the counts over every
    published organization; values nobody has are left out (they could never match)."""
    cuentas = {param: Counter() for param, *_ in FACETS}
    for org in site.organizations:
        for param, ids in facet_values(org).items():
            cuentas[param].update(ids)
    return [
        (
            param,
            etiqueta,
            [
                (v, nombre, cuentas[param][v])
                for v, nombre in facet_options(param, site.vocabularies, site.organizations)
                if cuentas[param][v]
            ],
        )
        for param, _, etiqueta in FACETS
    ]


def sugerencias(site: Site, cantidad: int = 6) -> list[str]:
    """Area names with most active organizations: queries that always find something."""
    areas = sorted(site.by_area.items(), key=lambda par: (-len(par[1]), par[0]))[:cantidad]
    return [site.vocabularies["areas"].label(area) for area, _ in areas]


def search(site: Site, context: dict):
    fragmento = int(setting(context, "CMOSC_BUSQUEDA_FRAGMENTO"))
    fragmentos = search_files(site.organizations, site.vocabularies, fragmento)
    for datos in fragmentos:
        for archivo in datos.values():
            yield FileSpec(f"buscar/{archivo.name}", archivo.text.encode("utf-8"))
    yield locations_file(site)
    prefijo = context.get("SITEURL", "") + "/buscar/"
    yield PageSpec(
        "buscar/index.html",
        "buscar",
        {
            "page_name": "buscar",
            "ruta": "buscar/",
            "facetas": facetas(site),
            "sugerencias": sugerencias(site),
            # «Cerca de mí»: sede coordinates fetched on demand, barrio centres in the page.
            "ubicaciones_url": f"{prefijo}{LOCATIONS_FILE.removeprefix('buscar/')}",
            "barrios_centros": barrio_centres(points(site)[0]),
            "paginas_facetas": PAGINAS_FACETS,
            # Read by search.js from a JSON data block (json_script): one entry per shard.
            "archivos_busqueda": [
                {nivel: f"{prefijo}{a.name}?v={a.version}" for nivel, a in datos.items()}
                for datos in fragmentos
            ],
        },
    )
