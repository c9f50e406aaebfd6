"""`Related` under `cmosc servir`: a related list reused from the last build is exactly what
`related` computes now, whatever changed in the other organizations."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from conftest import ROOT

from cmosc.model.organization import build_organizations
from cmosc.profiles.catalog import load_catalog
from cmosc.site.context import Site
from cmosc.site.pages import core

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def orgs():
    return build_organizations(load_catalog(ROOT, today=TODAY), TODAY)


def _busiest(orgs):
    """The organization that appears in most related lists: changing it changes others'."""
    site = Site(orgs, {}, TODAY)
    counts = {o.slug: 0 for o in orgs}
    for org in orgs:
        for other in core.related(site, org):
            counts[other.slug] += 1
    return max(orgs, key=lambda o: counts[o.slug])


def _changes(orgs):
    """(name, the second build's organizations): each change to one organization."""
    org = _busiest(orgs)
    at = orgs.index(org)
    elsewhere = next(
        o for o in orgs if o.sedes and o.barrios and o.barrios[0].id not in {b.id for b in org.barrios}
    )
    other_areas = next(
        o for o in orgs if o.areas and {a.id for a in o.areas}.isdisjoint(a.id for a in org.areas)
    )

    topics = [t for o in orgs if o.activa for t in o.topics]
    rare = min(topics, key=lambda t: sum(u.id == t.id for u in topics))
    last_in_rare_area = {"slug": "zz-nueva", "sort_key": "\uffff", "areas": [rare], "topics": [rare]}

    def replaced(**fields):
        return [*orgs[:at], dataclasses.replace(org, **fields), *orgs[at + 1 :]]

    return [
        ("nada", list(orgs)),
        ("resumen", replaced(resumen="Otro resumen")),
        ("áreas", replaced(areas=other_areas.areas, topics=other_areas.topics)),
        ("barrio", replaced(sedes=elsewhere.sedes)),
        ("inactiva", replaced(activa=False)),
        ("borrada", [*orgs[:at], *orgs[at + 1 :]]),
        # Last by name: at the end of its barrios' and areas' lists, read to the end by some.
        ("nueva al final", [*orgs, dataclasses.replace(org, slug="zz-nueva", sort_key="\uffff")]),
        ("nueva al final de un área corta", [*orgs, dataclasses.replace(org, **last_in_rare_area)]),
        (
            "nueva",
            sorted(
                [*orgs, dataclasses.replace(org, slug=org.slug + "-2")], key=lambda o: (o.sort_key, o.slug)
            ),
        ),
    ]


def _differ(a: list, b: list) -> bool:
    return len(a) != len(b) or any(x is not y for x, y in zip(a, b))


def test_a_reused_related_list_is_the_one_computed_now(orgs, monkeypatch):
    for name, second in _changes(orgs):
        monkeypatch.setattr(core, "_LAST_RELATED", [{}, {}])
        first_site = Site(orgs, {}, TODAY)
        first = core.Related(first_site, keep=True)
        before = {o.slug: first(o) for o in orgs}
        first.keep_for_next_build()
        last = dict(core._LAST_RELATED[0])
        site = Site(second, {}, TODAY)
        again = core.Related(site, keep=True)
        for org in second:
            expected = core.related(site, org)
            got = again(org)
            assert [o.slug for o in got] == [o.slug for o in expected], (name, org.slug)
            assert all(a is b for a, b in zip(got, expected, strict=True)), (name, org.slug)
        reused = sum(again.fresh[id(o)] is last.get(id(o)) for o in second)
        unchanged = [o for o in second if id(o) in last]  # the same objects as in the first build
        if name == "nada":
            assert reused == len(orgs)
        else:
            assert 0 < reused < len(unchanged), name  # reused, and computed again where it read the change
            # The change reached other organizations' lists (an edited organization is another object).
            assert any(_differ(core.related(site, o), before[o.slug]) for o in unchanged), name


def test_without_keep_nothing_is_kept(orgs, monkeypatch):
    monkeypatch.setattr(core, "_LAST_RELATED", [{}, {}])
    related = core.Related(Site(orgs, {}, TODAY), keep=False)
    assert [related(o) for o in orgs] == [core.related(related.site, o) for o in orgs]
    related.keep_for_next_build()
    assert core._LAST_RELATED == [{}, {}] and related.fresh == {}
