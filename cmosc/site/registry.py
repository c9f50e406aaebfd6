"""Our extension points, in one place: each page builder yields `PageSpec`s.

A builder is `builder(site, context) -> Iterable[PageSpec | FileSpec]` (a FileSpec
is written as is: exports, logos); add a module and list it here. Builders only
read the site model; they never load or validate data.
"""

from __future__ import annotations

from cmosc.site import offline
from cmosc.site.pages import calendar as calendario
from cmosc.site.pages import collaborate as colaborar
from cmosc.site.pages import core as core_pages
from cmosc.site.pages import facet_listings as facet_pages
from cmosc.site.pages import feeds as feed_files
from cmosc.site.pages import findability as hallazgo
from cmosc.site.pages import logo_files
from cmosc.site.pages import map as mapa_pages
from cmosc.site.pages import networks as redes_pages
from cmosc.site.pages import opendata as datos_pages
from cmosc.site.pages import search as busqueda_pages
from cmosc.site.pages import shared_needs as necesidades_compartidas

# Public pages: each one also goes into sitemap.xml.
CONTENT_BUILDERS = [
    core_pages.home,
    core_pages.directory,
    core_pages.profiles,
    facet_pages.explore,
    facet_pages.parents,
    facet_pages.values,
    facet_pages.combined,
    colaborar.colaborar,
    necesidades_compartidas.necesidades_compartidas,
    redes_pages.redes,
    mapa_pages.mapa,
]

PAGE_BUILDERS = [hallazgo.recorded(b) for b in CONTENT_BUILDERS] + [
    core_pages.redirects,
    core_pages.not_found,
    hallazgo.recorded(busqueda_pages.search),
    logo_files.logos,
    calendario.calendario,
    feed_files.feeds,
    hallazgo.recorded(
        datos_pages.open_data
    ),  # also the facet CSVs; started early by plugin.py, see segundo_plano.py
    offline.app_files,  # manifest, icons, /sin-conexion.html (the worker itself: plugin.py)
    hallazgo.sitemap,  # after every public page, whose paths it lists
    hallazgo.robots,
]
