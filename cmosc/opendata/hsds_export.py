"""`hsds.json`: Open Referral HSDS 3.0 objects, so other service directories can import us.

Organizations, locations (one per sede, with address, schedules and accessibility) and
services (one per actividad). Readable hours become RRULE-style schedules (`freq`, `byday`,
`opens_at`, `closes_at`), one per rule and interval. HSDS wants UUIDs; ours are UUID v5 of
the slug in the namespace of the directory's public address (CMOSC_URL_CANONICA), so an
organization keeps the same id in every export published from that address.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache

from cmosc.municipality import Municipality
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter
from cmosc.opendata.json_export import array, document, encode, encode_items
from cmosc.profiles import hours_format

HSDS_VERSION = "3.0"
UTC_OFFSET, UTC_OFFSET_TEXT = -3, "-03:00"  # America/Argentina/Tucuman, no daylight saving
IDENTIFIERS = {
    "cuit": ("CUIT", "AR-CUIT"),
    "personeria_juridica": ("Personería jurídica", None),
    "registro_municipal": ("Registro municipal CMOSC", None),
    "cenoc": ("CENOC", None),
}


def label_of(registry: str, dataset: Dataset) -> str:
    """A registry of `vocabularios/registros.yml` by its display name."""
    registros = dataset.vocabularios.get("registros")
    return registros.label(registry) if registros and registros.resolve(registry) == registry else registry


_VARIANT = {f"{n:x}": f"{n & 0x3 | 0x8:x}" for n in range(16)}  # a hex digit with its top bits 10


def ids(address: str) -> Callable[..., str]:
    """The id maker of a directory published at `address`: `uuid.uuid5`'s text, worked out from
    the namespace's hash once (RFC 4122: SHA-1 of namespace and name, version and variant bits
    set), not through a UUID object, at a third of the time (the file has about 10 ids per
    organization). The bits are set on the hash's hex digits: no bytes to copy and change."""
    namespace = hashlib.sha1(uuid.uuid5(uuid.NAMESPACE_URL, address + "/").bytes)

    def uid(*parts) -> str:
        digest = namespace.copy()
        digest.update(":".join(map(str, parts)).encode())
        text = digest.hexdigest()
        # Digit 12 is the version (5); the top bits of digit 16, the RFC 4122 variant (10).
        return f"{text[:8]}-{text[8:12]}-5{text[13:16]}-{_VARIANT[text[16]]}{text[17:20]}-{text[20:32]}"

    return uid


def _clean(obj: dict) -> dict:
    """Drop empty optional fields: HSDS treats absent and empty the same (a true value is none of
    them: most are spared the comparisons)."""
    return {k: v for k, v in obj.items() if v or v not in (None, "", [])}


def organization(org, dataset: Dataset, uid) -> dict:
    org_id = uid("organizacion", org.slug)
    contacto = org.contacto or {}
    ids = org.identificadores or {}
    fundacion = org.data.get("fundacion")
    return _clean(
        {
            "id": org_id,
            "name": org.nombre,
            "alternate_name": org.sigla,
            # HSDS requires a description; a registry row imported without one has its summary
            # or, failing that, its type.
            "description": org.data.get("descripcion") or org.resumen or org.tipo.nombre,
            "email": contacto.get("email"),
            "website": contacto.get("web"),
            "year_incorporated": fundacion
            if isinstance(fundacion, int)
            else getattr(fundacion, "year", None),
            "legal_status": org.tipo.nombre,
            "logo": dataset.url_logo(org),
            "uri": dataset.url_perfil(org),
            "phones": [
                {"id": uid("telefono", org.slug, n), "organization_id": org_id, "number": t.texto}
                for n, t in enumerate(org.telefonos, start=1)
            ],
            "organization_identifiers": [
                identifier(org, org_id, key, value, dataset, uid) for key, value in ids.items()
            ],
        }
    )


def identifier(org, org_id: str, key: str, value, dataset: Dataset, uid) -> dict:
    # A registry's name is looked up only for keys without a known type (most have one).
    kind, scheme = IDENTIFIERS.get(key) or (label_of(key, dataset), None)
    return _clean(
        {
            "id": uid("identificador", org.slug, key),
            "organization_id": org_id,
            "identifier_type": kind,
            "identifier_scheme": scheme,
            "identifier": value,
        }
    )


def _at(minutes: int) -> str:
    """HSDS times carry their UTC offset; Tucumán is UTC−3 all year."""
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}{UTC_OFFSET_TEXT}"


def schedules(text: str | None, hours, uid, key: tuple, **owner) -> list[dict]:
    """One HSDS `schedule` per rule and interval (RRULE parts, opens/closes with offset); the
    Spanish text as written is every record's description, or the only record when unreadable."""
    if not text:
        return []
    if not (hours and hours.readable and hours.rules):
        closed = hours_format.closures_text(hours) if hours else None
        return [_clean({"id": uid(*key), **owner, "description": text, "notes": closed})]
    return [{"id": uid(*key, r, i), **owner, "description": text, **times} for r, i, times in _times(hours)]


