"""`cmosc formatear`: canonical order and ids, every value and comment kept exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from cmosc.cli.main import main
from cmosc.profiles.catalog import load_catalog, load_vocabularies
from cmosc.staff.canonical import canonical_text
from cmosc.staff.roundtrip import dump_text, load_text

TRICKY = """\
# yaml-language-server: $schema=../esquema/organizacion.schema.json
# Comentario de cabecera que no se pierde
tipo: Fundación  # escrito con el nombre
nombre: Fundación Prueba del Sur
sigla: NO
descripcion: |
  Primera línea.

  Segundo párrafo con **negrita**.
contacto:
  telefonos:
    - 03814000000  # fijo, con cero inicial
    - +54 9 381 555-0123
  email: prueba@ejemplo.org.ar
areas: [Niñez, salud]
fundacion: 2009
sedes:
  - horarios: 12:30
    direccion: Calle 1
    barrio: Villa Luján
    ubicacion: {lat: -26.83, lon: -65.20}
    accesible: no
verificado: 2026-10-01
identificadores:
  cenoc: "16620"
"""


@pytest.fixture
def vocabularies():
    vocabularies, problems = load_vocabularies(ROOT)
    assert not problems
    return vocabularies


def test_round_trip_keeps_every_sample_profile_byte_for_byte():
    for path in sorted((ROOT / "organizaciones").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        assert dump_text(load_text(text)) == text, path.name


def test_rewrite_keeps_values_as_typed(vocabularies):
    out = canonical_text(TRICKY, vocabularies)
    for typed in (
        "sigla: NO",
        "- 03814000000  # fijo, con cero inicial",
        "- +54 9 381 555-0123",
        "horarios: 12:30",
        "verificado: 2026-10-01",
        "fundacion: 2009",
        'cenoc: "16620"',
        "accesible: no",
        "ubicacion: {lat: -26.83, lon: -65.20}",
        "  Segundo párrafo con **negrita**.",
    ):
        assert typed in out, typed
    # A standard YAML 1.1 reader still sees the same values (sigla stays the text NO for us).
    assert yaml.safe_load(out)["contacto"]["telefonos"][1] == "+54 9 381 555-0123"


def test_canonical_order_ids_and_comments(vocabularies):
    out = canonical_text(TRICKY, vocabularies)
    lines = out.splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    assert lines[1] == "# Comentario de cabecera que no se pierde"
    keys = [line.split(":")[0] for line in lines if line and line[0].isalpha()]
    assert keys == [
        "nombre",
        "sigla",
        "tipo",
        "descripcion",
        "fundacion",
        "identificadores",
        "areas",
        "sedes",
        "contacto",
        "verificado",
    ]
    assert "tipo: fundacion  # escrito con el nombre" in out
    assert "areas: [ninez, salud]" in out
    assert "barrio: villa-lujan" in out
    sede = out[out.index("sedes:") : out.index("contacto:")]
    assert sede.index("direccion") < sede.index("barrio") < sede.index("ubicacion") < sede.index("horarios")
    assert "email" in out[out.index("contacto:") :].split("telefonos")[0]


def test_formatting_is_idempotent_and_keeps_the_validated_data(tmp_path, vocabularies):
    out = canonical_text(TRICKY, vocabularies)
    assert canonical_text(out, vocabularies) == out
    project = _project(tmp_path, {"prueba.yml": TRICKY})
    before = load_catalog(project, today=None)
    assert before.ok, before.diagnostics
    assert main(["--raiz", str(project), "formatear"]) == 0
    after = load_catalog(project)
    assert [p.data for p in after.profiles] == [p.data for p in before.profiles]


def test_verificar_reports_and_writes_nothing(tmp_path, capsys):
    project = _project(tmp_path, {"prueba.yml": TRICKY})
    path = project / "organizaciones" / "prueba.yml"
    assert main(["--raiz", str(project), "formatear", "--verificar", str(path)]) == 1
    assert path.read_text(encoding="utf-8") == TRICKY
    captured = capsys.readouterr()
    assert "+tipo: fundacion" in captured.out and "cmosc formatear" in captured.err
    assert main(["--raiz", str(project), "formatear", str(path)]) == 0
    assert main(["--raiz", str(project), "formatear", "--verificar", str(path)]) == 0


def test_unreadable_yaml_is_reported_not_rewritten(tmp_path, capsys):
    broken = "nombre: [sin cerrar\n"
    project = _project(tmp_path, {"rota.yml": broken})
    assert main(["--raiz", str(project), "formatear"]) == 1
    assert (project / "organizaciones" / "rota.yml").read_text() == broken
    assert "no es YAML válido" in capsys.readouterr().err


def _project(tmp_path: Path, profiles: dict[str, str]) -> Path:
    shutil.copytree(ROOT / "vocabularios", tmp_path / "vocabularios")
    shutil.copytree(ROOT / "content" / "programas", tmp_path / "content" / "programas")
    (tmp_path / "organizaciones").mkdir()
    for name, text in profiles.items():
        (tmp_path / "organizaciones" / name).write_text(text, encoding="utf-8")
    return tmp_path
