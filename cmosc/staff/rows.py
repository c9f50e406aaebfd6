"""One spreadsheet row → the values of a profile, what was left out, and why.

A bad optional cell costs that cell (a warning naming row, column, value and reason),
never the row; only a missing name, a type that cannot be resolved or a place outside
the municipality reject or omit a row. Columns no field takes go to the notes line,
so every source cell ends somewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cmosc.folding import fold
from cmosc.messages import format_message
from cmosc.municipality import Municipality
from cmosc.profiles.checks import Problem
from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import ORGANIZATION, Field, walk
from cmosc.profiles.validator import Env
from cmosc.staff.cells import is_placeholder, normalize_scalar, split_list, spreadsheet_date
from cmosc.staff.columns import AREA_CODE, DEPARTMENT, PROVINCE, REGISTRY_PREFIX, SLUG, ColumnMap, header_key

FIELDS = {path.replace("[].", "."): f for path, f in walk()}
REQUIRED = ("nombre", "tipo")
DATE_KINDS = ("fecha", "anio_o_fecha")
LAT, LON = "sedes.ubicacion.lat", "sedes.ubicacion.lon"


def field_of(target: str) -> Field:
    if target.startswith(REGISTRY_PREFIX) and target not in FIELDS:
        return ORGANIZATION.child("identificadores").extra
    return FIELDS[target]


@dataclass
class Sheet:
    """What every row of one import shares."""

    headers: list[str]
    columns: dict[int, str]
    unused: list[int]
    mapping: ColumnMap
    env: Env
    source: str  # the notes line's label, e.g. «centros-culturales-sinca.csv»

    @property
    def vocabularies(self):
        return self.env.vocabularies


@dataclass
class Row:
    number: int
    values: dict[str, object] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # target → the header it came from
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    outside: str = ""  # why the row is in another municipality
    other_province: str = ""  # its province, when it is not the municipality's
    untyped: tuple[str, str] | None = None  # (column, value) of a type no vocabulary term matches
    place: dict[str, str] = field(default_factory=dict)

    def warn(self, header: str, value: str, reason: str) -> None:
        self.warnings.append(f"columna «{header}», valor «{value}»: {reason}; se dejó afuera esa celda.")


def read_row(number: int, cells: list[str], sheet: Sheet) -> Row:
    row = Row(number)
    area = ""
    for index, target in sheet.columns.items():
        header, typed = sheet.headers[index], (cells[index].strip() if index < len(cells) else "")
        raw = translate(typed, header, target, sheet.mapping)
        if not raw or is_placeholder(raw):
            continue
        if raw != typed:  # translated by `valores:`: the registry's own word stays in the notes
            row.notes.append(f"{header}: {typed}")
        if target == AREA_CODE:
            area = re.sub(r"\D", "", raw).lstrip("0")
            row.notes.append(f"{header}: {raw}")
        elif target in (DEPARTMENT, PROVINCE):
            row.place[target] = raw
            row.notes.append(f"{header}: {raw}")
        elif target == SLUG:
            row.values[SLUG] = raw
        else:
            take(row, target, header, raw, sheet)
    for target, value in sheet.mapping.fijos.items():
        if target not in row.values:
            take(row, target, "fijos", value, sheet)
    for index in sheet.unused:
        raw = cells[index].strip() if index < len(cells) else ""
        if raw and not is_placeholder(raw):
            row.notes.append(f"{sheet.headers[index]}: {' '.join(raw.split())}")
    if area:
        join_area_code(row, area)
    locate(row, sheet.env.municipal_area)
    if "nombre" not in row.values and not row.rejected:
        row.rejected.append(missing("nombre"))
    return row


def translate(raw: str, header: str, target: str, mapping: ColumnMap) -> str:
    if not mapping.valores or not raw:
        return raw
    table = _table(mapping, header, target)
    return table.get(fold(raw), raw) if table else raw


def _table(mapping: ColumnMap, header: str, target: str) -> dict | None:
    key = (header, target)
    if key not in mapping.cache:  # one lookup per column, not per cell
        mapping.cache[key] = mapping.valores.get(header_key(header)) or mapping.valores.get(target)
    return mapping.cache[key]


def take(row: Row, target: str, header: str, raw: str, sheet: Sheet) -> None:
    spec = field_of(target)
    if spec.kind == "lista":
        items = []
        for part in split_list(raw, spec.items):
            if is_placeholder(part):
                continue
            value = checked(row, target, header, part, spec.items, sheet)
            if value is not None:
                items.append(value)
        merged = list(dict.fromkeys([*row.values.get(target, []), *items]))
        if merged:
            row.values[target] = merged
            row.columns.setdefault(target, header)
        return
    if target in row.values:
        return
    value = checked(row, target, header, raw, spec, sheet)
    if value is not None:
        row.values[target] = value
        row.columns[target] = header


def checked(row: Row, target: str, header: str, raw: str, spec: Field, sheet: Sheet) -> str | None:
    """The cell as profile text, or None (with a warning, or a rejection for required fields)."""
    if spec.kind in DATE_KINDS:
        typed, raw, doubt = raw, *spreadsheet_date(raw, sheet.env.today)
        if doubt:
            row.warnings.append(f"columna «{header}», valor «{typed}»: {doubt}.")
    text = normalize_scalar(raw, spec, sheet.vocabularies)
    if spec.kind == "coordenada":
        return text  # judged as a pair, in `locate`
    outcome = KINDS[spec.kind].check(text, spec, sheet.env)
    if not isinstance(outcome, Problem):
        return text
    reason = format_message(outcome.code, **outcome.values).rstrip(".")
    if target in REQUIRED:
        hint = ""
        if target == "tipo":
            hint, row.untyped = " (traducilo con «valores:» en el archivo de --columnas)", (header, raw)
        row.rejected.append(f"columna «{header}»: {reason}{hint}.")
    else:
        row.warn(header, raw, reason)
    return None


def missing(target: str) -> str:
    if target == "nombre":
        return "la fila no tiene nombre: completá la columna del nombre de la organización."
    return (
        "la fila no tiene tipo: agregá la columna «Tipo» o indicá uno para todas las filas con "
        "«fijos: tipo: …» en el archivo de --columnas."
    )


def join_area_code(row: Row, area: str) -> None:
    """A registry's `cod_area` column + a local number = the full number (never 0381 by guess)."""
    phones = row.values.get("contacto.telefonos", [])
    joined = []
    for phone in phones:
        digits = re.sub(r"\D", "", phone)
        full = digits if len(digits) >= 10 or digits.startswith("0") else f"0{area}{digits}"
        joined.append(normalize_scalar(full, FIELDS["contacto.telefonos"].items, {}))
    if phones:
        row.values["contacto.telefonos"] = list(dict.fromkeys(joined))


