"""Every code a diagnostic can carry is in the catalogue, worded from it and explained in the guide."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

from cmosc.derived.guide import GUIDE
from cmosc.messages import CATALOG

PACKAGE = ROOT / "cmosc"
FACTORY = PACKAGE / "profiles" / "located.py"
# Calls that take a diagnostic code, and the position of that argument.
CODE_ARGUMENT = {"located": 4, "_at": 3, "_fail": 3, "error": 2, "Problem": 0, "format_message": 0}


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            yield (func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")), node


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def emitted_codes() -> dict[str, str]:
    """code → where it is written, for every literal code passed to a call that takes one."""
    found = {}
    for path in _modules():
        for name, call in _calls(path):
            index = CODE_ARGUMENT.get(name)
            if index is None or len(call.args) <= index:
                continue
            argument = call.args[index]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.setdefault(argument.value, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def test_every_emitted_code_is_catalogued():
    codes = emitted_codes()
    # The scan sees every stage that reports: loading, fields, values, logos, the data set, content.
    assert {
        "clave_repetida",
        "tipo_lista",
        "cuit_digito",
        "logo_dimensiones",
        "vocabulario_falta",
        "enlace",
    } <= set(codes)
    missing = {code: where for code, where in codes.items() if code not in CATALOG}
    assert missing == {}


def test_diagnostics_are_only_built_from_the_catalogue():
    builders = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path in _modules()
        if path != FACTORY
        for name, call in _calls(path)
        if name == "Diagnostic"
    ]
    assert builders == [], "usá profiles.located.located(…, código, **valores)"


def test_the_catalogue_has_no_unused_code():
    unused = set(CATALOG) - set(emitted_codes())
    # Codes reached through a variable: the kind of a content field, a vocabulary duplicate.
    assert unused <= {"fecha_hora", "id_duplicado", "nombre_duplicado"}, unused


def test_the_staff_guide_explains_every_code():
    guide = (ROOT / GUIDE).read_text(encoding="utf-8")
    missing = [
        code
        for code, message in CATALOG.items()
        if f"**`{code}`**" not in guide or message.explanation not in guide
    ]
    assert missing == [], "corré «make derivados»"
