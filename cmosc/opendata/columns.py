"""Export columns, derived from the schema: one per published field, in schema order.

A row is one organization. Lists (areas, sedes, actividades…) are flattened into one
column per leaf field whose values are joined with `SEPARATOR`, item by item, so the
n-th value of `sedes.direccion` and of `sedes.barrio` belong to the same sede (an
empty value keeps its place). Vocabulary fields get a second `<columna>_nombre`
column with the display name, hours a `<columna>_osm` one in OpenStreetMap's
`opening_hours` syntax (the kind's `companion`). The column order is the schema's and never depends
on the data, so it is stable across builds; JSON keeps the nesting for lossless use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from cmosc.model.privacy import published_paths
from cmosc.profiles.kinds import KINDS
from cmosc.profiles.schema import ORGANIZATION, Field, walk

SEPARATOR = " | "
SI, NO = "sí", "no"


@dataclass(frozen=True)
class Column:
    nombre: str  # machine name: dotted path without `[]`
    titulo: str  # Spanish label shown to people (XLSX header, /datos/)
    descripcion: str
    tipo: str  # Frictionless type
    ruta: tuple[str, ...]  # keys to follow; a key ending in [] is a list
    vocabulary: str | None = None
    nombres: bool = False  # the display-name companion of a vocabulary column
    derived: str | None = None  # a kind with a `companion`: the value is computed from the typed one
    claves: bool = False  # the keys of an object that are vocabulary ids (registries), as «nombre: valor»

    def cell(self, vocabularios: dict) -> Callable[[dict], object]:
        """This column's cell of an organization's data, with the path, vocabulary and derivation
        resolved once, not for each of the 62 cells of every row: a typed single value, the joined
        texts of a list (None when empty), or a single value's text."""
        if self.claves:
            vocabulary = vocabularios[self.vocabulary]
            return lambda data: _joined(_keyed(data, self.ruta, vocabulary))
        convert = None
        if self.nombres:
            convert = vocabularios[self.vocabulary].label
        elif self.derived:
            convert = KINDS[self.derived].companion.value
        steps = tuple((key.removesuffix("[]"), key.endswith("[]")) for key in self.ruta)
        if any(many for _, many in steps):
            (first, first_many), rest = steps[0], steps[1:]

            def listed(data):
                # Every value at the path, one per list item (None where an item lacks it); the
                # first step straight from the organization's data, which is always an object.
                value = data.get(first)
                if not value:  # a list or an object the organization has not: no cell, none deeper
                    return None
                values = value if first_many else [value]
                for key, many in rest:
                    following = []
                    for item in values:
                        value = item.get(key) if isinstance(item, dict) else None
                        if many:
                            following += value or ()
                        else:
                            following.append(value)
                    values = following
                return _joined(values, convert)

            return listed
        keys = tuple(key for key, _ in steps)
        typed = self.tipo != "string"

        def single(data):
            value = data
            for key in keys:
                value = value.get(key) if isinstance(value, dict) else None
            if convert is not None and value is not None:
                value = convert(value)
            return value if typed else texto(value)

        return single


def _derivations(schema: Field) -> dict:
    """Where `schema` holds derived values, however deep: key → its companion, or (whether a list
    of objects, the plan of the object). Keys without any are left out: copied as they are."""
    plan = {}
    for field in schema.fields:
        many = field.kind == "lista" and field.items is not None and field.items.kind == "objeto"
        if field.kind == "objeto" or many:
            inner = _derivations(field.items if many else field)
            if inner:
                plan[field.key] = (many, inner)
        elif KINDS[field.kind].companion:
            plan[field.key] = KINDS[field.kind].companion
    return plan


_DERIVED = _derivations(ORGANIZATION)


def with_derived(data: dict, plan: dict = _DERIVED) -> dict:
    """A copy of nested data with each derived value beside its field (JSON exports); only the
    objects on the way to one are copied."""
    out = dict(data)
    for key, step in plan.items():
        if key not in data:
            continue
        value = data[key]
        if isinstance(step, tuple):
            many, inner = step
            out[key] = [with_derived(item, inner) for item in value] if many else with_derived(value, inner)
        else:
            derived = step.value(value)
            if derived is not None:
                out[key + step.suffix] = derived
    return out


