"""/mapa/'s points kept between the builds of `cmosc servir` (`map.points(site, keep=True)`):
an unchanged organization's are reused, a changed one's are made again from it."""

from __future__ import annotations

import dataclasses
from datetime import date

from conftest import ROOT

from cmosc.model.organization import build_organizations
from cmosc.profiles.catalog import load_catalog
from cmosc.site.context import Site
from cmosc.site.pages import map as map_pages

TODAY = date(2026, 11, 25)


def _described(listed) -> list[tuple]:
    return [(id(p.org), id(p.sede), p.number, p.hours) for p in listed]


def test_kept_points_are_reused_only_for_the_same_organization(monkeypatch):
    monkeypatch.setattr(map_pages, "_POINTS", {})
    orgs = build_organizations(load_catalog(ROOT, today=TODAY), TODAY)
    first = map_pages.points(Site(orgs, {}, TODAY), keep=True)
    # One organization's first sede loses its coordinates: another object, from another build.
    at, org = next((i, o) for i, o in enumerate(orgs) if o.activa and len(o.sedes) > 1 and o.sedes[0].lat)
    moved = dataclasses.replace(org.sedes[0], lat=None, lon=None)
    second_orgs = [*orgs[:at], dataclasses.replace(org, sedes=[moved, *org.sedes[1:]]), *orgs[at + 1 :]]
    site = Site(second_orgs, {}, TODAY)
    kept = map_pages.points(site, keep=True)
    fresh = map_pages.points(site)
    assert [_described(k) for k in kept] == [_described(f) for f in fresh]
    assert any(p.sede is moved for p in kept[1]) and all(p.org is not org for p in kept[0] + kept[1])
    reused = {id(p) for p in first[0] + first[1]}
    changed = second_orgs[at]
    assert all((id(p) in reused) == (p.org is not changed) for p in kept[0] + kept[1])
    assert set(map_pages._POINTS) == {id(o) for o in site.activas}


def test_a_one_off_build_keeps_no_points(monkeypatch):
    monkeypatch.setattr(map_pages, "_POINTS", {})
    orgs = build_organizations(load_catalog(ROOT, today=TODAY), TODAY)
    map_pages.points(Site(orgs, {}, TODAY))
    assert map_pages._POINTS == {}
