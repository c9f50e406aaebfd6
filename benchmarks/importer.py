"""Import figures for `make bench`: `cmosc importar --simular` over 2,000 and 20,000 rows.

The rows are a registry in the national open-data format (the columns of the real SInCA
file in `tests/planillas/`), all in the municipality, some homonyms in other barrios.
Peak memory is compared between the two sizes: it must stay flat in the number of rows.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from .measurement import measure_process

HEADERS = [
    "Cod_Loc",
    "id_provincia",
    "id_departamento",
    "categoria",
    "provincia",
    "departamento",
    "localidad",
    "Nombre",
    "Domicilio",
    "Piso",
    "CP",
    "cod_area",
    "Telefóno",
    "Mail ",
    "Web",
    "latitud",
    "longitud",
    "Fuente",
    "año_inicio",
]
WORDS = ("Biblioteca Popular", "Centro Cultural", "Club Social", "Asociación Vecinal", "Comedor")
NAMES = ("Esperanza", "Sarmiento", "Belgrano", "Alberdi", "Los Pinos", "San Martín", "El Ceibo", "Avellaneda")
ROWS = (2000, 20000)
MAP = "valores:\n  categoria:\n    Centro Cultural: asociacion-civil\n"
LIMIT_SECONDS = 10.0


def write_registry(path: Path, n: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADERS)
        for i in range(n):
            # One name in ten repeats another row's name: a homonym in another street.
            number = i - 1 if i % 10 == 9 else i
            name = f"{WORDS[number % len(WORDS)]} {NAMES[number % len(NAMES)]} {number:05d}"
            out.writerow(
                [
                    "90084010", "90", "90084", "Centro Cultural", "Tucumán", "Capital",
                    "San Miguel de Tucuman", name, f"Calle {rng.randint(1, 400)} {rng.randint(1, 3000)}",
                    rng.choice(("", "s/d", "1°")), "4000", "381", f"4{rng.randint(100000, 999999)}",
                    f"contacto{i}@ejemplo.org.ar", rng.choice(("s/d", f"www.org{i}.org.ar")),
                    f"{rng.uniform(-26.86, -26.80):.6f}", f"{rng.uniform(-65.24, -65.19):.6f}",
                    "Registro sintético", rng.choice(("0", "", str(rng.randint(1950, 2020)))),
                ]
            )  # fmt: skip


def measure(output_dir: Path, project_dir: Path) -> list[tuple[str, str]]:
    figures = {}
    mapping = project_dir / "columnas-registro.yml"
    mapping.write_text(MAP, encoding="utf-8")
    for n in ROWS:
        sheet = project_dir / f"registro-{n}.csv"
        write_registry(sheet, n)
        command = [sys.executable, "-m", "cmosc.cli.main", "--raiz", str(project_dir), "importar"]
        figures[n] = measure_process(
            [*command, str(sheet), "--simular", "--columnas", str(mapping)], project_dir
        )
    small, large = figures[ROWS[0]], figures[ROWS[1]]
    return [
        (
            f"Importar {ROWS[1]} filas del formato nacional, `--simular` (meta ≤ {LIMIT_SECONDS:.0f} s)",
            f"{large.seconds:.2f} s (CPU {large.cpu_seconds:.2f} s)",
        ),
        (
            f"Importar {ROWS[0]} filas, `--simular`",
            f"{small.seconds:.2f} s (CPU {small.cpu_seconds:.2f} s)",
        ),
        (
            f"Memoria pico al importar {ROWS[0]} / {ROWS[1]} filas (meta: plana)",
            f"{small.peak_mb:.0f} MB / {large.peak_mb:.0f} MB",
        ),
    ]