def locate(row: Row, municipal_area: Municipality) -> None:
    """Mark rows of another municipality; drop coordinates that cannot be right."""
    localidad = row.values.get("sedes.localidad", "")
    departamento, province = row.place.get(DEPARTMENT, ""), row.place.get(PROVINCE, "")
    ours_province = not province or fold(province) == fold(municipal_area.province)
    row.other_province = "" if ours_province else province
    ours_department = ours_province and (
        not departamento or fold(departamento) in {fold(d) for d in municipal_area.departamentos}
    )
    names = {fold(n) for n in municipal_area.nombres}
    short = {fold(n) for n in municipal_area.short_names}
    if localidad:
        ours = fold(localidad) in names or (fold(localidad) in short and departamento and ours_department)
        if not ours:
            row.outside = f"la localidad es «{localidad}»"
        else:
            del row.values["sedes.localidad"]  # the default: the configured municipality
    if not row.outside and not ours_department:
        row.outside = f"el departamento es «{departamento or province}»" + (
            f" ({province})" if departamento and province else ""
        )
    point(row, municipal_area)


def point(row: Row, municipal_area: Municipality) -> None:
    if LAT not in row.values and LON not in row.values:
        return
    lat, lon = row.values.pop(LAT, ""), row.values.pop(LON, "")
    headers = f"«{row.columns.pop(LAT, 'latitud')}» y «{row.columns.pop(LON, 'longitud')}»"
    try:
        lat_n, lon_n = float(lat), float(lon)
    except ValueError:
        row.warnings.append(f"columnas {headers}, valores «{lat}» y «{lon}»: no son un par de números; "
                            "se dejó afuera la ubicación.")  # fmt: skip
        return
    if municipal_area.contains(lat_n, lon_n):
        row.values[LAT], row.values[LON] = lat, lon
    elif -56 < lat_n < -21 and -74 < lon_n < -53:  # a real point in Argentina, elsewhere
        row.outside = row.outside or f"las coordenadas ({lat}, {lon}) caen fuera del municipio"
    else:
        row.warnings.append(f"columnas {headers}, valores «{lat}» y «{lon}»: no es un punto de la "
                            "Argentina (¿signo o latitud y longitud invertidas?); se dejó afuera la ubicación.")  # fmt: skip


def reachable(values: dict) -> bool:
    return "sedes.direccion" in values or any(k.startswith("contacto.") for k in values)
