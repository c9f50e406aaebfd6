"""Organizations as flat rows (CSV, XLSX) following `columnas`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from cmosc.opendata.columns import Column, columnas
from cmosc.opendata.dataset import Dataset

COLUMNS = columnas()


def filas(dataset: Dataset, cols: list[Column] = COLUMNS) -> Callable[[object], list]:
    """The maker of one organization's cells (typed single values or joined texts, None when
    empty), each column's plan resolved once for the whole file, at its first row: a facet CSV
    usually finds every line made already (`fragments.py`). It keeps the last organization's:
    its CSV line and its XLSX row are made one after the other (`render_csv`)."""
    especiales = {"slug": lambda org: org.slug, "url": dataset.url_perfil, "logo": dataset.url_logo}

    @cache
    def plan() -> tuple[list, list]:
        cells = [None if c.nombre in especiales else c.cell(dataset.vocabularios) for c in cols]
        special = [(n, especiales[c.nombre]) for n, c in enumerate(cols) if c.nombre in especiales]
        return cells, special

    last: list = [None, None]  # an organization and its cells

    def fila(org) -> list:
        if last[0] is not org:
            cells, special = plan()
            data = org.data
            row = [cell(data) if cell else None for cell in cells]
            for n, value in special:
                row[n] = value(org)
            last[:] = org, row
        return last[1]

    return fila
