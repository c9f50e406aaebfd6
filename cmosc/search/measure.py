"""Mide el armado del índice con documentos sintéticos.

    python -m cmosc.search.measure [--docs 2000] [--palabras 150] [--procesos N]

Los documentos se generan de forma determinista (semilla fija) con un
vocabulario pseudo-castellano grande: raíces de sílabas (con tildes, ñ y ü) y
terminaciones reales (-ción/-ciones, -dad/-dades, -ar/-er/-ir, -mente, -os,
-es…), muestreadas con una ley de Zipf y mezcladas con palabras vacías, como
en un texto real. Es un caso pesado: ~30 mil formas distintas para 2000
documentos de 150 palabras (un directorio real repite mucho más vocabulario).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import random
import time

from cmosc.search import pipeline as pl
from cmosc.search.index import build_index, serializar

__all__ = ["documentos_sinteticos", "medir"]

_SILABAS = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "ga",
    "go",
    "gu",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "za",
    "zo",
    "cha",
    "che",
    "chi",
    "cho",
    "lla",
    "lle",
    "llo",
    "ña",
    "ñe",
    "ño",
    "bra",
    "bre",
    "cre",
    "cri",
    "dra",
    "fra",
    "gra",
    "gri",
    "pla",
    "pre",
    "pri",
    "tra",
    "tre",
    "tro",
    "gue",
    "gui",
    "güe",
    "güi",
    "que",
    "qui",
    "al",
    "an",
    "ar",
    "as",
    "el",
    "en",
    "er",
    "es",
    "in",
    "ir",
    "is",
    "or",
    "os",
    "un",
    "ur",
    "tá",
    "té",
    "tí",
    "tó",
    "tú",
    "lá",
    "lé",
    "ló",
    "rá",
    "ré",
    "rí",
    "ró",
    "ná",
    "nó",
    "mé",
    "mí",
    "sí",
]
_FINALES = [
    "o",
    "a",
    "os",
    "as",
    "e",
    "es",
    "ión",
    "iones",
    "ción",
    "ciones",
    "dad",
    "dades",
    "ar",
    "er",
    "ir",
    "ando",
    "iendo",
    "ado",
    "ada",
    "ados",
    "adas",
    "ía",
    "ías",
    "mente",
    "or",
    "ores",
    "ista",
    "istas",
    "ismo",
    "ero",
    "era",
    "eros",
    "eras",
    "ito",
    "ita",
    "itos",
    "itas",
    "al",
    "ales",
    "ante",
    "antes",
    "encia",
    "encias",
    "oso",
    "osa",
    "osos",
    "osas",
    "ivo",
    "iva",
    "ivos",
    "ivas",
    "án",
    "én",
    "ín",
    "ón",
    "ún",
    "és",
    "ás",
    "l",
    "n",
    "r",
    "z",
    "ces",
]
_LARGOS = {
    "nombre": 4,
    "resumen": 20,
    "areas": 4,
    "poblacion": 3,
    "barrio": 2,
    "necesidades": 6,
    "actividades": 10,
    "descripcion": 100,
}


def _vocabulario(rnd: random.Random, cantidad: int) -> list[str]:
    formas: dict[str, None] = {}
    while len(formas) < cantidad:
        raiz = "".join(rnd.choice(_SILABAS) for _ in range(rnd.randint(1, 3)))
        formas.setdefault(raiz + rnd.choice(_FINALES), None)
    return list(formas)


def documentos_sinteticos(cantidad: int = 2000, palabras: int = 150, semilla: int = 2024) -> list[dict]:
    """``cantidad`` documentos con el esquema de ``build_index`` y unas
    ``palabras`` palabras cada uno (repartidas entre los campos)."""
    rnd = random.Random(semilla)
    vocabulario = _vocabulario(rnd, 60000)
    pesos = list(itertools.accumulate(1 / (i + 1) ** 1.0 for i in range(len(vocabulario))))
    vacias = list(pl.PALABRAS_VACIAS)
    escala = palabras / sum(_LARGOS.values())

    def texto(n: int) -> str:
        elegidas = rnd.choices(vocabulario, cum_weights=pesos, k=n)
        return " ".join(p if rnd.random() > 0.4 else rnd.choice(vacias) for p in elegidas)

    documentos = []
    for i in range(cantidad):
        doc = {campo: texto(max(1, round(n * escala))) for campo, n in _LARGOS.items()}
        doc["nombre"] = doc["nombre"].title()
        doc["sigla"] = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        doc["id"] = "asociacion-civil-" + "-".join(doc["nombre"].lower().split()[:3]) + f"-{i}"
        documentos.append(doc)
    return documentos


def _cpu() -> float:
    """Segundos de CPU (usuario + sistema) de este proceso y sus hijos: no
    depende de la carga de la máquina como el tiempo de reloj."""
    try:
        import resource
    except ImportError:  # Windows
        return time.process_time()
    total = 0.0
    for quien in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        uso = resource.getrusage(quien)
        total += uso.ru_utime + uso.ru_stime
    return total


def medir(cantidad: int = 2000, palabras: int = 150, procesos: int | None = None) -> dict:
    documentos = documentos_sinteticos(cantidad, palabras)
    pl._CACHE.clear()  # medir en frío, como un build nuevo
    cpu_inicio = _cpu()
    inicio = time.perf_counter()
    indice = build_index(documentos, procesos=procesos)
    armado = time.perf_counter() - inicio
    cpu = _cpu() - cpu_inicio
    datos = serializar(indice).encode("utf-8")
    total = time.perf_counter() - inicio
    return {
        "documentos": cantidad,
        "palabras_por_documento": palabras,
        "segundos_armado": round(armado, 2),
        "segundos_con_json": round(total, 2),
        "segundos_cpu": round(cpu, 2),
        "bytes": len(datos),
        "bytes_gzip": len(gzip.compress(datos, 9)),
        "terminos": len(indice["lunr"]["invertedIndex"]),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--palabras", type=int, default=150)
    parser.add_argument("--procesos", type=int, default=None)
    args = parser.parse_args(argv)
    r = medir(args.docs, args.palabras, args.procesos)
    print(
        f"{r['documentos']} documentos × ~{r['palabras_por_documento']} palabras: "
        f"armado {r['segundos_armado']} s de reloj ({r['segundos_cpu']} s de CPU; "
        f"con JSON {r['segundos_con_json']} s), "
        f"{r['bytes'] / 1024:.0f} KiB ({r['bytes_gzip'] / 1024:.0f} KiB gzip), "
        f"{r['terminos']} términos"
    )


if __name__ == "__main__":
    main()
