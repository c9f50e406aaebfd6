"""Open data: the files in /datos/, built by Pelican and by `cmosc exportar`, are the same
and contain exactly the published fields."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import time
import uuid
import zipfile
from dataclasses import replace
from datetime import date, datetime
from functools import partial

import openpyxl
import pytest
from conftest import REFERENCE_DATE, ROOT, copy_project, exported
from openpyxl.utils import get_column_letter

from cmosc.model.organization import build_organizations
from cmosc.model.privacy import published_paths
from cmosc.opendata import Dataset, export_all, fragments, licence_of, render_csv
from cmosc.opendata.columns import SEPARATOR, columnas
from cmosc.opendata.csv_export import neutralize
from cmosc.opendata.hsds_export import ids
from cmosc.opendata.xlsx_export import ZIP_LEVEL, render_xlsx
from cmosc.profiles.catalog import load_catalog
from cmosc.profiles.schema import LAT_RANGE, LON_RANGE
from cmosc.site.context import Site

TODAY = date.fromisoformat(REFERENCE_DATE)
FILES = [
    "organizaciones.csv",
    "organizaciones.json",
    "organizaciones.geojson",
    "organizaciones.xlsx",
    "hsds.json",
    "datapackage.json",
]
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    catalog = load_catalog(ROOT, today=TODAY)
    assert catalog.ok
    return Dataset(build_organizations(catalog, TODAY), catalog.vocabularies)


def csv_of(dataset: Dataset) -> bytes:
    return b"".join(render_csv(dataset))


def xlsx_of(dataset: Dataset) -> bytes:
    return b"".join(render_xlsx(dataset))


def read_csv(raw: bytes) -> list[dict]:
    assert raw.startswith(b"\xef\xbb\xbf"), "el CSV debe empezar con BOM para Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_every_file_is_published(built_site):
    for name in FILES:
        assert (built_site / "datos" / name).stat().st_size > 0, name
    assert (built_site / "datos" / "index.html").is_file()


def test_columns_are_the_published_fields_in_schema_order(built_site):
    header = next(
        csv.reader(io.StringIO((built_site / "datos" / "organizaciones.csv").read_text("utf-8-sig")))
    )
    expected = ["slug", "url"]
    for path in published_paths():
        expected.append(path.replace("[]", ""))
    expected.append("identificadores.registros")  # CONABIP, INAES… as «Nombre: número»
    assert [h for h in header if not h.endswith(("_nombre", "_osm"))] == expected
    # Hours have an OpenStreetMap companion right after them.
    for path in ("sedes.horarios", "actividades.horario"):
        assert header[header.index(path) + 1] == path + "_osm"
    assert "notas_internas" not in header
    assert header == [c.nombre for c in columnas()]


def test_csv_rows(built_site, dataset):
    rows = read_csv((built_site / "datos" / "organizaciones.csv").read_bytes())
    assert [r["slug"] for r in rows] == [o.slug for o in dataset.organizations]
    girasoles = next(r for r in rows if r["slug"] == "merendero-los-girasoles")
    assert girasoles["url"] == "http://localhost:8000/organizaciones/merendero-los-girasoles/"
    assert girasoles["tipo"] == "organizacion-comunitaria"
    assert girasoles["tipo_nombre"] == "Organización comunitaria"
    assert girasoles["areas"] == SEPARATOR.join(["alimentacion", "ninez", "educacion"])
    # Sede columns line up item by item.
    assert girasoles["sedes.direccion"].split(SEPARATOR) == [
        "Pasaje Los Ceibos 1150",
        "Av. Juan B. Justo y calle 25 de Mayo",
    ]
    assert girasoles["sedes.accesible"].split(SEPARATOR) == ["sí", "no"]
    assert girasoles["sedes.ubicacion.lat"].split(SEPARATOR) == ["-26.8108", "-26.8121"]
    assert girasoles["contacto.telefonos"].split(SEPARATOR) == ["0381 421-3456", "+54 9 381 555-0123"]
    assert girasoles["verificado"] == "2026-10-14"
    assert girasoles["logo"] == "http://localhost:8000/organizaciones/merendero-los-girasoles/logo.png"
    assert girasoles["referentes.nombre"] == "Norma Beatriz Quiroga | Luciano Ferreyra"
    # An optional value missing in one activity keeps the others in place.
    latidos = next(r for r in rows if r["slug"] == "fundacion-latidos")
    assert latidos["actividades.horario"].split(SEPARATOR) == ["", "Dos veces por año, en abril y en octubre"]
    assert {r["estado"] for r in rows} == {"activa", "inactiva"}


def test_json_keeps_the_structure(built_site, dataset):
    data = json.loads((built_site / "datos" / "organizaciones.json").read_text("utf-8"))
    assert data["licencia"]["id"] == "CC-BY-4.0"
    assert data["actualizado"] == max(o.verificado for o in dataset.organizations if o.verificado).isoformat()
    orgs = {o["slug"]: o for o in data["organizaciones"]}
    assert len(orgs) == len(dataset.organizations)
    assert orgs["merendero-los-girasoles"]["sedes"][0]["ubicacion"] == {"lat": -26.8108, "lon": -65.1947}
    assert all("notas_internas" not in o for o in orgs.values())
    assert {"tipos", "areas", "barrios", "poblaciones", "necesidades"} <= set(data["vocabularios"])


def test_geojson_points_are_lon_lat(built_site, dataset):
    data = json.loads((built_site / "datos" / "organizaciones.geojson").read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    sedes = sum(1 for o in dataset.organizations for s in o.sedes if s.lat is not None)
    assert len(data["features"]) == sedes > 0
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]
    assert len({f["id"] for f in data["features"]}) == len(data["features"])


def test_xlsx_has_the_csv_rows(built_site):
    rows = read_csv((built_site / "datos" / "organizaciones.csv").read_bytes())
    book = openpyxl.load_workbook(built_site / "datos" / "organizaciones.xlsx")
    sheet = book["Organizaciones"]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == list(rows[0].keys())
    assert len(values) == len(rows) + 1
    dated = list(values[0]).index("verificado")
    for row, cells in zip(rows, values[1:]):
        if row["verificado"]:
            assert isinstance(cells[dated], datetime), "verificado es una celda de fecha, no texto"
        as_text = [
            v.date().isoformat() if isinstance(v, datetime) else "" if v is None else str(v) for v in cells
        ]
        assert as_text == [row[k] for k in row], row["slug"]
    assert [c.value for c in book["Campos"]["A"][1:]] == [c.nombre for c in columnas()]
    # Streaming readers size rows by <dimension>: every row as long as the header.
    streamed = openpyxl.load_workbook(built_site / "datos" / "organizaciones.xlsx", read_only=True)
    assert (
        streamed["Organizaciones"].calculate_dimension()
        == f"A1:{get_column_letter(len(rows[0]))}{len(values)}"
    )
    assert {len(r) for r in streamed["Organizaciones"].iter_rows(values_only=True)} == {len(rows[0])}


def test_xlsx_is_byte_identical_across_runs(dataset):
    first = xlsx_of(dataset)
    time.sleep(1.1)  # a zip or property stamped with the clock would differ now
    assert xlsx_of(dataset) == first


def test_xlsx_is_a_valid_workbook_with_frozen_header_and_properties(dataset):
    """Written without openpyxl: openpyxl reads it back with its styles, pane and properties."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx_of(dataset)))
    assert book.sheetnames == ["Organizaciones", "Campos"]
    sheet = book["Organizaciones"]
    assert sheet.freeze_panes == "C2"
    assert all(cell.font.b for cell in sheet[1]) and not sheet["A2"].font.b
    assert book.properties.title == dataset.titulo
    assert book.properties.creator == book.properties.lastModifiedBy == dataset.publicador
    assert book.properties.created.date() == book.properties.modified.date() == dataset.actualizado
    with zipfile.ZipFile(io.BytesIO(xlsx_of(dataset))) as parts:
        assert {i.date_time for i in parts.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_datapackage_describes_the_files(built_site):
    package = json.loads((built_site / "datos" / "datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["path"] for r in package["resources"]] == FILES[:-1]
    header = next(
        csv.reader(io.StringIO((built_site / "datos" / "organizaciones.csv").read_text("utf-8-sig")))
    )
    for resource in package["resources"]:
        content = (built_site / "datos" / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert re.fullmatch(r"[a-z0-9._-]+", resource["name"])
    csv_resource = package["resources"][0]
    assert [f["name"] for f in csv_resource["schema"]["fields"]] == header
    assert csv_resource["schema"]["primaryKey"] == ["slug"]
    assert len({r["name"] for r in package["resources"]}) == len(package["resources"])


def test_xlsx_by_parts_is_the_zip_of_its_whole_parts(dataset):
    """The sheet is compressed a row at a time as it is made: the same bytes as compressing it
    whole (deflate's output does not depend on how its input was split)."""
    by_parts = xlsx_of(dataset)
    whole = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(by_parts)) as read, zipfile.ZipFile(whole, "w") as written:
        for entry in read.infolist():
            written.writestr(entry, read.read(entry), compresslevel=ZIP_LEVEL)
    assert whole.getvalue() == by_parts


def test_export_all_wants_each_file_whole_before_the_next(dataset):
    """datapackage.json describes the files by the parts that went by: a file skipped would be
    described wrong."""
    with pytest.raises(RuntimeError, match="entero antes del siguiente"):
        dict(export_all(Dataset(dataset.organizations[:3], dataset.vocabularios)))


def test_the_workbook_is_made_in_the_csvs_pass(dataset):
    """export_all makes the XLSX rows as the CSV's lines are taken: without them it refuses."""
    files = export_all(Dataset(dataset.organizations[:3], dataset.vocabularios))
    untaken = dict(next(files) for _ in range(4))  # the CSV, JSON, GeoJSON and XLSX, none taken
    with pytest.raises(RuntimeError, match="filas de todas las organizaciones"):
        b"".join(untaken["organizaciones.xlsx"])


def test_hsds_objects_have_required_fields_and_links(built_site, dataset):
    data = json.loads((built_site / "datos" / "hsds.json").read_text("utf-8"))
    assert data["hsds_version"] == "3.0"
    orgs = {o["id"]: o for o in data["organizations"]}
    locations = {loc["id"]: loc for loc in data["locations"]}
    assert len(orgs) == len(dataset.organizations)
    for org in orgs.values():
        assert UUID.match(org["id"]) and org["name"] and org["description"]
        for identifier in org.get("organization_identifiers", []):
            assert identifier["identifier_type"] and identifier["identifier"] and UUID.match(identifier["id"])
        for phone in org.get("phones", []):
            assert phone["number"] and UUID.match(phone["id"])
    for loc in locations.values():
        assert loc["location_type"] == "physical" and loc["organization_id"] in orgs
        for address in loc.get("addresses", []):
            for key in ("address_1", "city", "state_province", "postal_code", "country", "address_type"):
                assert address[key], key
    actividades = sum(len(o.actividades or []) for o in dataset.organizations)
    assert len(data["services"]) == actividades > 0
    for service in data["services"]:
        assert service["name"] and service["status"] in ("active", "inactive")
        assert service["organization_id"] in orgs
        for link in service.get("service_at_locations", []):
            assert link["location_id"] in locations
    ids = [x["id"] for kind in ("organizations", "locations", "services") for x in data[kind]]
    assert len(ids) == len(set(ids))


def test_hsds_ids_are_uuid5_of_the_parts_in_the_address_namespace():
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://directorio.ejemplo.gob.ar/")
    uid = ids("https://directorio.ejemplo.gob.ar")
    for parts in [("organizacion", "fundacion-latidos"), ("horario-sede", "ñandú", 2, 1), ("x",)]:
        assert uid(*parts) == str(uuid.uuid5(namespace, ":".join(map(str, parts))))


def test_facet_csvs_for_every_value_with_a_page(built_site, dataset):
    """Every value some organization has gets its CSV beside its page; no page, no CSV."""
    used = set()
    for org in dataset.organizations:
        used |= (
            {("tipos", org.tipo.id)}
            | {("areas", a.id) for a in org.areas}
            | {("barrios", b.id) for b in org.barrios}
            | {("poblaciones", p.id) for p in org.poblacion}
            | {("necesidades", n.tipo.id) for n in org.necesidades}
            | {("ods", str(n)) for n in org.ods or []}
        )
    written = {(p.parent.parent.name, p.parent.name) for p in built_site.glob("*/*/organizaciones.csv")}
    assert written == used
    for facet, value in used:
        assert (built_site / facet / value / "index.html").is_file(), (facet, value)
    rows = read_csv((built_site / "tipos" / "fundacion" / "organizaciones.csv").read_bytes())
    expected = [o.slug for o in dataset.organizations if o.activa and o.tipo.id == "fundacion"]
    assert [r["slug"] for r in rows] == expected and expected
    rows = read_csv((built_site / "barrios" / "villa-lujan" / "organizaciones.csv").read_bytes())
    assert "merendero-los-girasoles" in [r["slug"] for r in rows]
    inactive = {o.slug for o in dataset.organizations if not o.activa}
    for path in built_site.glob("*/*/organizaciones.csv"):
        assert not inactive & {r["slug"] for r in read_csv(path.read_bytes())}, path


def test_render_csv_for_any_list(dataset):
    some = dataset.con(dataset.organizations[:2])
    rows = read_csv(csv_of(some))
    assert [r["slug"] for r in rows] == [o.slug for o in dataset.organizations[:2]]
    assert read_csv(csv_of(dataset.con([]))) == []


def test_open_data_page(built_site, dataset):
    page = (built_site / "datos" / "index.html").read_text("utf-8")
    newest = max(o.verificado for o in dataset.organizations if o.verificado)
    from cmosc.site.filters import long_date

    assert long_date(newest) in page
    assert "Creative Commons Atribución 4.0 Internacional (CC-BY-4.0)" in page
    assert "Ley 25.326" in page
    for name in FILES:
        assert f'href="/datos/{name}"' in page, name
    for col in columnas():
        assert f"<code>{col.nombre}</code>" in page


def test_licence_is_configurable(dataset):
    licence = licence_of(
        {
            "id": "ODbL-1.0",
            "titulo": "Open Database License",
            "url": "https://opendatacommons.org/licenses/odbl/",
        }
    )
    custom = Dataset(dataset.organizations, dataset.vocabularios, licence)
    files = exported(custom)
    assert json.loads(files["datapackage.json"])["licenses"][0]["name"] == "ODbL-1.0"
    assert json.loads(files["organizaciones.json"])["licencia"]["titulo"] == "Open Database License"


def test_cli_writes_the_same_files_as_the_site(built_site, tmp_path):
    env = {"CMOSC_FECHA_REFERENCIA": REFERENCE_DATE, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "cmosc.cli.main", "--raiz", str(ROOT), "exportar", "--destino", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "6 archivos de datos abiertos" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (built_site / "datos" / name).read_bytes(), name


def test_cli_refuses_invalid_data(tmp_path):
    project = copy_project(tmp_path / "proyecto")
    (project / "organizaciones" / "rota.yml").write_text(
        "nombre: Rota\ntipo: inexistente\n", encoding="utf-8"
    )
    target = tmp_path / "datos"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cmosc.cli.main",
            "--raiz",
            str(project),
            "exportar",
            "--destino",
            str(target),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "organizaciones/rota.yml:2:7: error: tipo:" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd|x", "'+cmd|x"),
        ("-2+3+cmd", "'-2+3+cmd"),
        ("+54 9 381 555-0123", "+54 9 381 555-0123"),
        ("-26.8108", "-26.8108"),
        ("Texto común", "Texto común"),
    ],
)
def test_csv_neutralizes_formulas(value, expected):
    assert neutralize(value) == expected


def test_xlsx_never_writes_formulas(dataset):
    org = dataset.organizations[0]
    data = dict(org.data, nombre="=1+1", resumen='=HYPERLINK("http://x","y")')
    fake = type(org)(
        **{**{f: getattr(org, f) for f in org.__dataclass_fields__}, "data": data, "slug": "formulas"}
    )
    book = openpyxl.load_workbook(io.BytesIO(xlsx_of(dataset.con([fake]))))
    sheet = book["Organizaciones"]
    cells = {c.value: c.data_type for c in sheet[2]}
    assert cells["=1+1"] == "s"
    assert cells['=HYPERLINK("http://x","y")'] == "s"


def test_background_writer_writes_and_reports_failures(tmp_path):
    from cmosc.site.background import Background, FileParts

    ok = Background(
        lambda: iter([FileParts("datos/a.csv", [b"x,", b"y\r\n"]), FileParts("b/c.csv", [])]), tmp_path
    )
    assert ok.result() == [
        ("datos/a.csv", 5, hashlib.sha256(b"x,y\r\n").digest()),
        ("b/c.csv", 0, hashlib.sha256(b"").digest()),
    ]
    assert (tmp_path / "datos" / "a.csv").read_bytes() == b"x,y\r\n"

    def broken():
        yield FileParts("datos/d.csv", [b"1"])
        raise ValueError("exportador roto")

    with pytest.raises(RuntimeError, match="exportador roto"):
        Background(broken, tmp_path).result()


def test_download_macro_points_at_the_facet_csv(built_site, dataset):
    from jinja2 import Environment, FileSystemLoader

    from cmosc.site.context import Site
    from cmosc.site.pages.opendata import facet_members

    env = Environment(loader=FileSystemLoader(str(ROOT / "theme" / "templates")), autoescape=True)
    macro = env.get_template("macros/descargas.html").module.enlace_csv
    site = Site(dataset.organizations, dataset.vocabularios, TODAY)
    env.globals["SITEURL"] = ""
    for facet, value in facet_members(site):
        html = str(macro(facet, value))
        href = re.search(r'href="([^"]+\.csv)"', html).group(1)
        assert (built_site / href.lstrip("/")).is_file(), href
        assert "Descargar esta lista (CSV)" in html


def test_a_profile_without_description_in_every_export(built_site):
    slug = "biblioteca-popular-rincon-de-lectura"
    row = next(
        r for r in read_csv((built_site / "datos" / "organizaciones.csv").read_bytes()) if r["slug"] == slug
    )
    assert row["descripcion"] == "" and row["identificadores.registros"] == "CONABIP: 4021"
    assert row["sedes.codigo_postal"] == "4000" and row["sedes.localidad"] == ""
    assert "notas_internas" not in row
    org = next(
        o
        for o in json.loads((built_site / "datos" / "organizaciones.json").read_text("utf-8"))[
            "organizaciones"
        ]
        if o["slug"] == slug
    )
    assert "descripcion" not in org and org["identificadores"] == {"conabip": "4021"}
    hsds = json.loads((built_site / "datos" / "hsds.json").read_text("utf-8"))
    entry = next(o for o in hsds["organizations"] if o["name"] == "Biblioteca Popular Rincón de Lectura")
    assert entry["description"] == "Asociación civil"  # HSDS requires one: the type stands in
    assert entry["organization_identifiers"][0]["identifier_type"] == "CONABIP"


def _exports(organizations, vocabularies) -> tuple[Dataset, dict[str, bytes]]:
    """Every export, and CSVs of a few subsets (as the facet CSVs are)."""
    data = Dataset(organizations, vocabularies, base_url="https://ejemplo.org")
    data.fragments.lasting = True  # as under `cmosc servir`
    files = exported(data)
    for start in range(3):
        files[f"parte-{start}.csv"] = csv_of(data.con(organizations[start::3]))
    return data, files


def test_kept_fragments_give_the_bytes_of_a_clean_build(dataset):
    """`cmosc servir`: a rebuild after one profile changed serializes only that organization
    again, and every file is byte for byte the one a clean build writes."""
    orgs, vocabularies = dataset.organizations, dataset.vocabularios
    fragments.forget()
    try:
        first, _ = _exports(orgs, vocabularies)
        first.fragments.remember(orgs, first.fragments.new(), [])
        name = orgs[2].nombre + " (editada)"
        edited = replace(orgs[2], nombre=name, data={**orgs[2].data, "nombre": name})
        # The first organization gone too: every later XLSX row moves up one.
        later = [orgs[1], edited, *orgs[3:]]
        warm, files = _exports(later, vocabularies)
        assert set(warm.fragments.new()[0]) == {id(edited)}
        warm.fragments.remember(later, warm.fragments.new(), [])
        fragments.forget()
        clean, clean_files = _exports(later, vocabularies)
        assert len(clean.fragments.new()[0]) == len(later)
        assert files.keys() == clean_files.keys()
        for file, content in clean_files.items():
            assert files[file] == content, file
    finally:
        fragments.forget()


def test_a_one_off_build_holds_only_the_fragments_it_reuses(dataset):
    """`cmosc construir`: a JSON record or an XLSX row is used once and not held until the end."""
    fragments.forget()
    try:
        data = Dataset(dataset.organizations, dataset.vocabularios)
        exported(data)
        kinds = {kind for made in data.fragments.new()[0].values() for kind in made}
        assert kinds == set(fragments.REUSED_IN_A_BUILD)
    finally:
        fragments.forget()


def test_what_the_background_job_made_is_kept_here(tmp_path, dataset):
    from cmosc.site.background import Background, FileParts

    orgs = dataset.organizations
    fragments.forget()
    try:
        data = Dataset(orgs, dataset.vocabularios)
        keep = (data.fragments.new, partial(data.fragments.remember, orgs))
        job = Background(lambda: [FileParts("a.csv", render_csv(data))], tmp_path, keep)
        assert job.result()[0][0] == "a.csv"
        again = Dataset(orgs, dataset.vocabularios)
        assert csv_of(again) == (tmp_path / "a.csv").read_bytes()
        assert again.fragments.new()[0] == {}  # every line came from the job
    finally:
        fragments.forget()


class _Holds:
    """A published site holding what the last job wrote (`published.py`'s `holds`)."""

    def __init__(self):
        self.files: dict[str, bytes] = {}

    def holds(self, relative: str, digest: bytes) -> bool:
        return self.files.get(relative) == digest


def _job(site: Site, published: _Holds, output) -> list[tuple[str, int, bytes]]:
    from cmosc.site.background import Background
    from cmosc.site.pages.opendata import data_files, dataset

    data = dataset(site, {})
    keep = (data.fragments.new, partial(data.fragments.remember, data.organizations))
    written = Background(lambda: data_files(site, data, published), output, keep, published).result()
    published.files = {name: digest for name, _, digest in written}
    return written


def test_files_written_by_parts_are_those_joined_over_a_published_site(tmp_path, dataset):
    """A one-off build writes each file as its parts are made; laid over a published site it
    joins them first (its digest says whether to write at all): the same bytes, and the sizes and
    digests reported (for datapackage.json, the /datos/ page, the service worker) are the files'."""
    from cmosc.site.background import Background
    from cmosc.site.pages.opendata import data_files
    from cmosc.site.pages.opendata import dataset as dataset_of

    site = Site(dataset.organizations, dataset.vocabularios, TODAY)

    def write(published, output) -> list[tuple[str, int, bytes]]:
        data = dataset_of(site, {})
        return Background(lambda: data_files(site, data, published), output, None, published).result()

    fragments.forget()
    try:
        by_parts = write(None, tmp_path / "partes")
        assert write(_Holds(), tmp_path / "juntos") == by_parts
    finally:
        fragments.forget()
    assert {f"datos/{name}" for name in FILES} <= {name for name, _, _ in by_parts}
    for name, size, digest in by_parts:
        content = (tmp_path / "partes" / name).read_bytes()
        assert content == (tmp_path / "juntos" / name).read_bytes(), name
        assert (size, digest) == (len(content), hashlib.sha256(content).digest()), name


def test_a_rebuild_laid_over_the_site_writes_only_the_files_that_changed(tmp_path, dataset):
    orgs, vocabularies = dataset.organizations, dataset.vocabularios
    published = _Holds()
    fragments.forget()
    try:
        first = _job(Site(orgs, vocabularies, TODAY), published, tmp_path / "1")
        # Nothing changed: every file is recorded as the published one, none written.
        assert _job(Site(orgs, vocabularies, TODAY), published, tmp_path / "2") == first
        assert not (tmp_path / "2").exists()
        name = orgs[0].nombre + " (editada)"
        later = [replace(orgs[0], nombre=name, data={**orgs[0].data, "nombre": name}), *orgs[1:]]
        again = _job(Site(later, vocabularies, TODAY), published, tmp_path / "3")
        fragments.forget()
        clean = _job(Site(later, vocabularies, TODAY), _Holds(), tmp_path / "limpio")
        assert again == clean
        rewritten = {path.relative_to(tmp_path / "3").as_posix() for path in (tmp_path / "3").rglob("*.*")}
        assert {f"datos/{name}" for name in FILES} <= rewritten
        assert rewritten < {name for name, _, _ in clean}  # the facet CSVs without it are left
        for path in rewritten:
            assert (tmp_path / "3" / path).read_bytes() == (tmp_path / "limpio" / path).read_bytes()
    finally:
        fragments.forget()
