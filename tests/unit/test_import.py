"""`cmosc importar`: real registries (the SInCA file and its Excel copies, a national file with
homonyms) and the CMOSC's own sheets into validated profiles, row by row, losing nothing."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import Workbook

from cmosc.cli.main import main
from cmosc.profiles.catalog import load_catalog

SHEETS = Path(__file__).parents[1] / "planillas"
UTF8 = SHEETS / "organizaciones-utf8-bom.csv"
LATIN1 = SHEETS / "excel-latin1-puntoycoma.csv"
SINCA = SHEETS / "centros-culturales-sinca.csv"
SINCA_COPIES = (
    SHEETS / "centros-culturales-sinca-cp1252-puntoycoma.csv",
    SHEETS / "centros-culturales-sinca-tabulado.tsv",
    SHEETS / "centros-culturales-sinca.xlsx",
)
NACIONAL = SHEETS / "bibliotecas-populares-nacional.csv"
SINCA_SLUGS = [
    "acuarelas-del-sur.yml",
    "centro-cultural-leticia.yml",
    "el-arbol-de-galeano-club-cultural.yml",
    "fundacion-mate-cocido.yml",
    "fundacion-para-el-desarrollo-de-las-artes-escenicas-fundae.yml",
    "la-casona.yml",
    "la-colorida.yml",
    "la-sonada-epacio-cultural-y-producciones.yml",
    "magic-music-box.yml",
    "puerto-cultural-libertad.yml",
]


@pytest.fixture
def project(tmp_path):
    for name in ("vocabularios", "organizaciones"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "content" / "programas", tmp_path / "content" / "programas")
    return tmp_path


@pytest.fixture
def empty_project(tmp_path):
    """A project without profiles: what an import writes is all there is."""
    shutil.copytree(ROOT / "vocabularios", tmp_path / "vocabularios")
    (tmp_path / "organizaciones").mkdir()
    return tmp_path


def mapa(folder: Path, category: str) -> Path:
    path = folder / "columnas.yml"
    path.write_text(f"valores:\n  categoria:\n    {category}: asociacion-civil\n", encoding="utf-8")
    return path


def written(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def run_import(project, *args) -> int:
    return main(["--raiz", str(project), "importar", *map(str, args)])


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yml"))}


def report_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


LA_COLORIDA = """# yaml-language-server: $schema=../esquema/organizacion.schema.json
nombre: La Colorida
tipo: asociacion-civil
fundacion: 2008
sedes:
  - direccion: Mendoza 2955
    ubicacion:
      lat: -26.820086
      lon: -65.241031
    codigo_postal: '4000'
contacto:
  email: lacolorida@gmail.com
  web: https://www.lacolorida.com.ar
