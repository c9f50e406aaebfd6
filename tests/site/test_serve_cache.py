"""Builds that reuse validated profiles and rendered pages (`cmosc servir`, `cmosc construir`)
publish exactly what a clean build does, and a damaged cache is never published."""

from __future__ import annotations

import filecmp
import gc
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, copy_project

from cmosc.cli.build import build
from cmosc.profiles.profile_cache import ProfileCache
from cmosc.site.page_cache import HEADER, INDEX_NAME, PageCache
from cmosc.site.published import PublishedSite

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


# Changes to what every page may read: no page of the last build is reused.
BUILD_WIDE = {"vocabulario", "plantilla", "configuración", "contenido"}


@pytest.fixture
def thawed():
    """A cache that `rebuilds` leaves the heap frozen between builds, as `cmosc servir` wants."""
    yield
    gc.unfreeze()


@pytest.mark.parametrize("new_process", [False, True], ids=["mismo-proceso", "proceso-nuevo"])
def test_cached_builds_equal_clean_builds_after_every_kind_of_change(
    tmp_path, monkeypatch, new_process, thawed
):
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    cache = ProfileCache()
    folder = tmp_path / "cache-paginas"
    pages = PageCache(folder, rebuilds=not new_process)
    config = project / "pelicanconf.py"
    # `cmosc servir` lays each build over the site it published; a new process swaps in a new folder.
    published = None if new_process else PublishedSite(tmp_path / "cache")
    assert (
        build(project, config, tmp_path / "cache", cache=cache, pages=pages, published=published).failure
        is None
    )
    total = pages.rendered
    for name, change in CHANGES:
        change(project)
        reused = cache.reused
        if new_process:  # a second `cmosc construir`: only what is on disk
            pages = PageCache(folder)
        cached = build(project, config, tmp_path / "cache", cache=cache, pages=pages, published=published)
        clean = build(project, config, tmp_path / f"limpio-{name}")
        assert cached.failure is None and clean.failure is None, name
        assert _same_tree(tmp_path / "cache", tmp_path / f"limpio-{name}") == [], name
        if name == "vocabulario":
            assert cache.reused == reused  # every profile was validated again
        else:
            assert cache.reused > reused, name  # the cache was used, not bypassed
        assert pages.rejected == 0, name
        if name in BUILD_WIDE:
            assert pages.reused == 0 and pages.rendered > 0, name
        else:  # one organization changed: most pages are reused, its own is rendered
            assert pages.reused > total / 2 and 0 < pages.rendered < total / 2, name
        if published is not None and name not in BUILD_WIDE:  # only what changed was written
            assert 0 < published.placed < total / 2, name


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


def _stored(folder: Path, page: str) -> Path:
    cache = PageCache(folder)
    cache.load()
    return folder / "paginas" / cache.entries[page].digest.hex()


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _same_length(path: Path) -> None:
    content = path.read_bytes()
    path.write_bytes(content.replace(b"Estrella", b"CORRUPTO", 1))


def _edit_published(path: Path) -> None:
    # The published page is a hard link to the cache's file: editing it in place edits both.
    with open(path, "r+b") as handle:
        handle.seek(200)
        handle.write(b"CORRUPTO")


def _index(folder: Path, damage) -> None:
    index = folder / INDEX_NAME
    index.write_bytes(damage(index.read_bytes()))


PAGE = "organizaciones/club-estrella-del-sur/index.html"
DAMAGE = {
    "archivo-truncado": lambda folder, output: _truncate(_stored(folder, PAGE)),
    "archivo-con-otro-contenido": lambda folder, output: _same_length(_stored(folder, PAGE)),
    "archivo-borrado": lambda folder, output: _stored(folder, PAGE).unlink(),
    "pagina-publicada-editada": lambda folder, output: _edit_published(output / PAGE),
    "indice-de-otra-version": lambda folder, output: _index(
        folder, lambda raw: b"cmosc-paginas 0\n" + raw[len(HEADER) :]
    ),
    "indice-con-otro-hash": lambda folder, output: _index(
        folder, lambda raw: raw[:-1] + bytes([raw[-1] ^ 1])
    ),
    "indice-truncado": lambda folder, output: _index(folder, lambda raw: raw[: len(raw) // 2]),
}


CASES = [(name, False) for name in sorted(DAMAGE)] + [
    (name, True) for name in sorted(DAMAGE) if not name.startswith("indice")
]


@pytest.mark.parametrize(
    ("damage", "same_process"), CASES, ids=[f"{n}-{'mismo' if s else 'nuevo'}-proceso" for n, s in CASES]
)
def test_a_damaged_cache_is_detected_and_never_published(tmp_path, monkeypatch, damage, same_process):
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    config = project / "pelicanconf.py"
    folder, output = tmp_path / "cache-paginas", tmp_path / "salida"
    pages = PageCache(folder)
    # `cmosc servir` also keeps what it published, and lays the next build over it.
    published = PublishedSite(output) if same_process else None
    assert build(project, config, output, pages=pages, published=published).failure is None
    DAMAGE[damage](folder, output)
    if not same_process:  # `cmosc servir` keeps its index in memory and trusts files it checked
        pages = PageCache(folder)  # until their inode, size or time change; a new process reads all
    assert build(project, config, output, pages=pages, published=published).failure is None
    assert build(project, config, tmp_path / "limpio").failure is None
    assert _same_tree(output, tmp_path / "limpio") == []
    assert b"CORRUPTO" not in (output / PAGE).read_bytes()
    if damage.startswith("indice"):
        assert pages.reused == 0  # the whole index was ignored
    elif same_process and damage == "archivo-borrado":
        # The published page (another link to the deleted file) is intact: left in place.
        assert pages.rejected == 0 and pages.rendered == 0
        return
    else:
        assert pages.rejected == 1 and pages.reused > 0  # that page only was rendered again
    # The page rendered again replaced the bad file: the next build reuses it.
    again = PageCache(folder)
    assert build(project, config, output, pages=again).failure is None
    assert again.rejected == 0 and again.rendered == 0


def test_a_reused_page_linking_to_a_deleted_profile_stops_the_build(tmp_path, monkeypatch, capsys):
    """In one process the link check skips pages reused unchanged, but not once a file they
    may link to is gone: a profile's description linking to a deleted profile stops the build."""
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    _edit(
        project / "organizaciones/merendero-los-girasoles.yml",
        "descripcion: |\n",
        "descripcion: |\n  Jugamos con [el club](/organizaciones/club-estrella-del-sur/).\n\n",
    )
    config, output = project / "pelicanconf.py", tmp_path / "salida"
    cache, pages = ProfileCache(), PageCache(tmp_path / "cache-paginas")
    assert build(project, config, output, cache=cache, pages=pages).failure is None
    _edit(project / "organizaciones/cooperativa-reciclar-futuro.yml", "nombre:", "nombre:")  # touched only
    assert build(project, config, output, cache=cache, pages=pages).failure is None
    (project / PROFILE).unlink()
    before = (output / "organizaciones/merendero-los-girasoles/index.html").read_bytes()
    failure = build(project, config, output, cache=cache, pages=pages).failure
    assert "merendero-los-girasoles/index.html: error: enlace roto" in capsys.readouterr().err
    assert "merendero-los-girasoles/index.html: error: enlace roto" in failure  # for the served page
    assert (output / "organizaciones/merendero-los-girasoles/index.html").read_bytes() == before
