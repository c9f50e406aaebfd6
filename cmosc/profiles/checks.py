"""Pure checks of single values: text in, typed value or a Problem out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from cmosc.profiles.schema import LAT_RANGE, LON_RANGE, MIN_YEAR, SLUG_MAX, SLUG_PATTERN

CUIT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_SLUG = re.compile(SLUG_PATTERN)
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE_CHARS = re.compile(r"^[+(\d][\d\s\-().]*$")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$")
TRUE_WORDS = {"true", "sí", "si", "yes"}
FALSE_WORDS = {"false", "no"}
LOGO_MAX_BYTES = 500 * 1024
LOGO_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpg", b"RIFF": "webp"}


@dataclass(frozen=True)
class Problem:
    code: str
    values: dict = field(default_factory=dict)


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
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
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
    if re.match(r"^\d{4}$", value):
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
    digits = value.replace("-", "").replace(" ", "").replace(".", "")
    if not re.fullmatch(r"\d{11}", digits):
        return Problem("cuit_formato", {"valor": value})
    expected = cuit_check_digit(digits[:10])
    if expected is None or expected != int(digits[10]):
        shown = "ninguno (el número no es válido)" if expected is None else str(expected)
        return Problem("cuit_digito", {"valor": value, "esperado": shown})
    return f"{digits[:2]}-{digits[2:10]}-{digits[10]}"


def email(value, schema, env):
    return value if _EMAIL.match(value) else Problem("email", {"valor": value})


def url(value, schema, env):
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not _HOST.match(parts.hostname or "") or " " in value:
        return Problem("url", {"valor": value})
    return value


def phone(value, schema, env):
    digits = re.sub(r"\D", "", value)
    if not _PHONE_CHARS.match(value) or not 6 <= len(digits) <= 15:
        return Problem("telefono", {"valor": value})
    return value


def coordinate(value, schema, env):
    if not _DECIMAL.match(value):
        return Problem("coordenada", {"valor": value})
    number = float(value)
    if _in_range(number, schema.minimo, schema.maximo):
        return Problem(
            "coordenada_fuera",
            {
                "valor": value,
                "minimo": schema.minimo,
                "maximo": schema.maximo,
                "pista": _coordinate_hint(number, schema.key),
            },
        )
    return number


def _coordinate_hint(number: float, key: str) -> str:
    if number > 0:
        return "; ¿falta el signo menos?"
    other = LON_RANGE if key == "lat" else LAT_RANGE
    if other[0] <= number <= other[1]:
        return "; ¿latitud y longitud están invertidas?"
    return ""


def slug(value, schema, env):
    if len(value) > SLUG_MAX or not _SLUG.match(value):
        return Problem("slug", {"valor": value, "maximo": SLUG_MAX})
    return value


def is_valid_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX and bool(_SLUG.match(value))


def logo_problem(base_dir: Path | None, value: str) -> tuple[str, dict] | None:
    if base_dir is None:
        return None
    try:
        path = (base_dir / value).resolve()
        missing = base_dir.resolve() not in path.parents or not path.is_file()
    except (OSError, ValueError):  # a NUL byte or an over-long name is no file either
        missing = True
    if missing:
        return "logo_falta", {}
    head = path.read_bytes()[:12]
    kind = next((k for sig, k in LOGO_SIGNATURES.items() if head.startswith(sig)), None)
    if kind is None or (kind == "webp" and head[8:12] != b"WEBP"):
        return "logo_formato", {}
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        return "logo_grande", {"peso": size // 1024, "maximo": LOGO_MAX_BYTES // 1024}
    from cmosc.profiles.logos import image_problem  # Pillow is only needed when a profile has a logo

    return image_problem(path)
