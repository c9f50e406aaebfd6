"""`organizaciones.csv`: one row per organization, UTF-8 with BOM so Excel reads the accents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from cmosc.opendata.columns import texto
from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter
from cmosc.opendata.rows import COLUMNS, filas
from cmosc.opendata.xlsx_export import Workbook

BOM = "\ufeff"
# A cell a spreadsheet would run as a formula (CSV injection). Signed numbers and
# phone numbers (+54 381 …, -26.81, joined lists of them) have no letters, so they
# cannot call anything and stay as they are.
_FORMULA = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s().|+-]*$))")
_FORMULA_STARTS = frozenset("=@\t\r+-")  # the first characters `_FORMULA` looks further at


def neutralize(value: str) -> str:
    """Prefix a would-be formula with an apostrophe, as spreadsheets do for text."""
    return "'" + value if _FORMULA.match(value) else value


def render_csv(dataset: Dataset, rows_to: Workbook | None = None) -> Iterator[bytes]:
    """CSV of any list of organizations (the whole directory or one facet value), a line at a time;
    given `rows_to`, each organization's row goes to that workbook too, of the same cells."""
    fila = filas(dataset)
    line = partial(_org_line, fila)
    get = dataset.fragments.get
    yield HEAD
    for org in dataset.organizations:
        yield get("csv", org, line)
        if rows_to is not None:
            rows_to.add(org, fila)


def _org_line(fila, org) -> bytes:
    return _line(fila(org)).encode("utf-8")


def _line(values: list) -> str:
    # About half the cells have no value: they are spared the call.
    return ",".join(["" if value is None or value == "" else _field(value) for value in values]) + "\r\n"


def _field(value) -> str:
    """One value as its CSV field: what `csv.writer` (minimal quoting, CRLF lines) writes of its
    neutralized text, without the writer's per-character copy (a third of the CSV's time)."""
    if value.__class__ is not str:
        value = texto(value)
    if not value:
        return value
    if value[0] in _FORMULA_STARTS:
        value = neutralize(value)
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


HEAD = (BOM + _line([c.nombre for c in COLUMNS])).encode("utf-8")


CSV = Exporter(
    "organizaciones.csv",
    "csv",
    "text/csv",
    "Organizaciones (CSV)",
    "Una fila por organización, con las columnas en el orden documentado. Las listas van en una "
    "sola celda separadas por « | »; UTF-8 con BOM para abrirlo en Excel.",
    render_csv,
    tabular=True,
)