@lru_cache(maxsize=4096)  # as `hours.parse`: sedes and activities share their hours
def _times(hours) -> tuple[tuple[int, int, dict], ...]:
    """What readable hours put in each of their schedules: (rule number, interval number, its
    fields but the id, the owner and the description). Shared: read, never changed."""
    closed = hours_format.closures_text(hours)
    records = []
    for r, rule in enumerate(hours.rules, start=1):
        for i, interval in enumerate(rule.intervals, start=1):
            notes = "; ".join(n for n in (hours_format.season_text(rule), closed) if n)
            fields = {
                "timezone": UTC_OFFSET,
                "interval": 1,
                **hours_format.rrule_parts(rule),
                "opens_at": _at(interval[0]),
                "closes_at": _at(interval[1]) if len(interval) == 2 else None,
                "notes": notes or None,
            }
            records.append((r, i, _clean(fields)))
    return tuple(records)


def locations(org, municipal_area: Municipality, uid) -> list[dict]:
    org_id = uid("organizacion", org.slug)
    result = []
    for number, sede in enumerate(org.sedes, start=1):
        loc_id = uid("sede", org.slug, number)
        address = None
        if sede.direccion:
            address = _clean(
                {
                    "id": uid("direccion", org.slug, number),
                    "location_id": loc_id,
                    "address_1": sede.direccion,
                    "address_2": sede.barrio.nombre if sede.barrio else None,
                    "city": sede.localidad or municipal_area.localidad,
                    "state_province": municipal_area.province,
                    "postal_code": sede.codigo_postal or municipal_area.codigo_postal,
                    "country": municipal_area.pais,
                    "address_type": "physical",
                }
            )
        result.append(
            _clean(
                {
                    "id": loc_id,
                    "location_type": "physical",
                    "organization_id": org_id,
                    "name": sede.nombre or f"{org.nombre} (sede {number})",
                    "latitude": sede.lat,
                    "longitude": sede.lon,
                    "addresses": [address] if address else [],
                    "schedules": schedules(
                        sede.horarios, sede.hours, uid, ("horario-sede", org.slug, number), location_id=loc_id
                    ),
                    "accessibility": [
                        {
                            "id": uid("accesibilidad", org.slug, number),
                            "location_id": loc_id,
                            "description": "Accesible para personas con movilidad reducida"
                            if sede.accesible
                            else "No es accesible para personas con movilidad reducida",
                        }
                    ]
                    if sede.accesible is not None
                    else [],
                }
            )
        )
    return result


def services(org, uid) -> list[dict]:
    org_id = uid("organizacion", org.slug)
    # Only a single sede says where an activity happens; with several we do not know.
    only_sede = uid("sede", org.slug, 1) if len(org.sedes) == 1 else None
    result = []
    for number, actividad in enumerate(org.actividades, start=1):
        service_id = uid("actividad", org.slug, number)
        result.append(
            _clean(
                {
                    "id": service_id,
                    "organization_id": org_id,
                    "name": actividad.nombre,
                    "description": actividad.descripcion,
                    "status": "active" if org.activa else "inactive",
                    "schedules": schedules(
                        actividad.horario,
                        actividad.hours,
                        uid,
                        ("horario-actividad", org.slug, number),
                        service_id=service_id,
                    ),
                    "service_at_locations": [
                        {
                            "id": uid("actividad-sede", org.slug, number),
                            "service_id": service_id,
                            "location_id": only_sede,
                        }
                    ]
                    if only_sede
                    else [],
                }
            )
        )
    return result


def render_hsds(dataset: Dataset) -> Iterator[bytes]:
    uid = ids(dataset.base_url)
    lists = {  # each organization's part of each list
        "organizations": lambda o: encode(organization(o, dataset, uid)),
        "locations": lambda o: encode_items(locations(o, dataset.municipal_area, uid)),
        "services": lambda o: encode_items(services(o, uid)),
    }
    get = dataset.fragments.get

    def items(name: str, part) -> Iterator[bytes]:
        # Its own scope keeps each list's name and part: a list is made later, as it is written.
        return array(get(f"hsds-{name}", o, part) for o in dataset.organizations)

    members = {name: items(name, part) for name, part in lists.items()}
    return document({"hsds_version": encode(HSDS_VERSION), **members})


HSDS = Exporter(
    "hsds.json",
    "json",
    "application/json",
    "Formato Open Referral HSDS 3.0 (JSON)",
    "Organizaciones, sedes (locations) y actividades (services) según el estándar Human Services "
    "Data Specification 3.0, para intercambiar datos con otros directorios de servicios.",
    render_hsds,
)
