"""Plan an import, row by row: each row becomes a profile text, validated like any other.

Rows stream through (`plan_rows` yields one result at a time), so memory does not grow
with the sheet beyond a small identity index. A row that is an existing organization
(`identity`) only adds to that file with `actualizar`: a value is never removed because a
cell is empty, `notas_internas` only grows, comments and every other key stay, and a
verified profile whose published data changed is marked `sin_verificar_desde`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cmosc.profiles.catalog import PROFILES_DIR, Catalog
from cmosc.profiles.checks import is_valid_slug
from cmosc.profiles.loader import load_text
from cmosc.profiles.schema import MODELINE, ORGANIZATION, Field
from cmosc.profiles.validator import Env, validate
from cmosc.staff.canonical import insert_in_order
from cmosc.staff.cells import normalize_scalar
from cmosc.staff.columns import SLUG
from cmosc.staff.identity import Index, Known, identifiers, place_key
from cmosc.staff.roundtrip import dump_text, load_path, scalar, text_of
from cmosc.staff.rows import Sheet, field_of, missing, reachable, read_row

NOTES = "notas_internas"


@dataclass
class RowResult:
    fila: int
    accion: str  # nueva | actualizada | sin_cambios | omitida | rechazada
    slug: str | None = None
    reasons: list[str] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)
    cambios: list[tuple[str, str, str]] = field(default_factory=list)  # (column, old, new)
    parecidas: list[str] = field(default_factory=list)
    coincide: str = ""  # why an existing file is this row's organization
    outside: bool = False
    province: str = ""  # a row outside the municipality: its province, when another one
    untranslated_type: tuple[str, str] | None = None  # (column, value) of a type not resolved
    texto: str | None = None  # an updated file's new text
    new: tuple[dict, str] | None = None  # a new file's values and notes line


def known_index(catalog: Catalog) -> Index:
    index = Index()
    for profile in catalog.profiles:
        index.add_profile(profile.slug, profile.data)
    return index


def plan_rows(rows, sheet: Sheet, catalog: Catalog, actualizar: bool):
    """Yield a RowResult per sheet row, in order (nothing written here)."""
    index = known_index(catalog)
    folder = catalog.root / PROFILES_DIR
    for number, cells in rows:
        row = read_row(number, cells, sheet)
        yield plan_row(row, sheet, index, folder, actualizar)


def plan_row(row, sheet: Sheet, index: Index, folder: Path, actualizar: bool) -> RowResult:
    result = RowResult(row.number, "rechazada", avisos=row.warnings, untranslated_type=row.untyped)
    if row.outside:  # judged first: another municipality's row is no one's to fix here
        result.accion, result.outside, result.reasons = (
            "omitida",
            True,
            [f"fuera del municipio: {row.outside}."],
        )
        result.avisos, result.untranslated_type, result.province = [], None, row.other_province
        return result
    if row.rejected:
        result.reasons = row.rejected
        return result
    match = index.find(row.values, row.values.get(SLUG))
    result.slug, result.coincide = match.slug, match.motivo
    result.parecidas = [
        f"{PROFILES_DIR}/{k.slug}.yml" if k.row is None else f"fila {k.row}" for k in match.parecidas
    ]
    if match.known is not None and match.known.row is not None:
        result.accion, result.coincide = "omitida", ""
        result.reasons = [f"repite la organización de la fila {match.known.row} ({match.motivo})."]
        return result
    if not is_valid_slug(match.slug):
        result.reasons = [f"«{match.slug}» no sirve como identificador (minúsculas, números y guiones)."]
        return result
    if match.known is None and "tipo" not in row.values:
        result.reasons = [missing("tipo")]  # an existing profile has its own
        return result
    if match.known is None and not reachable(row.values):
        result.reasons = [
            "no tiene dirección ni contacto, y un perfil necesita al menos uno: completá la columna "
            "de la dirección, el teléfono o el correo."
        ]
        return result
    notes = " · ".join([f"Importado de {sheet.source}, fila {row.number}", *row.notes])
    path = folder / f"{match.slug}.yml"
    archivo = f"{PROFILES_DIR}/{match.slug}.yml"
    if match.known is None:
        # Validated as data; the YAML text is only made when it is written (`new_text`).
        result.accion, result.new = "nueva", (row.values, notes)
        result.reasons = data_problems(nested(row.values, notes), archivo, sheet.env, row.columns)
    else:
        update(result, path, row, sheet, notes)
        if result.texto is not None:
            result.reasons = problems(result.texto, archivo, sheet.env, row.columns)
    if result.reasons:
        result.accion = "rechazada"
    if result.accion == "nueva":
        index.add(
            Known(
                match.slug, row.values["nombre"], identifiers(row.values), place_key(row.values), row.number
            )
        )
    elif match.known is not None:
        index.add(
            Known(match.slug, match.known.nombre, identifiers(row.values), match.known.place, row.number)
        )
    if result.accion == "actualizada" and not actualizar:
        result.accion = "omitida"
        result.reasons = ["ya existe con otros datos; no se modificó (usá --actualizar)."]
    return result


def update(result: RowResult, path: Path, row, sheet: Sheet, notes: str) -> None:
    original = path.read_text(encoding="utf-8-sig")
    try:
        doc = load_path(path)
    except Exception:  # ruamel's errors; validation of the file explains them
        result.reasons = [f"{PROFILES_DIR}/{path.name} ya existe y no es YAML válido; corregilo primero."]
        return
    result.cambios = apply_values(doc, row.values, sheet, notes)
    if any(field_of(target).public for target, _, _ in result.cambios) and doc.get("verificado"):
        insert_in_order(
            doc,
            "sin_verificar_desde",
            scalar(sheet.env.today.isoformat(), ORGANIZATION.child("verificado")),
            ORGANIZATION,
        )
    result.texto = dump_text(doc)
    result.accion = "sin_cambios" if result.texto == original else "actualizada"
    result.cambios = [(row.columns.get(t, t), old, new) for t, old, new in result.cambios]


def nested(values: dict, notes: str) -> dict:
    """The row as the plain data of a profile (what YAML would read), for validation."""
    data: dict = {}
    for target, value in values.items():
        if target == SLUG:
            continue
        *parents, last = target.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, [{}])[0] if part == "sedes" else node.setdefault(part, {})
        node[last] = value
    if notes:
        data[NOTES] = f"{data[NOTES]}\n{notes}" if NOTES in data else notes
    return data


def new_text(values: dict, notes: str, sheet: Sheet) -> str:
    doc = CommentedMap()
    doc.yaml_set_start_comment(MODELINE.removeprefix("# "))
    apply_values(doc, values, sheet, notes)
    return dump_text(doc)


def container(doc: CommentedMap, parts: list[str]) -> tuple[CommentedMap, Field]:
    """The mapping that holds a dotted path's last key (created when missing)."""
    node, schema = doc, ORGANIZATION
    for part in parts[:-1]:
        sub = schema.child(part)
        if sub.kind == "lista":  # only `sedes`: imported data goes to the first sede
            if not isinstance(node.get(part), CommentedSeq) or not node[part]:
                insert_in_order(node, part, CommentedSeq([CommentedMap()]), schema)
            node, schema = node[part][0], sub.items
        else:
            if not isinstance(node.get(part), CommentedMap):
                insert_in_order(node, part, CommentedMap(), schema)
            node, schema = node[part], sub
    return node, schema


