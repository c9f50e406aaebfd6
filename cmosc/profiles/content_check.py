"""Check the metadata of trainings and program calls before Pelican reads them.

Pelican would stop on a bad date with an English traceback; staff get the same
Spanish `archivo:línea:columna` messages as for profiles instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from cmosc.diagnostics import Diagnostic
from cmosc.profiles.checks import Problem, is_valid_slug
from cmosc.profiles.located import located
from cmosc.profiles.schema import SLUG_MAX
from cmosc.profiles.sessions import SessionError, parse_sessions

# folder → {metadata key: kind}; keys in lower case as Pelican stores them.
REQUIRED = {"title": "texto", "date": "fecha"}
FIELDS = {
    "capacitaciones": {
        **REQUIRED,
        "inicio": "fecha_hora",
        "fin": "fecha_hora",
        "sesiones": "sesiones",
        "inscripcion": "enlace",
        "modalidad": "modalidad",
        "lugar": "texto",
        "direccion": "texto",
    },
    "programas": {
        **REQUIRED,
        "organismo": "texto",
        "convocatoria_abre": "fecha",
        "convocatoria_cierra": "fecha",
        "ambito": "ambito",
    },
}
# Each tuple: at least one of these keys (a training needs a start or a list of sessions).
MUST_HAVE = {"capacitaciones": (("inicio", "sesiones"),), "programas": ()}
AMBITOS = ("nacional", "provincial", "municipal")
MODES = ("presencial", "virtual", "mixta")
# A training people go to needs an address (the calendar's LOCATION, the page's «Dónde»).
NEEDS_ADDRESS = ("presencial", "mixta")
_META = re.compile(r"^([A-Za-z_][\w-]*):\s*(.*)$")


def _metadata(text: str) -> dict[str, tuple[int, int, str]]:
    found = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break
        match = _META.match(line)
        if match:
            found[match.group(1).lower()] = (number, match.start(2) + 1, match.group(2).strip())
    return found


def _problem(kind: str, value: str) -> Problem | None:
    try:
        if kind == "fecha":
            date.fromisoformat(value)
        elif kind == "fecha_hora":
            datetime.fromisoformat(value)
    except ValueError:
        return Problem(kind, {"valor": value})
    if kind == "enlace" and not re.match(r"^(https?://[^\s]+|mailto:[^\s@]+@[^\s@]+)$", value):
        return Problem("enlace", {"valor": value})
    if kind == "ambito" and value.lower() not in AMBITOS:
        return Problem("opcion", {"valor": value, "opciones": " o ".join(f"«{a}»" for a in AMBITOS)})
    if kind == "texto" and not value:
        return Problem("vacio")
    if kind == "modalidad" and value.lower() not in MODES:
        return Problem("opcion", {"valor": value, "opciones": " o ".join(f"«{m}»" for m in MODES)})
    if kind == "sesiones":
        try:
            parse_sessions(value)
        except SessionError as problem:
            return problem.problem
    return None


def check_content(root: Path) -> list[Diagnostic]:
    diagnostics = []
    for folder, fields in FIELDS.items():
        for path in sorted((root / "content" / folder).glob("*.md")):
            archivo = str(path.relative_to(root))
            meta = _metadata(path.read_text(encoding="utf-8"))
            if not is_valid_slug(path.stem):
                diagnostics.append(
                    located(archivo, 1, 1, "", "nombre_archivo", valor=path.name, maximo=SLUG_MAX)
                )
            for keys in (*((k,) for k in REQUIRED), *MUST_HAVE[folder]):
                if not any(k in meta for k in keys):
                    names = " o ".join(k.capitalize() for k in keys)
                    diagnostics.append(located(archivo, 1, 1, names, "requerido"))
            if "sesiones" in meta and ("inicio" in meta or "fin" in meta):
                line, col, _ = meta["sesiones"]
                diagnostics.append(located(archivo, line, col, "Sesiones", "sesiones_e_inicio"))
            modalidad = meta.get("modalidad", (0, 0, ""))[2].lower()
            if modalidad in NEEDS_ADDRESS and "direccion" not in meta:
                line, col, _ = meta["modalidad"]
                diagnostics.append(
                    located(archivo, line, col, "Direccion", "direccion_falta", modalidad=modalidad)
                )
            for key, (line, col, value) in meta.items():
                problem = _problem(fields[key], value) if key in fields else None
                if problem:
                    diagnostics.append(
                        located(archivo, line, col, key.capitalize(), problem.code, **problem.values)
                    )
    return diagnostics
