"""/datos/: the open-data files, the page that explains them, and one CSV per facet value.

Facet downloads live beside each facet page: `/<faceta>/<valor>/organizaciones.csv`
for every facet of `cmosc.model.facets` (active organizations only, the same list the
facet page shows).
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape

from cmosc.opendata import Dataset, export_all, licence_of, render_csv
from cmosc.opendata.fragments import members
from cmosc.opendata.registry import DATAPACKAGE, EXPORTERS
from cmosc.opendata.rows import COLUMNS
from cmosc.site.background import Background, FileParts, Placed, write_each
from cmosc.site.context import PageSpec, Site
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES

DATA_DIR = "datos"
BACKGROUND = "cmosc_datos_en_segundo_plano"
FACET_CSV = "organizaciones.csv"


def dataset(site: Site, context: dict) -> Dataset:
    return Dataset(
        site.organizations,
        site.vocabularies,
        licence_of(site.settings.get("CMOSC_LICENCIA_DATOS")),
        site.url_canonica,
        municipal_area=site.municipal_area,
    )


def data_files(site: Site, data: Dataset, published=None):
    """Every export under /datos/, then one CSV per facet value. Laid over a `published` site,
    files of the same organizations as in the last build, which the site holds, are not made
    again (after one profile changed, about 80 of the 86 facet CSVs; after an edit that changed
    no profile, none)."""
    facts = repr((data.licencia, data.titulo, data.publicador))  # what else the exports hold
    names = [f"{DATA_DIR}/{e.archivo}" for e in EXPORTERS] + [f"{DATA_DIR}/{DATAPACKAGE}"]
    held = _held(names, data.organizations, facts, data, published)
    if held is None:
        for save_as, (_, parts) in zip(names, export_all(data)):
            yield FileParts(save_as, parts, parts.digest)
    else:
        yield from held
    for (facet, value), orgs in sorted(facet_members(site).items()):
        save_as = facet_csv_url(facet, value)
        held = _held([save_as], orgs, "", data, published)
        yield from held or [FileParts(save_as, render_csv(data.con(orgs)))]


def _held(names: list[str], orgs: list, facts: str, data: Dataset, published) -> list[Placed] | None:
    """The files `names` (made of `orgs` and `facts`) as `Placed`, if the last build made them
    of the same and the published site still holds them all; else None: all are to be made."""
    if published is None:
        return None
    same = members(orgs, facts)
    placed = []
    for save_as in names:
        known = data.fragments.same_file(save_as, same)
        if known is not None and published.holds(save_as, known[1]):
            placed.append(Placed(save_as, *known))
    return placed if len(placed) == len(names) else None


def start_in_background(generators) -> None:
    """On `all_generators_finalized`: write the data files while Pelican renders pages.

    A process that lays its builds over the site it published (`cmosc servir`) builds again:
    the fragments the job made are sent back and kept for the next build (`fragments.py`)."""
    from cmosc.site.generator import PUBLISHED_SITE, STALE_BEFORE  # which imports this module

    for generator in generators:
        site = getattr(generator, "site", None)
        if isinstance(site, Site):
            site.miembros  # noqa: B018 (worked out before the fork, once: the pages need it too)
            data = dataset(site, generator.context)
            fragments = data.fragments
            keep = (fragments.new, partial(fragments.remember, data.organizations))
            published = generator.settings.get(PUBLISHED_SITE)
            fragments.lasting = published is not None
            generator.context[BACKGROUND] = Background(
                lambda site=site, data=data, published=published: data_files(site, data, published),
                Path(generator.output_path),
                keep if published is not None else None,
                published,
                generator.settings.get(STALE_BEFORE),
            )


def open_data(site: Site, context: dict):
    """The data files (already being written in the background, if started) and /datos/."""
    handle = context.pop(BACKGROUND, None)
    if handle is None:
        written = write_each(data_files(site, dataset(site, context)), context[WRITTEN_FILES])
    else:
        written = handle.result()
        context[WRITTEN_FILES].note_digests({name: digest for name, _, digest in written})
    sizes = {name: size for name, size, _ in written}
    titles = {e.archivo: (e.titulo, e.descripcion, e.formato) for e in EXPORTERS}
    titles[DATAPACKAGE] = (
        "Descripción del paquete (Frictionless datapackage.json)",
        "Describe cada archivo, sus columnas, tipos y licencia, para herramientas de datos.",
        "json",
    )
    archivos = []
    for name in [e.archivo for e in EXPORTERS] + [DATAPACKAGE]:
        titulo, descripcion, formato = titles[name]
        url = f"{DATA_DIR}/{name}"
        archivos.append(
            {
                "nombre": name,
                "url": url,
                "titulo": titulo,
                "descripcion": descripcion,
                "formato": formato.upper(),
                "peso": peso(sizes[url]),
            }
        )
    data = dataset(site, context)
    columnas = [
        {"nombre": c.nombre, "titulo": c.titulo, "descripcion_html": code_spans(c.descripcion)}
        for c in COLUMNS
    ]
    yield PageSpec(
        f"{DATA_DIR}/index.html",
        "datos",
        {
            "page_name": "datos",
            "ruta": f"{DATA_DIR}/",
            "archivos": archivos,
            "columnas": columnas,
            "licencia": data.licencia,
            "actualizado": data.actualizado,
            "total": len(data.organizations),
        },
    )


def code_spans(text: str) -> Markup:
    """The schema's help texts mark names with `backticks`: escape, then show them as code."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def peso(size: int) -> str:
    return f"{size / 1024:.0f} KB".replace(".", ",") if size >= 1024 else f"{size} bytes"


def facet_members(site: Site) -> dict[tuple[str, str], list]:
    """Active organizations by (facet, value id), for every value that has a facet page."""
    return {
        (segment, value.value): list(site.miembros[(segment, value.value)].activas)
        for segment, result in site.facetas.items()
        for value in result.values
        if value.url
    }


def facet_csv_url(facet: str, value: str) -> str:
    """Relative to SITEURL, e.g. `tipos/fundacion/organizaciones.csv`."""
    return f"{facet}/{value}/{FACET_CSV}"