def same(existing, new, spec: Field, vocabularies) -> bool:
    """Whether a value already in the file means what the spreadsheet says (`-26.8300` = `-26.83`)."""
    if spec.kind == "lista":
        if not isinstance(existing, list):
            return False
        old = [normalize_scalar(text_of(v) or "", spec.items, vocabularies) for v in existing]
        return set(new) <= set(old)
    text = text_of(existing)
    if text is None:
        return False
    old = normalize_scalar(text, spec, vocabularies)
    if spec.kind == "coordenada":
        try:
            return float(old) == float(new)
        except ValueError:
            return False
    return old == new


def apply_values(doc: CommentedMap, values: dict, sheet: Sheet, notes: str) -> list[tuple[str, str, str]]:
    """Write the row into the document; return (target, old, new) for every change."""
    changes = []
    for target, value in values.items():
        if target == SLUG:
            continue
        parts = target.split(".")
        node, schema = container(doc, parts)
        spec = field_of(target)
        old = node.get(parts[-1])
        if target == NOTES:
            continue  # appended to, below
        if same(old, value, spec, sheet.vocabularies):
            continue
        if spec.kind == "lista":
            kept = list(old) if isinstance(old, list) else []
            texts = {normalize_scalar(text_of(v) or "", spec.items, sheet.vocabularies) for v in kept}
            new = CommentedSeq(kept + [scalar(v, spec.items) for v in value if v not in texts])
            new.fa.set_flow_style()
        else:
            new = scalar(value, spec)
        changes.append((target, shown(old), shown(new)))
        insert_in_order(node, parts[-1], new, schema)
    old = text_of(doc.get(NOTES)) or ""
    body = notes.partition(" · ")[2]  # what the sheet says beyond «Importado de …, fila N»
    lines = [values.get(NOTES), notes if not old or (body and body not in old) else None]
    lines = [line for line in lines if line and line not in old]
    if lines:  # notes are only ever appended to, never replaced
        text = "\n".join([old, *lines]).strip()
        insert_in_order(doc, NOTES, text, ORGANIZATION)
        changes.append((NOTES, old, text))
    return changes


def shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


_MARK = Mark("", 0, 0, 0, None, None)


def as_node(value) -> Node:
    """Plain data as the node tree the validator reads (every scalar a quoted text)."""
    if isinstance(value, dict):
        pairs = [(ScalarNode(_STR, k, _MARK, _MARK), as_node(v)) for k, v in value.items()]
        return MappingNode(_MAP, pairs, _MARK, _MARK)
    if isinstance(value, list):
        return SequenceNode(_SEQ, [as_node(v) for v in value], _MARK, _MARK)
    return ScalarNode(_STR, str(value), _MARK, _MARK, style="'")


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def data_problems(data: dict, archivo: str, env: Env, headers: dict[str, str]) -> list[str]:
    """A new row's data validated like a profile file, without writing its YAML first."""
    return reasons_of(validate(as_node(data), ORGANIZATION, archivo, env)[1], headers)


def problems(text: str, archivo: str, env: Env, headers: dict[str, str]) -> list[str]:
    loaded = load_text(text, archivo)
    diagnostics = list(loaded.diagnostics)
    if loaded.node is not None:
        diagnostics += validate(loaded.node, ORGANIZATION, archivo, env)[1]
    return reasons_of(diagnostics, headers)


def reasons_of(diagnostics, headers: dict[str, str]) -> list[str]:
    reasons = []
    for d in sorted(diagnostics):
        if d.nivel != "error":
            continue  # warnings (unreadable hours) never stop an import
        target = re.sub(r"\[\d+\]", "", d.campo)
        where = f"columna «{headers[target]}»" if target in headers else d.campo
        reasons.append(f"{where}: {d.mensaje}" if where else d.mensaje)
    return reasons


def write_result(row: RowResult, folder: Path, actualizar: bool, sheet: Sheet) -> bool:
    path = folder / f"{row.slug}.yml"
    if row.accion == "nueva":
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never replace a file
            handle.write(new_text(*row.new, sheet))
    elif row.accion == "actualizada" and actualizar:
        path.write_text(row.texto, encoding="utf-8")
    else:
        return False
    return True
