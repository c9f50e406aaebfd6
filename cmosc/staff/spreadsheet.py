"""Read a spreadsheet (CSV or XLSX) into numbered rows of text, as staff see them.

CSV may use `,` or `;` and come in UTF-8 (with or without BOM) or in the Windows
Latin-1 that Excel writes. Row numbers are the spreadsheet's own (header = row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet; the message is for staff."""


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number in the sheet, cell texts)


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        return read_csv(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    raise SpreadsheetError(f"«{path.name}» no es una planilla .csv ni .xlsx.")


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows is cp1252, a superset of Latin-1 for letters.
        return raw.decode("cp1252", errors="replace")


def read_csv(raw: bytes) -> Sheet:
    text = decode(raw)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _sheet([(number, row) for number, row in enumerate(reader, start=1)])


def read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SpreadsheetError(
            f"no se pudo abrir «{path.name}» como planilla de Excel ({exc.__class__.__name__})."
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = [
            (number, [cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    return _sheet(rows)


def cell_text(value) -> str:
    """The text a person sees in the cell (numbers without a trailing .0, ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet(rows: list[tuple[int, list[str]]]) -> Sheet:
    rows = [(n, [c.strip() for c in cells]) for n, cells in rows]
    while rows and not any(rows[0][1]):
        rows.pop(0)
    if not rows:
        raise SpreadsheetError("la planilla está vacía.")
    (_, headers), body = rows[0], rows[1:]
    body = [(n, cells + [""] * (len(headers) - len(cells))) for n, cells in body if any(cells)]
    return Sheet(headers, body)
