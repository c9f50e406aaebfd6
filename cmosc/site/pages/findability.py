"""Findability files: sitemap.xml (every indexable page, no timestamps) and robots.txt.

Public page builders are wrapped by `recorded()`: as the generator writes their pages,
their paths are noted in the build's context, so the sitemap never renders a page twice.
"""

from __future__ import annotations

from functools import wraps

from cmosc.site.context import PageSpec, Site

CONTEXT_KEY = "cmosc_rutas_publicas"


def recorded(builder):
    """The same builder, noting each public page's path in the build context."""

    @wraps(builder)
    def wrapper(site: Site, context: dict):
        paths = context.setdefault(CONTEXT_KEY, set())
        for spec in builder(site, context):
            # Pages only (not data files), and only those search engines may index.
            if (
                isinstance(spec, PageSpec)
                and spec.save_as.endswith("index.html")
                and not spec.vars.get("noindex")
            ):
                paths.add(spec.save_as.removesuffix("index.html"))
            yield spec

    return wrapper


def public_paths(context: dict) -> list[str]:
    """URL paths (relative to the site root) of our public pages and Pelican's content."""
    paths = set(context.get(CONTEXT_KEY, ()))
    for item in list(context.get("articles", [])) + list(context.get("pages", [])):
        paths.add(item.url)
    for category, _ in context.get("categories", []):
        paths.add(category.url)
    return sorted(paths)


def sitemap(site: Site, context: dict):
    yield PageSpec("sitemap.xml", "sitemap", {"ruta": None, "rutas": public_paths(context)})


def robots(site: Site, context: dict):
    yield PageSpec("robots.txt", "robots", {"ruta": None})
