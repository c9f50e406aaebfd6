"""Reliability: the same input gives byte-identical output, and a failed build never
touches the published site."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, build_site, copy_project


def snapshot(root: Path) -> dict[str, str]:
    """Every file under root (relative path → sha256), so two trees compare exactly."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def without_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def test_two_builds_are_byte_identical(tmp_path, without_source_date_epoch):
    # Two copies in different folders: no absolute path, time or order may leak in.
    first = copy_project(tmp_path / "uno")
    second = copy_project(tmp_path / "otra-carpeta")
    assert build_site(first, first / "output").returncode == 0
    assert build_site(second, second / "output").returncode == 0
    a, b = snapshot(first / "output"), snapshot(second / "output")
    assert len(a) > 100
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_failed_builds_leave_the_previous_site_intact(tmp_path):
    project = copy_project(tmp_path / "proyecto")
    output = project / "output"
    assert build_site(project, output).returncode == 0
    before = snapshot(output)
    mtimes = {p: p.stat().st_mtime_ns for p in output.rglob("*")}

    # 1. Invalid data: validation stops the build before Pelican runs.
    bad = project / "organizaciones" / "perfil-invalido.yml"
    bad.write_text("nombre: X\ntipo: asociacion-civil\ndescripcion: corta\n", "utf-8")
    result = build_site(project, output)
    assert result.returncode == 1
    assert "organizaciones/perfil-invalido.yml:1:9: error: nombre:" in result.stderr
    assert "output/ no se modificó" in result.stderr
    bad.unlink()

    # 2. Pelican itself fails halfway (a broken template): the staging folder is dropped.
    template = project / "theme" / "templates" / "organizacion.html"
    template.write_text(
        template.read_text("utf-8").replace(
            "{% endblock %}", "{{ org.nombre | filtro_inexistente }}{% endblock %}", 1
        ),
        "utf-8",
    )
    result = build_site(project, output)
    assert result.returncode == 1
    assert "output/ no se modificó" in result.stderr

    assert snapshot(output) == before
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*")} == mtimes
    # The half-written folder is kept only as the next build's spare (`swap.py`).
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".output")]
    assert leftovers == [".output-anterior"]


def test_a_build_over_the_last_sites_spare_equals_a_clean_one(tmp_path, monkeypatch):
    """The next build writes over the site the last swap set aside: whatever that holds (pages
    of a deleted profile, a folder where a file goes now and the reverse, a file longer than
    its new bytes, one hard-linked to the page cache, links to elsewhere), the result is a
    clean build's, and nothing outside the output is written."""
    from cmosc.cli.build import build

    monkeypatch.setenv("CMOSC_FECHA_REFERENCIA", REFERENCE_DATE)
    project = copy_project(tmp_path / "proyecto")
    config, output = project / "pelicanconf.py", project / "output"
    assert build(project, config, tmp_path / "limpio").failure is None
    clean = snapshot(tmp_path / "limpio")
    assert build(project, config, output).failure is None
    assert build(project, config, output).failure is None  # the first one is now the spare
    spare = project / ".output-anterior"
    assert snapshot(spare) == clean

    (spare / "organizaciones" / "borrada").mkdir()
    (spare / "organizaciones" / "borrada" / "index.html").write_text("<p>perfil borrado</p>", "utf-8")
    (spare / "robots.txt").write_bytes((spare / "robots.txt").read_bytes() * 40)
    page = next(name for name in clean if name.startswith("organizaciones/") and name.endswith("/index.html"))
    shutil.rmtree(spare / Path(page).parent)
    (spare / Path(page).parent).write_text("un archivo donde va una carpeta", "utf-8")
    (spare / "sitemap.xml").unlink()
    (spare / "sitemap.xml" / "viejo").mkdir(parents=True)
    cached = tmp_path / "cache-de-paginas.html"
    cached.write_text("<p>la copia de la caché</p>", "utf-8")
    (spare / "index.html").unlink()
    os.link(cached, spare / "index.html")
    elsewhere = tmp_path / "fuera"
    (elsewhere / "carpeta").mkdir(parents=True)
    (elsewhere / "archivo.txt").write_text("de otra carpeta", "utf-8")
    (spare / "404.html").unlink()
    (spare / "404.html").symlink_to(elsewhere / "archivo.txt")
    shutil.rmtree(spare / "barrios")
    (spare / "barrios").symlink_to(elsewhere / "carpeta", target_is_directory=True)
    (spare / "enlace-viejo").symlink_to(elsewhere / "carpeta", target_is_directory=True)

    assert build(project, config, output).failure is None
    assert snapshot(output) == clean
    assert not (output / "organizaciones" / "borrada").exists()  # also its emptied folder
    assert cached.read_text("utf-8") == "<p>la copia de la caché</p>"
    assert sorted(p.name for p in elsewhere.rglob("*")) == ["archivo.txt", "carpeta"]
    assert (elsewhere / "archivo.txt").read_text("utf-8") == "de otra carpeta"
    assert not any(p.is_symlink() for p in output.rglob("*"))
    assert snapshot(spare) == clean  # the site just replaced, set aside for the next build


def test_reference_date_only_from_settings_or_epoch(tmp_path, monkeypatch):
    """Without CMOSC_FECHA_REFERENCIA, SOURCE_DATE_EPOCH fixes "today" for the build."""
    from cmosc.settings import reference_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25
    assert reference_date({}).isoformat() == "2025-11-25"
    assert reference_date({"CMOSC_FECHA_REFERENCIA": "2026-01-02"}).isoformat() == "2026-01-02"