notas_internas: 'Importado de centros-culturales-sinca.csv, fila 1051 · categoria: Centro Cultural · provincia: Tucumán · departamento: Capital · Cod_Loc: 90084010 · id_provincia: 90 · id_departamento: 90084 · Piso: 1° · TipoLatitudLongitud: Precisa · Fuente: Secretaria de Cultura Tucumán / Relevamiento 2017 · Capacidad: 53 · Actualizacion: 2020'
"""


def test_the_real_sinca_registry(empty_project, capsys):
    run_report = empty_project / "filas.csv"
    assert (
        run_import(
            empty_project,
            SINCA,
            "--columnas",
            mapa(empty_project, "Centro Cultural"),
            "--informe",
            run_report,
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.endswith(
        "Resumen: 10 nuevas, 0 actualizadas, 0 sin cambios, 0 omitidas, 1057 fuera del municipio, 0 rechazadas.\n"
    )
    written = snapshot(empty_project / "organizaciones")
    assert sorted(written) == SINCA_SLUGS  # the 10 rows of the city; Yerba Buena, Lules… are not
    assert written["la-colorida.yml"] == LA_COLORIDA
    sonada = written["la-sonada-epacio-cultural-y-producciones.yml"]
    assert "  telefonos: [+54 9 381 633-9865]\n" in sonada  # cod_area 381 + «156339865», a mobile
    assert "fila 1055: omitida: fuera del municipio: la localidad es «Yerba Buena»." in out
    assert "fila 1040: omitida: fuera del municipio: la localidad es «Banda Del Rio Sali»." in out
    rows = report_rows(run_report)
    assert len(rows) == 1067 and [r["fila"] for r in rows[:2]] == ["2", "3"]
    assert sum(r["resultado"] == "fuera del municipio" for r in rows) == 1057
    assert {r["archivo"] for r in rows if r["resultado"] == "nueva"} == {
        f"organizaciones/{s}" for s in SINCA_SLUGS
    }
    catalog = load_catalog(empty_project)
    assert catalog.ok, catalog.diagnostics
    casona = next(p for p in catalog.profiles if p.slug == "la-casona").data
    assert "descripcion" not in casona  # published without one
    assert casona["contacto"] == {
        "telefonos": ["0381 424-6493"],
        "web": "https://www.youtube.com/watch?v=0cwRZhbghD8",
    }


def test_the_real_sinca_registry_without_a_map_says_what_to_paste(empty_project, capsys):
    """A new staff member's first run: other provinces summed, the city's rows rejected only for
    their type, and a `valores:` block that, pasted as printed, imports them."""
    assert run_import(empty_project, SINCA, "--simular") == 1
    out = capsys.readouterr().out
    assert out.count(": rechazada: columna «categoria»: «Centro Cultural»") == 10
    assert out.count("omitida: fuera del municipio") == 8
    assert "aviso" not in out  # the warnings of rows of other provinces are nobody's business here
    assert (
        "  1049 filas de otras provincias, fuera del municipio (para verlas una por una, usá --informe "
        "FILAS.csv): Buenos Aires 338, Ciudad Autónoma de Buenos Aires 296, Santa Fe 85, Córdoba 77,"
    ) in out
    block = out[out.index("valores:\n") : out.index("\nResumen:")]
    assert block == "valores:\n  categoria:\n    Centro Cultural: otra  # 10 filas\n"
    assert "volvé a importar con --columnas mapa.yml:" in out
    (empty_project / "mapa.yml").write_text(block, encoding="utf-8")
    assert run_import(empty_project, SINCA, "--columnas", empty_project / "mapa.yml") == 0
    assert sorted(snapshot(empty_project / "organizaciones")) == SINCA_SLUGS


@pytest.mark.parametrize("copy", SINCA_COPIES, ids=lambda p: p.suffix + ":" + p.stem[-12:])
def test_excel_copies_give_the_same_profiles_and_compare_equal(empty_project, tmp_path_factory, copy, capsys):
    original = tmp_path_factory.mktemp("original")
    shutil.copytree(empty_project / "vocabularios", original / "vocabularios")
    (original / "organizaciones").mkdir()
    columnas = mapa(empty_project, "Centro Cultural")
    assert run_import(original, SINCA, "--columnas", columnas) == 0
    assert run_import(empty_project, copy, "--columnas", columnas) == 0
    expected = snapshot(original / "organizaciones")
    got = snapshot(empty_project / "organizaciones")
    assert {k: v.replace(copy.name, SINCA.name) for k, v in got.items()} == expected
    capsys.readouterr()
    # The copy read over the CSV's profiles: numbers, trailing zeros and dates compare equal.
    assert run_import(original, copy, "--columnas", columnas, "--actualizar") == 0
    assert "Resumen: 0 nuevas, 0 actualizadas, 10 sin cambios" in capsys.readouterr().out
    assert snapshot(original / "organizaciones") == expected


SARMIENTO = """# yaml-language-server: $schema=../esquema/organizacion.schema.json
nombre: Biblioteca Popular Sarmiento
tipo: asociacion-civil
fundacion: 2022-04-03
identificadores:
  conabip: '1021'
