"""/buscar/: the search page and the files its script fetches (see `cmosc.search.tiers`)."""

from __future__ import annotations

from collections import Counter

from cmosc.search.documents import valores
from cmosc.search.tiers import FACETAS, TAMANO_FRAGMENTO, archivos, valores_faceta
from cmosc.site.context import FileSpec, PageSpec, Site
from cmosc.site.pages.map import LOCATIONS_FILE, barrio_centres, locations_file, points

#: Facet listing pages linked from the page when the search cannot run.
PAGINAS_FACETAS = (
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
    cuentas = {param: Counter() for param, *_ in FACETAS}
    for org in site.organizations:
        for param, ids in valores(org).items():
            cuentas[param].update(ids)
    return [
        (
            param,
            etiqueta,
            [
                (v, nombre, cuentas[param][v])
                for v, nombre in valores_faceta(param, site.vocabularies, site.organizations)
                if cuentas[param][v]
            ],
        )
        for param, _, etiqueta in FACETAS
    ]


def sugerencias(site: Site, cantidad: int = 6) -> list[str]:
    """Area names with most active organizations: queries that always find something."""
    areas = sorted(site.by_area.items(), key=lambda par: (-len(par[1]), par[0]))[:cantidad]
    return [site.vocabularies["areas"].label(area) for area, _ in areas]


def search(site: Site, context: dict):
    fragmento = int(context.get("CMOSC_BUSQUEDA_FRAGMENTO") or TAMANO_FRAGMENTO)
    fragmentos = archivos(site.organizations, site.vocabularies, fragmento)
    for datos in fragmentos:
        for archivo in datos.values():
            yield FileSpec(f"buscar/{archivo.nombre}", archivo.texto.encode("utf-8"))
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
            "paginas_facetas": PAGINAS_FACETAS,
            # Read by search.js from a JSON data block (json_script): one entry per shard.
            "archivos_busqueda": [
                {nivel: f"{prefijo}{a.nombre}?v={a.version}" for nivel, a in datos.items()}
                for datos in fragmentos
            ],
        },
    )
