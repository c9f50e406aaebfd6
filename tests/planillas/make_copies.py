"""Regenerate the derived copies of the real registry files in this folder.

`python tests/planillas/make_copies.py` writes, from `centros-culturales-sinca.csv` (the
real SInCA file, UTF-8, `,`) and `bibliotecas-populares-nacional.csv`, the same rows as
Excel and other tools save them: Windows-1252 with `;`, tab-separated, and XLSX with
typed cells (numbers as numbers, foundation dates as dates). The copies are committed;
this script says how they were made.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SINCA = HERE / "centros-culturales-sinca.csv"
NATIONAL = HERE / "bibliotecas-populares-nacional.csv"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_csv(rows: list[list[str]], path: Path, encoding: str, delimiter: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)


def typed(text: str):
    """What Excel stores for a cell typed in by hand: numbers and d/m/yyyy dates, typed."""
    if NUMBER.match(text) and not (len(text) > 1 and text.startswith("0") and "." not in text):
        return float(text) if "." in text else int(text)
    match = DATE.match(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        month, day = (first, second) if second > 12 else (second, first)
        return datetime(year, month, day)
    return text or None


def write_xlsx(rows: list[list[str]], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for row in rows[1:]:
        sheet.append([typed(cell) for cell in row])
    book.save(path)


def main() -> None:
    sinca = rows_of(SINCA)
    write_csv(sinca, HERE / "centros-culturales-sinca-cp1252-puntoycoma.csv", "cp1252", ";")
    write_csv(sinca, HERE / "centros-culturales-sinca-tabulado.tsv", "utf-8", "\t")
    write_xlsx(sinca, HERE / "centros-culturales-sinca.xlsx")
    write_xlsx(rows_of(NATIONAL), HERE / "bibliotecas-populares-nacional.xlsx")


if __name__ == "__main__":
    main()
