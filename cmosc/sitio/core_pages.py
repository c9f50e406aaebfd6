"""Home, full listing, one page per profile, redirects for renamed profiles, 404."""
from __future__ import annotations

from .site import PageSpec, Site


def home(site: Site, context: dict):
    yield PageSpec("index.html", "index", {"page_name": "index"})


def directory(site: Site, context: dict):
    yield PageSpec("organizaciones/index.html", "organizaciones",
                   {"page_name": "organizaciones", "activas": site.activas, "inactivas": site.inactivas})


def profiles(site: Site, context: dict):
    for org in site.organizations:
        yield PageSpec(f"organizaciones/{org.slug}/index.html", "organizacion",
                       {"page_name": "organizacion", "org": org, "relacionadas": related(site, org)})


def redirects(site: Site, context: dict):
    for org in site.organizations:
        for old in org.data.get("redirecciones", []):
            yield PageSpec(f"organizaciones/{old}/index.html", "redireccion",
                           {"page_name": "redireccion", "org": org})


def not_found(site: Site, context: dict):
    yield PageSpec("404.html", "404", {"page_name": "404"})


def related(site: Site, org, limit: int = 4):
    """Active organizations sharing an area and a barrio first, then an area only."""
    areas = {a.id for a in org.areas}
    if not areas:
        return []
    same_barrio = [o for b in org.barrios for o in site.by_barrio.get(b.id, ())
                   if not areas.isdisjoint(site.area_ids[o.slug])]
    same_area = [o for a in sorted(areas) for o in site.by_area.get(a, ())[:limit * 2]]
    chosen = {}
    for other in sorted(same_barrio, key=lambda o: (o.sort_key, o.slug)) + same_area:
        if other.slug != org.slug and other.activa:
            chosen.setdefault(other.slug, other)
    return list(chosen.values())[:limit]
