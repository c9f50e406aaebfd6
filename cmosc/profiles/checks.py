"""Pure checks of single values: the text typed (spaces trimmed) in, typed value or a Problem out.

Each field kind in `kinds.KINDS` names its check here; the validator only walks the tree.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cmosc.messages import ARTICULOS, suggestion
from cmosc.profiles.schema import MIN_YEAR, SLUG_MAX, SLUG_PATTERN

CUIT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
# The forms each check accepts (after trimming spaces), declared once: the JSON Schema and
# the web editor use these same patterns (kinds.py), so they cannot drift from the checks.
# ASCII digits only: they also have to mean the same in JavaScript.
_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
CUIT_PATTERN = r"^[-. ]*([0-9][-. ]*){11}$"  # hyphens, dots and spaces anywhere are dropped
PHONE_PATTERN = r"^(?=[+(0-9])[+(]?([\s\-().]*[0-9]){6,15}[\s\-().]*$"  # 6 to 15 digits
EMAIL_PATTERN = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
# http(s), any case; a host name with a dot; optional user, port, path, query and fragment.
URL_PATTERN = rf"^[hH][tT][tT][pP][sS]?://([^/?# ]*@)?{_LABEL}(\.{_LABEL})+(:[^/?# ]*)?([/?#][^ ]*)?$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
YEAR_PATTERN = r"^[0-9]{4}$"
INTEGER_PATTERN = r"^[+-]?[0-9]+$"
DECIMAL_PATTERN = r"^[+-]?[0-9]+(\.[0-9]+)?$"
_SLUG = re.compile(SLUG_PATTERN)
_INTEGER = re.compile(INTEGER_PATTERN)
_DECIMAL = re.compile(DECIMAL_PATTERN)
_EMAIL = re.compile(EMAIL_PATTERN)
_PHONE = re.compile(PHONE_PATTERN)
_URL = re.compile(URL_PATTERN)
_CUIT = re.compile(CUIT_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_YEAR = re.compile(YEAR_PATTERN)
TRUE_WORDS = {"true", "sí", "si", "yes"}
FALSE_WORDS = {"false", "no"}
LOGO_MAX_BYTES = 500 * 1024
LOGO_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg", b"RIFF": "webp"}


@dataclass(frozen=True)
class Problem:
    code: str
    values: dict = field(default_factory=dict)


# A value that cannot be checked because something else is already reported (a missing
# vocabulary file is reported once, by the catalog): invalid, with no message of its own.
UNCHECKABLE = object()
# Unicode category Cc (C0, DEL, C1) except tab, newline and carriage return.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def text(value, schema, env):
    if not value:
        return Problem("vacio")
    hidden = _CONTROL.search(value)
    if hidden:
        # Typed as YAML escapes ("\\x1f") or pasted from a PDF: never meant, and they
        # break spreadsheets; tabs and newlines are fine.
        return Problem("caracter_invisible", {"codigo": f"U+{ord(hidden.group()):04X}"})
    if schema.min_len is not None and len(value) < schema.min_len:
        return Problem("muy_corto", {"largo": len(value), "minimo": schema.min_len})
    if schema.max_len is not None and len(value) > schema.max_len:
        return Problem("muy_largo", {"largo": len(value), "maximo": schema.max_len})
    return value


def vocabulary(value, schema, env):
    terms = env.vocabularies.get(schema.vocab)
    if terms is None:
        return UNCHECKABLE
    term_id = terms.resolve(value)
    if term_id is None:
        close = suggestion(terms.suggest(value))
        return Problem(
            "vocabulario", {"valor": value, "articulo": ARTICULOS[schema.vocab], "sugerencia": close}
        )
    return term_id


def option(value, schema, env):
    folded = value.casefold()
    if folded not in schema.opciones:
        shown = " o ".join(f"«{o}»" for o in schema.opciones)
        return Problem("opcion", {"valor": value, "opciones": shown})
    return folded


def program(value, schema, env):
    if value not in env.programas:
        close = difflib.get_close_matches(value, sorted(env.programas), n=2, cutoff=0.6)
        return Problem("programa", {"valor": value, "sugerencia": suggestion(close)})
    return value


def consent(value, schema, env):
    return True if parse_bool(value) is True else Problem("consentimiento")


def logo(value, schema, env):
    problem = logo_problem(env.base_dir, value)
    return Problem(problem.code, {"valor": value, **problem.values}) if problem else value


def parse_bool(value: str) -> bool | None:
    folded = value.strip().casefold()
    if folded in TRUE_WORDS:
        return True
    if folded in FALSE_WORDS:
        return False
    return None


def boolean(value, schema, env):
    parsed = parse_bool(value)
    return Problem("booleano", {"valor": value}) if parsed is None else parsed


def integer(value, schema, env):
    if not _INTEGER.match(value):
        return Problem("entero", {"valor": value})
    number = int(value)
    return _in_range(number, schema.minimo, schema.maximo) or number


def _in_range(number, minimo, maximo) -> Problem | None:
    if (minimo is not None and number < minimo) or (maximo is not None and number > maximo):
        return Problem("rango", {"valor": number, "minimo": _plain(minimo), "maximo": _plain(maximo)})
    return None


def _plain(number):
    return int(number) if float(number).is_integer() else number


def parse_date(value: str) -> date | None:
    if not _DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def past_date(value, schema, env):
    parsed = parse_date(value)
    if parsed is None:
        return Problem("fecha", {"valor": value})
    if parsed > env.today:
        return Problem("fecha_futura", {"valor": value})
    return parsed


def year_or_date(value, schema, env):
    if _YEAR.match(value):
        year = int(value)
        if not MIN_YEAR <= year <= env.today.year:
            return Problem("anio", {"valor": value, "minimo": MIN_YEAR, "maximo": env.today.year})
        return year
    parsed = parse_date(value)
    if parsed is None or parsed.year < MIN_YEAR:
        return Problem("anio", {"valor": value, "minimo": MIN_YEAR, "maximo": env.today.year})
    return past_date(value, schema, env)


def cuit_check_digit(first_ten: str) -> int | None:
    """AFIP mod-11 check digit; None when no valid digit exists (remainder 1)."""
    total = sum(int(d) * w for d, w in zip(first_ten, CUIT_WEIGHTS))
    digit = 11 - total % 11
    return {11: 0, 10: None}.get(digit, digit)


def cuit(value, schema, env):
    if not _CUIT.match(value):
        return Problem("cuit_formato", {"valor": value})
    digits = re.sub("[^0-9]", "", value)
    expected = cuit_check_digit(digits[:10])
    if expected is None or expected != int(digits[10]):
        shown = "ninguno (el número no es válido)" if expected is None else str(expected)
        return Problem("cuit_digito", {"valor": value, "esperado": shown})
    return f"{digits[:2]}-{digits[2:10]}-{digits[10]}"


def email(value, schema, env):
    return value if _EMAIL.match(value) else Problem("email", {"valor": value})


def url(value, schema, env):
    return value if _URL.match(value) else Problem("url", {"valor": value})


def phone(value, schema, env):
    if not _PHONE.match(value):
        return Problem("telefono", {"valor": value})
    return value


def coordinate(value, schema, env):
    if not _DECIMAL.match(value):
        return Problem("coordenada", {"valor": value})
    number = float(value)
    # The configured municipality's rectangle (a setting), not the schema's default one.
    minimo, maximo = getattr(env.municipal_area, schema.key)
    if _in_range(number, minimo, maximo):
        return Problem(
            "coordenada_fuera",
            {
                "valor": value,
                "minimo": minimo,
                "maximo": maximo,
                "pista": _coordinate_hint(number, schema.key, env.municipal_area),
            },
        )
    return number


def _coordinate_hint(number: float, key: str, municipal_area) -> str:
    if number > 0:
        return "; ¿falta el signo menos?"
    other = municipal_area.lon if key == "lat" else municipal_area.lat
    if other[0] <= number <= other[1]:
        return "; ¿latitud y longitud están invertidas?"
    return ""


def slug(value, schema, env):
    if len(value) > SLUG_MAX or not _SLUG.match(value):
        return Problem("slug", {"valor": value, "maximo": SLUG_MAX})
    return value


def is_valid_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX and bool(_SLUG.match(value))


def logo_problem(base_dir: Path | None, value: str) -> Problem | None:
    if base_dir is None:
        return None
    try:
        path = (base_dir / value).resolve()
        missing = base_dir.resolve() not in path.parents or not path.is_file()
    except (OSError, ValueError):  # a NUL byte or an over-long name is no file either
        missing = True
    if missing:
        return Problem("logo_falta")
    head = path.read_bytes()[:12]
    kind = next((k for sig, k in LOGO_SIGNATURES.items() if head.startswith(sig)), None)
    if kind is None or (kind == "webp" and head[8:12] != b"WEBP"):
        return Problem("logo_formato")
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        return Problem("logo_grande", {"peso": size // 1024, "maximo": LOGO_MAX_BYTES // 1024})
    from cmosc.profiles.logos import image_problem  # Pillow is only needed when a profile has a logo

    return image_problem(path)
