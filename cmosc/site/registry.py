"""Our extension points, in one place: each page builder yields `PageSpec`s.

A builder is `builder(site, context) -> Iterable[PageSpec | FileSpec]` (a FileSpec
is written as is: exports, logos); add a module and list it here. Builders only
read the site model; they never load or validate data.
"""

from __future__ import annotations

from cmosc.site import offline
from cmosc.site.cards import releasing
from cmosc.site.pages import calendar as calendar_pages
from cmosc.site.pages import collaborate, findability, logo_files
from cmosc.site.pages import core as core_pages
from cmosc.site.pages import facet_listings as facet_pages
from cmosc.site.pages import feeds as feed_files
from cmosc.site.pages import map as map_pages
from cmosc.site.pages import networks as network_pages
from cmosc.site.pages import opendata as opendata_pages
from cmosc.site.pages import search as search_pages
from cmosc.site.pages import shared_needs as shared_needs_pages

# Public pages: each one also goes into sitemap.xml.
CONTENT_BUILDERS = [
    core_pages.home,
    core_pages.directory,
    core_pages.profiles,
    facet_pages.explore,
    facet_pages.parents,
    facet_pages.values,
    releasing(facet_pages.combined, "tarjeta_html"),  # the last pages with cards
    releasing(collaborate.collaborate, "pedido_html"),  # the only pages with needs
    shared_needs_pages.shared_needs_page,
    network_pages.networks_page,
    releasing(map_pages.map_page, "sede_mapa_html"),  # the only page with the sedes' list
]

PAGE_BUILDERS = [findability.recorded(b) for b in CONTENT_BUILDERS] + [
    core_pages.redirects,
    core_pages.not_found,
    findability.recorded(search_pages.search),
    logo_files.logos,
    calendar_pages.calendars,
    feed_files.feeds,
    findability.recorded(
        opendata_pages.open_data
    ),  # also the facet CSVs; started early by plugin.py, see background.py
    offline.app_files,  # manifest, icons, /sin-conexion.html (the worker itself: plugin.py)
    findability.sitemap,  # after every public page, whose paths it lists
    findability.robots,
]
