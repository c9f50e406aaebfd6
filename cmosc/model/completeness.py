"""How complete a profile is, and what is missing, in words an organization understands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STALE_AFTER_DAYS = 365

# (label shown to the organization, test on published data). Order = display order.
CRITERIA = (
    ("una descripción de lo que hace", lambda d, t: bool(d.get("descripcion"))),
    ("un resumen de una línea", lambda d, t: bool(d.get("resumen"))),
    ("las áreas en las que trabaja", lambda d, t: bool(d.get("areas"))),
    ("a quiénes acompaña (población)", lambda d, t: bool(d.get("poblacion"))),
    ("las actividades que realiza", lambda d, t: bool(d.get("actividades"))),
    (
        "una dirección con barrio",
        lambda d, t: any(s.get("direccion") and s.get("barrio") for s in d.get("sedes", [])),
    ),
    ("la ubicación en el mapa", lambda d, t: any(s.get("ubicacion") for s in d.get("sedes", []))),
    ("los días y horarios", lambda d, t: any(s.get("horarios") for s in d.get("sedes", []))),
    (
        "un correo o teléfono de contacto",
        lambda d, t: bool(d.get("contacto", {}).get("email") or d.get("contacto", {}).get("telefonos")),
    ),
    (
        "el CUIT o la personería jurídica",
        lambda d, t: bool(
            d.get("identificadores", {}).get("cuit")
            or d.get("identificadores", {}).get("personeria_juridica")
        ),
    ),
    ("lo que necesita (para quienes quieran colaborar)", lambda d, t: bool(d.get("necesidades"))),
    ("una verificación del CMOSC en los últimos 12 meses", lambda d, t: is_recent(verified_on(d), t)),
)


@dataclass(frozen=True)
class Completeness:
    porcentaje: int
    faltan: tuple[str, ...]


def verified_on(data: dict) -> date | None:
    """The last verification, unless the data changed since (`sin_verificar_desde`)."""
    verified, changed = data.get("verificado"), data.get("sin_verificar_desde")
    return None if verified and changed and changed >= verified else verified


def is_recent(verified: date | None, today: date) -> bool:
    return verified is not None and (today - verified).days <= STALE_AFTER_DAYS


def assess(data: dict, today: date) -> Completeness:
    missing = tuple(label for label, test in CRITERIA if not test(data, today))
    met = len(CRITERIA) - len(missing)
    return Completeness(round(100 * met / len(CRITERIA)), missing)
