"""Home, full listing, one page per profile, redirects for renamed profiles, 404."""

from __future__ import annotations

import math

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
    from cmosc.site.generator import builds_again  # here: the generator imports every builder

    related_to = Related(site, keep=builds_again(context))
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
                "relacionadas": related_to(org),
                "sucesora": site.by_slug.get(org.sucesora) if not org.activa else None,
                # /redes/ lists the networks of active organizations only.
                "redes": [
                    (name, f"redes/#{network_anchor(name)}" if org.activa else None)
                    for name in org.redes or ()
                ],
            },
        )
    related_to.keep_for_next_build()


def redirects(site: Site, context: dict):
    for org in site.organizations:
        for old in org.data.get("redirecciones", []):
            yield PageSpec(
                f"organizaciones/{old}/index.html", "redireccion", {"page_name": "redireccion", "org": org}
            )


def not_found(site: Site, context: dict):
    yield PageSpec("404.html", "404", {"page_name": "404", "ruta": None})


def related(site: Site, org, limit: int = 4, reads: list | None = None):
    """Active organizations sharing an area and a barrio first, then an area only.

    `reads`: gets (index, key, depth) for each list of `site.by_barrio` or `site.by_area` it
    read, `depth` being how many of its first members it read, one more if it read to the end."""
    areas = site.area_ids[org.slug]
    if not areas:
        return []
    near = []
    for barrio in org.barrios:
        # Barrio lists are sorted by name: the first matches of each are enough.
        members = site.by_barrio.get(barrio.id, ())
        depth = len(members) + 1
        found = 0
        for position, o in enumerate(members, start=1):
            if o.slug != org.slug and not areas.isdisjoint(site.area_ids[o.slug]):
                near.append(o)
                found += 1
                if found == limit:
                    depth = position
                    break
        if reads is not None:
            reads.append(("by_barrio", barrio.id, depth))
    near.sort(key=lambda o: (o.sort_key, o.slug))
    same_area = []
    for a in sorted(areas):
        members = site.by_area.get(a, ())
        same_area += members[: limit + 1]
        if reads is not None:
            reads.append(("by_area", a, min(limit + 1, len(members) + 1)))
    chosen = {}
    for other in near + same_area:
        if other.slug != org.slug:
            chosen.setdefault(other.slug, other)
    return list(chosen.values())[:limit]


# The last build's related lists of this process, when it builds again (`cmosc servir`):
# (id(org) → (org, its list, what it read), index name → the lists it read them from).
_LAST_RELATED: list = [{}, {}]


class Related:
    """`related` of each organization of one build. With `keep`, an organization of the last
    build (the same object: unchanged) gets the list it got then if every list it read is the
    same as then, member by member, as far as it read it: after one profile changed, only the
    organizations that read past it in a barrio's or an area's list are computed again."""

    def __init__(self, site: Site, keep: bool):
        self.site = site
        self.keep = keep
        self.fresh: dict[int, tuple] = {}
        self._same_up_to: dict[tuple[str, str], float] = {}

    def __call__(self, org) -> list:
        if not self.keep:
            return related(self.site, org)
        known = _LAST_RELATED[0].get(id(org))
        if not (known is not None and known[0] is org and all(d <= self._same(i, k) for i, k, d in known[2])):
            reads: list = []
            known = (org, related(self.site, org, reads=reads), tuple(reads))
        self.fresh[id(org)] = known
        return known[1]

    def _same(self, index: str, key: str) -> float:
        """How many first members of this list are those of the last build's (inf: all of both)."""
        if (index, key) not in self._same_up_to:
            last = _LAST_RELATED[1].get(index, {}).get(key, ())
            now = getattr(self.site, index).get(key, ())
            same = next(
                (i for i, (a, b) in enumerate(zip(last, now)) if a is not b), min(len(last), len(now))
            )
            self._same_up_to[(index, key)] = math.inf if same == len(last) == len(now) else same
        return self._same_up_to[(index, key)]

    def keep_for_next_build(self) -> None:
        if self.keep:
            _LAST_RELATED[:] = [self.fresh, {"by_barrio": self.site.by_barrio, "by_area": self.site.by_area}]
