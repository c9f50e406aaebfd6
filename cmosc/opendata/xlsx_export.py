"""`organizaciones.xlsx`: the CSV's rows in a spreadsheet, plus a sheet describing the columns.

Written directly as Office Open XML (SpreadsheetML) parts in a zip: building it through
openpyxl took 80 % of the open-data export and, at 20,000 organizations, kept the build
waiting for it. What the file holds is what openpyxl's streamed workbook wrote: text as
inline strings (never formulas, whatever they start with), dates as date cells, a bold
header, the first row and two columns frozen, and each sheet's `<dimension>`, which
streaming readers (frictionless, openpyxl's read-only mode) size rows by. Every row has a
cell per column (empty text where there is no value). The zip entries carry a fixed
date and the properties the data's date, so two builds of the same data give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from functools import partial
from xml.sax.saxutils import escape

from cmosc.opendata.dataset import Dataset
from cmosc.opendata.exporter import Exporter
from cmosc.opendata.rows import COLUMNS, filas

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
# zlib's fastest level: the sheet's XML (86 MB at 20,000 organizations) is deflated on every
# build, also each time `cmosc servir` rebuilds after a save, and the level the rest of the
# build waited on: 1 deflates it in 0.35 s instead of 0.98 s (level 6, zlib's default) for a
# file 1.3 times as large (15.5 MB instead of 11.8 at 20,000; 1.6 instead of 1.2 at 2000).
ZIP_LEVEL = 1
# Rows go into the sheet's zip entry this many bytes at a time: each write costs zipfile a CRC,
# a deflate call and its own bookkeeping, 7 ms for a write per row at N=2000.
SHEET_WRITE = 1 << 16
DEFAULT_STAMP = datetime(2000, 1, 1)
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of the 1900 date system, as Excel counts it
FIELDS = ["columna", "título", "tipo", "descripción"]
# XML 1.0 does not allow these; validation refuses them, this keeps a stray one from
# breaking the file.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
HEADER_STYLE, DATE_STYLE = 1, 2  # indexes into STYLES' cellXfs

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/worksheets/sheet2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{PACKAGE_RELATIONSHIPS}/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
    '<sheet name="Organizaciones" sheetId="1" r:id="rId1"/><sheet name="Campos" sheetId="2" r:id="rId2"/>'
    "</sheets></workbook>"
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet2.xml"/>'
    f'<Relationship Id="rId3" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
STYLES = (
    f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
# The header row and the slug and URL columns stay in view while scrolling.
FROZEN = (
    '<sheetView workbookViewId="0"><pane xSplit="2" ySplit="1" topLeftCell="C2" '
    'activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="C2" sqref="C2"/>'
    "</sheetView>"
)
PLAIN_VIEW = '<sheetView workbookViewId="0"/>'


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_WORDS = {True: "sí", False: "no", None: ""}  # "" keeps the row full


def _cell(ref: str, opening: str, empty: str, value) -> str:
    """One cell at `ref`; `opening`: its tag up to its type, `empty`: the cell without a value
    (`columns_of`)."""
    if value.__class__ is not str:  # most values are text: they skip these checks
        if isinstance(value, bool) or value is None:
            value = _WORDS[value]
        elif isinstance(value, date):  # datetime too: only its day is published
            day = value.date() if isinstance(value, datetime) else value
            return f'<c r="{ref}" s="{DATE_STYLE}"><v>{(day - EXCEL_EPOCH).days}</v></c>'
        elif isinstance(value, (int, float)):
            return f"{opening}><v>{value!r}</v></c>"
        else:
            value = str(value)
    # Every illegal character is unprintable: the quick test spares nearly all texts the search.
    if value and not value.isprintable() and ILLEGAL_CHARACTERS.search(value):
        value = ILLEGAL_CHARACTERS.sub("", value)
    if not value:
        return empty
    if "&" in value or "<" in value or ">" in value:  # few texts: spared the call
        value = escape(value)
    if value != value.strip():
        return f'{opening} t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'
    return f'{opening} t="inlineStr"><is><t>{value}</t></is></c>'


# Where a row's number goes in its XML: an organization's row is kept (`fragments.py`) while
# others come and go before it. Text never holds it (ILLEGAL_CHARACTERS), nor do numbers.
NUMBER = "\0"


def columns_of(count: int, style: int = 0) -> list[tuple[str, str, str]]:
    """A row's `count` cells in `style`: each one's reference (A, B… then NUMBER in place of the
    row's number), its tag up to the type and the cell without a value, made once for all rows."""
    styled = f' s="{style}"' if style else ""
    refs = [f"{column_letter(i)}{NUMBER}" for i in range(1, count + 1)]
    return [(ref, f'<c r="{ref}"{styled}', f'<c r="{ref}"{styled} t="inlineStr"/>') for ref in refs]


def row(columns: list[tuple[str, str, str]], values: list) -> bytes:
    """One row's XML, its number left as NUMBER. About half the cells have no value: they are
    spared the call."""
    cells = "".join(
        [
            empty if value is None or value == "" else _cell(ref, opening, empty, value)
            for (ref, opening, empty), value in zip(columns, values)
        ]
    )
    return f'<row r="{NUMBER}">{cells}</row>'.encode()


def sheet_head(columns: int, count: int, view: str) -> bytes:
    """What a sheet of `count` rows of `columns` cells holds before them."""
    return (
        f'{XML_HEAD}<worksheet xmlns="{MAIN}"><dimension ref="A1:{column_letter(columns)}{count}"/>'
        f"<sheetViews>{view}</sheetViews><sheetData>"
    ).encode()


SHEET_END = b"</sheetData></worksheet>"


def numbered(xml: bytes, number: int) -> bytes:
    """A `row` given its number."""
    return xml.replace(NUMBER.encode(), b"%d" % number)


def worksheet(columns: int, rows: list[bytes], view: str) -> bytes:
    """A whole sheet of `rows` of `columns` cells, the header first."""
    numbered_rows = [numbered(xml, n) for n, xml in enumerate(rows, start=1)]
    return b"".join([sheet_head(columns, len(rows), view), *numbered_rows, SHEET_END])


def core_properties(dataset: Dataset) -> str:
    stamp = datetime.combine(dataset.actualizado, time()) if dataset.actualizado else DEFAULT_STAMP
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    who = escape(dataset.publicador)
    return (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(dataset.titulo)}</dc:title><dc:creator>{who}</dc:creator>"
        f"<cp:lastModifiedBy>{who}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


class _Spool:
    """A file for `zipfile` to write a workbook into, handed out by parts (`take`). zipfile seeks
    back only into the entry it is writing (to give its header the sizes and CRC once known), so
    between entries what was written is final. Only compressed bytes are held (the sheet of rows,
    11 MB at 20,000 organizations), never the sheet's XML."""

    def __init__(self):
        self._given = 0  # bytes handed out by earlier `take`s
        self._buffer = io.BytesIO()

    def tell(self) -> int:
        return self._given + self._buffer.tell()

    def seek(self, position: int) -> int:
        self._buffer.seek(position - self._given)
        return position

    def write(self, data) -> int:
        return self._buffer.write(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        """What was written since the last `take` (getvalue shares the buffer: no copy)."""
        part = self._buffer.getvalue()
        self._given += len(part)
        self._buffer = io.BytesIO()
        return part


def _entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, ZIP_EPOCH)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry._compresslevel = ZIP_LEVEL  # what `ZipFile.open` reads of an entry it is given (3.11)
    entry.external_attr = 0o644 << 16
    return entry


class Workbook:
    """The workbook: its organizations' rows are given in order (`add`), then it is taken by parts
    (`parts`). The directory's CSV gives them as it makes its lines (`render_csv`), so each
    organization's cells are worked out once for both files. The sheet of rows is compressed as
    they come, a few at a time (a deflate stream's bytes do not depend on how its input is split,
    so they are those of compressing the sheet whole) and is held compressed until the workbook
    is taken."""

    def __init__(self, dataset: Dataset):
        self._get, self._count = dataset.fragments.get, len(dataset.organizations)
        self._spool = _Spool()
        self._book = zipfile.ZipFile(self._spool, "w", zipfile.ZIP_DEFLATED)
        for name, xml in [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("docProps/core.xml", core_properties(dataset)),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/styles.xml", STYLES),
        ]:
            self._book.writestr(_entry(name), (XML_HEAD + xml).encode("utf-8"))
        self._sheet = self._book.open(_entry("xl/worksheets/sheet1.xml"), "w")
        self._sheet.write(sheet_head(len(COLUMNS), self._count + 1, FROZEN))
        header = numbered(SHEET_HEADER, 1)
        self._pending, self._pending_size = [header], len(header)  # rows not yet in the sheet
        self._rows = 1

    def add(self, org, fila: Callable[[object], list]) -> None:
        """The next organization's row, its cells made by `fila`."""
        self._rows += 1
        xml = numbered(self._get("xlsx", org, partial(_org_row, fila)), self._rows)
        self._pending.append(xml)
        self._pending_size += len(xml)
        if self._pending_size >= SHEET_WRITE:
            self._write_pending()

    def _write_pending(self) -> None:
        self._sheet.write(b"".join(self._pending))
        self._pending, self._pending_size = [], 0

    def parts(self) -> Iterator[bytes]:
        """The whole file, once every organization's row is in."""
        if self._rows != self._count + 1:
            raise RuntimeError("La planilla se escribe cuando tiene las filas de todas las organizaciones.")
        self._pending.append(SHEET_END)
        self._write_pending()
        self._sheet.close()
        yield self._spool.take()
        self._book.writestr(_entry("xl/worksheets/sheet2.xml"), FIELDS_SHEET)
        self._book.close()
        yield self._spool.take()


def render_xlsx(dataset: Dataset) -> Iterator[bytes]:
    """The workbook alone, by parts (`export_all` makes its rows in the CSV's pass)."""
    book, fila = Workbook(dataset), filas(dataset)
    for org in dataset.organizations:
        book.add(org, fila)
    yield from book.parts()


def _org_row(fila, org) -> bytes:
    return row(SHEET_COLUMNS, fila(org))


SHEET_COLUMNS = columns_of(len(COLUMNS))
SHEET_HEADER = row(columns_of(len(COLUMNS), HEADER_STYLE), [c.nombre for c in COLUMNS])
# The sheet describing the columns is the same in every build.
_FIELD_COLUMNS = columns_of(len(FIELDS))
FIELDS_SHEET = worksheet(
    len(FIELDS),
    [
        row(columns_of(len(FIELDS), HEADER_STYLE), FIELDS),
        *(row(_FIELD_COLUMNS, [c.nombre, c.titulo, c.tipo, c.descripcion]) for c in COLUMNS),
    ],
    PLAIN_VIEW,
)


XLSX = Exporter(
    "organizaciones.xlsx",
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Organizaciones (Excel)",
    "Las mismas filas y columnas que el CSV, en una planilla; la hoja «Campos» explica cada columna.",
    render_xlsx,
    tabular=True,
)
