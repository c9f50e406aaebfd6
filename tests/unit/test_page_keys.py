"""`Encoder.same` lets `cmosc servir` reuse a page's inputs hash without encoding its variables
again: it may say "not the same" too often (the page is then hashed again), never "the same"
for values that encode differently."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from conftest import ROOT
from markupsafe import Markup

from cmosc.model.facets import BY_ID
from cmosc.model.organization import build_organizations
from cmosc.profiles.catalog import load_catalog
from cmosc.site.context import Site
from cmosc.site.page_keys import SHORT, Encoder, Uncacheable, organization_digests
from cmosc.site.pages import core
from cmosc.site.pages import map as map_pages

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def orgs():
    return build_organizations(load_catalog(ROOT, today=TODAY), TODAY)


def _encoder(orgs) -> Encoder:
    return Encoder(organization_digests(orgs))


def _pairs(orgs):
    """(old, new) variables as two builds would hand them over, equal and not."""
    a, b = orgs[0], orgs[1]
    edited = dataclasses.replace(a, resumen=(a.resumen or "") + " (editado)")
    sede = a.sedes[0]
    moved = dataclasses.replace(sede, lat=(sede.lat or 0) + 0.001)
    return [
        ({"x": 0.0}, {"x": -0.0}),
        ({"x": 1}, {"x": True}),
        ({"x": 1}, {"x": 1.0}),
        ({"x": "a"}, {"x": "a"}),
        ({"x": [a, b]}, {"x": [a, b]}),
        ({"x": [a, b]}, {"x": [b, a]}),
        ({"x": [a, b]}, {"x": (a, b)}),
        ({"x": [a]}, {"x": [edited]}),  # an organization of another build: never the same
        ({"x": [edited]}, {"x": [edited]}),
        ({"x": 1, "y": 2}, {"y": 2, "x": 1}),
        ({"x": [[1, 2], [3]]}, {"x": [[1, 2], [4]]}),
        ({"x": Markup("<b>a</b>")}, {"x": Markup("<b>b</b>")}),
        ({"x": date(2026, 1, 1)}, {"x": date(2026, 1, 2)}),
        (  # the same instant, written apart
            {"x": datetime(2026, 1, 1, 12, tzinfo=UTC)},
            {"x": datetime(2026, 1, 1, 9, tzinfo=timezone(timedelta(hours=-3)))},
        ),
        ({"f": BY_ID["barrios"]}, {"f": BY_ID["barrios"]}),
        ({"f": BY_ID["barrios"]}, {"f": BY_ID["areas"]}),
        ({"p": map_pages.Point(a, sede, 1)}, {"p": map_pages.Point(a, sede, 1)}),
        ({"p": map_pages.Point(a, sede, 1)}, {"p": map_pages.Point(a, sede, 2)}),
        ({"p": map_pages.Point(a, sede, 1)}, {"p": map_pages.Point(b, b.sedes[0], 1)}),
        ({"s": [sede]}, {"s": [moved]}),
        ({"s": {1, 2}}, {"s": {1, 2}}),  # sets are not compared: encoded again
    ]


def test_same_never_says_so_for_values_that_encode_apart(orgs):
    encoder = _encoder(orgs)
    said_same = 0
    for old, new in _pairs(orgs):
        if encoder.same(old, new):
            said_same += 1
            assert encoder.encode(old) == encoder.encode(new), (old, new)
    # Equal text, the same organizations in order, the same facet, a point of the same sede.
    assert said_same == 4


def test_same_on_the_variables_of_two_builds_of_the_same_profiles(orgs):
    """Every profile page's variables, built twice as `cmosc servir` builds them, are the same
    (so their hash is reused), and encode the same."""
    encoder = _encoder(orgs)
    first, second = Site(orgs, {}, TODAY), Site(orgs, {}, TODAY)
    pages = list(zip(core.profiles(first, {}), core.profiles(second, {}), strict=True))
    assert len(pages) == len(orgs)
    for old, new in pages:
        assert old.vars is not new.vars
        assert encoder.same(old.vars, new.vars), old.save_as
        assert encoder.encode(old.vars) == encoder.encode(new.vars)


def _long_pairs(orgs):
    """(old, new) sequences long enough to be compared and encoded a column at a time."""
    a, b = orgs[0], orgs[1]
    edited = dataclasses.replace(a, resumen=(a.resumen or "") + " (editado)")
    sede = a.sedes[0]
    point = map_pages.Point
    n = SHORT + 8
    return [
        ([a, b] * n, [a, b] * n),
        (["x"] * n, ["x"] * n),
        ([point(a, sede, 1)] * n, [point(a, sede, 1) for _ in range(n)]),  # equal points
        ([a, b] * n, [b, a] * n),
        ([a, b] * n, tuple([a, b] * n)),
        ([a] * n, [a] * (n + 1)),
        ([a] * n, [a] * (n - 1) + [edited]),
        ([edited] * n, [edited] * n),  # of another build, even the very same
        ([1] * n, [1] * (n - 1) + [True]),
        ([0.0] * n, [0.0] * (n - 1) + [-0.0]),
        ([Markup("a")] * n, [Markup("a")] * (n - 1) + ["a"]),
        ([point(a, sede, 1)] * n, [point(a, sede, 1)] * (n - 1) + [point(a, sede, 2)]),
        ([point(a, sede, 1)] * n, [point(a, sede, 1)] * (n - 1) + [point(b, b.sedes[0], 1)]),
        ([point(edited, sede, 1)] * n, [point(edited, sede, 1)] * n),
        ([[a]] * n, [[a]] * (n - 1) + [[b]]),  # neither plain nor of one kind: value by value
    ]


def _code(encoder: Encoder, value) -> str | None:
    """What a page's key hashes of `value`; None if it cannot be described."""
    try:
        return repr(encoder.encode(value))
    except Uncacheable:
        return None


def test_long_sequences_are_told_apart_a_column_at_a_time(orgs):
    """`same` and `encode` take long sequences a column at a time (a listing's organizations,
    the map's points): they still say the same only of sequences that encode the same, and
    encode apart every two that differ."""
    encoder = _encoder(orgs)
    said_same = 0
    for old, new in _long_pairs(orgs):
        codes = (_code(encoder, old), _code(encoder, new))
        if encoder.same(old, new):
            said_same += 1
            assert codes[0] == codes[1] is not None, (old[-1], new[-1])
        else:
            assert codes[0] != codes[1] or codes[0] is None, (old[-1], new[-1])
    assert said_same == 3


def test_a_shared_tuple_is_compared_again_with_another_old_value(orgs):
    """A tuple shared by many pages is compared once per build with the same old value, not
    taken as the same as any other."""
    encoder = _encoder(orgs)
    a, b = orgs[0], orgs[1]
    shared = (a, b)
    assert encoder.same([(a, b)], [shared])
    assert not encoder.same([(b, a)], [shared])
    assert encoder.same([(a, b)], [shared])
