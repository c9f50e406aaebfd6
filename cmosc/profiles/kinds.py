"""The field kinds: everything a kind means, in one place.

A `Field` of the schema names its kind; every stage asks the kind here instead of
keeping its own table: the validator (`check`), the spreadsheet importer
(`normalise`, `separator`), the tools that rewrite YAML (`plain`), the open-data
exports (`export_type`), the JSON Schema (`json_schema`), the web editor (`editor`,
`choices`), the staff guide (`label`) and the `cmosc nueva` template (`sample`).
Adding a kind means adding one entry to `KINDS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from cmosc.messages import CATALOG
from cmosc.ods import ODS
from cmosc.profiles import checks, hours, hours_format, phones
from cmosc.profiles import schema_fragments as js
from cmosc.profiles.checks import (
    CUIT_PATTERN,
    DATE_PATTERN,
    DECIMAL_PATTERN,
    EMAIL_PATTERN,
    FALSE_WORDS,
    PHONE_PATTERN,
    TRUE_WORDS,
    URL_PATTERN,
    YEAR_PATTERN,
    parse_bool,
)
from cmosc.profiles.schema import MIN_YEAR, SLUG_MAX, SLUG_PATTERN, Field
from cmosc.profiles.vocabularies import vocabulary_pattern

DEFAULT_SEPARATOR = r"\s*[;\n]\s*"


def keep(text: str, field: Field, vocabularies) -> str:
    return text


@dataclass(frozen=True)
class Companion:
    """An export column computed from a field's value, next to it (hours → OpenStreetMap)."""

    suffix: str
    title: str
    description: str
    value: Callable  # (typed value) -> text | None


@dataclass(frozen=True)
class Kind:
    label: str  # the staff guide's name for the kind
    check: Callable | None = None  # (trimmed text, field, Env) -> typed value | checks.Problem
    normalise: Callable = keep  # (spreadsheet cell text, field, vocabularies) -> profile text
    separator: str = DEFAULT_SEPARATOR  # between the items of a list typed in one cell
    multiline: bool = False  # a cell keeps its line breaks
    plain: bool = False  # written as a plain YAML scalar: its text is what YAML means anyway
    export_type: str = "string"  # Frictionless Table Schema type of one value
    json_schema: Callable | None = None  # (field, vocabularies) -> JSON Schema fragment
    editor: Callable | None = None  # (field) -> Decap widget settings
    choices: Callable | None = None  # (field, vocabularies, program slugs) -> Decap options
    sample: str = ""  # a hint in the commented template
    warn: Callable | None = None  # (typed value) -> checks.Problem reported as a warning, or None
    companion: Companion | None = None  # an extra export column derived from the value


# --- spreadsheet cells ---------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _vocabulary_id(text, field, vocabularies):
    vocabulary = vocabularies.get(field.vocab or "")
    return (vocabulary.resolve(text) if vocabulary else None) or text


def _cuit(text, field, vocabularies):
    digits = re.sub(r"\D", "", text)
    return f"{digits[:2]}-{digits[2:10]}-{digits[10]}" if len(digits) == 11 else text


def _phone(text, field, vocabularies):
    return phones.display(text)


def _iso_date(text, field, vocabularies):
    match = _DMY.match(text)
    if match:
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text


def _boolean(text, field, vocabularies):
    if text.casefold() in ("x", "✓"):
        return "true"
    parsed = parse_bool(text)
    return text if parsed is None else ("true" if parsed else "false")


def _decimal(text, field, vocabularies):
    return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text


def _lower(text, field, vocabularies):
    return text.casefold()


def _web(text, field, vocabularies):
    # "www.algo.org" in a spreadsheet means the web address.
    return f"https://{text}" if re.match(r"^www\.[^\s]+$", text, re.I) else text


# --- web editor (Decap) widgets ------------------------------------------------------


def _string_widget(pattern: str, hint: str) -> Callable:
    return lambda field: {"widget": "string", "pattern": [pattern, hint]}


def _text_widget(field):
    return {"widget": "text" if (field.max_len or 0) > 300 else "string"}


