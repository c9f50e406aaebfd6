"""Likely duplicate organizations: same CUIT, or very similar names (in the same barrio)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from cmosc.folding import strip_accents

SIMILAR_RATIO = 0.88
# Words that every second organization has; they make unrelated names look alike.
COMMON_WORDS = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "el",
        "los",
        "y",
        "e",
        "en",
        "para",
        "asociacion",
        "civil",
        "fundacion",
        "centro",
        "vecinal",
        "cooperativa",
        "cooperadora",
        "organizacion",
        "comunitaria",
        "barrio",
        "club",
        "merendero",
        "comedor",
    ]
)


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    motivo: str


def name_key(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", strip_accents(name).casefold())
    distinctive = [w for w in words if w not in COMMON_WORDS]
    return " ".join(distinctive or words)


def similar_names(a: str, b: str) -> bool:
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    return key_a == key_b or difflib.SequenceMatcher(None, key_a, key_b).ratio() >= SIMILAR_RATIO


def barrios_of(data: dict) -> set[str]:
    return {s["barrio"] for s in data.get("sedes", []) if s.get("barrio")}


def cuit_of(data: dict) -> str | None:
    value = data.get("identificadores", {}).get("cuit")
    return re.sub(r"\D", "", value) if value else None


def why_same(a: dict, b: dict, same_barrio_only: bool = True) -> str | None:
    """The reason two profiles look like the same organization, or None."""
    cuit = cuit_of(a)
    if cuit and cuit == cuit_of(b):
        return "mismo CUIT"
    if similar_names(a.get("nombre", ""), b.get("nombre", "")):
        shared = barrios_of(a) & barrios_of(b)
        if shared:
            return "nombre muy parecido en el mismo barrio"
        if not same_barrio_only:
            return "nombre muy parecido"
    return None


def likely_duplicates(profiles: list[tuple[str, dict]]) -> list[Pair]:
    """Every pair (by slug) that looks like one organization; names alone count too."""
    pairs = []
    for i, (slug_a, a) in enumerate(profiles):
        for slug_b, b in profiles[i + 1 :]:
            motivo = why_same(a, b, same_barrio_only=False)
            if motivo:
                pairs.append(Pair(slug_a, slug_b, motivo))
    return pairs
