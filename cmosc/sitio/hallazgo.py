"""Findability files: sitemap.xml (every public page, no timestamps) and robots.txt."""
from __future__ import annotations

from .site import PageSpec, Site

# Templates that are not public pages of their own.
NOT_IN_SITEMAP = {"redireccion", "404", "sitemap", "robots"}


def public_paths(site: Site, context: dict, builders) -> list[str]:
    """URL paths (relative to the site root) of our pages and Pelican's content."""
    paths = set()
    for builder in builders:
        for spec in builder(site, context):
            if spec.template not in NOT_IN_SITEMAP:
                paths.add(spec.save_as.removesuffix("index.html"))
    for item in list(context.get("articles", [])) + list(context.get("pages", [])):
        paths.add(item.url)
    for category, _ in context.get("categories", []):
        paths.add(category.url)
    return sorted(paths)


def sitemap(site: Site, context: dict, builders=()):
    yield PageSpec("sitemap.xml", "sitemap", {"ruta": None, "rutas": public_paths(site, context, builders)})


def robots(site: Site, context: dict):
    yield PageSpec("robots.txt", "robots", {"ruta": None})
