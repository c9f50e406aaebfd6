"""Organizations as flat rows (CSV, XLSX) following `columnas`."""

from __future__ import annotations

from cmosc.opendata.columns import Columna, celda, columnas
from cmosc.opendata.dataset import Conjunto

COLUMNAS = columnas()


def fila(org, conjunto: Conjunto, cols: list[Columna] = COLUMNAS) -> list:
    """One organization's cells: typed single values or joined texts, None when empty."""
    especiales = {"slug": org.slug, "url": conjunto.url_perfil(org), "logo": conjunto.url_logo(org)}
    cells = []
    for col in cols:
        if col.nombre in especiales:
            cells.append(especiales[col.nombre])
        else:
            cells.append(celda(col.valores(org.data, conjunto.vocabularios), col))
    return cells


def filas(conjunto: Conjunto) -> list[list]:
    cache = conjunto.cache.setdefault("filas", {})
    return [
        cache[o.slug] if o.slug in cache else cache.setdefault(o.slug, fila(o, conjunto))
        for o in conjunto.organizaciones
    ]
