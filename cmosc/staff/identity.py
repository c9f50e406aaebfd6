"""Which organization a row is: decided by identifiers, never by a name alone.

Same CUIT or same number in the same registry = the same organization. A different
number in the same registry = different organizations, whatever their names. The same
name with another locality or address = another organization, with its own slug (the
locality, or a number, as suffix) and listed as «se parece» for staff to review.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from cmosc.folding import fold
from cmosc.profiles.schema import SLUG_MAX
from cmosc.staff.duplicates import SIMILAR_RATIO, name_key

IDS = "identificadores."


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name).replace("-", " ")).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def identifiers(values: dict) -> dict[str, str]:
    """Registry → number, comparable (CUIT digits only, case and spaces aside)."""
    out = {}
    for target, value in values.items():
        if target.startswith(IDS):
            key = target[len(IDS) :]
            out[key] = re.sub(r"\D", "", value) if key == "cuit" else fold(str(value))
    return out


def place_key(values: dict) -> tuple[str, str]:
    return fold(values.get("sedes.localidad", "")), fold(values.get("sedes.direccion", ""))


@dataclass(slots=True)
class Known:
    slug: str
    nombre: str
    ids: dict[str, str]
    place: tuple[str, str]
    row: int | None = None  # the sheet row it came from (None: a profile on disk)


@dataclass
class Match:
    known: Known | None  # None: a new organization
    slug: str
    motivo: str = ""  # why it is that one (mismo CUIT, mismo número de CONABIP…)
    parecidas: list[Known] = field(default_factory=list)


class Index:
    """Profiles on disk and rows already read, by identifier, slug and name."""

    def __init__(self):
        self.by_id: dict[tuple[str, str], Known] = {}
        self.by_slug: dict[str, Known] = {}
        self.by_name: dict[str, list[Known]] = {}
        self.names: dict[str, list[str]] = {}  # first word → name keys of profiles on disk
        self.on_disk: dict[str, list[Known]] = {}

    def add(self, known: Known) -> None:
        for pair in known.ids.items():
            self.by_id.setdefault(pair, known)
        self.by_slug[known.slug] = known
        key = name_key(known.nombre)
        if known.row is None:
            if key not in self.on_disk:
                self.names.setdefault(key.partition(" ")[0], []).append(key)
            self.on_disk.setdefault(key, []).append(known)
        self.by_name.setdefault(key, []).append(known)

    def add_profile(self, slug: str, data: dict) -> None:
        ids = {f"{IDS}{k}": str(v) for k, v in data.get("identificadores", {}).items()}
        sede = (data.get("sedes") or [{}])[0]
        place = {"sedes.localidad": sede.get("localidad", ""), "sedes.direccion": sede.get("direccion", "")}
        self.add(Known(slug, data["nombre"], identifiers(ids), place_key(place)))

    def find(self, values: dict, explicit_slug: str | None) -> Match:
        ids = identifiers(values)
        for pair in ids.items():
            if pair in self.by_id:
                return Match(self.by_id[pair], self.by_id[pair].slug, reason(pair[0]))
        nombre = values.get("nombre", "")
        slug = explicit_slug or slugify(nombre)
        place = place_key(values)
        same = self.by_slug.get(slug)
        if same is not None and not conflicting(same.ids, ids) and (explicit_slug or same.place == place):
            return Match(same, slug, "mismo identificador" if explicit_slug else "mismo nombre y dirección")
        key = name_key(nombre)
        similar = [k for k in self.by_name.get(key, []) if k is not same] + ([same] if same else [])
        # Names that close share their first distinctive word: compare within that bucket only.
        bucket = self.names.get(key.partition(" ")[0], [])
        for close in difflib.get_close_matches(key, bucket, n=3, cutoff=SIMILAR_RATIO):
            similar += [k for k in self.on_disk[close] if all(k is not s for s in similar)]
        if same is not None:
            slug = self.free_slug(slug, values.get("sedes.localidad", ""))
        return Match(None, slug, parecidas=similar)

    def free_slug(self, slug: str, localidad: str) -> str:
        if localidad and slugify(f"{slug} {localidad}") not in self.by_slug:
            return slugify(f"{slug} {localidad}")
        number = 2
        while f"{slug}-{number}" in self.by_slug:
            number += 1
        return f"{slug}-{number}"


def conflicting(a: dict[str, str], b: dict[str, str]) -> bool:
    """A different number in the same registry: two organizations."""
    return any(key in b and b[key] != number for key, number in a.items())


def reason(registry: str) -> str:
    return "mismo CUIT" if registry == "cuit" else f"mismo número de {registry.upper().replace('_', ' ')}"
