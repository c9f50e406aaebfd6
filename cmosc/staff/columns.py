"""Which spreadsheet column feeds which profile field: Spanish synonyms plus a mapping file.

Targets are schema paths; `sedes.` fields go to the first sede. The synonyms know the
CMOSC's own sheets and the national open-data format (`cod_area`, `Telefóno`, `Mail `,
`año_inicio`, `cp`, `localidad`…). A `--columnas` YAML file maps what they do not know
(`Tel. fijo: contacto.telefonos`, or `ignorar`), and may add `valores:` (translate a
column's values) and `fijos:` (a value for every row). Targets are case-insensitive and
may be a field path or the label the staff guide shows (`CENOC`, `Correo electrónico`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from cmosc.folding import fold
from cmosc.profiles.loader import load_file
from cmosc.profiles.schema import ORGANIZATION, SOCIAL_NETWORK_KEYS, walk
from cmosc.profiles.validator import vocabulary_key

IGNORE = "ignorar"
SLUG = "slug"
AREA_CODE = "telefono_caracteristica"  # joined with the row's phone numbers
# Where a row is; they decide «fuera del municipio» and are not profile fields.
DEPARTMENT, PROVINCE = "departamento", "provincia"
REGISTRY_PREFIX = "identificadores."

SYNONYMS: dict[str, tuple[str, ...]] = {
    SLUG: ("slug", "identificador", "id"),
    "nombre": (
        "nombre",
        "nombre de la organizacion",
        "organizacion",
        "nombre de la osc",
        "osc",
        "razon social",
        "denominacion",
        "institucion",
        "nombre de la institucion",
        "entidad",
    ),
    "sigla": ("sigla", "siglas", "nombre corto"),
    "tipo": ("tipo", "tipo de organizacion", "tipo de osc", "tipo de entidad", "forma juridica", "categoria"),
    "estado": ("estado", "situacion"),
    "resumen": ("resumen", "descripcion breve", "descripcion corta"),
    "descripcion": ("descripcion", "que hace", "actividad principal", "objeto social", "objeto", "mision"),
    "fundacion": (
        "fundacion",
        "ano de fundacion",
        "anio de fundacion",
        "fecha de fundacion",
        "fundada",
        "creacion",
        "ano inicio",
        "anio inicio",
        "fecha fundacion",
        "ano de inicio",
    ),
    "identificadores.cuit": ("cuit", "n cuit", "n de cuit", "nro de cuit", "numero de cuit", "cuit cuil"),
    "identificadores.personeria_juridica": (
        "personeria juridica",
        "personeria",
        "n personeria",
        "resolucion personeria",
        "personeria juridica n",
    ),
    "identificadores.registro_municipal": (
        "registro municipal",
        "n registro",
        "n de registro",
        "nro de registro",
        "numero de registro",
        "registro cmosc",
        "legajo",
    ),
    "identificadores.cenoc": ("cenoc", "registro cenoc", "n cenoc"),
    "identificadores.conabip": ("conabip", "n conabip", "nro conabip", "numero conabip"),
    "identificadores.inaes": ("inaes", "matricula inaes", "n inaes"),
    "identificadores.renacom": ("renacom", "n renacom"),
    "areas": ("areas", "area", "areas tematicas", "area tematica", "tematica", "tematicas", "ejes"),
    "poblacion": ("poblacion", "destinatarios", "poblacion destinataria", "beneficiarios"),
    "ods": ("ods", "objetivos de desarrollo sostenible"),
    "sedes.nombre": ("nombre de la sede", "sede"),
    "sedes.direccion": (
        "direccion",
        "domicilio",
        "calle y numero",
        "direccion de la sede",
        "domicilio de la sede",
    ),
    "sedes.barrio": ("barrio", "zona", "barrio de la sede"),
    "sedes.localidad": ("localidad", "ciudad", "municipio", "localidad de la sede"),
    "sedes.codigo_postal": ("cp", "codigo postal", "cod postal", "c p"),
    DEPARTMENT: ("departamento", "depto", "dpto"),
    PROVINCE: ("provincia",),
    AREA_CODE: ("cod area", "cod tel", "codigo de area", "caracteristica", "caracteristica telefonica"),
    "sedes.horarios": ("horarios", "horario", "dias y horarios", "horario de atencion"),
    "sedes.ubicacion.lat": ("latitud", "lat"),
    "sedes.ubicacion.lon": ("longitud", "lon", "lng"),
    "sedes.accesible": ("accesible", "accesibilidad"),
    "contacto.email": ("email", "e mail", "mail", "correo", "correo electronico"),
    "contacto.telefonos": ("telefono", "telefonos", "tel", "tel fijo", "celular", "celulares", "movil"),
    "contacto.web": ("web", "sitio web", "pagina web", "pagina"),
    **{f"contacto.redes.{k}": (k,) for k in SOCIAL_NETWORK_KEYS if k not in ("x", "otra")},
    "contacto.redes.x": ("x", "twitter"),
    "redes": ("redes", "redes a las que pertenece", "federacion", "federaciones"),
    "programas": ("programas", "programas estatales"),
    "verificado": ("verificado", "ultima verificacion", "fecha de verificacion", "verificado el"),
    "notas_internas": ("notas internas", "notas", "observaciones", "comentarios"),
}
TARGETS = tuple(SYNONYMS)
SPECIAL = (SLUG, AREA_CODE, DEPARTMENT, PROVINCE)


def header_key(header: str) -> str:
    """`N° de CUIT:` → `n de cuit`: accents, case, spaces and punctuation do not matter."""
    folded = fold(re.sub(r"[^\w\s/-]", " ", header))
    return " ".join(w for w in re.split(r"[-/_\s]+", folded) if w)


_INDEX = {header_key(s): target for target, words in SYNONYMS.items() for s in words}
_FIELDS = {path.replace("[].", "."): f for path, f in walk()}
# What a map may name as a target: a field path or the label the guide shows.
_TARGET_NAMES = {fold(t): t for t in TARGETS} | {
    fold(_FIELDS[t].etiqueta): t for t in TARGETS if t in _FIELDS and t not in ("sedes.nombre",)
}


def resolve_target(name: str, vocabularies: dict) -> str | None:
    """`CENOC`, `identificadores.INAES`, `Correo electrónico` → a target path (None: unknown)."""
    folded = fold(name)
    if folded == IGNORE:
        return IGNORE
    if folded in _TARGET_NAMES:
        return _TARGET_NAMES[folded]
    registry = name.strip()[len(REGISTRY_PREFIX) :] if folded.startswith("identificadores.") else name
    found = vocabulary_key(registry.strip(), ORGANIZATION.child("identificadores"), vocabularies)
    return REGISTRY_PREFIX + found[0] if found else None


@dataclass
class ColumnMap:
    """A `--columnas` file: header → target, value translations, fixed values."""

    headers: dict[str, str] = field(default_factory=dict)  # header_key → target
    valores: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # header_key or target → fold(value) → value
    fijos: dict[str, str] = field(default_factory=dict)  # target → value
    cache: dict = field(default_factory=dict, repr=False)  # (header, target) → its `valores` table


def _error(path: Path, node, message: str) -> ValueError:
    return ValueError(f"{path}:{node.start_mark.line + 1}:{node.start_mark.column + 1}: {message}")


def _target(path: Path, key_node, value_node, vocabularies) -> str:
    name = value_node.value.strip() if isinstance(value_node, ScalarNode) else ""
    target = resolve_target(name, vocabularies)
    if target is None:
        raise _error(
            path,
            value_node,
            f"«{name}» no es un campo que se pueda importar; usá una ruta (por ejemplo "
            f"«contacto.telefonos»), el nombre que muestra la guía («Teléfonos»), un registro de "
            f"vocabularios/registros.yml («CONABIP») o «{IGNORE}».",
        )
    return target


def _pairs(path: Path, node, what: str):
    if not isinstance(node, MappingNode):
        raise _error(path, node, f"«{what}» espera líneas «clave: valor» con sangría debajo.")
    yield from node.value


def load_mapping_file(path: Path, vocabularies: dict) -> ColumnMap:
    """Read a `--columnas` file; raises ValueError with a located Spanish message."""
    loaded = load_file(path, str(path))
    if loaded.node is None:
        raise ValueError("; ".join(d.gnu() for d in loaded.diagnostics))
    if not isinstance(loaded.node, MappingNode):
        raise ValueError(f"{path}: se espera una lista de «Encabezado: campo», una por línea.")
    result = ColumnMap()
    for key, value in loaded.node.value:
        section = fold(key.value)
        if section == "valores":
            for column, table in _pairs(path, value, "valores"):
                target = resolve_target(column.value, vocabularies)
                name = target if target and target != IGNORE else header_key(column.value)
                result.valores[name] = {fold(k.value): v.value for k, v in _pairs(path, table, column.value)}
        elif section == "fijos":
            for target_node, fixed in _pairs(path, value, "fijos"):
                target = _target(path, target_node, target_node, vocabularies)
                result.fijos[target] = fixed.value
        else:
            result.headers[header_key(key.value)] = _target(path, key, value, vocabularies)
    return result


def map_headers(headers: list[str], mapping: ColumnMap) -> tuple[dict[int, str], list[int]]:
    """Column index → target, and the indexes of columns nobody claimed (kept in the notes)."""
    columns, unused = {}, []
    for index, header in enumerate(headers):
        key = header_key(header)
        target = mapping.headers.get(key) or _INDEX.get(key)
        if target and target != IGNORE:
            columns[index] = target
        elif header and target != IGNORE:
            unused.append(index)
    return columns, unused
