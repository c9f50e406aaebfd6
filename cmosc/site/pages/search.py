"""/buscar/: the search page and the files its script fetches (see `cmosc.search.tiers`)."""

from __future__ import annotations

from cmosc.model.facets import FACETS
from cmosc.search.synonyms import Synonyms
from cmosc.search.tiers import search_files
from cmosc.settings import setting
from cmosc.site.context import FileSpec, PageSpec, Site
from cmosc.site.pages.map import LOCATIONS_FILE, barrio_centres, locations_file, points


def facetas(site: Site) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
    """(parameter, label, [(value, name, count)]) with the counts over the active
    organizations (inactive ones count only when the visitor asks for them, in the
    page's script); values nobody has, not even an inactive organization, are left out
    (they could never match). The facet pages' results, which have all of this."""
    return [
        (
            facet.param,
            facet.filter_heading,
            [(v.value, v.label, v.count) for v in site.facetas[facet.id].values if v.url is not None],
        )
        for facet in FACETS
    ]


def facets_script_data() -> dict:
    """What search.js knows of the facets (read from a JSON block in the page): the URL
    parameters it reads and writes, and those a result card names."""
    return {
        "parametros": [facet.param for facet in FACETS],
        "tarjeta": [facet.param for facet in FACETS if facet.tarjeta],
    }


def sugerencias(site: Site, cantidad: int = 6) -> list[str]:
    """Area names with most active organizations: queries that always find something."""
    areas = sorted(site.by_area.items(), key=lambda par: (-len(par[1]), par[0]))[:cantidad]
    return [site.vocabularies["areas"].label(area) for area, _ in areas]


def search(site: Site, context: dict):
    from cmosc.site.generator import builds_again  # here: the generator imports every builder

    keep = builds_again(context)  # what a build keeps serves the next one (`cmosc servir`)
    shard = int(setting(context, "CMOSC_BUSQUEDA_FRAGMENTO"))
    fragmentos = search_files(
        site.organizations,
        site.vocabularies,
        shard,
        Synonyms.from_groups(site.synonyms),
        keep=keep,
    )
    for datos in fragmentos:
        for archivo in datos.values():
            yield FileSpec(f"buscar/{archivo.name}", archivo.text.encode("utf-8"))
    yield locations_file(site, keep)
    prefijo = context.get("SITEURL", "") + "/buscar/"
    yield PageSpec(
        "buscar/index.html",
        "buscar",
        {
            "page_name": "buscar",
            "ruta": "buscar/",
            "facetas": facetas(site),
            "inactivas": len(site.inactivas),
            "sugerencias": sugerencias(site),
            # «Cerca de mí»: sede coordinates fetched on demand, barrio centres in the page.
            "ubicaciones_url": f"{prefijo}{LOCATIONS_FILE.removeprefix('buscar/')}",
            "barrios_centros": barrio_centres(points(site, keep)[0]),
            # Facet listing pages linked from the page when the search cannot run.
            "paginas_facetas": [(facet.id, facet.nombre) for facet in FACETS],
            "facetas_script": facets_script_data(),
            # Read by search.js from a JSON data block (json_script): one entry per shard.
            "archivos_busqueda": [
                {nivel: f"{prefijo}{a.name}?v={a.version}" for nivel, a in datos.items()}
                for datos in fragmentos
            ],
        },
    )
