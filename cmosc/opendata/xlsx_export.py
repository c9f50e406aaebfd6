"""`organizaciones.xlsx`: the CSV's rows in a spreadsheet, plus a sheet describing the columns.

openpyxl stamps the workbook with the current time twice (`modified` in
docProps/core.xml, set inside `save`, and the zip entries' dates); both are pinned
here to the data's date so two builds of the same data give the same bytes.

Every row has a cell per column (empty text where there is no value) and each sheet
declares its `<dimension>`, which the streamed workbook omits: streaming readers
(frictionless, openpyxl's read-only mode) size rows by it and otherwise get short rows.
Dates are date cells, not text.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import tostring

from cmosc.opendata.dataset import Conjunto
from cmosc.opendata.exporter import Exportador
from cmosc.opendata.rows import COLUMNAS, filas

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
CORE_PROPERTIES = "docProps/core.xml"
DEFAULT_STAMP = datetime(2000, 1, 1)
BOLD = Font(bold=True)
CAMPOS = ["columna", "título", "tipo", "descripción"]
SHEET_XML = "xl/worksheets/sheet{}.xml"
# CT_Worksheet order: sheetPr, then dimension, then the rest.
AFTER_SHEET_PR = re.compile(rb"</sheetPr>|<sheetPr/>")


def _cell_value(value):
    if isinstance(value, bool) or value is None:
        return {True: "sí", False: "no", None: ""}[value]  # "" keeps the row full
    if isinstance(value, (int, float, date)):
        return value
    # Validation refuses control characters; this keeps a stray one from aborting the file.
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _header(sheet, values) -> list:
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value)
        cell.font = BOLD
        cells.append(cell)
    return cells


def _row(sheet, values) -> list:
    """Plain values stream fastest; only text openpyxl would take for a formula gets a cell."""
    row = []
    for value in values:
        value = _cell_value(value)
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # text starting with «=» is data, never a formula
            value = cell
        row.append(value)
    return row


def workbook(conjunto: Conjunto) -> Workbook:
    """A write-only (streamed) workbook: several times faster than openpyxl's default mode."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Organizaciones")
    sheet.freeze_panes = "C2"
    sheet.append(_header(sheet, [c.nombre for c in COLUMNAS]))
    for row in filas(conjunto):
        sheet.append(_row(sheet, row))
    campos = book.create_sheet("Campos")
    campos.append(_header(campos, CAMPOS))
    for col in COLUMNAS:
        campos.append(_row(campos, [col.nombre, col.titulo, col.tipo, col.descripcion]))
    stamp = datetime.combine(conjunto.actualizado, time()) if conjunto.actualizado else DEFAULT_STAMP
    props = book.properties
    props.creator = props.lastModifiedBy = conjunto.publicador
    props.title = conjunto.titulo
    props.created = props.modified = stamp
    return book


def normalize_zip(raw: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes, same order; `replace` swaps entries."""
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, replace.get(info.filename) or source.read(info.filename))
    return out.getvalue()


def with_dimension(sheet_xml: bytes, columns: int, rows: int) -> bytes:
    tag = f'<dimension ref="A1:{get_column_letter(columns)}{rows}"/>'.encode()
    match = AFTER_SHEET_PR.search(sheet_xml)
    assert match, "openpyxl wrote a worksheet without sheetPr"
    return sheet_xml[: match.end()] + tag + sheet_xml[match.end() :]


def render_xlsx(conjunto: Conjunto) -> bytes:
    book = workbook(conjunto)
    stamp = book.properties.created
    raw = io.BytesIO()
    book.save(raw)  # sets `modified` to now
    book.properties.modified = stamp
    sizes = {1: (len(COLUMNAS), len(conjunto.organizaciones) + 1), 2: (len(CAMPOS), len(COLUMNAS) + 1)}
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as written:
        sheets = {
            SHEET_XML.format(n): with_dimension(written.read(SHEET_XML.format(n)), *size)
            for n, size in sizes.items()
        }
    return normalize_zip(raw.getvalue(), {CORE_PROPERTIES: tostring(book.properties.to_tree()), **sheets})


XLSX = Exportador(
    "organizaciones.xlsx",
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Organizaciones (Excel)",
    "Las mismas filas y columnas que el CSV, en una planilla; la hoja «Campos» explica cada columna.",
    render_xlsx,
    tabular=True,
)
