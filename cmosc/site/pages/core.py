"""Home, full listing, one page per profile, redirects for renamed profiles, 404."""

from __future__ import annotations

from cmosc.site.context import PageSpec, Site
from cmosc.site.pages.networks import anchor as network_anchor
from cmosc.site.pagination import paged


def home(site: Site, context: dict):
    articles = context.get("articles", [])
    yield PageSpec(
        "index.html",
        "index",
        {
            "page_name": "index",
            "ruta": "",
            "proximas": site.capacitaciones_proximas(articles, 3),
            "convocatorias": site.convocatorias_abiertas(articles),
        },
    )


def directory(site: Site, context: dict):
    yield from paged(
        site.activas,
        "organizaciones/",
        site.per_page,
        "organizaciones",
        {"page_name": "organizaciones", "total": len(site.activas)},
        inactive=site.inactivas,
    )


def profiles(site: Site, context: dict):
    for org in site.organizations:
        yield PageSpec(
            f"organizaciones/{org.slug}/index.html",
            "organizacion",
            {
                "page_name": "organizacion",
                "ruta": org.url,
                "org": org,
                # Inactive organizations keep their page, out of search engines and the sitemap.
                "noindex": not org.activa,
                "imagen_compartir": org.logo_img.save_as(org.slug) if org.logo_img else None,
                "relacionadas": related(site, org),
                "sucesora": site.by_slug.get(org.sucesora) if not org.activa else None,
                # /redes/ lists the networks of active organizations only.
                "redes": [
                    (name, f"redes/#{network_anchor(name)}" if org.activa else None)
                    for name in org.redes or ()
                ],
            },
        )


def redirects(site: Site, context: dict):
    for org in site.organizations:
        for old in org.data.get("redirecciones", []):
            yield PageSpec(
                f"organizaciones/{old}/index.html", "redireccion", {"page_name": "redireccion", "org": org}
            )


def not_found(site: Site, context: dict):
    yield PageSpec("404.html", "404", {"page_name": "404", "ruta": None})


def related(site: Site, org, limit: int = 4):
    """Active organizations sharing an area and a barrio first, then an area only."""
    areas = site.area_ids[org.slug]
    if not areas:
        return []
    near = []
    for barrio in org.barrios:
        # Barrio lists are sorted by name: the first matches of each are enough.
        matches = (
            o
            for o in site.by_barrio.get(barrio.id, ())
            if o.slug != org.slug and not areas.isdisjoint(site.area_ids[o.slug])
        )
        near += [o for _, o in zip(range(limit), matches)]
    near.sort(key=lambda o: (o.sort_key, o.slug))
    same_area = [o for a in sorted(areas) for o in site.by_area.get(a, ())[: limit + 1]]
    chosen = {}
    for other in near + same_area:
        if other.slug != org.slug:
            chosen.setdefault(other.slug, other)
    return list(chosen.values())[:limit]
