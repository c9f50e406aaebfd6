"""Our extension points, in one place: each page builder yields `PageSpec`s.

A builder is `builder(site, context) -> Iterable[PageSpec]`; add a module and list
it here. Builders only read the site model; they never load or validate data.
"""
from __future__ import annotations

from functools import partial

from . import colaborar, core_pages, facet_pages, hallazgo

# Public pages (they all go into sitemap.xml).
CONTENT_BUILDERS = [
    core_pages.home,
    core_pages.directory,
    core_pages.profiles,
    facet_pages.explore,
    facet_pages.parents,
    facet_pages.values,
    colaborar.colaborar,
]

PAGE_BUILDERS = CONTENT_BUILDERS + [
    core_pages.redirects,
    core_pages.not_found,
    partial(hallazgo.sitemap, builders=CONTENT_BUILDERS),
    hallazgo.robots,
]
