"""The generated sections of the staff guide: every field, and what each error means."""

from __future__ import annotations

import re
from pathlib import Path

from cmosc.messages import CATALOG
from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import walk

GUIDE = "docs/guia-equipo.md"


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def fields_table() -> str:
    rows = [
        "| Campo | Nombre | Tipo | Obligatorio | Se publica | Para qué sirve |",
        "|---|---|---|---|---|---|",
    ]
    for path, field in walk():
        kind = KINDS[field.kind].label
        if field.kind == "lista" and field.items is not None and field.items.kind != "objeto":
            kind = f"lista de {KINDS[field.items.kind].label}"
        if field.vocab or (field.items is not None and field.items.vocab):
            kind += f" (`vocabularios/{field.vocab or field.items.vocab}.yml`)"
        rows.append(
            f"| `{path}` | {cell(field.etiqueta)} | {cell(kind)} | {'sí' if field.required else ''} | "
            f"{'sí' if field.public else '**no**'} | {cell(field.hint)} |"
        )
    return "\n".join(rows)


def errors_section() -> str:
    parts = []
    for code, message in sorted(CATALOG.items()):
        example = re.sub(r"\{(\w+)\}", lambda m: f"‹{m.group(1)}›", message.template)
        parts.append(f"- **`{code}`** — «{cell(example)}»  \n  {message.explanation}")
    return "\n".join(parts)


SECTIONS = {"campos": fields_table, "errores": errors_section}


def fill_sections(text: str, sections: dict, document: str) -> str:
    """Replace what sits between each section's `<!-- GENERADO:name -->` markers."""
    for name, make in sections.items():
        start, end = f"<!-- GENERADO:{name} -->", f"<!-- /GENERADO:{name} -->"
        if start not in text or end not in text:
            raise ValueError(f"{document}: faltan las marcas {start} … {end}")
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = f"{before}{start}\n{make()}\n{end}{after}"
    return text


def fill(text: str) -> str:
    return fill_sections(text, SECTIONS, GUIDE)


def render(root: Path, vocabularies) -> str:
    return fill((root / GUIDE).read_text(encoding="utf-8"))
