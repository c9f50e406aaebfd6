"""Our extension points, in one place: each page builder yields `PageSpec`s.

A builder is `builder(site, context) -> Iterable[PageSpec | FileSpec]` (a FileSpec
is written as is: exports, logos); add a module and list it here. Builders only
read the site model; they never load or validate data.
"""
from __future__ import annotations

from . import core_pages, datos_pages, logo_files

PAGE_BUILDERS = [
    core_pages.home,
    core_pages.directory,
    core_pages.profiles,
    core_pages.redirects,
    core_pages.not_found,
    logo_files.logos,
    datos_pages.open_data,  # also the facet CSVs; started early by plugin.py, see segundo_plano.py
]
