"""Builds that reuse validated profiles and rendered pages (`cmosc servir`, `cmosc construir`)
publish exactly what a clean build does, and a damaged cache is never published."""

from __future__ import annotations

import filecmp
import gc
import hashlib
import marshal
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, copy_project

from cmosc.cli.build import build
from cmosc.profiles.profile_cache import ProfileCache
from cmosc.site import cards
from cmosc.site.page_cache import FRAGMENTS_HEADER, FRAGMENTS_NAME, HEADER, INDEX_NAME, PageCache
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


def _count_fragment_renders(monkeypatch) -> list[str]:
    """The slug of each organization whose per-organization fragment (card, need, sedes) the
    macro renders from now on, for a page whose fragments are kept between builds (Pelican's
    own pages, the programs' articles, render their cards every time)."""
    rendered: list[str] = []
    kept = [False]
    per_organization = {macro for _, macro in cards.FRAGMENTS.values()}
    original_macro, original_render = cards._macro, cards.FragmentCache._render

    def macro(template, name, context):
        render = original_macro(template, name, context)
        if name not in per_organization:
            return render

        def counted(org, *args, **options):
            if kept[0]:
                rendered.append(org.slug)
            return render(org, *args, **options)

        return counted

    def render(self, org, args, last, fresh):
        kept[0] = fresh is not None
        try:
            return original_render(self, org, args, last, fresh)
        finally:
            kept[0] = False

    monkeypatch.setattr(cards, "_macro", macro)
    monkeypatch.setattr(cards.FragmentCache, "_render", render)
    return rendered


def _new_server_process(monkeypatch, folder: Path, output: Path):
    """What a `cmosc servir` started again has: its caches of pages on disk, nothing in memory."""
    monkeypatch.setattr(cards, "_KEPT", {})
    monkeypatch.setattr(cards, "_KEPT_UNDER", [None])
    return ProfileCache(), PageCache(folder, rebuilds=True), PublishedSite(output)


def _serve_once(tmp_path, monkeypatch) -> tuple[Path, Path, Path, Path]:
    """A first `cmosc servir` that built the site and rebuilt it after a save, then stopped."""
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    config, folder, output = project / "pelicanconf.py", tmp_path / "cache-paginas", tmp_path / "salida"
    cache, pages, published = _new_server_process(monkeypatch, folder, output)
    assert build(project, config, output, cache=cache, pages=pages, published=published).failure is None
    _edit(project / PROFILE, "0381 4245566", "0381 4999111")
    assert build(project, config, output, cache=cache, pages=pages, published=published).failure is None
    return project, config, folder, output


def _first_save_after_restart(tmp_path, monkeypatch, project, config, folder, output) -> list[str]:
    """A server started again builds, a profile is saved, it builds again: that build's
    fragment renders; its site is the same as a clean build's."""
    cache, pages, published = _new_server_process(monkeypatch, folder, output)
    rendered = _count_fragment_renders(monkeypatch)
    assert build(project, config, output, cache=cache, pages=pages, published=published).failure is None
    assert pages.rendered == 0  # every page from disk: no fragment asked for
    rendered.clear()
    _edit(project / PROFILE, "0381 4999111", "0381 4000222")
    assert build(project, config, output, cache=cache, pages=pages, published=published).failure is None
    saved = rendered[:]
    assert build(project, config, tmp_path / "limpio").failure is None
    assert _same_tree(output, tmp_path / "limpio") == []
    return saved


def test_a_server_started_again_renders_only_the_saved_organizations_fragments(tmp_path, monkeypatch, thawed):
    project, config, folder, output = _serve_once(tmp_path, monkeypatch)
    stored = (folder / FRAGMENTS_NAME).stat()
    rendered = _first_save_after_restart(tmp_path, monkeypatch, project, config, folder, output)
    # Its card in each listing, its need, its sedes in /mapa/: only its own fragments.
    assert rendered and set(rendered) == {"club-estrella-del-sur"}
    # Neither the build after the restart (no fragment rendered) nor the save (a few) wrote
    # the file again.
    after = (folder / FRAGMENTS_NAME).stat()
    assert (after.st_ino, after.st_mtime_ns) == (stored.st_ino, stored.st_mtime_ns)


def _stored_fragments(folder: Path):
    cache = PageCache(folder, rebuilds=True)
    cache.load()
    return cache.take_fragments()


