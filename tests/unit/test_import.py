"""`cmosc importar`: real spreadsheets (CSV in two encodings, XLSX) into validated profiles."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import Workbook

from cmosc.cli.main import main
from cmosc.profiles.catalog import load_catalog

PLANILLAS = Path(__file__).parents[1] / "planillas"
UTF8 = PLANILLAS / "organizaciones-utf8-bom.csv"
LATIN1 = PLANILLAS / "excel-latin1-puntoycoma.csv"


@pytest.fixture
def proyecto(tmp_path):
    for name in ("vocabularios", "organizaciones"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "content" / "programas", tmp_path / "content" / "programas")
    return tmp_path


def importar(proyecto, *args) -> int:
    return main(["--raiz", str(proyecto), "importar", *map(str, args)])


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))}


def test_utf8_csv_creates_valid_profiles_and_reports_every_bad_row(proyecto, capsys):
    before = snapshot(proyecto / "organizaciones")
    assert importar(proyecto, UTF8) == 1  # some rows were rejected
    out = capsys.readouterr().out
    after = snapshot(proyecto / "organizaciones")
    assert sorted(set(after) - set(before)) == [
        "merendero-comunitario-los-girasol.yml",
        "merendero-los-ceibos.yml",
    ]
    assert all(after[name] == text for name, text in before.items())  # nothing existing was touched
    assert "fila 3: «CUIT»: el CUIT «30-71234567-2» no es válido" in out
    assert "fila 4: «Descripción»: falta este dato obligatorio." in out
    assert "fila 5: «Tipo»: «Cooperativa de trabajo» no es un tipo válido" in out
    assert "fila 5: «Barrio»: «Barrio Inventado» no es un barrio válido" in out
    assert "fila 6: organizaciones/fundacion-la-posada.yml ya existe (mismo CUIT)" in out
    assert "fila 7: repite la organización de la fila 2." in out
    assert (
        "fila 8: parece organizaciones/merendero-los-girasoles.yml (nombre muy parecido en el mismo barrio)"
        in out
    )
    assert "«Columna rara»" in out
    catalog = load_catalog(proyecto)
    assert catalog.ok, catalog.diagnostics
    ceibos = next(p for p in catalog.profiles if p.slug == "merendero-los-ceibos").data
    assert ceibos["sigla"] == "NO" and ceibos["tipo"] == "organizacion-comunitaria"
    assert ceibos["identificadores"]["cuit"] == "30-71234567-1"
    assert ceibos["areas"] == ["ninez", "alimentacion"]
    assert ceibos["sedes"] == [{"direccion": "Calle Los Ceibos 120", "barrio": "villa-lujan"}]
    assert ceibos["contacto"]["telefonos"] == ["0381 400-0000", "0381 555-0123"]
    assert ceibos["verificado"] == date(2026, 10, 1)
    assert ceibos["notas_internas"] == "Contacto: Marta (no publicar)"
    text = after["merendero-los-ceibos.yml"]
    assert text.startswith("# yaml-language-server: $schema=../esquema/organizacion.schema.json\n")
    assert "sigla: 'NO'\n" in text  # quoted, so no other YAML reader takes it for «false»


def test_second_run_changes_nothing(proyecto, capsys):
    importar(proyecto, UTF8)
    first = snapshot(proyecto / "organizaciones")
    capsys.readouterr()
    importar(proyecto, UTF8)
    assert snapshot(proyecto / "organizaciones") == first
    out = capsys.readouterr().out
    assert "Resumen: 0 nuevas" in out and "merendero-los-ceibos.yml ya está al día" in out
    importar(proyecto, UTF8, "--actualizar")
    assert (
        snapshot(proyecto / "organizaciones")["merendero-los-ceibos.yml"] == first["merendero-los-ceibos.yml"]
    )


def test_simular_writes_nothing(proyecto, capsys):
    before = snapshot(proyecto / "organizaciones")
    importar(proyecto, UTF8, "--simular")
    assert snapshot(proyecto / "organizaciones") == before
    out = capsys.readouterr().out
    assert "simulación: no se escribió nada" in out
    assert "fila 2: organizaciones/merendero-los-ceibos.yml se crearía." in out


def test_latin1_semicolon_csv_with_a_column_mapping(proyecto, capsys):
    assert importar(proyecto, LATIN1, "--columnas", PLANILLAS / "columnas.yml") == 0
    catalog = load_catalog(proyecto)
    assert catalog.ok, catalog.diagnostics
    data = {p.slug: p.data for p in catalog.profiles}
    nandu = data["asociacion-vecinal-nandu"]
    assert nandu["nombre"] == "Asociación Vecinal Ñandú"
    assert nandu["descripcion"].startswith("Copa de leche")
    assert nandu["contacto"]["telefonos"] == ["0381 424-1991"]
    assert nandu["fundacion"] == 1998
    assert data["pena-folklorica-el-anoranzas"]["fundacion"] == date(2005, 3, 12)


def test_without_the_mapping_unknown_columns_are_listed(proyecto, capsys):
    importar(proyecto, LATIN1, "--simular")
    out = capsys.readouterr().out
    assert "«Actividades que realiza»" in out and "«Número de contacto»" in out
    assert "falta este dato obligatorio" in out


def test_actualizar_changes_only_imported_fields_and_keeps_comments(proyecto, tmp_path):
    path = proyecto / "organizaciones" / "fundacion-la-posada.yml"
    original = path.read_text(encoding="utf-8")
    commented = original.replace("sigla: La Posada\n", "sigla: La Posada  # así la conocen en el barrio\n")
    path.write_text(commented, encoding="utf-8")
    sheet = tmp_path / "cambios.csv"
    sheet.write_text(
        "Nombre,CUIT,Teléfono,Barrio\n"
        "Fundación La Posada Solidaria,30-65756503-9,0381 422-7700 / 0800 555 0199 / 381 4990000,Barrio Sur\n",
        encoding="utf-8",
    )
    assert importar(proyecto, sheet) == 0
    assert path.read_text(encoding="utf-8") == commented  # no overwrite without --actualizar
    assert importar(proyecto, sheet, "--actualizar") == 0
    updated = path.read_text(encoding="utf-8")
    assert "# así la conocen en el barrio" in updated
    changed = [(a, b) for a, b in zip(commented.splitlines(), updated.splitlines()) if a != b]
    assert changed == [
        (
            '  telefonos: ["0381 4227700", "0800 555 0199"]',
            "  telefonos: [0381 422-7700, 0800 555-0199, 0381 499-0000]",
        )
    ]
    assert len(updated.splitlines()) == len(commented.splitlines())


def test_xlsx_with_typed_cells(proyecto, tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Nombre de la organización",
            "Tipo",
            "CUIT",
            "Teléfono",
            "Barrio",
            "Descripción",
            "Fecha de verificación",
            "Año de fundación",
            "Latitud",
            "Longitud",
        ]
    )
    sheet.append(
        [
            "Huerta Comunitaria El Ombú",
            "organizacion de base",
            30701234568,
            3814556677,
            "el bosque",
            "Huerta y compostaje con vecinas y vecinos.",
            datetime(2026, 9, 1),
            2012,
            -26.8301,
            "-65,2102",
        ]
    )
    sheet.append(["Coro Barrial", "otra", "", "", "centro", "Coro.", "", "", "", ""])
    path = tmp_path / "planilla.xlsx"
    book.save(path)
    assert importar(proyecto, path) == 1
    out = capsys.readouterr().out
    assert "fila 3: «Descripción»: tiene 5 caracteres; el mínimo es 10." in out
    catalog = load_catalog(proyecto)
    assert catalog.ok, catalog.diagnostics
    data = next(p for p in catalog.profiles if p.slug == "huerta-comunitaria-el-ombu").data
    assert data["identificadores"]["cuit"] == "30-70123456-8"
    assert data["contacto"]["telefonos"] == ["0381 455-6677"]
    assert data["verificado"] == date(2026, 9, 1) and data["fundacion"] == 2012
    assert data["sedes"][0]["ubicacion"] == {"lat": -26.8301, "lon": -65.2102}
    assert data["tipo"] == "organizacion-de-base" and data["sedes"][0]["barrio"] == "el-bosque"


@pytest.mark.parametrize(
    "content, name, message",
    [
        (b"", "vacia.csv", "la planilla está vacía"),
        (b"Columna,Otra\n1,2\n", "sin-nombre.csv", "ninguna columna se reconoce como el nombre"),
        (b"no es excel", "rota.xlsx", "no se pudo abrir"),
        (b"x", "planilla.ods", "no es una planilla .csv ni .xlsx"),
    ],
)
def test_usage_errors_write_nothing(proyecto, tmp_path, capsys, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot(proyecto / "organizaciones")
    assert importar(proyecto, path) == 2
    assert message in capsys.readouterr().err
    assert snapshot(proyecto / "organizaciones") == before
