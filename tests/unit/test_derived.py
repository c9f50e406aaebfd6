"""Files derived from the schema: current, valid, and accepted by the validator as editors write them."""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT
from jsonschema.exceptions import best_match
from ruamel.yaml import YAML

from cmosc import derived as derived_files
from cmosc.cli.main import build_parser, main
from cmosc.derived import decap
from cmosc.messages import CATALOG
from cmosc.profiles.catalog import load_catalog
from cmosc.profiles.schema import MODELINE, ORGANIZATION, walk
from cmosc.settings import project_settings, repository

SCHEMA_PATH = ROOT / "esquema" / "organizacion.schema.json"


def editor_view(path):
    """A profile as yaml-language-server reads it: YAML 1.2, dates as the text typed."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return _dates_as_text(data)


def _dates_as_text(value):
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def test_no_derived_file_is_stale():
    assert derived_files.stale(ROOT) == [], "corré «make derivados»"


def test_a_vocabulary_change_makes_them_stale_until_regenerated(tmp_path, capsys):
    for name in ("vocabularios", "content/programas", "admin", "docs", "esquema", ".github"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    with (tmp_path / "vocabularios" / "barrios.yml").open("a", encoding="utf-8") as handle:
        handle.write("- id: barrio-nuevo-de-prueba\n  nombre: Barrio Nuevo de Prueba\n")
    assert main(["--raiz", str(tmp_path), "derivados", "--verificar"]) == 1
    err = capsys.readouterr().err
    assert (
        "esquema/organizacion.schema.json: desactualizado" in err
        and "admin/config.yml: desactualizado" in err
    )
    assert main(["--raiz", str(tmp_path), "derivados"]) == 0
    assert main(["--raiz", str(tmp_path), "derivados", "--verificar"]) == 0
    assert "barrio-nuevo-de-prueba" in (tmp_path / "esquema" / "organizacion.schema.json").read_text()


def test_json_schema_is_valid_and_accepts_every_sample_profile():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    for path in sorted((ROOT / "organizaciones").glob("*.yml")):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(editor_view(path))]
        assert not errors, (path.name, errors)


def test_json_schema_catches_typos_and_unknown_values():
    validator = jsonschema.Draft7Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    bad = {
        "nombre": "Ejemplo",
        "tipo": "asociación",
        "descripcion": "Una descripción.",
        "telefono": "1",
        "sedes": [{"barrio": "villa-lujan", "ubicacion": {"lat": -40, "lon": -65.2}}],
        "ods": [18],
        "contacto": {"email": "contacto@ejemplo.org.ar"},  # a way to reach it: not an error here
    }
    # An optional field is «blank or a value» (anyOf): the most relevant branch says where.
    errors = [best_match([e]) for e in validator.iter_errors(bad)]
    paths = sorted("/".join(map(str, e.absolute_path)) for e in errors)
    assert paths == ["", "ods/0", "sedes/0/ubicacion/lat", "tipo"]  # "" = the unknown key «telefono»
    assert schema_titles_are_spanish()


def schema_titles_are_spanish() -> bool:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    props = schema["properties"]
    return (
        props["tipo"]["title"] == "Tipo de organización"
        and "vocabularios/tipos.yml" in props["tipo"]["description"]
        and props["notas_internas"]["description"].endswith("(Nunca se publica.)")
        and schema["additionalProperties"] is False
    )


DECAP_OUTPUT = """\
nombre: Biblioteca Popular Sí o NO
sigla: NO
tipo: asociacion-civil
estado: activa
resumen: ''
descripcion: >-
  Préstamo de libros y talleres de lectura.
fundacion: ''
identificadores:
  cuit: ''
  personeria_juridica: ''
areas: []
poblacion: []
ods: []
actividades: []
sedes:
  - nombre: ''
    direccion: Calle 1
    barrio: centro
    ubicacion: {}
    horarios: 12:30
    accesible: no
contacto:
  email: ''
  telefonos:
    - 03814000000
  web: ''
  redes: {}
