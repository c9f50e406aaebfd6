"""Builds that reuse validated profiles (`cmosc servir`) publish exactly what a clean build does."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, copy_project

from cmosc.cli.build import build
from cmosc.profiles.profile_cache import ProfileCache

PROFILE = "organizaciones/club-estrella-del-sur.yml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rename(project: Path) -> None:
    (project / PROFILE).rename(project / "organizaciones/club-estrella-del-sur-oeste.yml")


CHANGES = [
    ("perfil", lambda p: _edit(p / PROFILE, "0381 4245566", "0381 4999111")),
    (
        "vocabulario",
        lambda p: _edit(p / "vocabularios/barrios.yml", "nombre: Barrio Norte", "nombre: Barrio Norte Alto"),
    ),
    (
        "plantilla",
        lambda p: _edit(
            p / "theme/templates/organizacion.html", "</article>", "<p>Plantilla nueva</p></article>"
        ),
    ),
    (
        "configuración",
        lambda p: _edit(p / "pelicanconf.py", 'SITENAME = "Directorio', 'SITENAME = "Nuevo directorio'),
    ),
    ("contenido", lambda p: _edit(p / "content/pages/acerca.md", "CMOSC", "CMOSC (editado)")),
    ("renombre", _rename),
    ("borrado", lambda p: (p / "organizaciones/club-estrella-del-sur-oeste.yml").unlink()),
]


def _same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ between two folders, in name or bytes."""
    names_a = {p.relative_to(a) for p in a.rglob("*")}
    names_b = {p.relative_to(b) for p in b.rglob("*")}
    differ = sorted(str(n) for n in names_a ^ names_b)
    for name in sorted(names_a & names_b):
        if (a / name).is_file() and not filecmp.cmp(a / name, b / name, shallow=False):
            differ.append(str(name))
    return differ


def test_cached_builds_equal_clean_builds_after_every_kind_of_change(tmp_path, monkeypatch):
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    cache = ProfileCache()
    config = project / "pelicanconf.py"
    assert build(project, config, tmp_path / "cache", cache=cache).failure is None
    for name, change in CHANGES:
        change(project)
        reused = cache.reused
        cached = build(project, config, tmp_path / "cache", cache=cache)
        clean = build(project, config, tmp_path / f"limpio-{name}")
        assert cached.failure is None and clean.failure is None, name
        assert _same_tree(tmp_path / "cache", tmp_path / f"limpio-{name}") == [], name
        if name == "vocabulario":
            assert cache.reused == reused  # every profile was validated again
        else:
            assert cache.reused > reused, name  # the cache was used, not bypassed


@pytest.mark.parametrize("broken", ["vocabulario", "logo"])
def test_a_change_beside_the_profile_revalidates_it(tmp_path, monkeypatch, broken):
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    cache = ProfileCache()
    config = project / "pelicanconf.py"
    assert build(project, config, tmp_path / "out", cache=cache).failure is None
    if broken == "vocabulario":  # a term a profile uses disappears
        _edit(
            project / "vocabularios/barrios.yml",
            "- id: villa-alem\n  nombre: Villa Alem",
            "- id: otro\n  nombre: Otro",
        )
    else:
        next((project / "organizaciones/logos").iterdir()).unlink()
    failure = build(project, config, tmp_path / "out", cache=cache).failure
    assert failure is not None and failure == build(project, config, tmp_path / "limpio" / "out").failure
