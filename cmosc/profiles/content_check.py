"""Check the metadata of trainings and program calls before Pelican reads them.

Pelican would stop on a bad date with an English traceback; staff get the same
Spanish `archivo:línea:columna` messages as for profiles instead.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from cmosc.diagnostics import Diagnostic
from cmosc.profiles.checks import is_valid_slug

# folder → {metadata key: kind}; keys in lower case as Pelican stores them.
REQUIRED = {"title": "texto", "date": "fecha"}
FIELDS = {
    "capacitaciones": {**REQUIRED, "inicio": "fecha_hora", "fin": "fecha_hora", "inscripcion": "enlace"},
    "programas": {
        **REQUIRED,
        "convocatoria_abre": "fecha",
        "convocatoria_cierra": "fecha",
        "ambito": "ambito",
    },
}
MUST_HAVE = {"capacitaciones": ("inicio",), "programas": ()}
AMBITOS = ("nacional", "provincial", "municipal")
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


def _problem(kind: str, value: str) -> str | None:
    try:
        if kind == "fecha":
            date.fromisoformat(value)
        elif kind == "fecha_hora":
            datetime.fromisoformat(value)
    except ValueError:
        return f"«{value}» no es una fecha válida; usá AAAA-MM-DD" + (
            " o AAAA-MM-DDTHH:MM." if kind == "fecha_hora" else "."
        )
    if kind == "enlace" and not re.match(r"^(https?://[^\s]+|mailto:[^\s@]+@[^\s@]+)$", value):
        return f"«{value}» no es un enlace válido; debe empezar con https://, http:// o mailto:."
    if kind == "ambito" and value.lower() not in AMBITOS:
        return f"«{value}» no es válido; se espera {', '.join(AMBITOS)}."
    if kind == "texto" and not value:
        return "el valor está vacío."
    return None


def check_content(root: Path) -> list[Diagnostic]:
    diagnostics = []
    for folder, fields in FIELDS.items():
        for path in sorted((root / "content" / folder).glob("*.md")):
            archivo = str(path.relative_to(root))
            meta = _metadata(path.read_text(encoding="utf-8"))
            if not is_valid_slug(path.stem):
                diagnostics.append(
                    Diagnostic(
                        archivo,
                        1,
                        1,
                        "",
                        "el nombre del archivo debe ser minúsculas sin tildes, números y guiones.",
                        "nombre_archivo",
                    )
                )
            for key in (*REQUIRED, *MUST_HAVE[folder]):
                if key not in meta:
                    diagnostics.append(
                        Diagnostic(
                            archivo, 1, 1, key.capitalize(), "falta este dato obligatorio.", "requerido"
                        )
                    )
            for key, (line, col, value) in meta.items():
                message = _problem(fields[key], value) if key in fields else None
                if message:
                    diagnostics.append(Diagnostic(archivo, line, col, key.capitalize(), message, "contenido"))
    return diagnostics
