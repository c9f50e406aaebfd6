"""Our extension points, in one place: each page builder yields `PageSpec`s.

A builder is `builder(site, context) -> Iterable[PageSpec]`; add a module and list
it here. Builders only read the site model; they never load or validate data.
"""
from __future__ import annotations

from . import busqueda_pages, core_pages

PAGE_BUILDERS = [
    core_pages.home,
    core_pages.directory,
    core_pages.profiles,
    core_pages.redirects,
    core_pages.not_found,
    busqueda_pages.search,
]
