"""Plan an import: each spreadsheet row becomes a profile text, validated like any other.

Nothing is written here; `write_plan` applies a plan. A row that matches an existing
file (same slug or same CUIT) only changes that file's imported fields, and only
with `actualizar`; comments and every other key stay as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cmosc.folding import strip_accents
from cmosc.profiles.catalog import PROFILES_DIR, Catalog
from cmosc.profiles.checks import is_valid_slug
from cmosc.profiles.loader import load_text
from cmosc.profiles.schema import MODELINE, ORGANIZACION, SLUG_MAX, Field, walk
from cmosc.profiles.validator import Env, validate
from cmosc.profiles.vocabularies import Vocabulary
from cmosc.staff.canonical import insert_in_order
from cmosc.staff.cells import normalize_list, normalize_scalar
from cmosc.staff.columns import SLUG
from cmosc.staff.duplicates import why_same
from cmosc.staff.roundtrip import dump_text, load_path, scalar, text_of

FIELDS = {path.replace("[].", "."): f for path, f in walk()}


@dataclass
class RowResult:
    fila: int
    accion: str  # nueva | actualizada | sin_cambios | diferente | rechazada
    slug: str | None = None
    motivos: list[str] = field(default_factory=list)
    parecidas: list[str] = field(default_factory=list)
    texto: str | None = None
    coincide: str = ""  # why an existing file is this row's organization


@dataclass
class Plan:
    filas: list[RowResult]
    sin_usar: list[str]

    def count(self, accion: str) -> int:
        return sum(1 for r in self.filas if r.accion == accion)


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", strip_accents(name).casefold()).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def row_values(cells: list[str], columns: dict[int, str], vocabularies) -> dict[str, object]:
    """Target path → normalized text (or list); several columns may feed one list."""
    values: dict[str, object] = {}
    for index, target in columns.items():
        raw = cells[index] if index < len(cells) else ""
        if not raw.strip():
            continue
        if target == SLUG:
            values[SLUG] = raw.strip()
            continue
        spec = FIELDS[target]
        if spec.kind == "lista":
            merged = list(values.get(target, [])) + normalize_list(raw, spec, vocabularies)
            values[target] = list(dict.fromkeys(merged))
        else:
            values.setdefault(target, normalize_scalar(raw, spec, vocabularies))
    return values


def container(doc: CommentedMap, parts: list[str]) -> tuple[CommentedMap, Field]:
    """The mapping that holds a dotted path's last key (created when missing)."""
    node, schema = doc, ORGANIZACION
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
    """Whether a value already in the file means what the spreadsheet says."""
    if spec.kind == "lista":
        if not isinstance(existing, list):
            return False
        old = [normalize_scalar(text_of(v) or "", spec.items, vocabularies) for v in existing]
        return old == new
    text = text_of(existing)
    return text is not None and normalize_scalar(text, spec, vocabularies) == new


def apply_values(doc: CommentedMap, values: dict, vocabularies) -> None:
    for target, value in values.items():
        if target == SLUG:
            continue
        parts = target.split(".")
        node, schema = container(doc, parts)
        spec = FIELDS[target]
        if same(node.get(parts[-1]), value, spec, vocabularies):
            continue
        if spec.kind == "lista":
            new = CommentedSeq(scalar(v, spec.items) for v in value)
            new.fa.set_flow_style()
        else:
            new = scalar(value, spec)
        insert_in_order(node, parts[-1], new, schema)


def problems(text: str, archivo: str, env: Env, headers: dict[str, str]) -> list[str]:
    loaded = load_text(text, archivo)
    diagnostics = list(loaded.diagnostics)
    if loaded.node is not None:
        diagnostics += validate(loaded.node, ORGANIZACION, archivo, env)[1]
    reasons = []
    for d in sorted(diagnostics):
        if d.nivel != "error":
            continue  # warnings (unreadable hours) never stop an import
        target = re.sub(r"\[\d+\]", "", d.campo)
        where = f"«{headers[target]}»" if target in headers else (d.campo or "archivo")
        reasons.append(f"{where}: {d.mensaje}")
    return reasons


