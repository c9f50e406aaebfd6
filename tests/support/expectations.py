"""What the sample YAML says, computed here without the project's code, for tests to compare with."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", str(text)) if not unicodedata.combining(c))
    return "-".join(plain.casefold().replace("_", " ").replace("-", " ").split())


def collation_key(name: str) -> list:
    """Spanish order written independently: accents ignored, ñ between n and o."""
    key = []
    for char in name.casefold():
        if char == "ñ":
            key.append(("n", 1))
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
            key.extend((b, 0) for b in base)
    return key


def vocabulary(name: str) -> dict[str, str]:
    """id → display name."""
    items = yaml.load(
        (ROOT / "vocabularios" / f"{name}.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader
    )
    return {str(i["id"]): str(i["nombre"]) for i in items}


def _resolver(name: str):
    terms = vocabulary(name)
    index = {}
    for term_id, label in terms.items():
        index.setdefault(_fold(term_id), term_id)
        index.setdefault(_fold(label), term_id)
    return lambda value: index[_fold(value)]


# Written here again on purpose: the topic listing of these areas also gathers the
# organizations that serve the matching population (one entry for the same people).
TOPIC_OF_POPULATION = {
    "ninas-y-ninos": "ninez",
    "adolescentes": "juventud",
    "jovenes": "juventud",
    "personas-mayores": "personas-mayores",
    "personas-con-discapacidad": "discapacidad",
    "mujeres": "genero",
    "diversidades": "genero",
}


def profiles() -> dict[str, dict]:
    """slug → {nombre, activa, facets: {segment: set of values}}."""
    tipos, areas, barrios = _resolver("tipos"), _resolver("areas"), _resolver("barrios")
    poblaciones, necesidades = _resolver("poblaciones"), _resolver("necesidades")
    result = {}
    for path in sorted((ROOT / "organizaciones").glob("*.yml")):
        data = yaml.load(
            path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader
        )  # scalars stay text, like ours
        result[path.stem] = {
            "nombre": data["nombre"],
            "activa": data.get("estado", "activa") == "activa",
            "facets": {
                "tipos": {tipos(data["tipo"])},
                "areas": {areas(a) for a in data.get("areas", [])}
                | {
                    TOPIC_OF_POPULATION[poblaciones(p)]
                    for p in data.get("poblacion", [])
                    if poblaciones(p) in TOPIC_OF_POPULATION
                },
                "barrios": {barrios(s["barrio"]) for s in data.get("sedes", []) if s.get("barrio")},
                "poblaciones": {poblaciones(p) for p in data.get("poblacion", [])},
                "necesidades": {necesidades(n["tipo"]) for n in data.get("necesidades", [])},
                "ods": {str(n) for n in data.get("ods", [])},
            },
        }
    return result


FACET_VOCABULARIES = {
    "tipos": "tipos",
    "areas": "areas",
    "barrios": "barrios",
    "poblaciones": "poblaciones",
    "necesidades": "necesidades",
}


def facet_values(segment: str) -> list[str]:
    if segment == "ods":
        return [str(n) for n in range(1, 18)]
    return list(vocabulary(FACET_VOCABULARIES[segment]))
