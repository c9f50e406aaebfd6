"""Which spreadsheet column feeds which profile field: Spanish synonyms plus a mapping file.

Targets are schema paths; `sedes.` fields go to the first sede. A `--columnas`
YAML file maps headers the synonyms do not know: `Tel. fijo: contacto.telefonos`,
or `ignorar` for a column to leave out.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import MappingNode

from cmosc.folding import fold
from cmosc.profiles.loader import load_file
from cmosc.profiles.schema import RED_SOCIAL_KEYS

IGNORE = "ignorar"
SLUG = "slug"

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
    "sedes.horarios": ("horarios", "horario", "dias y horarios", "horario de atencion"),
    "sedes.ubicacion.lat": ("latitud", "lat"),
    "sedes.ubicacion.lon": ("longitud", "lon", "lng"),
    "sedes.accesible": ("accesible", "accesibilidad"),
    "contacto.email": ("email", "e mail", "mail", "correo", "correo electronico"),
    "contacto.telefonos": ("telefono", "telefonos", "tel", "tel fijo", "celular", "celulares", "movil"),
    "contacto.web": ("web", "sitio web", "pagina web", "pagina"),
    **{f"contacto.redes.{k}": (k,) for k in RED_SOCIAL_KEYS if k not in ("x", "otra")},
    "contacto.redes.x": ("x", "twitter"),
    "redes": ("redes", "redes a las que pertenece", "federacion", "federaciones"),
    "programas": ("programas", "programas estatales"),
    "verificado": ("verificado", "ultima verificacion", "fecha de verificacion", "verificado el"),
    "notas_internas": ("notas internas", "notas", "observaciones", "comentarios"),
}
TARGETS = tuple(SYNONYMS)


def header_key(header: str) -> str:
    """`N° de CUIT:` → `n de cuit`: accents, case and punctuation do not matter."""
    folded = fold(re.sub(r"[^\w\s/-]", " ", header))
    return " ".join(w for w in re.split(r"[-/_\s]+", folded) if w)


_INDEX = {header_key(s): target for target, words in SYNONYMS.items() for s in words}


def load_mapping_file(path: Path) -> dict[str, str]:
    """Header → target from a `--columnas` file; raises ValueError with a Spanish message."""
    loaded = load_file(path, str(path))
    if loaded.node is None:
        raise ValueError("; ".join(d.gnu() for d in loaded.diagnostics))
    if not isinstance(loaded.node, MappingNode):
        raise ValueError(f"{path}: se espera una lista de «Encabezado: campo», una por línea.")
    mapping = {}
    for key, value in loaded.node.value:
        target = value.value.strip() if hasattr(value, "value") and isinstance(value.value, str) else ""
        if target != IGNORE and target not in TARGETS:
            line = key.start_mark.line + 1
            raise ValueError(
                f"{path}:{line}: «{target}» no es un campo que se pueda importar; "
                f"los válidos son: {', '.join(TARGETS)} o «{IGNORE}»."
            )
        mapping[header_key(key.value)] = target
    return mapping


def map_headers(headers: list[str], extra: dict[str, str] | None = None) -> tuple[dict[int, str], list[str]]:
    """Column index → target, plus the headers nobody claimed (reported, not an error)."""
    extra = extra or {}
    columns, unused = {}, []
    for index, header in enumerate(headers):
        key = header_key(header)
        target = extra.get(key) or _INDEX.get(key)
        if target and target != IGNORE:
            columns[index] = target
        elif header and target != IGNORE:
            unused.append(header)
    return columns, unused