def plan_import(sheet, columns: dict[int, str], unused: list[str], catalog: Catalog, env: Env) -> Plan:
    headers = {}
    for index, target in sorted(columns.items()):
        headers.setdefault(target, sheet.headers[index])
    folder = catalog.root / PROFILES_DIR
    seen: dict[str, int] = {}
    results = []
    for number, cells in sheet.rows:
        values = row_values(cells, columns, catalog.vocabularies)
        results.append(plan_row(number, values, catalog, env, headers, folder, seen))
    return Plan(results, unused)


def plan_row(number, values, catalog, env, headers, folder: Path, seen: dict) -> RowResult:
    slug = values.get(SLUG) or slugify(str(values.get("nombre", "")))
    if not slug:
        return RowResult(number, "rechazada", motivos=["la fila no tiene nombre."])
    if not is_valid_slug(slug):
        return RowResult(
            number,
            "rechazada",
            slug,
            [f"«{slug}» no sirve como identificador (minúsculas, números y guiones)."],
        )
    candidate = {
        "nombre": values.get("nombre", ""),
        "identificadores": {"cuit": values["identificadores.cuit"]}
        if "identificadores.cuit" in values
        else {},
        "sedes": [{"barrio": values["sedes.barrio"]}] if "sedes.barrio" in values else [],
    }
    matches = [(p.slug, why_same(candidate, p.data)) for p in catalog.profiles]
    matches = [(s, m) for s, m in matches if m]
    by_cuit = next((s for s, m in matches if m == "mismo CUIT"), None)
    slug = by_cuit or slug
    for key in (f"slug:{slug}", f"cuit:{values.get('identificadores.cuit', '')}"):
        if key in seen and not key.endswith(":"):
            return RowResult(number, "rechazada", slug, [f"repite la organización de la fila {seen[key]}."])
        seen.setdefault(key, number)
    result = RowResult(
        number, "nueva", slug, parecidas=[f"{PROFILES_DIR}/{s}.yml ({m})" for s, m in matches if s != slug]
    )
    path = folder / f"{slug}.yml"
    archivo = f"{PROFILES_DIR}/{slug}.yml"
    result.coincide = "mismo CUIT" if by_cuit else "mismo identificador"
    if path.exists():
        original = path.read_text(encoding="utf-8-sig")
        try:
            doc = load_path(path)
        except Exception:  # ruamel's errors; validation of the file explains them
            result.accion, result.motivos = (
                "rechazada",
                [f"{archivo} ya existe y no es YAML válido; corregilo primero."],
            )
            return result
        apply_values(doc, values, catalog.vocabularies)
        result.texto = dump_text(doc)
        if result.texto == original:
            result.accion = "sin_cambios"
            return result
        result.accion = "actualizada"
    else:
        result.coincide = ""
        doc = CommentedMap()
        apply_values(doc, values, catalog.vocabularies)
        doc.yaml_set_start_comment(MODELINE.removeprefix("# "))
        result.texto = dump_text(doc)
    result.motivos = problems(result.texto, archivo, env, headers)
    if result.motivos:
        result.accion = "rechazada"
    return result


def write_plan(plan: Plan, folder: Path, actualizar: bool) -> list[Path]:
    written = []
    for row in plan.filas:
        path = folder / f"{row.slug}.yml"
        if row.accion == "nueva":
            folder.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:  # never replace a file
                handle.write(row.texto)
        elif row.accion == "actualizada" and actualizar:
            path.write_text(row.texto, encoding="utf-8")
        else:
            continue
        written.append(path)
    return written


def vocabularies_env(catalog: Catalog, today) -> Env:
    return Env(catalog.vocabularies, catalog.programas, catalog.root / PROFILES_DIR, today)


__all__ = ["Plan", "RowResult", "plan_import", "write_plan", "slugify", "vocabularies_env", "Vocabulary"]
