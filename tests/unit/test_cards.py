"""Fragments rendered once (cmosc/site/cards.py): the macro's markup, rendered once per key."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from cmosc.site import cards

TEMPLATE = (
    '{% macro saludo(nombre, cierre="") %}'
    '<p><a href="{{ SITEURL }}/">{{ nombre|anotar }}</a>{{ cierre }}</p>'
    "{% endmacro %}"
)


def test_value_fragment_is_the_macro_rendered_once_per_distinct_arguments():
    rendered = []
    env = Environment(loader=DictLoader({"m.html": TEMPLATE}), autoescape=True)
    env.filters["anotar"] = lambda value: rendered.append(value) or value
    fragment = cards.value_fragments(env.get_template("m.html"), "saludo", {"SITEURL": "/sitio"})
    first = fragment("Ana & Luis", cierre="!")
    again = fragment("Ana & Luis", cierre="!")
    other = fragment("Eva")
    assert first == '<p><a href="/sitio/">Ana &amp; Luis</a>!</p>'
    assert again is first and other == '<p><a href="/sitio/">Eva</a></p>'
    assert rendered == ["Ana & Luis", "Eva"]
    assert hasattr(first, "__html__")  # already escaped: the page does not escape it again


def test_a_listing_joins_each_organizations_card_rendered_once():
    class Org:
        def __init__(self, slug, nombre):
            self.slug, self.nombre = slug, nombre

    env = Environment(
        loader=DictLoader(
            {
                "t.html": "{% macro tarjeta(org, nivel) %}<h{{ nivel }}>{{ org.nombre }}</h{{ nivel }}>{% endmacro %}"
            }
        ),
        autoescape=True,
    )
    cache = cards.FragmentCache("tarjeta_html", env.get_template("t.html"), "tarjeta", {})
    ana, eva = Org("ana", "Ana & Cía"), Org("eva", "Eva")
    assert cache.list_items([ana, eva], 3) == "<li><h3>Ana &amp; Cía</h3></li>\n<li><h3>Eva</h3></li>\n"
    assert cache.list_items([], 3) == ""
    first, again = cache.texts([ana, ana], 3)
    assert first is again  # rendered once, kept as plain text
    assert type(first) is str and first == "<h3>Ana &amp; Cía</h3>"
    assert list(cache.texts([ana], 2)) == ["<h2>Ana &amp; Cía</h2>"]  # other arguments, another fragment


class _Keys:
    """What `cards` asks of PageKeys: a key per macro and arguments (with the build key),
    and a digest per organization of this build."""

    def __init__(self, base: str, digests: dict):
        self.base, self.digests = base, {id(org): digest for org, digest in digests.items()}

    def present(self) -> set[bytes]:
        return set(self.digests.values())

    def fragments(self, name: str, args: tuple) -> bytes:
        return repr((self.base, name, args)).encode()

    def organization(self, org) -> bytes | None:
        return self.digests.get(id(org))


def test_fragments_are_kept_between_builds_for_the_same_organization_arguments_and_build(monkeypatch):
    monkeypatch.setattr(cards, "_KEPT", {})
    rendered = []
    macros = "".join(
        f"{{% macro {macro}(org, nivel) %}}{{{{ org.nombre|anotar }}}}{{{{ nivel }}}}{{% endmacro %}}"
        for _, macro in cards.FRAGMENTS.values()
    )
    env = Environment(loader=DictLoader({"t.html": macros}), autoescape=True)
    env.filters["anotar"] = lambda value: rendered.append(value) or value

    class Org:
        def __init__(self, slug, nombre):
            self.slug, self.nombre = slug, nombre

    def build(keys, *listings):
        """One build's pages, each listing (orgs, nivel) of cards: what they showed."""
        context = {
            name: cards.FragmentCache(name, env.get_template("t.html"), macro, {})
            for name, (_, macro) in cards.FRAGMENTS.items()
        }
        cards.keep_between_builds(context, keys)
        shown = [list(context["tarjeta_html"].texts(orgs, nivel)) for orgs, nivel in listings]
        if keys is not None:  # as the generator: pages not cached, nothing kept
            cards.forget_unused(context, keys)
        rendered_now = rendered[:]
        rendered.clear()
        return shown, rendered_now

    ana, eva = Org("ana", "Ana"), Org("eva", "Eva")
    assert build(_Keys("a", {ana: b"1", eva: b"2"}), ([ana, eva], 3)) == ([["Ana3", "Eva3"]], ["Ana", "Eva"])
    # Eva's profile changed (another object, another digest): only hers is rendered again;
    # other arguments are another fragment.
    eva2 = Org("eva", "Eva Luisa")
    keys = _Keys("a", {ana: b"1", eva2: b"3"})
    assert build(keys, ([ana, eva2], 3), ([ana], 2)) == (
        [["Ana3", "Eva Luisa3"], ["Ana2"]],
        ["Eva Luisa", "Ana"],
    )
    # Eva's old fragment is of no organization of the last build: dropped.
    keys = _Keys("a", {ana: b"1", eva: b"2"})
    assert build(keys, ([ana, eva], 3)) == ([["Ana3", "Eva3"]], ["Eva"])
    # A build that shows only Ana (Eva's listing reused whole) keeps Eva's for the next one.
    assert build(keys, ([ana], 3)) == ([["Ana3"]], [])
    assert build(keys, ([eva], 3)) == ([["Eva3"]], [])
    # Another build key (a template, the settings…): nothing is reused, and nothing of the
    # earlier key is kept.
    assert build(_Keys("b", {ana: b"1", eva: b"2"}), ([ana], 3)) == ([["Ana3"]], ["Ana"])
    assert [len(group) for group in cards._KEPT.values()] == [1]
    # Pages not cached (no keys): nothing is reused.
    assert build(None, ([ana], 3)) == ([["Ana3"]], ["Ana"])


def test_fragments_shown_before_the_pages_are_kept_too(monkeypatch):
    """Pelican's articles list a program's participants (cards) before our generator hands
    the cache its keys: those cards are kept under their key like any other."""
    monkeypatch.setattr(cards, "_KEPT", {})
    monkeypatch.setattr(cards, "_KEPT_UNDER", [None])
    env = Environment(
        loader=DictLoader(
            {"t.html": "{% macro tarjeta(org, nivel) %}{{ org.slug }}{{ nivel }}{% endmacro %}"}
        ),
        autoescape=True,
    )

    class Org:
        slug = "ana"

    ana = Org()
    context = {
        name: cards.FragmentCache(name, env.get_template("t.html"), "tarjeta", {}) for name in cards.FRAGMENTS
    }
    assert list(context["tarjeta_html"].texts([ana], 3)) == ["ana3"]  # an article, before the keys
    keys = _Keys("a", {ana: b"1"})
    cards.keep_between_builds(context, keys)
    assert list(context["tarjeta_html"].texts([ana], 3)) == ["ana3"]  # a profile's related list
    cards.forget_unused(context, keys)
    kept = cards._KEPT
    assert kept == {keys.fragments("tarjeta_html", (3,)): {b"1": "ana3"}}
