"""Organization cards rendered once and reused by every listing.

An organization appears in its profile's related list, the directory and half a
dozen facet pages; rendering its card once per heading level instead of every time
saves most of the template time of a large build.
"""

from __future__ import annotations

from markupsafe import Markup

TEMPLATE = "macros/tarjetas"  # Pelican adds .html


class CardCache:
    def __init__(self, template, context: dict):
        self._module = template.make_module({"SITEURL": context.get("SITEURL", "")})
        self._cards: dict[tuple[str, int], Markup] = {}

    def __call__(self, org, nivel: int = 3) -> Markup:
        key = (org.slug, nivel)
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = Markup(str(self._module.tarjeta(org, nivel)))
        return card