FIJAS = (
    Column(
        "slug",
        "Identificador",
        "Identificador permanente de la organización (nombre del archivo).",
        "string",
        (),
    ),
    Column("url", "Página", "Dirección de la página de la organización en el directorio.", "string", ()),
)


# Columns whose exported value differs from what staff type in the profile.
DESCRIPTIONS = {"logo": "Dirección de la imagen del logo publicada en el directorio (reducida a 256 px)."}


def _keyed(data: dict, ruta: tuple[str, ...], vocabulary) -> list:
    """«CONABIP: 1234» for every key of the object at `ruta` that the schema does not declare."""
    schema, obj = ORGANIZATION, data
    for key in ruta:
        schema, obj = schema.child(key), obj.get(key) or {}
    extra = [(vocabulary.label(k), v) for k, v in obj.items() if schema.child(k) is None]
    return [f"{label}: {value}" for label, value in sorted(extra)]


def _keyed_columns(schema: Field, prefix: str) -> list[Column]:
    """One column for the vocabulary keys of each object that has them (`identificadores`)."""
    return [
        Column(
            f"{prefix}{f.key}.registros",
            f"{f.etiqueta} · Otros registros",
            f"Números en otros registros de «vocabularios/{f.claves}.yml», como «Nombre: número».",
            "string",
            (f.key,),
            f.claves,
            claves=True,
        )
        for f in schema.fields
        if f.claves and f.public
    ]


def _title(parts: list[Field]) -> str:
    return " · ".join(p.etiqueta for p in parts)


def columnas(schema: Field = ORGANIZATION) -> list[Column]:
    fields = dict(walk(schema.fields))
    result = list(FIJAS)
    for path in published_paths(schema):
        field = fields[path]
        keys = path.split(".")
        # A list of scalars (areas, ods…) is a list at its last key.
        if field.kind == "lista":
            keys[-1] += "[]"
            leaf = field.items
        else:
            leaf = field
        segments = path.split(".")
        parts = [fields[".".join(segments[: i + 1]).removesuffix("[]")] for i in range(len(segments))]
        joined = any(k.endswith("[]") for k in keys)
        tipo = "string" if joined else KINDS[leaf.kind].export_type
        nombre = path.replace("[]", "")
        col = Column(
            nombre, _title(parts), DESCRIPTIONS.get(nombre, field.hint), tipo, tuple(keys), leaf.vocab
        )
        result.append(col)
        companion = KINDS[leaf.kind].companion
        if companion:
            result.append(
                Column(
                    nombre + companion.suffix,
                    f"{_title(parts)} {companion.title}",
                    companion.description,
                    "string",
                    tuple(keys),
                    derived=leaf.kind,
                )
            )
        if leaf.vocab:
            result.append(
                Column(
                    nombre + "_nombre",
                    _title(parts) + " (nombre)",
                    f"Nombre visible de «{nombre}» según el vocabulario «{leaf.vocab}».",
                    "string",
                    tuple(keys),
                    leaf.vocab,
                    nombres=True,
                )
            )
    return result + _keyed_columns(schema, "")


def texto(value) -> str:
    """One value as text: ISO dates, «sí»/«no», plain numbers, empty for missing."""
    if value.__class__ is str:  # most are: spare them the checks below
        return value
    if value is None:
        return ""
    if value is True:
        return SI
    if value is False:
        return NO
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _joined(values: list, convert: Callable | None = None) -> str | None:
    """The cell of a list: its values' texts (converted, if `convert`), joined; None if empty."""
    if not values:
        return None
    if convert is not None:
        values = [None if v is None else convert(v) for v in values]
    for value in values:
        if value.__class__ is not str:  # a number, a date, a gap: each as `texto` writes it
            return SEPARATOR.join(map(texto, values))
    return SEPARATOR.join(values)  # texts only, as most lists are: no call of `texto` for each
