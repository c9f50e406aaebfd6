"""The commented template `cmosc nueva` writes: every field explained, from the schema.

Required fields are live keys; optional ones are commented out so the file is valid
once the required ones are filled, and staff uncomment what they know.
"""

from __future__ import annotations

from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import MODELINE, ORGANIZATION, Field
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.staff.roundtrip import dump_text

MAX_LISTED = 12  # longer vocabularies (barrios) point at their file instead


def limits(field: Field) -> str:
    parts = []
    if field.min_len and field.max_len:
        parts.append(f"De {field.min_len} a {field.max_len} caracteres.")
    elif field.max_len:
        parts.append(f"Hasta {field.max_len} caracteres.")
    if field.opciones:
        parts.append("Valores: " + ", ".join(field.opciones) + ".")
    return " ".join(parts)


def vocabulary_hint(field: Field, vocabularies: dict[str, Vocabulary]) -> str:
    vocabulary = vocabularies.get(field.vocab or "")
    if vocabulary is None:
        return ""
    if len(vocabulary.terms) > MAX_LISTED:
        return f"Ver la lista en vocabularios/{field.vocab}.yml."
    return "Valores: " + ", ".join(t.id for t in vocabulary.terms) + "."


def describe(field: Field, vocabularies) -> str:
    """One comment line: label, (obligatorio), help, limits and allowed values."""
    item = field.items if field.kind == "lista" and field.items is not None else None
    parts = [f"{field.etiqueta}{' (obligatorio)' if field.required else ''}: {field.hint}", limits(field)]
    vocab_field = item if item is not None and item.kind == "vocab" else field
    if vocab_field.kind == "vocab":
        parts.append(vocabulary_hint(vocab_field, vocabularies))
    return " ".join(p for p in parts if p)


def example(field: Field) -> str:
    """A sample value, only as a hint inside a commented-out line."""
    if field.kind == "objeto":
        return "{" + ", ".join(f"{sub.key}: {example(sub)}" for sub in field.fields) + "}"
    return field.example or KINDS[field.kind].sample


def block(field: Field, value: str, vocabularies, indent: str = "", quote: bool = True) -> list[str]:
    """The lines of one field, uncommented; `value` fills a scalar."""
    lines = [f"{indent}# {describe(field, vocabularies)}"]
    if field.kind == "objeto":
        lines.append(f"{indent}{field.key}:")
        for sub in field.fields:
            lines += block(sub, example(sub), vocabularies, indent + "  ", quote=False)
    elif field.kind == "lista" and field.items is not None and field.items.kind == "objeto":
        lines.append(f"{indent}{field.key}:")
        for number, sub in enumerate(field.items.fields):
            lines.append(f"{indent}    # {describe(sub, vocabularies)}")
            lines += [f"{indent}    # {describe(child, vocabularies)}" for child in sub.fields]
            marker = "  - " if number == 0 else "    "
            lines.append(f"{indent}{marker}{sub.key}: {example(sub)}".rstrip())
    elif field.kind == "lista":
        lines.append(f"{indent}{field.key}: []")
    else:
        line = dump_text({field.key: value}).rstrip("\n") if quote and value else f"{field.key}: {value}"
        lines.append(f"{indent}{line}".rstrip())
    return lines


def field_lines(field: Field, values: dict, vocabularies) -> list[str]:
    """Required fields live (with the given value); optional ones commented out."""
    if field.required:
        lines = block(field, values.get(field.key, ""), vocabularies)
        if field.kind == "markdown":
            lines.insert(
                1,
                "# Para varios párrafos escribí «descripcion: |» y el texto en las líneas de abajo, "
                "con dos espacios al comienzo.",
            )
        return lines
    lines = block(field, example(field), vocabularies, quote=False)
    return [lines[0]] + [f"# {line}" for line in lines[1:]]


def template(values: dict, vocabularies: dict[str, Vocabulary]) -> str:
    """The full template text; `values` fills live keys (nombre, tipo)."""
    live = {f.key: values.get(f.key, "") for f in ORGANIZATION.fields if f.required}
    lines = [
        MODELINE,
        "# Perfil de una organización del directorio del CMOSC.",
        "# Completá los campos obligatorios. Para usar un campo opcional, borrá el «# » del",
        "# comienzo de sus líneas. Para publicar hace falta, además, una dirección (en «sedes»)",
        "# o un dato de contacto. Después corré «cmosc validar» para revisar el archivo.",
        "",
    ]
    for field in ORGANIZATION.fields:
        lines += field_lines(field, live, vocabularies)
    return "\n".join(lines) + "\n"
