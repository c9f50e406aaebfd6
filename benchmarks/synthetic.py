"""Deterministic synthetic profiles (and matching plain-Pelican articles) for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from cmosc.profiles.checks import cuit_check_digit

WORDS = [
    "barrio",
    "comunidad",
    "apoyo",
    "escolar",
    "merienda",
    "talleres",
    "familias",
    "jóvenes",
    "deporte",
    "fútbol",
    "salud",
    "cultura",
    "murga",
    "biblioteca",
    "huerta",
    "reciclado",
    "trabajo",
    "cooperativa",
    "mujeres",
    "niñez",
    "acompañamiento",
    "vecinos",
    "derechos",
    "capacitación",
    "alimentación",
    "comedor",
    "vivienda",
    "ambiente",
    "adultos",
    "mayores",
]
PREFIXES = (
    "Asociación Civil",
    "Fundación",
    "Centro Vecinal",
    "Cooperativa",
    "Merendero",
    "Club",
    "Biblioteca Popular",
    "Comedor Comunitario",
    "Red",
    "Cooperadora Escuela",
)
NAMES = (
    "Los Girasoles",
    "Nuevo Amanecer",
    "Manos Unidas",
    "San Cayetano",
    "El Sol",
    "La Esperanza",
    "Sueños del Sur",
    "Raíces",
    "Horizonte",
    "Las Acacias",
    "Caminos",
    "Semillas",
)


def _ids(root: Path, name: str) -> list[str]:
    return [
        item["id"]
        for item in yaml.safe_load((root / "vocabularios" / f"{name}.yml").read_text(encoding="utf-8"))
    ]


def _cuit(rng: random.Random) -> str:
    while True:
        first = "30" + "".join(str(rng.randrange(10)) for _ in range(8))
        digit = cuit_check_digit(first)
        if digit is not None:
            return f"{first[:2]}-{first[2:]}-{digit}"


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def profile(rng: random.Random, number: int, vocab: dict[str, list[str]]) -> tuple[str, str]:
    nombre = f"{rng.choice(PREFIXES)} {rng.choice(NAMES)} {number}"
    descripcion = "\n\n".join(_sentence(rng, 30) for _ in range(4))
    sedes = "".join(
        f"  - direccion: Calle {rng.randrange(1, 90)} de Julio {rng.randrange(100, 3000)}\n"
        f"    barrio: {rng.choice(vocab['barrios'])}\n"
        f"    ubicacion: {{lat: {rng.uniform(-26.88, -26.77):.5f}, lon: {rng.uniform(-65.28, -65.17):.5f}}}\n"
        f"    horarios: {rng.choice(HOURS_TEXTS)}\n"
        for _ in range(rng.randrange(1, 3))
    )
    text = (
        "# yaml-language-server: $schema=../esquema/organizacion.schema.json\n"
        f"nombre: {nombre}\n"
        f"tipo: {rng.choice(vocab['tipos'])}\n"
        f"resumen: {_sentence(rng, 14)}\n"
        "descripcion: |\n"
        + "".join(f"  {line}\n" if line else "\n" for line in descripcion.split("\n"))
        + f"fundacion: {rng.randrange(1950, 2025)}\n"
        f"identificadores:\n  cuit: {_cuit(rng)}\n"
        f"areas: [{', '.join(rng.sample(vocab['areas'], 2))}]\n"
        f"poblacion: [{rng.choice(vocab['poblaciones'])}]\n"
        f"ods: [{rng.randrange(1, 18)}]\n"
        "actividades:\n"
        f"  - nombre: Taller de {rng.choice(WORDS)}\n    horario: Sábados de 10 a 12\n"
        f"sedes:\n{sedes}"
        f"contacto:\n  email: contacto{number}@ejemplo.org.ar\n  telefonos: [0381 4{number % 1000000:06d}]\n"
        f"necesidades:\n  - tipo: {rng.choice(vocab['necesidades'])}\n    descripcion: {_sentence(rng, 10)}\n"
        f"verificado: 2026-{rng.randrange(1, 11):02d}-{rng.randrange(1, 28):02d}\n"
    )
    return f"org-{number:05d}", text


# Real phrasings (weekly, split days, past midnight, monthly, closures) for «abierto ahora».
HOURS_TEXTS = (
    "Lunes a viernes de 9:30 a 12:30",
    "Lunes a viernes de 9 a 12 y de 16 a 20",
    "Martes y jueves de 17 a 19",
    "Todos los días de 20 a 8",
    "Lunes a sábado de 8 a 14; cerrado en enero",
    "Último sábado de cada mes de 10 a 19",
    "Lunes, miércoles y viernes de 14:30 a 18:30; primer sábado de cada mes de 9 a 13",
)


def write_profiles(root: Path, destination: Path, n: int, seed: int = 2026) -> list[str]:
    """Write `n` valid profiles into `destination`; returns the texts for the Pelican twin."""
    rng = random.Random(seed)
    vocab = {name: _ids(root, name) for name in ("tipos", "areas", "poblaciones", "necesidades", "barrios")}
    destination.mkdir(parents=True, exist_ok=True)
    texts = []
    for number in range(n):
        slug, text = profile(rng, number, vocab)
        (destination / f"{slug}.yml").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def write_articles(texts: list[str], destination: Path) -> None:
    """The same profiles as plain Pelican Markdown articles of similar length."""
    destination.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        # libyaml's loader: the same data as yaml.safe_load, ~10x faster (N=100,000 took minutes).
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        body = (
            data["descripcion"]
            + "\n\n"
            + "\n".join(f"- **{k}**: {v}" for k, v in data.items() if k != "descripcion")
        )
        (destination / f"org-{number:05d}.md").write_text(
            f"Title: {data['nombre']}\nDate: 2026-01-01\nCategory: {data['tipo']}\nTags: {', '.join(data['areas'])}\n"
            f"Slug: org-{number:05d}\nSummary: {data['resumen']}\n\n{body}\n",
            encoding="utf-8",
        )