def _markdown_widget(field):
    return {
        "widget": "markdown",
        "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list", "quote"],
        "editor_components": [],
        "modes": ["rich_text", "raw"],
    }


def _boolean_widget(field):
    return {"widget": "boolean"}


def _number_widget(field):
    return {
        "widget": "number",
        "value_type": "float",
        "min": field.minimo,
        "max": field.maximo,
        "step": 0.0001,
    }


def _date_widget(field):
    return {
        "widget": "datetime",
        "date_format": "YYYY-MM-DD",
        "time_format": False,
        "format": "YYYY-MM-DD",
        "picker_utc": True,
        "default": "",
    }


def _image_widget(field):
    return {"widget": "image", "choose_url": False}


def _vocabulary_choices(field, vocabularies, programs):
    return [{"label": t.nombre, "value": t.id} for t in vocabularies[field.vocab].terms]


def _option_choices(field, vocabularies, programs):
    return list(field.opciones)


def _program_choices(field, vocabularies, programs):
    return list(programs)


def _ods_choices(field, vocabularies, programs):
    # The only integer field is the list of UN goals: the editor offers them by name.
    return [{"label": f"{n}. {name}", "value": n} for n, name in ODS.items()]


def _fixed(fragment: dict) -> Callable:
    return lambda field, vocabularies: dict(fragment)


def _text_schema(field, vocabularies):
    return js.text(field)


def _vocabulary_schema(field, vocabularies):
    vocabulary = vocabularies[field.vocab]
    return {
        "type": "string",
        "pattern": vocabulary_pattern(vocabulary),
        "examples": [t.id for t in vocabulary.terms],
    }


def _option_schema(field, vocabularies):
    return {"type": "string", "pattern": js.any_case(field.opciones), "examples": list(field.opciones)}


@lru_cache(maxsize=4096)  # as `hours.parse`: profiles share hours, and three exports ask for each
def _osm_hours(text: str) -> str | None:
    return hours_format.osm(hours.parse(text))


def _unreadable_hours(value: str) -> checks.Problem | None:
    parsed = hours.parse(value)
    return (
        None
        if parsed.readable
        else checks.Problem("horario_ilegible", {"valor": value, "motivo": parsed.problem})
    )


def _hours_widget(field):
    # admin/hours-widget.js: free text (examples in the hint, no pattern: unreadable hours are
    # kept) with how the site reads it underneath; when it cannot, the validator's warning.
    return {"widget": "horario", "aviso_ilegible": CATALOG["horario_ilegible"].template}


