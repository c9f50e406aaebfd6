"""Organizations as flat rows (CSV, XLSX) following `columnas`."""

from __future__ import annotations

from collections.abc import Callable

from cmosc.opendata.columns import Column, columnas
from cmosc.opendata.dataset import Dataset

COLUMNS = columnas()


def filas(dataset: Dataset, cols: list[Column] = COLUMNS) -> Callable[[object], list]:
    """The maker of one organization's cells (typed single values or joined texts, None when
    empty), each column's plan resolved once for the whole file. It keeps the last organization's:
    its CSV line and its XLSX row are made one after the other (`render_csv`)."""
    especiales = {"slug": lambda org: org.slug, "url": dataset.url_perfil, "logo": dataset.url_logo}
    cells = [None if c.nombre in especiales else c.cell(dataset.vocabularios) for c in cols]
    special = [(n, especiales[c.nombre]) for n, c in enumerate(cols) if c.nombre in especiales]
    last: list = [None, None]  # an organization and its cells

    def fila(org) -> list:
        if last[0] is not org:
            data = org.data
            row = [cell(data) if cell else None for cell in cells]
            for n, value in special:
                row[n] = value(org)
            last[:] = org, row
        return last[1]

    return fila
