"""`cmosc validar`: GNU lines, JSON, GitHub annotations, exit codes 0/1/2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from cmosc.cli import commands
from cmosc.cli.main import build_parser
from support.cli import cmosc

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "casos"


def test_sample_data_is_valid():
    result = cmosc("validar")
    assert result.returncode == 0, result.stderr
    assert "perfiles válidos" in result.stderr


def test_invalid_file_exit_1_gnu_lines_on_stderr():
    result = cmosc("validar", str(CASES / "tipo-desconocido.yml"))
    assert result.returncode == 1
    assert (
        "tests/casos/tipo-desconocido.yml:4:7: error: tipo: «asociación» no es un tipo válido; "
        "¿quisiste decir «asociacion-civil»?"
    ) in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_all_files_all_errors_in_one_run():
    result = cmosc("validar", str(CASES / "tipo-desconocido.yml"), str(CASES / "cuit-digito.yml"))
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 2


def test_json_format():
    result = cmosc("validar", "--formato", "json", str(CASES / "cuit-digito.yml"))
    assert result.returncode == 1
    (item,) = json.loads(result.stdout)
    assert {k: item[k] for k in ("archivo", "linea", "columna", "campo", "nivel")} == {
        "archivo": "tests/casos/cuit-digito.yml",
        "linea": 10,
        "columna": 9,
        "campo": "identificadores.cuit",
        "nivel": "error",
    }
    assert "dígito verificador" in item["mensaje"]


def test_json_format_valid_is_empty_list():
    result = cmosc("validar", "--formato", "json", str(CASES / "valido.yml"))
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_github_annotations():
    result = cmosc("validar", str(CASES / "cuit-digito.yml"), env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert any(
        line.startswith("::error file=tests/casos/cuit-digito.yml,line=10,col=9::identificadores.cuit: ")
        for line in result.stderr.splitlines()
    )


def test_usage_errors_exit_2():
    assert cmosc("validar", "no-existe.yml").returncode == 2
    assert cmosc("validar", "--formato", "xml").returncode == 2
    assert cmosc("comando-inexistente").returncode == 2


def test_broken_vocabulary_is_reported(tmp_path):
    for name in ("organizaciones", "vocabularios", "content"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "vocabularios" / "areas.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + "- id: salud\n  nombre: Salud otra vez\n", encoding="utf-8"
    )
    result = cmosc("--raiz", str(tmp_path), "validar")
    assert result.returncode == 1
    assert "vocabularios/areas.yml:" in result.stderr and "ya está en la línea" in result.stderr


def test_content_metadata_is_checked(tmp_path):
    for name in ("organizaciones", "vocabularios", "content"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "content" / "capacitaciones" / "personeria-juridica-paso-a-paso.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Inicio: 2026-12-03T18:00", "Inicio: 15/09/2026"),
        encoding="utf-8",
    )
    result = cmosc("--raiz", str(tmp_path), "validar")
    assert result.returncode == 1
    assert (
        "content/capacitaciones/personeria-juridica-paso-a-paso.md:4:9: error: Inicio: «15/09/2026» no es una "
        "fecha válida; usá AAAA-MM-DD o AAAA-MM-DDTHH:MM."
    ) in result.stderr.splitlines()


def test_validating_one_file_loads_no_build_or_import_library():
    """The pre-commit hook's cost: Python start-up plus the file, not Pelican's import."""
    probe = (
        "import sys\n"
        "from cmosc.cli.main import main\n"
        f"code = main(['--raiz', {str(ROOT)!r}, 'validar', {str(CASES / 'cuit-digito.yml')!r}])\n"
        "heavy = sorted({'pelican', 'openpyxl', 'ruamel', 'PIL', 'docutils'} & {m.split('.')[0] for m in sys.modules})\n"
        "print(code, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "1 []", result.stdout + result.stderr


def test_each_command_module_registers_the_command_it_is_listed_under():
    for command, module in commands.MODULES.items():
        parser = build_parser([command])
        (choices,) = [action.choices for action in parser._subparsers._group_actions]
        assert list(choices) == [command], module
    everything = build_parser(["--raiz", "validar", "--help"])._subparsers._group_actions[0].choices
    assert list(everything) == list(commands.MODULES)
