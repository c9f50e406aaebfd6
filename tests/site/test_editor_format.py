"""The YAML format the web editor reads and saves profiles with (admin/yaml-format.mjs, on the
vendored `yaml` package), run in Node from the built site: an unchanged profile is saved byte for
byte, an edit changes only its own line, comments and values stay as typed, and what it writes
passes `cmosc validar`."""

from __future__ import annotations

import json
import subprocess

from cmosc.profiles.schema import MODELINE
from support.cli import cmosc
from support.node_runner import node

SCRIPT = r"""
const fs = require('fs');
const { pathToFileURL } = require('url');
const [module, cases] = process.argv.slice(1);
import(pathToFileURL(module).href).then(({ yamlFormat }) => {
  const results = JSON.parse(fs.readFileSync(cases, 'utf8')).map(({ raw, edit, sorted, comments }) => {
    const data = yamlFormat.fromFile(raw);
    const read = JSON.parse(JSON.stringify(data));
    for (const [path, value] of edit) {
      const keys = path.split('.');
      const last = keys.pop();
      const parent = keys.reduce((node, key) => node[key], data);
      if (value === null) delete parent[last]; else parent[last] = value;
    }
    yamlFormat.rememberOriginal({ entry: { get: () => raw } });
    return { read, written: yamlFormat.toFile(data, sorted || [], comments || {}) };
  });
  process.stdout.write(JSON.stringify(results));
});
"""

STAFF_FILE = f"""{MODELINE}
nombre: Biblioteca Popular Sí o NO
sigla: NO  # así, en mayúsculas: no es un «no»
tipo: asociacion-civil
fundacion: 2009
descripcion: |
  Préstamo de libros
  y talleres de lectura.
# La sede nueva, desde marzo.
sedes:
  - direccion: Av. Siempre Viva 742
    barrio: villa-lujan
    horarios: Lunes a viernes de 9:30 a 12:30
    coordenadas: {{lat: -26.8300, lon: -65.21}}
contacto:
  telefonos:
    - 03814000000  # fijo de la biblioteca
    - "+54 9 381 555-1234"
  email: biblio@ejemplo.org.ar
"""


def run_format(project, cases: list[dict]) -> list[dict]:
    module = project / "output" / "admin" / "yaml-format.mjs"
    payload = project / "casos-formato.json"
    payload.write_text(json.dumps(cases), encoding="utf-8")
    done = subprocess.run(
        [node(), "-e", SCRIPT, str(module), str(payload)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_an_unchanged_profile_is_saved_byte_for_byte(editor_project):
    project = editor_project[0]
    files = sorted((project / "organizaciones").glob("*.yml")) + [None]
    raws = [path.read_text(encoding="utf-8") if path else STAFF_FILE for path in files]
    results = run_format(project, [{"raw": raw, "edit": []} for raw in raws])
    for path, raw, result in zip(files, raws, results, strict=True):
        assert result["written"] == raw, path


def test_the_form_sees_values_as_typed(editor_project):
    (result,) = run_format(editor_project[0], [{"raw": STAFF_FILE, "edit": []}])
    read = result["read"]
    assert read["sigla"] == "NO" and read["fundacion"] == 2009
    assert read["contacto"]["telefonos"] == ["03814000000", "+54 9 381 555-1234"]
    assert read["sedes"][0]["horarios"] == "Lunes a viernes de 9:30 a 12:30"
    assert read["sedes"][0]["coordenadas"] == {"lat": "-26.8300", "lon": -65.21}


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new), after
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_an_edit_changes_only_its_own_line_and_keeps_comments(editor_project):
    results = run_format(
        editor_project[0],
        [
            {"raw": STAFF_FILE, "edit": [["contacto.email", "lectura@ejemplo.org.ar"]]},
            {"raw": STAFF_FILE, "edit": [["sedes.0.horarios", "Martes y jueves de 17 a 19"]]},
            {"raw": STAFF_FILE, "edit": [["sigla", "BPSN"]]},
            {"raw": STAFF_FILE, "edit": [["fundacion", "2010"]]},
        ],
    )
    email, hours, sigla, founded = (result["written"] for result in results)
    assert changed_lines(STAFF_FILE, email) == [
        ("  email: biblio@ejemplo.org.ar", "  email: lectura@ejemplo.org.ar")
    ]
    assert changed_lines(STAFF_FILE, hours) == [
        (
            "    horarios: Lunes a viernes de 9:30 a 12:30",
            "    horarios: Martes y jueves de 17 a 19",
        )
    ]
    # The comment on the changed line stays with it.
    assert changed_lines(STAFF_FILE, sigla) == [
        ("sigla: NO  # así, en mayúsculas: no es un «no»", "sigla: BPSN # así, en mayúsculas: no es un «no»"),
    ]
    assert changed_lines(STAFF_FILE, founded) == [("fundacion: 2009", "fundacion: 2010")]


def test_new_and_removed_fields_follow_the_form_order(editor_project):
    sorted_keys = ["nombre", "sigla", "tipo", "fundacion", "descripcion", "web", "sedes", "contacto"]
    added, removed = run_format(
        editor_project[0],
        [
            {"raw": STAFF_FILE, "edit": [["web", "https://biblio.ejemplo.org.ar"]], "sorted": sorted_keys},
            {"raw": STAFF_FILE, "edit": [["fundacion", None]], "sorted": sorted_keys},
        ],
    )
    lines = added["written"].splitlines()
    assert lines[lines.index("  y talleres de lectura.") + 1] == "web: https://biblio.ejemplo.org.ar"
    assert "# La sede nueva, desde marzo." in lines
    assert "fundacion" not in removed["written"]
    assert len(removed["written"].splitlines()) == len(STAFF_FILE.splitlines()) - 1


def test_a_new_profile_starts_with_the_modeline_and_passes_validar(editor_project, tmp_path):
    project = editor_project[0]
    data = {
        "nombre": "Copa de Leche Los Horneritos",
        "tipo": "organizacion-comunitaria",
        "descripcion": "Copa de leche para chicos del barrio, de lunes a viernes.",
        "sedes": [
            {
                "direccion": "Pasaje Luna 120",
                "barrio": "villa-lujan",
                "horarios": "Lunes a viernes de 9:30 a 11",
            }
        ],
        "contacto": {"telefonos": ["03814000000"]},
        "sigla": "NO",
    }
    order = ["nombre", "sigla", "tipo", "descripcion", "sedes", "contacto"]
    script_cases = [{"raw": "", "edit": [[key, value] for key, value in data.items()], "sorted": order}]
    script_cases[0]["comments"] = {"nombre": MODELINE.removeprefix("# ")}
    (result,) = run_format(project, script_cases)
    written = result["written"]
    assert written.splitlines()[0] == MODELINE
    assert "\nsigla: NO\n" in written and "\n    - 03814000000\n" in written
    assert [line.split(":")[0] for line in written.splitlines()[1:] if not line.startswith(" ")] == order
    profile = project / "organizaciones" / "copa-de-leche-los-horneritos.yml"
    profile.write_text(written, encoding="utf-8")
    try:
        validar = cmosc("--raiz", str(project), "validar", str(profile))
    finally:
        profile.unlink()
    assert validar.returncode == 0, validar.stdout + validar.stderr