KINDS: dict[str, Kind] = {
    "texto": Kind("texto", checks.text, json_schema=_text_schema, editor=_text_widget),
    "markdown": Kind(
        "texto con formato (Markdown)",
        checks.text,
        multiline=True,
        json_schema=_text_schema,
        editor=_markdown_widget,
    ),
    "horario": Kind(
        "horario en texto (días y franjas)",
        checks.text,
        normalise=lambda text, field, vocabularies: hours_format.rewritten(text),
        json_schema=_text_schema,
        editor=_hours_widget,
        sample="Lunes a viernes de 9 a 13",
        warn=_unreadable_hours,
        companion=Companion(
            "_osm",
            "(OpenStreetMap)",
            "El horario en el formato «opening_hours» de OpenStreetMap (vacío si el texto no se pudo leer).",
            _osm_hours,
        ),
    ),
    "vocab": Kind(
        "valor de una lista",
        checks.vocabulary,
        normalise=_vocabulary_id,
        separator=r"[,;/\n]+",
        json_schema=_vocabulary_schema,
        choices=_vocabulary_choices,
    ),
    "opcion": Kind(
        "una opción",
        checks.option,
        normalise=_lower,
        json_schema=_option_schema,
        choices=_option_choices,
    ),
    "lista": Kind("lista"),
    "objeto": Kind("grupo de campos"),
    "entero": Kind(
        "número entero",
        checks.integer,
        separator=r"[^\d]+",
        plain=True,
        export_type="integer",
        json_schema=lambda field, vocabularies: js.integer(field),
        choices=_ods_choices,
    ),
    "coordenada": Kind(
        "número decimal",
        checks.coordinate,
        normalise=_decimal,
        plain=True,
        export_type="number",
        json_schema=lambda field, vocabularies: js.decimal(field, DECIMAL_PATTERN),
        editor=_number_widget,
    ),
    "booleano": Kind(
        "sí/no (true/false)",
        checks.boolean,
        normalise=_boolean,
        plain=True,
        export_type="boolean",
        json_schema=_fixed(js.one_of({"type": "boolean"}, js.string(js.any_case(TRUE_WORDS | FALSE_WORDS)))),
        editor=_boolean_widget,
        sample="true",
    ),
    "consentimiento": Kind(
        "true",
        checks.consent,
        plain=True,
        export_type="boolean",
        json_schema=_fixed(js.one_of({"enum": [True]}, js.string(js.any_case(TRUE_WORDS)))),
        editor=_boolean_widget,
    ),
    "fecha": Kind(
        "fecha AAAA-MM-DD",
        checks.past_date,
        normalise=_iso_date,
        plain=True,
        export_type="date",
        json_schema=_fixed(js.date()),
        editor=_date_widget,
        sample="2026-01-31",
    ),
    "anio_o_fecha": Kind(
        "año o fecha",
        checks.year_or_date,
        normalise=_iso_date,
        plain=True,
        json_schema=_fixed(js.year_or_date(MIN_YEAR)),
        editor=_string_widget(
            f"^({js.core(YEAR_PATTERN)}|{js.core(DATE_PATTERN)})$", "Año (2009) o fecha AAAA-MM-DD"
        ),
        sample="2009",
    ),
    "cuit": Kind(
        "CUIT",
        checks.cuit,
        normalise=_cuit,
        # 11 digits typed without hyphens reach the schema as a number.
        json_schema=_fixed(
            js.one_of(js.string(CUIT_PATTERN), {"type": "integer", "minimum": 10**10, "maximum": 10**11 - 1})
        ),
        editor=_string_widget(CUIT_PATTERN, "CUIT: NN-NNNNNNNN-N"),
        sample="30-71234567-1",
    ),
    "email": Kind(
        "correo",
        checks.email,
        json_schema=_fixed(js.string(EMAIL_PATTERN, format="email")),
        editor=_string_widget(EMAIL_PATTERN, "Correo como contacto@organizacion.org.ar"),
        sample="contacto@organizacion.org.ar",
    ),
    "url": Kind(
        "enlace web",
        checks.url,
        normalise=_web,
        json_schema=_fixed(js.string(URL_PATTERN)),
        editor=_string_widget(URL_PATTERN, "Debe empezar con https:// o http://"),
        sample="https://",
    ),
    "telefono": Kind(
        "teléfono",
        checks.phone,
        normalise=_phone,
        separator=r"\s*(?:[/;,\n]|\s-\s|\so\s)\s*",
        # `- 03814000000` reaches the schema as the number 3814000000: its digits as typed are lost.
        json_schema=_fixed(
            js.one_of(js.string(PHONE_PATTERN), {"type": "integer", "minimum": 0, "maximum": 10**15 - 1})
        ),
        editor=_string_widget(PHONE_PATTERN, "Solo números, espacios, guiones y +"),
    ),
    "programa": Kind(
        "programa",
        checks.program,
        json_schema=_fixed(js.string(SLUG_PATTERN)),
        choices=_program_choices,
    ),
    "slug": Kind(
        "identificador",
        checks.slug,
        json_schema=_fixed(js.string(SLUG_PATTERN, maxLength=SLUG_MAX)),
        editor=_string_widget(SLUG_PATTERN, "Minúsculas, números y guiones"),
    ),
    "logo": Kind(
        "ruta de imagen",
        checks.logo,
        json_schema=_fixed({"type": "string", "pattern": r"\S"}),  # the file itself is checked by cmosc
        editor=_image_widget,
    ),
}
