"""Reliability: the same input gives byte-identical output, and a failed build never
touches the published site."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import build_site, copy_project


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
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".output")]
    assert leftovers == []


def test_reference_date_only_from_settings_or_epoch(tmp_path, monkeypatch):
    """Without CMOSC_FECHA_REFERENCIA, SOURCE_DATE_EPOCH fixes "today" for the build."""
    from cmosc.settings import reference_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25
    assert reference_date({}).isoformat() == "2025-11-25"
    assert reference_date({"CMOSC_FECHA_REFERENCIA": "2026-01-02"}).isoformat() == "2026-01-02"
