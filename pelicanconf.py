"""Pelican settings for local builds (`make html`, `make serve`)."""

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent

AUTHOR = "CMOSC"
SITENAME = "Directorio de Organizaciones Sociales de San Miguel de Tucumán"
SITEURL = ""
PATH = "content"
TIMEZONE = "America/Argentina/Tucuman"
DEFAULT_LANG = "es"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# The one setting a fork changes: its GitHub repository ("owner/name") and branch. The web
# editor, the links to the issue forms and /sumar/ derive from it (`make derivados`); the
# public address defaults to the repository's GitHub Pages site. See docs/guia-equipo.md.
CMOSC_REPOSITORIO = {"github": "cmosc-smt/directorio-osc", "rama": "main"}

THEME = "theme"
PLUGINS = ["cmosc.site.plugin"]
CMOSC_DATOS_RAIZ = str(HERE)
# "Today" for freshness flags; unset means SOURCE_DATE_EPOCH or the real date.
CMOSC_FECHA_REFERENCIA = os.environ.get("CMOSC_FECHA_REFERENCIA")

# Autoescape on: only sanitized HTML is marked safe in templates. The build adds
# StrictUndefined (cmosc/cli/build.py): a misspelt name or attribute in a template fails
# the build instead of rendering nothing (optional keys of YAML mappings aside, see
# cmosc/site/undefined.py); set there, reading this file (the pre-commit hook does) loads no Jinja.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}

# Pelican articles are the trainings and program calls, one folder each.
USE_FOLDER_AS_CATEGORY = True
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {}
# The staff web editor: top-level admin/ (sources kept out of content/) copied to /admin/.
ADMIN = HERE / "admin"
if ADMIN.is_dir():
    STATIC_PATHS.append("../admin")
    EXTRA_PATH_METADATA.update(
        {f"../admin/{p.name}": {"save_as": f"admin/{p.name}"} for p in sorted(ADMIN.iterdir()) if p.is_file()}
    )

# Our generator writes the home and listings; turn off Pelican's blog pages.
DIRECT_TEMPLATES = []
# Category pages are the listings /capacitaciones/ and /programas/.
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
RELATIVE_URLS = False
