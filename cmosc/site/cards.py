"""Per-organization fragments rendered once and reused by every page that shows them.

An organization appears in its profile's related list, the directory and half a dozen
facet pages (its card), on /colaborar/ plus each of its filter pages (its needs), and
in /mapa/'s lists (its sedes): rendering each fragment once instead of on every page
saves most of the template time of a large build (and /mapa/, rendered again whenever
any profile changes, renders only the changed organization's sedes). A fragment depends
only on the organization, its arguments and SITEURL, never on the page that includes it.

When pages are cached (`page_cache.py`) and the process builds again (`cmosc servir`),
fragments are also kept between its builds, under a key of the build key, the macro and
its arguments (`PageKeys.fragments`) and the organization's digest: a listing rendered
again after one profile changed renders only that organization's card. A fragment stays
while its organization is unchanged and the build key the same (`forget_unused`). They are
plain data (`kept`): the page cache stores them on disk beside its pages, and a server
started again begins with them (`restore`), so its first save renders only the changed
organization's fragments, not every one of the listings it shows in.

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
    "sede_mapa_html": ("macros/mapa", "sedes"),
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


# Fragments of the earlier builds of this process: key of a macro and its arguments
# (`PageKeys.fragments`) → organization's digest → fragment; and the build key they were
# kept under (another one: none of them can be asked for again).
_KEPT: dict[bytes, dict[bytes, str]] = {}
_KEPT_UNDER: list = [None]


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
    def __init__(self, name: str, template, macro: str, context: dict):
        self.name = name
        self._macro = _macro(template, macro, context)
        # arguments → (slug → fragment, the last build's and this build's kept fragments).
        # Kept as plain `str` (the macro's output, escaped as it rendered): `escape()` copies a
        # Markup every time a template prints it, so pages print these with autoescape off.
        self._groups: dict[tuple, tuple[dict[str, str], dict | None, dict | None]] = {}
        self.keys = None  # this build's PageKeys, when pages are cached (`keep_between_builds`)
        self.fresh: dict[bytes, dict[bytes, str]] = {}  # this build's fragments to keep
        self.rendered = 0  # fragments to keep that this build rendered (not reused)

    def texts(self, orgs, *args):
        """Each organization's fragment as the macro rendered it (safe HTML) without the Markup
        mark, for a template loop that prints them with autoescape off: a page that shows every
        organization's fragment then holds no copy of them (100 MB at N=100,000). The
        arguments are looked up once per listing, not once per organization (/colaborar/'s
        filters are dataclasses: hashing them for each of 15,000 needs was most of its time)."""
        rendered, last, fresh = self._group(args)
        for org in orgs:
            fragment = rendered.get(org.slug)
            if fragment is None:
                fragment = rendered[org.slug] = self._render(org, args, last, fresh)
            yield fragment

    def _group(self, args: tuple):
        group = self._groups.get(args)
        if group is None:
            key = self.keys.fragments(self.name, args) if self.keys is not None else None
            if key is None:
                group = ({}, None, None)
            else:
                group = ({}, _KEPT.get(key, {}), self.fresh.setdefault(key, {}))
            self._groups[args] = group
        return group

    def _render(self, org, args: tuple, last: dict | None, fresh: dict | None) -> str:
        digest = self.keys.organization(org) if fresh is not None else None
        fragment = last.get(digest) if digest is not None else None
        if fragment is None:
            fragment = str(self._macro(org, *args))
            if digest is not None:
                self.rendered += 1
        if digest is not None:
            fresh[digest] = fragment
        return fragment

    def release(self) -> None:
        """The last page that shows these fragments is done: this build needs them no more (those
        kept between builds stay in `fresh`): the cards and /colaborar/'s needs are ≈ 1.1 KB
        per organization each."""
        self._groups.clear()

    def list_items(self, orgs, *args) -> Markup:
        """`<li>fragment</li>` for each organization, one a line: a listing's cards joined
        here, not by a template loop (a loop step and an escape per card on every page). One
        join of the fragments themselves, not of a copy of each with its tags."""
        return Markup(
            "".join(chain.from_iterable(("<li>", text, "</li>\n") for text in self.texts(orgs, *args)))
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
        context[name] = FragmentCache(name, get_template(template), macro, context)
    for name, (template, macro) in VALUE_FRAGMENTS.items():
        context[name] = value_fragments(get_template(template), macro, context)


def keep_between_builds(context: dict, keys) -> None:
    """Fragments of this build are kept for the next one, under `keys.fragments(name, args)`
    and `keys.organization(org)` (`PageKeys`). Groups looked up before (Pelican's articles
    list a program's participants before our pages) are looked up again, under their key."""
    for name in FRAGMENTS:
        context[name].keys = keys
        context[name].release()


def forget_unused(context: dict, keys) -> int:
    """After a build whose pages were cached (`keys`: its PageKeys): the fragments it rendered
    or reused, and those of earlier builds of organizations it still has unchanged. A
    listing reused whole asks for none of its fragments, and the next build may render it
    again: saving one profile and then another must not render every card of the second's
    listings again. Under another build key, nothing earlier is kept. Returns how many of
    them this build rendered (new since the last build)."""
    kept = {}
    if _KEPT_UNDER[0] == keys.base:
        present = keys.present()
        kept = {key: {d: f for d, f in group.items() if d in present} for key, group in _KEPT.items()}
    for name in FRAGMENTS:
        for key, fresh in context[name].fresh.items():
            kept.setdefault(key, {}).update(fresh)
    _KEPT.clear()
    _KEPT.update(kept)
    _KEPT_UNDER[0] = keys.base
    return sum(context[name].rendered for name in FRAGMENTS)


def kept() -> tuple[bytes | None, dict[bytes, dict[bytes, str]]]:
    """The build key and the fragments kept for the next build (`forget_unused`), as plain
    data to store (`page_cache.py`). The dict itself, not a copy: to read, not to change."""
    return _KEPT_UNDER[0], _KEPT


def restore(base: bytes, fragments: dict[bytes, dict[bytes, str]]) -> None:
    """Fragments an earlier process kept under the build key `base` (`kept`), read back from
    disk, when this process has kept none yet: its own are never older. A fragment is found
    only under the key of its build, macro and arguments and its organization's digest, so one
    that does not belong to this build is never asked for (`forget_unused` drops it)."""
    if _KEPT or not fragments:
        return
    _KEPT.update(fragments)
    _KEPT_UNDER[0] = base
