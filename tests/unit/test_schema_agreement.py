"""The JSON Schema and `cmosc validar` give the same verdict, as an editor reads the file.

Each case is validated twice: by `cmosc validar` (strict node-level YAML, every
scalar the text typed) and by a real JSON Schema validator, with format checking,
over the file read as yaml-language-server reads it (YAML 1.2 core schema: `NO` and
`09:30` are strings, `2009` an integer, `1e3` a number). A case may only disagree
for one of the rules in CANNOT_EXPRESS, and a case that claims one must really
disagree, so the list stays exact.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REFERENCE_DATE, ROOT

from cmosc.profiles.catalog import load_catalog
from support import yaml12

SCHEMA = json.loads((ROOT / "esquema" / "organizacion.schema.json").read_text(encoding="utf-8"))
CASES = ROOT / "tests" / "casos"
BASE = (CASES / "valido.yml").read_text(encoding="utf-8")
TODAY = date.fromisoformat(REFERENCE_DATE)

# What a JSON Schema of one file's content cannot say. Every difference between the two
# verdicts must be one of these.
CANNOT_EXPRESS = {
    # The slug is the file's name, which the schema of its content never sees.
    "archivo": "nombre del archivo",
    # The CUIT's last digit is computed from the others (mod 11): arithmetic, not a pattern.
    "digito": "dígito verificador",
    # Program ids live in content/programas/, logos are files checked by size and format.
    "referencia": "otros archivos",
    # A foundation year or verification date may not be in the future: it depends on today.
    "hoy": "fecha de hoy",
    # Refused by the strict loader, allowed by YAML 1.2: duplicate keys (a JSON object holds
    # only one), anchors and aliases.
    "yaml": "YAML que el cargador rechaza",
    # Repeated list values are compared after reading (`Niñez` = `ninez`, `4` = `"4"`);
    # uniqueItems compares them as written.
    "repetido": "repetido tras normalizar",
    # A YAML 1.2 reader keeps the number, not how it was typed: 4.0 and 1e1 are whole numbers
    # (JSON Schema calls them integers), 0012 is 12, so exponents, decimal points, leading
    # zeros (a phone's digits, a text's length) and digits past 15 are lost.
    "numero": "cómo se escribió un número",
    # The validator trims spaces inside quotes ('  ab  '); lengths and date formats count them.
    "comillas": "espacios entre comillas",
    # A coordinate typed as quoted text ('-40'): a pattern checks it is a decimal, not its range.
    "rango_texto": "rango de un número entre comillas",
}


def edited(key: str, block: str) -> str:
    """The valid base profile with the top-level `key` replaced by `block` (added if absent)."""
    lines, out, skipping, replaced = BASE.splitlines(), [], False, False
    for line in lines:
        top = line[:1] not in (" ", "#", "") and ":" in line
        if top:
            skipping = line.split(":", 1)[0] == key
            if skipping and not replaced:
                out.append(block)
                replaced = True
        if not skipping:
            out.append(line)
    if not replaced:
        out.append(block)
    return "\n".join(out) + "\n"


def contact(block: str) -> str:
    return edited("contacto", "contacto:\n" + "\n".join("  " + line for line in block.splitlines()))


def sede(block: str) -> str:
    body = "\n".join("    " + line for line in block.splitlines())
    return edited("sedes", f"sedes:\n  - direccion: Calle Ejemplo 1234\n{body}")


def referente(block: str) -> str:
    return edited("referentes", f"referentes:\n  - nombre: Ana Pérez\n    {block}")


# (text of the whole file, reason the verdicts may differ or None)
EDGE = {
    # text read as numbers, booleans, null, blanks
    "nombre-numero-corto": (edited("nombre", "nombre: 12"), None),
    "nombre-numero": (edited("nombre", "nombre: 123"), None),
    "nombre-exponente": (edited("nombre", "nombre: 1e3"), None),
    "nombre-ceros": (edited("nombre", "nombre: 0012"), "numero"),
    "nombre-booleano": (edited("nombre", "nombre: TRUE"), None),
    "nombre-vacio": (edited("nombre", "nombre: ''"), None),
    "nombre-nulo": (edited("nombre", "nombre:"), None),
    "nombre-espacios": (edited("nombre", "nombre: '  ab  '"), "comillas"),
    "sigla-NO": (edited("sigla", "sigla: NO"), None),
    "sigla-nula": (edited("sigla", "sigla:"), None),
    "sigla-Null": (edited("sigla", "sigla: Null"), None),
    "sigla-vacia-editor": (edited("sigla", 'sigla: ""'), None),
    "sigla-lista-vacia": (edited("sigla", "sigla: []"), None),
    "sigla-solo-espacios": (edited("sigla", "sigla: '   '"), None),
    "sigla-control": (edited("sigla", 'sigla: "A\\x1fB"'), None),
    "sigla-decimal": (edited("sigla", "sigla: 1.5"), None),
    "sigla-numero-largo": (edited("sigla", "sigla: 123456789012345678901"), "numero"),
    "sigla-larga": (edited("sigla", "sigla: ABCDEFGHIJKLMNOPQRSTU"), None),
    "resumen-hora": (edited("resumen", "resumen: 09:30"), None),
    "descripcion-booleano": (edited("descripcion", "descripcion: true"), None),
    "descripcion-numero": (edited("descripcion", "descripcion: 1234567890"), None),
    # options and vocabularies, any case
    "estado-Activa": (edited("estado", "estado: Activa"), None),
    "estado-INACTIVA": (edited("estado", "estado: INACTIVA"), None),
    "estado-activo": (edited("estado", "estado: activo"), None),
    "estado-vacio": (edited("estado", "estado: ''"), None),
    "tipo-nombre": (edited("tipo", "tipo: Asociación Civil"), None),
    "tipo-mayusculas": (edited("tipo", "tipo: ASOCIACION-CIVIL"), None),
    "tipo-espacios": (edited("tipo", "tipo: asociacion civil"), None),
    "tipo-desconocido": (edited("tipo", "tipo: asociación"), None),
    # years and dates
    "fundacion-numero": (edited("fundacion", "fundacion: 2009"), None),
    "fundacion-texto-editor": (edited("fundacion", 'fundacion: "2009"'), None),
    "fundacion-vacia-editor": (edited("fundacion", 'fundacion: ""'), None),
    "fundacion-antigua": (edited("fundacion", "fundacion: 1849"), None),
    "fundacion-fecha": (edited("fundacion", "fundacion: 2009-05-01"), None),
    "fundacion-fecha-imposible": (edited("fundacion", "fundacion: 2009-02-30"), None),
    "fundacion-futura": (edited("fundacion", "fundacion: 2999"), "hoy"),
    "fundacion-decimal": (edited("fundacion", "fundacion: 2009.0"), "numero"),
    "fundacion-exponente": (edited("fundacion", "fundacion: 1e3"), None),
    "verificado-vacio-editor": (edited("verificado", 'verificado: ""'), None),
    "verificado-dmy": (edited("verificado", "verificado: 01/10/2026"), None),
    "verificado-mes-13": (edited("verificado", "verificado: 2026-13-01"), None),
    "verificado-anio": (edited("verificado", "verificado: 2026"), None),
    "verificado-futuro": (edited("verificado", "verificado: 2030-01-01"), "hoy"),
    "verificado-espacios": (edited("verificado", "verificado: ' 2026-10-01 '"), "comillas"),
    # CUIT
    "cuit-sin-guiones": (edited("identificadores", "identificadores:\n  cuit: 30712345671"), None),
    "cuit-puntos": (edited("identificadores", "identificadores:\n  cuit: 30.71234567.1"), None),
    "cuit-corto": (edited("identificadores", "identificadores:\n  cuit: 3071234567"), None),
    "cuit-digito": (edited("identificadores", "identificadores:\n  cuit: 30-71234567-2"), "digito"),
    "identificadores-vacios-editor": (edited("identificadores", "identificadores:\n  cuit: ''"), None),
    # integers in a list
    "ods-texto": (edited("ods", 'ods: ["04", 2]'), None),
    "ods-fuera": (edited("ods", "ods: [18]"), None),
    "ods-booleano": (edited("ods", "ods: [true]"), None),
    "ods-decimal": (edited("ods", "ods: [4.0]"), "numero"),
    "ods-exponente": (edited("ods", "ods: [1e1]"), "numero"),
    "ods-repetido-texto": (edited("ods", 'ods: [4, "4"]'), "repetido"),
    "ods-vacio-editor": (edited("ods", "ods: []"), None),
    # web, email, phones
    "web-mayusculas": (contact("web: HTTPS://EJEMPLO.ORG.AR"), None),
    "web-sin-host": (contact("web: https://"), None),
    "web-sin-punto": (contact("web: https://localhost"), None),
    "web-sin-esquema": (contact("web: ejemplo.org.ar"), None),
    "web-espacio": (contact("web: 'https://ejemplo.org/a b'"), None),
    "web-completa": (contact("web: https://usuario@ejemplo.org:8080/ruta?x=1#y"), None),
    "web-javascript": (contact("web: javascript:alert(1)"), None),
    "web-ftp": (contact("web: ftp://ejemplo.org"), None),
    "email-mayusculas": (contact("email: Contacto@Ejemplo.ORG"), None),
    "email-sin-dominio": (contact("email: contacto@ejemplo"), None),
    "telefono-numero": (contact("telefonos: [03814000000]"), None),
    "telefono-texto": (contact('telefonos: ["0381 400-0000", "+54 9 381 555-0123"]'), None),
    "telefono-corto": (contact('telefonos: ["12345"]'), None),
    "telefono-corto-numero": (contact("telefonos: [12345]"), "numero"),
    "telefono-letras": (contact("telefonos: [cuatro]"), None),
    "telefono-guion": (contact('telefonos: ["-381 400 0000"]'), None),
    "contacto-vacio-editor": (contact("email: ''\ntelefonos: []\nweb: ''\nredes: {}"), None),
    # a sede
    "accesible-Si": (sede("accesible: Sí"), None),
    "accesible-NO": (sede("accesible: NO"), None),
    "accesible-yes": (sede("accesible: yes"), None),
    "accesible-quizas": (sede("accesible: quizás"), None),
    "accesible-uno": (sede("accesible: 1"), None),
    "ubicacion-texto": (sede("ubicacion: {lat: '-26.815', lon: '-65.217'}"), None),
    "ubicacion-texto-fuera": (sede("ubicacion: {lat: '-40', lon: '-65.2'}"), "rango_texto"),
    "ubicacion-fuera": (sede("ubicacion: {lat: -40, lon: -65.2}"), None),
    "ubicacion-exponente": (sede("ubicacion: {lat: -2.6815e1, lon: -65.217}"), "numero"),
    "ubicacion-incompleta": (sede("ubicacion: {lat: -26.815}"), None),
    "ubicacion-vacia-editor": (sede("ubicacion: {}"), None),
    "horarios-hora": (sede("horarios: 09:30"), None),
    # consent, lists, references
    "consentimiento-yes": (referente("consentimiento: yes"), None),
    "consentimiento-False": (referente("consentimiento: False"), None),
    "consentimiento-vacio": (referente("consentimiento: ''"), None),
    "areas-repetida": (edited("areas", "areas: [educacion, Educación]"), "repetido"),
    "areas-vacia-editor": (edited("areas", "areas: ''"), None),
    "areas-no-lista": (edited("areas", "areas: educacion"), None),
    "programa-existe": (edited("programas", "programas: [equipar-osc]"), None),
    "programa-desconocido": (edited("programas", "programas: [no-existe]"), "referencia"),
    "redireccion-invalida": (edited("redirecciones", "redirecciones: [Viejo_Slug]"), None),
    "logo-falta": (edited("logo", "logo: logos/no-existe.png"), "referencia"),
    "clave-desconocida": (edited("telefono", "telefono: 123"), None),
    "clave-repetida": (edited("sigla", "sigla: A\nsigla: B"), "yaml"),
    "ancla-alias": (edited("resumen", "resumen: &r Apoyo escolar.\nnotas_internas: *r"), "yaml"),
    # A new entry exactly as Decap CMS 3.16 writes it (see test_derived.py).
    "decap-nueva": (
        "nombre: Biblioteca Popular Sí o NO\nsigla: NO\ntipo: fundacion\nestado: activa\n"
        'descripcion: Préstamo de libros y talleres de lectura para el barrio.\nverificado: ""\n',
        None,
    ),
}

# The fixtures of tests/casos/ whose error a schema cannot express.
FIXTURES = {
    "Nombre_Invalido.yml": "archivo",
    "area-repetida.yml": "repetido",
    "clave-repetida.yml": "yaml",
    "cuit-digito.yml": "digito",
    "fundacion-futura.yml": "hoy",
    "programa-desconocido.yml": "referencia",
    "sucesora-desconocida.yml": "referencia",
}


def validator_verdicts(paths: list[Path], root: Path) -> dict[str, bool]:
    catalog = load_catalog(root, paths, today=TODAY)
    wrong = {Path(d.archivo).name for d in catalog.diagnostics if d.nivel == "error"}
    return {p.name: p.name not in wrong for p in paths}


SCHEMA_VALIDATOR = jsonschema.Draft7Validator(
    SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
)


def schema_verdict(path: Path) -> bool:
    try:
        data = yaml12.load(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return False  # the editor reports a file it cannot read
    return SCHEMA_VALIDATOR.is_valid(data)


def compare(verdicts: dict[str, bool], claims: dict[str, str | None], folder: Path) -> list[str]:
    problems = []
    for name, accepted in sorted(verdicts.items()):
        by_schema = schema_verdict(folder / name)
        claim = claims.get(name)
        if claim is None and by_schema != accepted:
            problems.append(f"{name}: cmosc validar {'acepta' if accepted else 'rechaza'}, el esquema no")
        elif claim is not None and by_schema == accepted:
            problems.append(f"{name}: dice «{CANNOT_EXPRESS[claim]}» pero los dos coinciden")
    return problems


def test_the_schema_validator_checks_formats():
    assert "date" in jsonschema.Draft7Validator.FORMAT_CHECKER.checkers
    assert not SCHEMA_VALIDATOR.is_valid({"nombre": "Ejemplo", "verificado": "2026-02-30"})


def test_fixtures_get_the_same_verdict():
    paths = sorted(CASES.glob("*.yml"))
    assert set(FIXTURES) <= {p.name for p in paths}
    assert compare(validator_verdicts(paths, ROOT), FIXTURES, CASES) == []


@pytest.fixture(scope="module")
def edge_folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bordes")
    for name in ("vocabularios", "content/programas"):
        shutil.copytree(ROOT / name, root / name)
    (root / "organizaciones").mkdir()
    for name, (text, _) in EDGE.items():
        slug = name.lower().replace("_", "-")
        (root / "organizaciones" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return root


def test_edge_values_get_the_same_verdict(edge_folder):
    assert len(EDGE) >= 40
    folder = edge_folder / "organizaciones"
    claims = {f"{name.lower()}.yml": reason for name, (_, reason) in EDGE.items()}
    assert compare(validator_verdicts(sorted(folder.glob("*.yml")), edge_folder), claims, folder) == []


def test_the_table_tries_both_verdicts(edge_folder):
    folder = edge_folder / "organizaciones"
    verdicts = validator_verdicts(sorted(folder.glob("*.yml")), edge_folder)
    assert sum(verdicts.values()) >= 20 and len(verdicts) - sum(verdicts.values()) >= 20