sedes:
  - direccion: Av. Sarmiento 1250
    ubicacion:
      lat: -26.8240
      lon: -65.2010
    codigo_postal: '4000'
contacto:
  email: bpsarmiento@ejemplo.org.ar
  telefonos: [0381 422-3344]
notas_internas: 'Importado de bibliotecas-populares-nacional.csv, fila 2 · provincia: Tucumán · departamento: Capital · cod_tel: 381 · categoria: Biblioteca Popular · cod_localidad: 90084010'
"""
SARMIENTO_SUR = """# yaml-language-server: $schema=../esquema/organizacion.schema.json
nombre: Biblioteca Popular Sarmiento
tipo: asociacion-civil
fundacion: 1975-12-31
identificadores:
  conabip: '1187'
sedes:
  - direccion: Lamadrid 2300
    ubicacion:
      lat: -26.8431
      lon: -65.2154
    codigo_postal: '4000'
contacto:
  telefonos: [0381 455-6677]
  web: https://www.bpsarmientosur.ejemplo.org.ar
notas_internas: 'Importado de bibliotecas-populares-nacional.csv, fila 3 · provincia: Tucumán · departamento: Capital · cod_tel: 381 · categoria: Biblioteca Popular · cod_localidad: 90084010 · piso: 2'
"""
TERAN = """# yaml-language-server: $schema=../esquema/organizacion.schema.json
nombre: Biblioteca Popular Juan B. Terán
tipo: asociacion-civil
sedes:
  - direccion: San Juan 1100
    ubicacion:
      lat: -26.8290
      lon: -65.2060
