"""Unreadable hours: a located warning in `cmosc validar` (exit 0), never an error; listed
in `cmosc informe`; rewritten by `cmosc formatear` only when readable."""

from __future__ import annotations

import json
import shutil

from conftest import ROOT

from cmosc.staff.canonical import canonical_text
from support.cli import cmosc

UNREADABLE = ROOT / "tests" / "fixtures" / "horarios" / "horario-ilegible.yml"


def test_unreadable_hours_are_a_located_warning_and_exit_0():
    result = cmosc("validar", str(UNREADABLE))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "tests/fixtures/horarios/horario-ilegible.yml:18:15: warning: sedes[1].horarios: no se pudo leer "
        "el horario «sábados cada quince días» (no se entiende «cada quince días»); se publica tal como "
        "está escrito, sin «abierto ahora». Por ejemplo: «lunes a viernes de 9 a 13 y de 16 a 20».",
        "1 perfil válido (1 advertencia).",
    ]


def test_json_and_github_formats_carry_the_warning_level():
    (item,) = json.loads(cmosc("validar", "--formato", "json", str(UNREADABLE)).stdout)
    assert (item["nivel"], item["campo"], item["linea"]) == ("warning", "sedes[1].horarios", 18)
    github = cmosc("validar", str(UNREADABLE), env={"GITHUB_ACTIONS": "true"})
    assert github.returncode == 0
    assert any(
        line.startswith("::warning file=tests/fixtures/horarios/horario-ilegible.yml,line=18,col=15::")
        for line in github.stderr.splitlines()
    )


def test_a_build_with_unreadable_hours_succeeds_and_shows_them_as_written(tmp_path):
    from conftest import build_site, copy_project

    project = copy_project(tmp_path / "proyecto")
    shutil.copy(UNREADABLE, project / "organizaciones" / "horario-ilegible.yml")
    result = build_site(project, project / "output")
    assert result.returncode == 0, result.stderr
    html = (project / "output" / "organizaciones" / "horario-ilegible" / "index.html").read_text("utf-8")
    assert "sábados cada quince días" in html and "data-horario=" not in html


def test_report_lists_unreadable_hours():
    result = cmosc("informe", "--formato", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {
        "archivo": "organizaciones/fundacion-latidos.yml",
        "linea": 24,
        "campo": "actividades[2].horario",
        "texto": "Dos veces por año, en abril y en octubre",
        "motivo": "no se entiende «Dos veces por»",
    } in report["horarios_ilegibles"]


def test_format_writes_the_canonical_spanish_and_keeps_comments_and_unreadable_text():
    text = (
        "nombre: Ejemplo\n"
        "sedes:\n"
        "  - direccion: Calle 1\n"
        "    horarios: lun a vie 9-13  # atención al público\n"
        "  - direccion: Calle 2\n"
        "    horarios: sábados cada quince días\n"
        "actividades:\n"
        "  - nombre: Taller\n"
        "    horario: 'martes y jueves 17 a 19 h'\n"
    )
    out = canonical_text(text, {})
    assert "    horarios: Lunes a viernes de 9 a 13 # atención al público\n" in out
    assert "    horarios: sábados cada quince días\n" in out
    assert "    horario: 'Martes y jueves de 17 a 19'\n" in out
    assert canonical_text(out, {}) == out
