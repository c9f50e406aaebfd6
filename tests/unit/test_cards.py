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
    cache = cards.FragmentCache(env.get_template("t.html"), "tarjeta", {})
    ana, eva = Org("ana", "Ana & Cía"), Org("eva", "Eva")
    assert cache.list_items([ana, eva], 3) == "<li><h3>Ana &amp; Cía</h3></li>\n<li><h3>Eva</h3></li>\n"
    assert cache.list_items([], 3) == ""
    assert cache.text(ana, 3) is cache.text(ana, 3)  # rendered once, kept as plain text
    assert type(cache.text(ana, 3)) is str and cache(ana, 3) == "<h3>Ana &amp; Cía</h3>"
    assert hasattr(cache(ana, 3), "__html__")
