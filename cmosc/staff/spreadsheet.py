"""Read a spreadsheet (CSV or XLSX) into numbered rows of text, as staff see them.

CSV may use `,`, `;` or a tab and come in UTF-8 (with or without BOM) or in the
Windows-1252/Latin-1 that Excel writes. XLSX cells keep what a person sees: whole
numbers without `.0`, dates as ISO. Row numbers are the spreadsheet's own (header =
row 1); rows are read one at a time, so a long sheet costs no more memory than a short one.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet; the message is for staff."""


@dataclass
class Sheet:
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (row number in the sheet, cell texts), read lazily


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.casefold()
    if suffix in (".csv", ".tsv", ".txt"):
        return read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    raise SpreadsheetError(f"«{path.name}» no es una planilla .csv ni .xlsx.")


def encoding_of(path: Path) -> str:
    """UTF-8 (with or without BOM) if every byte says so, else Excel's Windows-1252;
    decided in chunks, so the file is never held in memory whole."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        head = handle.read(3)
        handle.seek(0)
        try:
            for chunk in iter(lambda: handle.read(1 << 16), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"  # a superset of Latin-1 for letters
    return "utf-8-sig" if head == codecs.BOM_UTF8 else "utf-8"


def read_csv(path: Path) -> Sheet:
    encoding = encoding_of(path)
    handle = path.open(encoding=encoding, errors="replace", newline="")
    first_line = handle.readline()
    handle.seek(0)
    delimiter = max(("\t", ";", ","), key=first_line.count)
    return _sheet(enumerate(csv.reader(handle, delimiter=delimiter), start=1))


def read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SpreadsheetError(
            f"no se pudo abrir «{path.name}» como planilla de Excel ({exc.__class__.__name__})."
        ) from None
    rows = enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
    return _sheet((number, [cell_text(v) for v in values]) for number, values in rows)


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
    if isinstance(value, float):
        return repr(value)  # the shortest text that is this number: -26.83, not -26.830000000000002
    return str(value)


def _sheet(rows) -> Sheet:
    rows = ((n, [c.strip() for c in cells]) for n, cells in rows)
    headers = next((cells for _, cells in rows if any(cells)), None)
    if headers is None:
        raise SpreadsheetError("la planilla está vacía.")
    body = ((n, cells + [""] * (len(headers) - len(cells))) for n, cells in rows if any(cells))
    return Sheet(headers, body)