necesidades: []
logo: ''
verificado: 2026-10-01
notas_internas: ''
"""


def test_files_as_the_web_editor_writes_them_pass_validation(tmp_path):
    for name in ("vocabularios", "content/programas"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "organizaciones").mkdir()
    (tmp_path / "organizaciones" / "biblioteca-popular-si-o-no.yml").write_text(
        DECAP_OUTPUT, encoding="utf-8"
    )
    catalog = load_catalog(tmp_path)
    assert catalog.ok, catalog.diagnostics
    data = catalog.profiles[0].data
    assert data["sigla"] == "NO" and data["sedes"][0]["horarios"] == "12:30"
    assert data["sedes"][0]["accesible"] is False and data["contacto"]["telefonos"] == ["03814000000"]
    assert set(data) == {
        "nombre",
        "sigla",
        "tipo",
        "estado",
        "descripcion",
        "sedes",
        "contacto",
        "verificado",
    }
    assert data["contacto"] == {"telefonos": ["03814000000"]}
    # Blank is "absent": a blank required field is reported as missing, not silently accepted.
    (tmp_path / "organizaciones" / "biblioteca-popular-si-o-no.yml").write_text(
        DECAP_OUTPUT.replace("nombre: Biblioteca Popular Sí o NO", "nombre: ''"), encoding="utf-8"
    )
    assert [(d.campo, d.codigo) for d in load_catalog(tmp_path).errors] == [("nombre", "requerido")]


# Written by Decap CMS 3.16.3 itself (local backend, decap-server 3.11.3, this admin/config.yml):
# a new entry with only the required fields plus «sigla: NO», and fundacion-la-posada.yml after
# changing its sigla. Decap drops comments, reflows long text and turns flow lists into blocks.
DECAP_NEW = 'nombre: Biblioteca Popular Sí o NO\nsigla: NO\ntipo: fundacion\nestado: activa\ndescripcion: Préstamo de libros y talleres de lectura para el barrio.\ncontacto:\n  email: biblioteca@ejemplo.org.ar\nverificado: ""\n'
DECAP_EDITED = 'nombre: Fundación La Posada Solidaria\nsigla: NO\ntipo: fundacion\nresumen: Parador nocturno, duchas, ropero y acompañamiento para personas en\n  situación de calle en el centro de la ciudad.\ndescripcion: |\n  **La Posada** abre todas las noches para que quienes duermen en la calle\n  tengan un plato de comida caliente, una ducha y una cama. Durante el día\n  acompañamos trámites de documentación, turnos de salud y búsqueda de\n  trabajo.\n\n  En invierno sumamos recorridas nocturnas con voluntarios para acercar\n  abrigo y comida a quienes no quieren o no pueden llegar al parador.\nfundacion: 2004\nidentificadores:\n  cuit: 30-65756503-9\n  personeria_juridica: Res. 655/2005 DPJ\n  registro_municipal: CMOSC-0040\n  cenoc: "16620"\nareas:\n  - alimentacion\n  - salud\n  - derechos-humanos\npoblacion:\n  - personas-en-situacion-de-calle\n  - adultos\nods:\n  - 1\n  - 2\n  - 3\n  - 10\nactividades:\n  - nombre: Parador nocturno\n    descripcion: Cena, ducha y 30 camas.\n    horario: Todos los días de 20 a 8\n  - nombre: Recorridas invernales\n    horario: De junio a agosto, martes y viernes a las 22\nsedes:\n  - nombre: Parador\n    direccion: Av. Avellaneda 1260\n    barrio: barrio-sur\n    ubicacion:\n      lat: -26.8389\n      lon: -65.1987\n    horarios: Todos los días de 20 a 8\n    accesible: true\ncontacto:\n  email: parador@laposada.ejemplo.org.ar\n  telefonos:\n    - 0381 4227700\n    - 0800 555 0199\n  web: https://laposada.ejemplo.org.ar\n  redes:\n    facebook: https://www.facebook.com/laposadasolidaria.ejemplo\nnecesidades:\n  - tipo: donacion-en-especie\n    descripcion: Frazadas, ropa de abrigo de talles grandes y calzado.\n  - tipo: voluntariado\n    descripcion: Voluntarias y voluntarios para las recorridas nocturnas de invierno.\n  - tipo: donacion-monetaria\n    descripcion: Aportes para el gas y la luz del parador.\nprogramas:\n  - mesas-comunitarias-alimentarias\nredes:\n  - Mesa de Situación de Calle Capital\nreferentes:\n  - nombre: Hna. Mónica Ávila\n    cargo: Coordinadora del parador\n    consentimiento: true\nverificado: 2026-11-11\nnotas_internas: Convenio de comodato del inmueble vence en marzo de 2027;\n  seguimiento con Desarrollo Social. El teléfono 0800 es de la red, confirmar si\n  sigue activo.\n'


@pytest.mark.parametrize(
    "slug, text", [("biblioteca-popular-si-o-no", DECAP_NEW), ("fundacion-la-posada", DECAP_EDITED)]
)
def test_files_written_by_decap_validate_unchanged(tmp_path, slug, text):
    for name in ("vocabularios", "content/programas"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "organizaciones").mkdir()
    (tmp_path / "organizaciones" / f"{slug}.yml").write_text(text, encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert catalog.ok, catalog.diagnostics
    assert catalog.profiles[0].data["sigla"] == "NO"
    if slug == "fundacion-la-posada":
        original = load_catalog(ROOT, [ROOT / "organizaciones" / "fundacion-la-posada.yml"]).profiles[0].data
        assert {**catalog.profiles[0].data, "sigla": original["sigla"]} == original


def test_decap_config_mirrors_the_schema():
    config = yaml.safe_load((ROOT / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and config["locale"] == "es"
    assert config["local_backend"] == {"url": decap.LOCAL_SERVER}
    repo = repository(project_settings(ROOT))
    assert config["backend"] == {
        "name": "github",
        "repo": repo.github,
        "branch": repo.branch,
        "commit_messages": decap.COMMIT_MESSAGES,
    }
    collection = config["collections"][0]
    assert (collection["folder"], collection["extension"], collection["format"]) == (
        "organizaciones",
        "yml",
        "yaml",
    )
    fields = {f["name"]: f for f in collection["fields"]}
    assert list(fields) == [f.key for f in ORGANIZATION.fields]
    assert fields["tipo"]["widget"] == "select" and fields["tipo"]["required"] is True
    tipos = yaml.safe_load((ROOT / "vocabularios" / "tipos.yml").read_text(encoding="utf-8"))
    assert fields["tipo"]["options"] == [{"label": t["nombre"], "value": t["id"]} for t in tipos]
    assert fields["areas"]["multiple"] is True
    sede = {f["name"]: f for f in fields["sedes"]["fields"]}
    assert sede["barrio"]["widget"] == "select" and sede["ubicacion"]["widget"] == "object"
    # Hours: admin/hours-widget.js, with the validator's own warning for text it cannot read.
    activity = {f["name"]: f for f in fields["actividades"]["fields"]}
    for hours in (sede["horarios"], activity["horario"]):
        assert hours["widget"] == "horario"
        assert hours["aviso_ilegible"] == CATALOG["horario_ilegible"].template
    assert fields["verificado"]["format"] == "YYYY-MM-DD"
    assert "Nunca se publica" in fields["notas_internas"]["hint"]
    # Decap writes a field's comment above it: the modeline stays the first line of a profile.
    assert "# " + fields["nombre"]["comment"] == MODELINE


def test_issue_forms_are_well_formed():
    for name in ("sumar-organizacion.yml", "dato-incorrecto.yml"):
        form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
        assert form["name"] and form["description"] and form["body"]
        ids = [element["id"] for element in form["body"] if "id" in element]
        assert len(ids) == len(set(ids))
        for element in form["body"]:
            assert element["type"] in ("markdown", "input", "textarea", "dropdown", "checkboxes")
            options = element["attributes"].get("options", [])
            assert len(options) <= 100 and len(options) == len({str(o) for o in options})
    sumar = yaml.safe_load(
        (ROOT / ".github" / "ISSUE_TEMPLATE" / "sumar-organizacion.yml").read_text(encoding="utf-8")
    )
    by_id = {e.get("id"): e for e in sumar["body"]}
    assert by_id["nombre"]["validations"]["required"] is True
    assert "Fundación" in by_id["tipo"]["attributes"]["options"]
    assert by_id["areas"]["attributes"]["multiple"] is True


def test_guide_documents_every_field_and_error_and_its_images_exist():
    guide = (ROOT / "docs" / "guia-equipo.md").read_text(encoding="utf-8")
    for path, _ in walk():
        assert f"| `{path}` |" in guide, path
    for code in CATALOG:
        assert f"**`{code}`**" in guide, code
    for image in re.findall(r"\]\((img/[^)]+)\)", guide):
        assert (ROOT / "docs" / image).is_file(), image


def test_hooks_and_workflows_call_existing_commands():
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0][
        "hooks"
    ]
    for hook in hooks:
        program, *arguments = hook["entry"].split()
        assert hook["language"] == "system" and program.startswith(".venv/bin/")
        # Every hook runs a program `make` installs into .venv (cmosc, ruff, lint-imports).
        assert (Path(sys.executable).parent / Path(program).name).is_file(), program
        if Path(program).name == "cmosc":
            assert arguments[0] in commands
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        text = workflow.read_text(encoding="utf-8")
        yaml.safe_load(text)
        for target in re.findall(r"make PY=python (\w+)", text):
            assert re.search(rf"^{target}:", makefile, re.M), target
        for command in re.findall(r"\.venv/bin/cmosc (\w+)", text):
            assert command in commands


def test_every_setting_read_anywhere_is_in_the_registry():
    """Code, templates and settings files may only read CMOSC_* settings that
    cmosc/settings.py declares (and so the README's generated table documents)."""
    from cmosc.settings import DEFAULTS
    from cmosc.site.generator import PAGE_CACHE, PUBLISHED_SITE, STALE_BEFORE, VALIDATED_CATALOG

    sources = [*ROOT.glob("cmosc/**/*.py"), *ROOT.glob("theme/templates/**/*.html"), *ROOT.glob("*conf.py")]
    read = {
        name
        for path in sources
        for name in re.findall(r"\bCMOSC_[A-Z_]*[A-Z]\b", path.read_text(encoding="utf-8"))
    }
    # Handed from `cmosc construir` to the generator, never set by anyone; and the service
    # worker's JavaScript global (`self.CMOSC_SW`), not a setting.
    read -= {VALIDATED_CATALOG, PAGE_CACHE, PUBLISHED_SITE, STALE_BEFORE, "CMOSC_SW"}
    assert read - set(DEFAULTS) == set()
    assert {"CMOSC_MUNICIPIO", "CMOSC_NOMBRE", "CMOSC_DATOS_RAIZ", "CMOSC_BUSQUEDA_FRAGMENTO"} <= read
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in readme for name in DEFAULTS)
