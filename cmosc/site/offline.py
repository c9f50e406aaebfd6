"""Offline after one visit: the service worker, the Web App Manifest, its icons, /sin-conexion.html.

The worker's logic is a static file (`theme/static/js/service-worker.js`); `/sw.js`,
written once Pelican has written everything (`finalized`), only gives it this
build's cache name and the files to keep from the start. The cache name is a hash of
every other file of the build, so a deploy that changes anything replaces the cache,
and two builds of the same data get the same name.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cmosc.settings import ICON_SIZES, ICONS_FOLDER, THEME_COLOR
from cmosc.site.context import FileSpec, PageSpec, Site
from cmosc.site.written import SETTINGS_KEY as WRITTEN_FILES

SW_FILE = "sw.js"
MANIFEST_FILE = "manifest.webmanifest"
OFFLINE_PAGE = "sin-conexion.html"  # like 404.html: not a page of the sitemap
# Kept from the first visit: the home and search pages, the offline page, the styles,
# scripts and search libraries, the icons and the search data. Not the map libraries
# (useless without tiles) nor the staff editor: they are kept only if visited.
SHELL_PAGES = ("", "buscar/", OFFLINE_PAGE)
SHELL_FOLDERS = (
    "theme/css",
    "theme/img",
    "theme/js",
    "theme/vendor/lunr",
    "theme/vendor/lunr-languages",
    ICONS_FOLDER,
    "buscar",
)
SHELL_PREFIXES = tuple(f"{folder}/" for folder in SHELL_FOLDERS)
NOT_IN_SHELL = ("theme/css/mapa.css", "theme/js/map.js", "theme/js/service-worker.js")
NOT_IN_SHELL_NAMES = ("index.html", "README.md", "LICENSE")  # pages go by their folder URL


def manifest(site: Site, context: dict) -> dict:
    return {
        "name": context.get("SITENAME", ""),
        "short_name": "Organizaciones",
        "description": "Directorio de organizaciones sociales de San Miguel de Tucumán, del "
        + site.settings.get("CMOSC_NOMBRE", ""),
        "lang": "es-AR",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": icon_file(n), "sizes": f"{n}x{n}", "type": "image/png", "purpose": purpose}
            for purpose in ("any", "maskable")
            for n in ICON_SIZES
        ],
    }


def icon_file(size: int) -> str:
    """Where an icon is, in the theme and in the site."""
    return f"{ICONS_FOLDER}/icono-{size}.png"


def app_files(site: Site, context: dict):
    """Builder: manifest, icons and the page shown for what was not visited before going offline.
    The icons are the theme's, drawn once by `cmosc derivados`: drawing them in every build
    cost 35 ms, and loading Pillow as much."""
    text = json.dumps(manifest(site, context), ensure_ascii=False, indent=2, sort_keys=True)
    yield FileSpec(MANIFEST_FILE, text.encode("utf-8"))
    for n in ICON_SIZES:
        yield FileSpec(icon_file(n), (Path(context["THEME"]) / icon_file(n)).read_bytes())
    yield PageSpec(OFFLINE_PAGE, "sin_conexion", {"page_name": "sin-conexion", "ruta": None})


def shell(files) -> list[str]:
    """URLs (relative to the site root) to cache when the worker installs, of the site's `files`."""
    kept = [
        f
        for f in files
        if f.startswith(SHELL_PREFIXES)
        and not f.startswith(NOT_IN_SHELL)
        and f.rsplit("/", 1)[-1] not in NOT_IN_SHELL_NAMES
    ]
    return [*SHELL_PAGES, MANIFEST_FILE, *sorted(kept)]


def build_hash(digests: dict[str, bytes]) -> str:
    """sha256 over every file's path and bytes (its digest) except the worker itself."""
    digest = hashlib.sha256()
    for relative in sorted(digests, key=lambda r: r.split("/")):  # as paths sort
        if relative != SW_FILE:
            digest.update(relative.encode("utf-8") + b"\0")
            digest.update(digests[relative])
    return digest.hexdigest()[:16]


def write_service_worker(pelican) -> None:
    """Pelican `finalized`: every file is written, so the hash covers the whole build."""
    written = pelican.settings[WRITTEN_FILES]
    config = {
        "cache": f"cmosc-{build_hash(written.digests)}",
        "inicial": shell(written.digests),
        "sinConexion": OFFLINE_PAGE,
    }
    content = (
        "// Written by cmosc/site/offline.py for this build: cache name and files kept from the start.\n"
        f"self.CMOSC_SW = {json.dumps(config, separators=(',', ':'))}\n"
        "importScripts('theme/js/service-worker.js')\n"  # relative to this file: works under any SITEURL
    )
    written.write(SW_FILE, content.encode("utf-8"))
