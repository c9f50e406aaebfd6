"""Laying a build over the site this process published (`cmosc servir`): the folder ends up
exactly as the new build, whatever changed, and only what it trusts is left in place."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cmosc.site.published import PublishedSite
from cmosc.site.written import WrittenFiles, relative_files


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file and folder under `folder`: files by their bytes, folders as None."""
    found = {}
    for path in sorted(folder.rglob("*")):
        found[path.relative_to(folder).as_posix()] = path.read_bytes() if path.is_file() else None
    return found


def _build(tmp: Path, published: PublishedSite, files: dict[str, bytes], overlay: bool) -> Path:
    """What a build does: write through WrittenFiles into a staging folder, then publish."""
    staging = Path(os.path.join(tmp, f"staging-{len(list(tmp.iterdir()))}"))
    staging.mkdir()
    written = WrittenFiles(staging, published if overlay else None)
    for name, content in files.items():
        written.write(name, content)
    published.publish(staging, written.digests, overlay)
    return staging


def _first_build(tmp: Path) -> tuple[Path, Path, PublishedSite]:
    """A work folder, the output and the site published there by a first (whole) build of FIRST."""
    work = tmp / "trabajo"
    work.mkdir()
    output = tmp / "salida"
    published = PublishedSite(output)
    _build(work, published, FIRST, overlay=False)
    return work, output, published


def _clean(tmp: Path, files: dict[str, bytes]) -> dict:
    folder = tmp / "limpio"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    tree = _tree(folder)
    for path in sorted(folder.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    folder.rmdir()
    return tree


FIRST = {
    "index.html": b"<p>inicio</p>",
    "organizaciones/a/index.html": b"<p>a</p>",
    "organizaciones/b/index.html": b"<p>b</p>",
    "datos/x": b"archivo",
    "datos/viejo/solo.csv": b"1,2",
}
SECOND = {
    "index.html": b"<p>inicio</p>",  # the same: left in place
    "organizaciones/a/index.html": b"<p>a, editada</p>",  # changed
    "organizaciones/c/index.html": b"<p>c</p>",  # new; b is gone
    "datos/x/index.html": b"ahora una carpeta",  # a file gives way to a folder
}


def test_a_build_laid_over_equals_a_clean_build_and_writes_only_what_changed(tmp_path):
    work, _, published = _first_build(tmp_path)
    assert _tree(tmp_path / "salida") == _clean(tmp_path, FIRST)
    untouched = os.stat(tmp_path / "salida/index.html").st_ino
    assert published.current()
    staging = _build(work, published, SECOND, overlay=True)
    assert _tree(tmp_path / "salida") == _clean(tmp_path, SECOND)  # no file or empty folder left
    assert staging.name not in {p.name for p in (tmp_path / "salida").iterdir()}  # deleted apart
    assert published.placed == 3 and published.removed == 3
    assert os.stat(tmp_path / "salida/index.html").st_ino == untouched


def test_a_file_changed_behind_its_back_is_written_again(tmp_path):
    work, output, published = _first_build(tmp_path)
    page = output / "organizaciones/b/index.html"
    with open(page, "r+b") as handle:  # edited in place, as through a hard link of the cache
        handle.write(b"<X>")
    digest = hashlib.sha256(FIRST["organizaciones/b/index.html"]).digest()
    assert not published.holds("organizaciones/b/index.html", digest)
    _build(work, published, FIRST, overlay=True)
    assert page.read_bytes() == FIRST["organizaciones/b/index.html"]
    assert published.placed == 1


def test_a_folder_replaced_by_another_process_is_not_trusted(tmp_path):
    work, output, published = _first_build(tmp_path)
    output.rename(tmp_path / "otra")  # `cmosc construir` swapped in its own folder
    (tmp_path / "otra").rename(output)
    assert published.current()  # the same folder moved back is still ours
    os.rename(output, tmp_path / "vieja")
    output.mkdir()
    assert not published.current()
    assert sorted(relative_files(tmp_path / "vieja")) == sorted(FIRST)


def test_each_build_looks_at_the_files_the_last_one_published(tmp_path):
    """Files are looked at once per build (`current`): what a build laid over is trusted by
    the next as it is now, not as it was before."""
    work, output, published = _first_build(tmp_path)
    for files in (SECOND, FIRST, SECOND):
        assert published.current()
        _build(work, published, files, overlay=True)
        assert _tree(output) == _clean(tmp_path, files)
    name = "organizaciones/a/index.html"
    digest = hashlib.sha256(SECOND[name]).digest()
    assert published.holds(name, digest)
    (output / name).write_bytes(b"<X>")  # after the last look: the next one sees it
    assert published.current()
    assert not published.holds(name, digest)
