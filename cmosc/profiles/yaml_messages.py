"""Spanish wording for libyaml's English problems: staff never see library text."""

from __future__ import annotations

import yaml

# Substring of libyaml's problem → Spanish explanation. Order matters: first match wins.
PROBLEMS = [
    ("found character '\\t' that cannot start any token", "hay una tabulación; YAML solo admite espacios."),
    (
        "mapping values are not allowed",
        "aparece «:» donde no se espera; si el texto lleva dos puntos, ponelo entre comillas.",
    ),
    ("could not find expected ':'", "falta «:» después de la clave."),
    ("did not find expected key", "la sangría no coincide con la de las claves vecinas."),
    ("did not find expected '-' indicator", "la sangría de la lista no coincide; revisá los guiones «-»."),
    ("did not find expected ',' or ']'", "la lista entre corchetes no está cerrada con «]»."),
    ("did not find expected ',' or '}'", "el mapa entre llaves no está cerrado con «}»."),
    ("found unexpected end of stream", "el archivo termina antes de tiempo (¿faltan comillas de cierre?)."),
    ("found unknown escape character", "hay una secuencia de escape inválida dentro de comillas dobles."),
    (
        "found character that cannot start any token",
        "hay un carácter que no puede iniciar un valor (por ejemplo «@» o «`»); poné el valor entre comillas.",
    ),
    ("found undefined alias", "no se admiten alias de YAML (*nombre); escribí el valor completo."),
    ("expected a single document", "el archivo tiene más de un documento («---»); debe haber uno solo."),
    (
        "block sequence entries are not allowed",
        "no se puede empezar una lista en esta posición; revisá la sangría.",
    ),
    ("control characters are not allowed", "el archivo contiene caracteres de control no permitidos."),
    ("found a tab character", "hay una tabulación; YAML solo admite espacios."),
    ("found duplicate anchor", "no se admiten anclas de YAML (&nombre)."),
    ("expected <block end>", "la sangría no es correcta en esta línea."),
    ("exceeded maximum nesting depth", "el archivo anida demasiados niveles."),
]


def translate_yaml_problem(exc: yaml.YAMLError) -> str:
    """The Spanish problem, worded into the `yaml_invalido` message by the catalogue."""
    text = " ".join(
        str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part
    )
    for needle, spanish in PROBLEMS:
        if needle in text:
            return spanish
    return "la estructura no se puede leer; revisá la sangría, los «:» y las comillas de esta línea."
