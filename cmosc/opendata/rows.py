"""Organizations as flat rows (CSV, XLSX) following `columnas`."""

from __future__ import annotations

from cmosc.opendata.columns import Column, cell_value, columnas
from cmosc.opendata.dataset import Dataset

COLUMNS = columnas()


def fila(org, dataset: Dataset, cols: list[Column] = COLUMNS) -> list:
    """One organization's cells: typed single values or joined texts, None when empty."""
    especiales = {"slug": org.slug, "url": dataset.url_perfil(org), "logo": dataset.url_logo(org)}
    cells = []
    for col in cols:
        if col.nombre in especiales:
            cells.append(especiales[col.nombre])
        else:
            cells.append(cell_value(col.valores(org.data, dataset.vocabularios), col))
    return cells
