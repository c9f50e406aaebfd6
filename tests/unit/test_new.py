"""`cmosc nueva`: a commented template from the schema; never overwrites."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from cmosc.cli.main import main
from cmosc.profiles.catalog import load_catalog, load_vocabularies
from cmosc.profiles.schema import ORGANIZATION, walk
from cmosc.staff.canonical import canonical_text


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT / "vocabularios", tmp_path / "vocabularios")
    shutil.copytree(ROOT / "content" / "programas", tmp_path / "content" / "programas")
    (tmp_path / "organizaciones").mkdir()
    return tmp_path


def test_template_explains_every_field_and_fills_name_and_type(project):
    args = [
        "--raiz",
        str(project),
        "nueva",
        "club-la-ribera",
        "--nombre",
        "Club: La Ribera #2",
        "--tipo",
        "Asociación civil",
    ]
    assert main(args) == 0
    text = (project / "organizaciones" / "club-la-ribera.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../esquema/organizacion.schema.json\n")
    for path, field in walk():
        assert f"# {field.etiqueta}" in text, path
    assert "nombre: 'Club: La Ribera #2'" in text
    assert "\ntipo: asociacion-civil\n" in text
    assert "# sigla:" in text and "\nsigla:" not in text


def test_template_is_canonical_and_valid_once_completed(project):
    assert (
        main(["--raiz", str(project), "nueva", "merendero-x", "--nombre", "Merendero X", "--tipo", "otra"])
        == 0
    )
    path = project / "organizaciones" / "merendero-x.yml"
    text = path.read_text(encoding="utf-8")
    vocabularies, _ = load_vocabularies(project)
    assert canonical_text(text, vocabularies) == text
    catalog = load_catalog(project)
    assert [d.codigo for d in catalog.diagnostics] == ["sin_contacto"]  # only a way to reach it is missing
    path.write_text(text + "contacto:\n  email: merendero@ejemplo.org.ar\n")
    assert load_catalog(project).ok
    # Uncommenting an optional block gives valid YAML with the right indentation.
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("# identificadores:")
    lines[start : start + 3] = ["identificadores:", "#   # CUIT", "  cuit: 30-71234567-1"]
    path.write_text("\n".join(lines) + "\n")
    catalog = load_catalog(project)
    assert catalog.ok, catalog.diagnostics
    assert catalog.profiles[0].data["identificadores"]["cuit"] == "30-71234567-1"


def test_refuses_to_overwrite(project, capsys):
    path = project / "organizaciones" / "existente.yml"
    path.write_text("nombre: Existente\n")
    assert main(["--raiz", str(project), "nueva", "existente"]) == 1
    assert path.read_text() == "nombre: Existente\n"
    assert "ya existe" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [
        (["Club Mayúsculas"], "no sirve como identificador"),
        (["club-x", "--tipo", "asociación"], "¿quisiste decir «asociacion-civil»?"),
    ],
)
def test_usage_errors(project, capsys, args, message):
    assert main(["--raiz", str(project), "nueva", *args]) == 2
    assert message in capsys.readouterr().err
    assert not list((project / "organizaciones").iterdir())


def test_every_top_level_field_appears_in_schema_order(project):
    main(["--raiz", str(project), "nueva", "orden"])
    text = (project / "organizaciones" / "orden.yml").read_text(encoding="utf-8")
    positions = [
        text.index(f"\n{f.key}:") if f"\n{f.key}:" in text else text.index(f"\n# {f.key}:")
        for f in ORGANIZATION.fields
    ]
    assert positions == sorted(positions)
