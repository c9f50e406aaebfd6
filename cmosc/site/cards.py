"""Per-organization fragments rendered once and reused by every page that shows them.

An organization appears in its profile's related list, the directory and half a dozen
facet pages (its card), on /colaborar/ plus each of its filter pages (its needs), and
in /mapa/'s list once per sede: rendering each fragment once instead of on every page
saves most of the template time of a large build (and /mapa/, rendered again whenever
any profile changes, renders only the changed organization's sedes). A fragment depends only on the organization, its arguments and
SITEURL, never on the page that includes it.

When pages are cached (`page_cache.py`), fragments are also kept between the builds of
one process (`cmosc servir`), under a key of the build key, the organization's data and
the arguments (`PageKeys.fragment`): a listing rendered again after one profile changed
renders only that organization's card. Fragments no build used since are dropped.

A fragment of values, not of an organization, is rendered once per distinct arguments:
the hours table of a sede (many share their hours; the largest macro of a profile page)
and the banner and footer of every page.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain

from markupsafe import Markup

# Context name → (template, macro); Pelican adds .html to the template name.
FRAGMENTS = {
    "tarjeta_html": ("macros/tarjetas", "tarjeta"),
    "pedido_html": ("macros/pedidos", "pedido"),
    "sede_mapa_html": ("macros/mapa", "sede"),
}
# Context name → (template, macro) of fragments that depend only on their (hashable) arguments.
VALUE_FRAGMENTS = {
    "horario_html": ("macros/horarios", "horario"),
    "estado_html": ("macros/horarios", "estado"),
    "scripts_horario_html": ("macros/horarios", "scripts_horario"),
    "cabecera_html": ("macros/cabecera", "cabecera"),
    "pie_html": ("macros/pie", "pie"),
}
# Distinct arguments kept per value fragment: real hours repeat a lot, but a registry of
# 100,000 profiles may have many one-off texts that should not all stay in memory.
VALUE_FRAGMENTS_KEPT = 4096


# Fragments of earlier builds of this process: lasting key → fragment.
_KEPT: dict[tuple, str] = {}


def _macro(template, macro: str, context: dict):
    """The template's macro, from a module that sees only SITEURL."""
    return getattr(template.make_module({"SITEURL": context.get("SITEURL", "")}), macro)


def value_fragments(template, macro: str, context: dict):
    """The macro, rendered once per distinct arguments (the last VALUE_FRAGMENTS_KEPT)."""
    render = _macro(template, macro, context)

    @lru_cache(maxsize=VALUE_FRAGMENTS_KEPT)
    def fragment(*args, **options) -> Markup:
        return Markup(str(render(*args, **options)))

    return fragment


class FragmentCache:
    def __init__(self, template, macro: str, context: dict):
        self._macro = _macro(template, macro, context)
        # Kept as plain `str` (the macro's output, escaped as it rendered): `escape()` copies a
        # Markup every time a template prints it, so /colaborar/ prints these with `text`.
        self._rendered: dict[tuple, str] = {}
        self.lasting_key = None  # (org, args) → tuple | None, when pages are cached
        self.used: set[tuple] = set()

    def __call__(self, org, *args) -> Markup:
        return Markup(self.text(org, *args))

    def text(self, org, *args) -> str:
        """The fragment as the macro rendered it (safe HTML) without the Markup mark, for a
        template block that prints it with autoescape off: a page that shows every
        organization's fragment then holds no copy of them (100 MB at N=100,000)."""
        key = (org.slug, *args)
        fragment = self._rendered.get(key)
        if fragment is None:
            lasting = self.lasting_key(org, args) if self.lasting_key else None
            fragment = _KEPT.get(lasting) if lasting is not None else None
            if fragment is None:
                fragment = str(self._macro(org, *args))
            if lasting is not None:
                _KEPT[lasting] = fragment
                self.used.add(lasting)
            self._rendered[key] = fragment
        return fragment

    def release(self) -> None:
        """The last page that shows these fragments is done: this build needs them no more (those
        kept between builds stay in `_KEPT`): the cards and /colaborar/'s needs are ≈ 1.1 KB
        per organization each."""
        self._rendered.clear()

    def list_items(self, orgs, *args) -> Markup:
        """`<li>fragment</li>` for each organization, one a line: a listing's cards joined
        here, not by a template loop (a loop step and an escape per card on every page). One
        join of the fragments themselves, not of a copy of each with its tags."""
        return Markup(
            "".join(chain.from_iterable(("<li>", self.text(org, *args), "</li>\n") for org in orgs))
        )


def releasing(builder, name: str):
    """`builder`, after whose pages no page shows the fragments `name` (the registry's order):
    they are released once it is done (`FragmentCache.release`). A page after it that showed
    them would render them again, the same."""

    def build(site, context: dict):
        yield from builder(site, context)
        if name in context:
            context[name].release()

    build.__qualname__ = getattr(builder, "__qualname__", "builder")
    return build


def install(context: dict, get_template) -> None:
    for name, (template, macro) in FRAGMENTS.items():
        context[name] = FragmentCache(get_template(template), macro, context)
    for name, (template, macro) in VALUE_FRAGMENTS.items():
        context[name] = value_fragments(get_template(template), macro, context)


def keep_between_builds(context: dict, lasting_key) -> None:
    """Fragments of this build are kept for the next one, under `lasting_key(name, org, args)`."""
    for name in FRAGMENTS:
        context[name].lasting_key = lambda org, args, name=name: lasting_key(name, org, args)


def forget_unused(context: dict) -> None:
    """After a build: only the fragments it used stay."""
    used = set().union(*(context[name].used for name in FRAGMENTS))
    for key in set(_KEPT) - used:
        del _KEPT[key]