def test_the_fragments_are_written_when_enough_of_them_are_new(tmp_path):
    pages = PageCache(tmp_path, rebuilds=True)
    fragments = {b"listado": {bytes([i]): f"<p>{i}</p>" for i in range(100)}}

    def build(base: bytes, rendered: int) -> tuple:
        pages.start()
        pages.note_fragments(base, fragments, rendered)
        fragments[b"listado"][b"n"] = f"<p>{base!r} {rendered} {len(fragments)}</p>"
        pages.commit()
        return _stored_fragments(tmp_path)

    assert build(b"a", 0) == (None, {})  # nothing rendered: nothing to store
    stored = build(b"a", 100)
    assert stored == (b"a", fragments)  # the first ones of this process
    assert build(b"a", 3) == build(b"a", 2) == stored  # a save or two: not every time
    assert build(b"a", 1) == (b"a", fragments)  # 6 % of them new since the last time
    stored = build(b"b", 1)
    assert stored == (b"b", fragments)  # another build key
    for _ in range(18):
        assert build(b"b", 0) == stored
    assert build(b"b", 1) == stored  # 1 rendered in 19 builds
    assert build(b"b", 0) == (b"b", fragments)  # 20 builds since the last time, some new


def _fragments_file(folder: Path, damage) -> None:
    path = folder / FRAGMENTS_NAME
    path.write_bytes(damage(path.read_bytes()))


def _with_hash(payload: bytes) -> bytes:
    return FRAGMENTS_HEADER + hashlib.sha256(payload).digest() + payload


FRAGMENTS_DAMAGE = {
    "truncado": lambda raw: raw[: len(raw) // 2],
    "un-byte-cambiado": lambda raw: raw[:-100] + bytes([raw[-100] ^ 1]) + raw[-99:],
    "de-otra-version": lambda raw: b"cmosc-fragmentos 0 marshal 4\n" + raw[len(FRAGMENTS_HEADER) :],
    "ilegible-con-su-hash": lambda raw: _with_hash(b"no es marshal"),
    "otros-datos-con-su-hash": lambda raw: _with_hash(marshal.dumps([1, 2, 3])),
    "vacio": lambda raw: b"",
}


@pytest.mark.parametrize("damage", sorted(FRAGMENTS_DAMAGE))
def test_a_damaged_fragments_file_is_ignored(tmp_path, monkeypatch, damage, thawed):
    project, config, folder, output = _serve_once(tmp_path, monkeypatch)
    _fragments_file(folder, FRAGMENTS_DAMAGE[damage])
    fragments = PageCache(folder, rebuilds=True)
    fragments.load()
    assert fragments.take_fragments() == (None, {})
    rendered = _first_save_after_restart(tmp_path, monkeypatch, project, config, folder, output)
    # None read: the listings the save renders again render every organization's fragments.
    assert len(set(rendered)) > 1
    # …and store them again, whole.
    base, fragments = _stored_fragments(folder)
    assert base is not None and sum(map(len, fragments.values())) >= len(rendered)


def test_a_one_off_build_neither_reads_nor_writes_the_fragments(tmp_path, monkeypatch):
    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    config, folder, output = project / "pelicanconf.py", tmp_path / "cache-paginas", tmp_path / "salida"
    monkeypatch.setattr(cards, "_KEPT", {})
    monkeypatch.setattr(cards, "_KEPT_UNDER", [None])
    pages = PageCache(folder)  # `cmosc construir`
    assert build(project, config, output, pages=pages).failure is None
    _edit(project / PROFILE, "0381 4245566", "0381 4999111")
    pages = PageCache(folder)
    assert build(project, config, output, pages=pages).failure is None
    assert (folder / INDEX_NAME).exists() and not (folder / FRAGMENTS_NAME).exists()
    assert cards._KEPT == {}
    # One a server left is not read either (nor rewritten).
    (folder / FRAGMENTS_NAME).write_bytes(_with_hash(marshal.dumps((b"clave", {b"k": {b"d": "<p>"}}))))
    before = (folder / FRAGMENTS_NAME).stat()
    server = PageCache(folder, rebuilds=True)
    server.load()
    assert server.take_fragments() == (b"clave", {b"k": {b"d": "<p>"}})
    _edit(project / PROFILE, "0381 4999111", "0381 4000222")
    pages = PageCache(folder)
    assert build(project, config, output, pages=pages).failure is None
    assert pages.take_fragments() == (None, {}) and cards._KEPT == {}
    after = (folder / FRAGMENTS_NAME).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
