"""Per-organization fragments rendered once and reused by every page that shows them.

An organization appears in its profile's related list, the directory and half a dozen
facet pages (its card), and on /colaborar/ plus each of its filter pages (its needs):
rendering each fragment once instead of on every page saves most of the template time
of a large build. A fragment depends only on the organization, its arguments and
SITEURL, never on the page that includes it.
"""

from __future__ import annotations

from markupsafe import Markup

# Context name → (template, macro); Pelican adds .html to the template name.
FRAGMENTS = {
    "tarjeta_html": ("macros/tarjetas", "tarjeta"),
    "pedido_html": ("macros/pedidos", "pedido"),
}


class FragmentCache:
    def __init__(self, template, macro: str, context: dict):
        module = template.make_module({"SITEURL": context.get("SITEURL", "")})
        self._macro = getattr(module, macro)
        self._rendered: dict[tuple, Markup] = {}

    def __call__(self, org, *args) -> Markup:
        key = (org.slug, *args)
        fragment = self._rendered.get(key)
        if fragment is None:
            fragment = self._rendered[key] = Markup(str(self._macro(org, *args)))
        return fragment


def install(context: dict, get_template) -> None:
    for name, (template, macro) in FRAGMENTS.items():
        context[name] = FragmentCache(get_template(template), macro, context)
