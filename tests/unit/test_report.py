"""`cmosc informe`: stale, incomplete, duplicated profiles, counts and shared needs."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import REFERENCE_DATE, ROOT

from cmosc.cli.main import main
from support.git_repo import commit


@pytest.fixture
def project(tmp_path):
    for name in ("vocabularios", "organizaciones"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "content" / "programas", tmp_path / "content" / "programas")
    folder = tmp_path / "organizaciones"
    # A second file for the same organization (same CUIT) and a near-identical name.
    posada = (folder / "fundacion-la-posada.yml").read_text(encoding="utf-8")
    (folder / "la-posada-solidaria.yml").write_text(
        posada.replace("nombre: Fundación La Posada Solidaria", "nombre: La Posada Solidaria"),
        encoding="utf-8",
    )
    (folder / "rota.yml").write_text("nombre: Sin tipo\n", encoding="utf-8")
    return tmp_path


def run_report(project, *args) -> int:
    return main(["--raiz", str(project), "informe", "--fecha", REFERENCE_DATE, *map(str, args)])


def test_markdown_report(project, capsys):
    assert run_report(project) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Informe del equipo del CMOSC\n\nFecha: 2026-11-25. Perfiles válidos: 33.")
    stale = out.split("## Datos sin verificar en los últimos 12 meses")[1].split("\n## ")[0]
    assert "Apoyo Escolar Semillitas (organizaciones/apoyo-escolar-semillitas.yml): nunca verificado" in stale
    assert "organizaciones/centro-vecinal-marcos-paz.yml): verificado el 2024-05-06" in stale
    assert "fundacion-la-posada" not in stale  # verified 2026-11-11
    assert "## Perfiles sin un resumen de una línea" in out
    # An imported registry row: published without a description, which the report asks for.
    rincon = "Biblioteca Popular Rincón de Lectura (organizaciones/biblioteca-popular-rincon-de-lectura.yml)"
    assert f"## Perfiles sin una descripción de lo que hace\n\n1 perfiles.\n\n- {rincon}\n" in out
    assert (
        "## Perfiles verificados que cambiaron después: volver a verificar\n\n"
        "Al verificarlos, actualizá «verificado» y borrá «sin_verificar_desde».\n\n"
        f"- {rincon}: verificado el 2026-03-02, cambió el 2026-11-20\n"
    ) in out
    assert rincon not in stale
    assert (
        "Fundación La Posada Solidaria (organizaciones/fundacion-la-posada.yml) y La Posada Solidaria "
        "(organizaciones/la-posada-solidaria.yml): mismo CUIT"
    ) in out
    assert "## Cantidad de organizaciones por tipo\n\n- Asociación civil: 6" in out
    assert "## Necesidad compartida: Voluntariado" in out
    assert (
        "- Fundación La Posada Solidaria: Voluntarias y voluntarios para las recorridas nocturnas de invierno."
        in out
    )
    assert "## Perfiles con errores (no se incluyen en este informe)\n\nCorré «cmosc validar»" in out
    assert "- organizaciones/rota.yml" in out


def test_json_report(project, capsys):
    assert run_report(project, "--formato", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 33 and data["fecha"] == "2026-11-25"
    assert {
        "a": {"slug": "fundacion-la-posada", "nombre": "Fundación La Posada Solidaria"},
        "b": {"slug": "la-posada-solidaria", "nombre": "La Posada Solidaria"},
        "motivo": "mismo CUIT",
    } in data["duplicados"]
    assert data["desactualizadas"][0] == {
        "slug": "apoyo-escolar-semillitas",
        "nombre": "Apoyo Escolar Semillitas",
        "verificado": None,
    }
    shared = {n["necesidad"]: n for n in data["necesidades_compartidas"]}
    assert len(shared["Voluntariado"]["organizaciones"]) >= 2
    assert data["conteos"]["Por barrio"][0]["cantidad"] >= data["conteos"]["Por barrio"][-1]["cantidad"]


def test_html_report_goes_to_a_file_marked_noindex(project, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert run_report(project, "--formato", "html") == 0
    page = (tmp_path / "informe-equipo.html").read_text(encoding="utf-8")
    assert capsys.readouterr().out == ""
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "<h2>Posibles duplicados</h2>" in page and "http" not in page.split("<body>")[1]
    target = tmp_path / "equipo" / "informe.html"
    assert run_report(project, "--formato", "html", "--salida", target) == 0
    assert target.read_text(encoding="utf-8") == page


def test_names_are_escaped_in_html(project, tmp_path):
    folder = project / "organizaciones"
    text = (folder / "merendero-rayito-de-sol.yml").read_text(encoding="utf-8")
    (folder / "merendero-rayito-de-sol.yml").write_text(
        text.replace("nombre: Merendero Rayito de Sol", 'nombre: "Rayito <script>alert(1)</script>"'),
        encoding="utf-8",
    )
    run_report(project, "--formato", "html", "--salida", tmp_path / "i.html")
    page = (tmp_path / "i.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "Rayito &lt;script&gt;" in page


def test_weekly_sections_changes_since_verification_unconfirmed_needs_and_completeness(project, capsys):
    subprocess.run(["git", "init", "-q", "-b", "main", str(project)], check=True)
    commit(project, "2026-02-01", "Carga inicial")
    posada = project / "organizaciones" / "fundacion-la-posada.yml"  # verificado: 2026-11-11
    posada.write_text(
        posada.read_text(encoding="utf-8").replace("CMOSC-0040", "CMOSC-0041"), encoding="utf-8"
    )
    commit(project, "2026-11-20", "Actualiza fundacion-la-posada")
    assert run_report(project) == 0
    out = capsys.readouterr().out

    def section(title):
        return out.split(f"## {title}\n")[1].split("\n## ")[0]

    changed = section("Cambios posteriores a la última verificación")
    assert (
        "- Fundación La Posada Solidaria (organizaciones/fundacion-la-posada.yml): verificado el 2026-11-11; "
        "después: 2026-11-20 Actualiza fundacion-la-posada"
    ) in changed
    assert "la-posada-solidaria.yml" not in changed  # not committed: no later change known
    needs = section("Necesidades sin confirmar en los últimos 12 meses")
    assert (
        "(organizaciones/centro-vecinal-marcos-paz.yml), " in needs and "(verificado el 2024-05-06)" in needs
    )
    assert "fundacion-la-posada" not in needs
    incomplete = section("Perfiles incompletos")
    assert "no muestra cuán completo" in incomplete
    line = next(x for x in incomplete.splitlines() if "apoyo-escolar-semillitas" in x)
    assert "%; falta un resumen de una línea" in line

    assert run_report(project, "--formato", "json") == 0
    data = json.loads(capsys.readouterr().out)
    by_slug = {e["slug"]: e for e in data["cambios_sin_verificar"]}
    posada_entry = by_slug["fundacion-la-posada"]
    # Verified in 2024, then loaded into this repository in 2026: a change nobody re-checked.
    assert [c["descripcion"] for c in by_slug["centro-vecinal-marcos-paz"]["cambios"]] == ["Carga inicial"]
    assert (
        posada_entry["slug"] == "fundacion-la-posada" and posada_entry["cambios"][0]["fecha"] == "2026-11-20"
    )
    assert all(e["faltan"] for e in data["completitud"])


def test_without_git_the_report_says_why(project, capsys):
    assert run_report(project) == 0
    out = capsys.readouterr().out
    changed = out.split("## Cambios posteriores a la última verificación\n")[1].split("\n## ")[0]
    assert (
        "Sin historial de git: el sitio se construyó a partir de una copia sin el historial de git."
        in changed
    )


def test_shared_needs_count_active_organizations_only(project, capsys):
    """One definition with /necesidades-compartidas/ (`cmosc.model.shared_needs`)."""
    assert run_report(project, "--formato", "json") == 0
    before = {n["necesidad"]: n for n in json.loads(capsys.readouterr().out)["necesidades_compartidas"]}
    assert "fundacion-la-posada" in {o["slug"] for o in before["Voluntariado"]["organizaciones"]}
    posada = project / "organizaciones" / "fundacion-la-posada.yml"
    posada.write_text(posada.read_text(encoding="utf-8") + "estado: inactiva\n", encoding="utf-8")
    assert run_report(project, "--formato", "json") == 0
    after = {n["necesidad"]: n for n in json.loads(capsys.readouterr().out)["necesidades_compartidas"]}
    assert "fundacion-la-posada" not in {o["slug"] for need in after.values() for o in need["organizaciones"]}
