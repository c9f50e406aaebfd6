"""What a listing page should show, computed from the YAML, and what it does show."""

from __future__ import annotations

from support.expectations import collation_key, profiles
from support.html_tree import card_slugs, page

PROFILES = profiles()


def expected(segment: str, value: str, activa: bool) -> list[str]:
    slugs = [s for s, p in PROFILES.items() if p["activa"] == activa and value in p["facets"][segment]]
    return sorted(slugs, key=lambda s: (collation_key(PROFILES[s]["nombre"]), s))


def listed(built_site, path: str) -> tuple[list[str], list[str]]:
    """(active card slugs over every page, inactive card slugs) of a listing."""
    doc = page(built_site, path)
    inactive_section = doc.find("section", class_="inactivas")
    inactive = card_slugs(inactive_section) if inactive_section else []
    active = [s for s in card_slugs(doc.find("main")) if s not in inactive]
    nav = doc.find("nav", class_="paginacion")
    if nav:
        for link in nav.find_all("a", rel="next"):
            more_active, more_inactive = listed(built_site, link.attrs["href"])
            return active + more_active, inactive + more_inactive
    return active, inactive