notas_internas: 'Importado de bibliotecas-populares-nacional.csv, fila 8 · provincia: Tucumán · departamento: Capital · categoria: Biblioteca Popular · cod_localidad: 90084010'
"""


def test_national_file_with_homonyms_placeholders_and_neighbours(empty_project, capsys):
    assert (
        run_import(empty_project, NACIONAL, "--columnas", mapa(empty_project, "Biblioteca Popular")) == 1
    )  # row 9 has no name
    out = capsys.readouterr().out
    written = snapshot(empty_project / "organizaciones")
    assert sorted(written) == [
        "biblioteca-popular-alberdi.yml",
        "biblioteca-popular-juan-b-teran.yml",
        "biblioteca-popular-sarmiento-2.yml",
        "biblioteca-popular-sarmiento.yml",
    ]
    # Two libraries of the same name in the city: two profiles, listed for review, never merged.
    assert written["biblioteca-popular-sarmiento.yml"] == SARMIENTO
    assert written["biblioteca-popular-sarmiento-2.yml"] == SARMIENTO_SUR
    assert (
        "  fila 3: organizaciones/biblioteca-popular-sarmiento-2.yml creada.\n      se parece a fila 2" in out
    )
    # Placeholders (s/d, sin dato, no tiene, N/A, null, 0, -) in every optional column are empty.
    assert written["biblioteca-popular-juan-b-teran.yml"] == TERAN
    assert (
        "aviso: columna «fecha_fundacion», valor «3/4/22»: se leyó como día/mes/año (3 de abril de 2022)"
        in out
    )
    for line in (
        "fila 4: omitida: fuera del municipio: la localidad es «Yerba Buena».",
        "fila 7: omitida: repite la organización de la fila 6 (mismo número de CONABIP).",
        "fila 9: rechazada: la fila no tiene nombre: completá la columna del nombre de la organización.",
        "fila 10: omitida: fuera del municipio: la localidad es «Banda del Río Salí».",
        "fila 11: omitida: fuera del municipio: las coordenadas (-26.8340, -65.1650) caen fuera del municipio.",
    ):
        assert f"  {line}\n" in out
    assert "  telefonos: [0381 433-0000]\n" in written["biblioteca-popular-alberdi.yml"]  # «Tucumán», Capital
    # Department «Capital» of Córdoba: another province, summed rather than listed.
    assert (
        "  1 filas de otras provincias, fuera del municipio (para verlas una por una, usá --informe FILAS.csv): Córdoba 1.\n"
        in out
    )
    assert "fila 5:" not in out
    assert out.endswith(
        "Resumen: 4 nuevas, 0 actualizadas, 0 sin cambios, 1 omitidas, 4 fuera del municipio, 1 rechazadas.\n"
    )
    assert load_catalog(empty_project).ok


def test_actualizar_over_a_homonym_touches_only_its_own_profile(empty_project, tmp_path, capsys):
    columnas = mapa(empty_project, "Biblioteca Popular")
    run_import(empty_project, NACIONAL, "--columnas", columnas)
    folder = empty_project / "organizaciones"
    sur = folder / "biblioteca-popular-sarmiento-2.yml"
    sur.write_text(
        sur.read_text(encoding="utf-8").replace("notas_internas:", "verificado: 2026-06-01\nnotas_internas:"),
        encoding="utf-8",
    )
    before = snapshot(folder)
    cambios = written(
        tmp_path / "cambios.csv",
        "nombre,nro_conabip,mail,telefono,localidad,domicilio\n"
        "Biblioteca Popular Sarmiento,1187,sur@ejemplo.org.ar,,San Miguel de Tucumán,Lamadrid 2300\n"
        "Biblioteca Popular Sarmiento,,otra@ejemplo.org.ar,,Yerba Buena,Av. Aconquija 1500\n"
        "Biblioteca Popular Sarmiento,,,,,Av. Sarmiento 1250\n"
        "Biblioteca Popular Sarmiento,,sin-direccion@ejemplo.org.ar,,,\n",
    )
    capsys.readouterr()
    assert run_import(empty_project, cambios, "--actualizar", "--informe", tmp_path / "filas.csv") == 1
    out = capsys.readouterr().out
    after = snapshot(folder)
    # The other Sarmiento (same name, other address) is exactly as it was.
    assert after["biblioteca-popular-sarmiento.yml"] == before["biblioteca-popular-sarmiento.yml"]
    today = date.today().isoformat()
    assert after["biblioteca-popular-sarmiento-2.yml"] == before[
        "biblioteca-popular-sarmiento-2.yml"
    ].replace(
        "contacto:\n  telefonos:",
        "contacto:\n  email: sur@ejemplo.org.ar\n  telefonos:",
    ).replace(
        "verificado: 2026-06-01\n", f"verificado: 2026-06-01\nsin_verificar_desde: {today}\n"
    )  # nothing removed for the empty phone cell; the verified profile now asks for a new check
    assert (
        "  fila 2: organizaciones/biblioteca-popular-sarmiento-2.yml actualizada.\n"
        "      mail: «» → «sur@ejemplo.org.ar»\n"
    ) in out
    assert "  fila 3: omitida: fuera del municipio: la localidad es «Yerba Buena».\n" in out
    assert (
        "  fila 4: organizaciones/biblioteca-popular-sarmiento.yml ya está al día (mismo nombre y dirección).\n"
        in out
    )
    # Same name, no address: merged into neither; as a new organization it lacks a type.
    assert "  fila 5: rechazada: la fila no tiene tipo" in out
    assert "se parece a organizaciones/biblioteca-popular-sarmiento.yml" in out
    rows = report_rows(tmp_path / "filas.csv")
    assert rows[0]["resultado"] == "actualizada" and rows[0]["cambios"].startswith(
        "mail: «» → «sur@ejemplo.org.ar»"
    )
    assert load_catalog(empty_project).ok


def test_a_bad_optional_cell_costs_that_cell(empty_project, tmp_path, capsys):
    sheet = written(
        tmp_path / "planilla.csv",
        "Nombre,Tipo,Correo,Teléfono,Fundación,Web,Latitud,Longitud,Domicilio\n"
        "Club Barrial Las Piedras,Otra,club(at)ejemplo,12,2099,javascript:alert(1),26.82,-65.20,Las Piedras 900\n",
    )
    assert run_import(empty_project, sheet) == 0
    out = capsys.readouterr().out
    text = (empty_project / "organizaciones" / "club-barrial-las-piedras.yml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../esquema/organizacion.schema.json\n"
        "nombre: Club Barrial Las Piedras\ntipo: otra\nsedes:\n  - direccion: Las Piedras 900\n"
        "notas_internas: Importado de planilla.csv, fila 2\n"
    )
    for column, value in (
        ("Correo", "club(at)ejemplo"),
        ("Teléfono", "12"),
        ("Fundación", "2099"),
        ("Web", "javascript:alert(1)"),
    ):
        assert f"aviso: columna «{column}», valor «{value}»:" in out
    assert "no es un punto de la Argentina (¿signo o latitud y longitud invertidas?)" in out


def test_utf8_csv_reports_every_row(project, capsys):
    before = snapshot(project / "organizaciones")
    assert run_import(project, UTF8) == 1  # some rows need attention
    out = capsys.readouterr().out
    after = snapshot(project / "organizaciones")
    assert sorted(set(after) - set(before)) == [
        "merendero-comunitario-los-girasol.yml",
        "merendero-los-ceibos.yml",
    ]
    assert all(after[name] == text for name, text in before.items())  # nothing existing was touched
    assert "columna «CUIT», valor «30-71234567-2»: el CUIT «30-71234567-2» no es válido" in out
    assert "fila 4: rechazada: no tiene dirección ni contacto" in out  # a description is not required
    assert "fila 5: rechazada: columna «Tipo»: «Cooperativa de trabajo» no es un tipo válido" in out
    assert "(traducilo con «valores:» en el archivo de --columnas)." in out
    assert "columna «Barrio», valor «Barrio Inventado»: «Barrio Inventado» no es un barrio válido" in out
    assert (
        "fila 6: omitida (organizaciones/fundacion-la-posada.yml, mismo CUIT): ya existe con otros datos"
        in out
    )
    assert "      Nombre de la organización: «Fundación La Posada Solidaria» → «Fundación La Posada»" in out
    assert "fila 8: organizaciones/merendero-comunitario-los-girasol.yml creada." in out
    assert "se parece a organizaciones/merendero-los-girasoles.yml" in out
    assert "«Columna rara»" in out
    catalog = load_catalog(project)
    assert catalog.ok, catalog.diagnostics
    ceibos = next(p for p in catalog.profiles if p.slug == "merendero-los-ceibos").data
    assert ceibos["sigla"] == "NO" and ceibos["tipo"] == "organizacion-comunitaria"
    assert ceibos["identificadores"]["cuit"] == "30-71234567-1"
    assert ceibos["areas"] == ["ninez", "alimentacion"]
    assert ceibos["sedes"] == [{"direccion": "Calle Los Ceibos 120", "barrio": "villa-lujan"}]
    assert ceibos["contacto"]["telefonos"] == ["0381 400-0000", "0381 555-0123"]
    assert ceibos["verificado"] == date(2026, 10, 1)
    assert ceibos["notas_internas"] == (
        "Contacto: Marta (no publicar)\nImportado de organizaciones-utf8-bom.csv, fila 2 · Columna rara: x"
    )
    text = after["merendero-los-ceibos.yml"]
    assert text.startswith("# yaml-language-server: $schema=../esquema/organizacion.schema.json\n")
    assert "sigla: 'NO'\n" in text  # quoted, so no other YAML reader takes it for «false»


def test_second_run_changes_nothing(project, capsys):
    run_import(project, UTF8)
    first = snapshot(project / "organizaciones")
    capsys.readouterr()
    run_import(project, UTF8)
    assert snapshot(project / "organizaciones") == first
    out = capsys.readouterr().out
    assert "Resumen: 0 nuevas" in out and "merendero-los-ceibos.yml ya está al día" in out


def test_simular_writes_nothing(project, capsys):
    before = snapshot(project / "organizaciones")
    run_import(project, UTF8, "--simular")
    assert snapshot(project / "organizaciones") == before
    out = capsys.readouterr().out
    assert "simulación: no se escribió nada" in out
    assert "fila 2: organizaciones/merendero-los-ceibos.yml se crearía." in out


def test_latin1_semicolon_csv_with_a_column_mapping(project, capsys):
    assert run_import(project, LATIN1, "--columnas", SHEETS / "columnas.yml") == 0
    catalog = load_catalog(project)
    assert catalog.ok, catalog.diagnostics
    data = {p.slug: p.data for p in catalog.profiles}
    nandu = data["asociacion-vecinal-nandu"]
    assert nandu["nombre"] == "Asociación Vecinal Ñandú"
    assert nandu["descripcion"].startswith("Copa de leche")
    assert nandu["contacto"]["telefonos"] == ["0381 424-1991"]
    assert nandu["fundacion"] == 1998
    assert data["pena-folklorica-el-anoranzas"]["fundacion"] == date(2005, 3, 12)


def test_map_targets_are_case_insensitive_and_accept_the_guide_labels(empty_project, tmp_path, capsys):
    columnas = written(
        tmp_path / "columnas.yml",
        "N° de registro nacional: CENOC\nMatrícula: identificadores.INAES\nCel: Teléfonos\n"
        "Rubro: TIPO\nfijos:\n  Localidad: San Miguel de Tucumán\n",
    )
    sheet = written(
        tmp_path / "planilla.csv",
        "Nombre;N° de registro nacional;Matrícula;Cel;Rubro\nCooperativa El Hornero;1234;INAES 5678;381 5551234;cooperativa\n",
        encoding="cp1252",
    )
    assert run_import(empty_project, sheet, "--columnas", columnas) == 0
    text = (empty_project / "organizaciones" / "cooperativa-el-hornero.yml").read_text(encoding="utf-8")
    assert "identificadores:\n  cenoc: '1234'\n  inaes: INAES 5678\n" in text
    assert "telefonos: [+54 9 381 555-1234]" in text or "telefonos: [0381 555-1234]" in text
    bad = written(tmp_path / "malo.yml", "Cel: telefonos fijos\n")
    assert run_import(empty_project, sheet, "--columnas", bad) == 2
    assert "malo.yml:1:6: «telefonos fijos» no es un campo que se pueda importar" in capsys.readouterr().err


def test_actualizar_adds_and_shows_changes_and_keeps_comments(project, tmp_path, capsys):
    path = project / "organizaciones" / "fundacion-la-posada.yml"
    original = path.read_text(encoding="utf-8")
    commented = original.replace("sigla: La Posada\n", "sigla: La Posada  # así la conocen en el barrio\n")
    path.write_text(commented, encoding="utf-8")
    sheet = written(
        tmp_path / "cambios.csv",
        "Nombre,CUIT,Teléfono,Barrio\n"
        "Fundación La Posada Solidaria,30-65756503-9,0381 422-7700 / 0800 555 0199 / 381 4990000,Barrio Sur\n",
    )
    assert run_import(project, sheet) == 0  # omitted with a stated reason
    assert path.read_text(encoding="utf-8") == commented  # no overwrite without --actualizar
    capsys.readouterr()
    assert run_import(project, sheet, "--actualizar") == 0
    out = capsys.readouterr().out
    assert (
        "      Teléfono: «0381 4227700, 0800 555 0199» → «0381 4227700, 0800 555 0199, 0381 499-0000»" in out
    )
    updated = path.read_text(encoding="utf-8")
    assert "# así la conocen en el barrio" in updated
    changed = [line for line in updated.splitlines() if line not in commented.splitlines()]
    assert changed == [
        '  telefonos: ["0381 4227700", "0800 555 0199", 0381 499-0000]',
        f"sin_verificar_desde: {date.today().isoformat()}",
    ]


def test_xlsx_with_typed_cells(project, tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Nombre de la organización", "Tipo", "CUIT", "Teléfono", "Barrio", "Descripción",
         "Fecha de verificación", "Año de fundación", "Latitud", "Longitud"]
    )  # fmt: skip
    sheet.append(
        ["Huerta Comunitaria El Ombú", "organizacion de base", 30701234568, 3814556677, "el bosque",
         "Huerta y compostaje con vecinas y vecinos.", datetime(2026, 9, 1), 2012, -26.8301, "-65,2102"]
    )  # fmt: skip
    sheet.append(["Coro Barrial", "otra", "", "", "centro", "Coro.", "", "", "", ""])
    path = tmp_path / "planilla.xlsx"
    book.save(path)
    assert run_import(project, path) == 1
    out = capsys.readouterr().out
    assert "columna «Descripción», valor «Coro.»: tiene 5 caracteres; el mínimo es 10" in out
    assert "fila 3: rechazada: no tiene dirección ni contacto" in out
    catalog = load_catalog(project)
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
def test_usage_errors_write_nothing(project, tmp_path, capsys, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot(project / "organizaciones")
    assert run_import(project, path) == 2
    assert message in capsys.readouterr().err
    assert snapshot(project / "organizaciones") == before


def test_an_official_outline_as_geojson_decides_what_is_outside(empty_project, capsys):
    """`CMOSC_MUNICIPIO_CONTORNO` may name a GeoJSON file (an official boundary, lon/lat order)."""
    square = [[-65.25, -26.83], [-65.23, -26.83], [-65.23, -26.81], [-65.25, -26.81], [-65.25, -26.83]]
    feature = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [square]}}
    (empty_project / "limite.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8"
    )
    (empty_project / "pelicanconf.py").write_text(
        "from pathlib import Path\n"
        "CMOSC_DATOS_RAIZ = str(Path(__file__).resolve().parent)\n"
        'CMOSC_MUNICIPIO_CONTORNO = "limite.geojson"\n',
        encoding="utf-8",
    )
    assert run_import(empty_project, SINCA, "--columnas", mapa(empty_project, "Centro Cultural")) == 0
    out = capsys.readouterr().out
    assert "fila 1051: organizaciones/la-colorida.yml creada." in out  # Mendoza 2955, inside
    # The city's other nine rows fall outside that small square: outside the municipality.
    assert out.count("caen fuera del municipio") == 9
    assert out.endswith(
        "Resumen: 1 nuevas, 0 actualizadas, 0 sin cambios, 0 omitidas, 1066 fuera del municipio, 0 rechazadas.\n"
    )
    (empty_project / "limite.geojson").unlink()
    assert run_import(empty_project, SINCA, "--simular") == 2  # a missing boundary file: said, no traceback
    assert (
        "cmosc: error en pelicanconf.py: CMOSC_MUNICIPIO_CONTORNO: no existe el archivo «"
        in capsys.readouterr().err
    )


def test_an_unreadable_pelicanconf_is_said_without_a_traceback(tmp_path, capsys):
    for name, conf in (
        ("importa-algo-que-no-existe", "import modulo_inexistente\n"),
        ("con-error", "CMOSC_NOMBRE = (\n"),
    ):
        project = tmp_path / name
        (project / "organizaciones").mkdir(parents=True)
        (project / "pelicanconf.py").write_text(conf, encoding="utf-8")
        assert run_import(project, SINCA, "--simular") == 2
        err = capsys.readouterr().err
        assert err.startswith("cmosc: error en pelicanconf.py: no se puede leer (") and "Traceback" not in err
