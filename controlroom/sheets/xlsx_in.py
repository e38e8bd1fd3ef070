"""Read the first worksheet of an .xlsx row by row, with bounded memory, or refuse it.

Before anything is unpacked the zip's declared sizes are checked (a 2 MB zip bomb
declares gigabytes). The sheet's XML is then streamed: each cell is converted by
openpyxl's own cell parser (shared strings, dates, booleans, errors) and dropped from
the tree as soon as it is read, so one huge row costs no more than its values —
openpyxl's `iter_rows` would build the whole row's XML tree and cell dicts first.

A formula cell without a saved value (a sheet written by a script and never opened in
Excel) is yielded as `FORMULA_WITHOUT_VALUE`, so that the reader can name it instead of
calling the cell empty.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from controlroom.core.sheet_limits import (
    BIG_XLSX_PART_BYTES,
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    MAX_CELL_XML_PARTS,
    MAX_SHARED_STRINGS_BYTES,
    MAX_XLSX_ENTRIES,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNPACKED_BYTES,
    MAX_XML_DEPTH,
    column_letter,
)
from controlroom.core.sheet_problem import SheetProblem
from controlroom.sheets.errors import SheetError

_MB = 1024 * 1024


class _FormulaWithoutValue:
    def __repr__(self) -> str:
        return "FORMULA_WITHOUT_VALUE"


FORMULA_WITHOUT_VALUE: Any = _FormulaWithoutValue()


def check_zip(p: Path) -> None:
    """Refuse an .xlsx whose parts would unpack too big, or are packed like a zip bomb."""
    try:
        with zipfile.ZipFile(p) as zf:
            parts = zf.infolist()
    except zipfile.BadZipFile:
        raise SheetError([SheetProblem("not_zip")]) from None
    if len(parts) > MAX_XLSX_ENTRIES:
        raise SheetError([SheetProblem("too_many_parts", count=f"{len(parts):,}", limit=f"{MAX_XLSX_ENTRIES:,}")])
    total = sum(part.file_size for part in parts)
    if total > MAX_XLSX_UNPACKED_BYTES:
        raise SheetError([SheetProblem("unpacks_too_big", size=f"{total / _MB:,.0f}",
                                       limit=f"{MAX_XLSX_UNPACKED_BYTES / _MB:,.0f}")])
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > BIG_XLSX_PART_BYTES and ratio > MAX_XLSX_RATIO:
            raise SheetError([SheetProblem("zip_bomb", part=part.filename, ratio=f"{ratio:,.0f}",
                                           limit=MAX_XLSX_RATIO)])


def xlsx_rows(p: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) for each row element of the first worksheet, in file order."""
    check_zip(p)
    reader, target = _open_first_sheet(p)
    try:
        cells = _CellReader(reader)
        with reader.archive.open(target) as src:
            yield from _rows(src, cells)
    finally:
        reader.archive.close()


def _open_first_sheet(p: Path) -> tuple[Any, str]:
    """openpyxl's workbook reader up to (not including) its worksheets: `load_workbook`
    in read-only mode would parse every sheet once just to find its size."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    reader = ExcelReader(str(p), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        strings = reader.package.find(SHARED_STRINGS)
        if strings is not None:
            size = reader.archive.getinfo(strings.PartName[1:]).file_size
            if size > MAX_SHARED_STRINGS_BYTES:
                raise SheetError([SheetProblem("strings_too_big", size=f"{size / _MB:,.0f}",
                                               limit=f"{MAX_SHARED_STRINGS_BYTES / _MB:,.0f}")])
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        for _sheet, rel in reader.parser.find_sheets():
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
                return reader, rel.target
        raise SheetError([SheetProblem("no_worksheet")])
    except BaseException:
        reader.archive.close()
        raise


def _main(tag: str) -> str:
    from openpyxl.xml.constants import SHEET_MAIN_NS

    return f"{{{SHEET_MAIN_NS}}}{tag}"


def _rows(src: IO[bytes], cells: Any) -> Iterator[tuple[int, list[Any]]]:
    """Stream the sheet XML. Every element is removed from its parent when it ends, except
    the parts of a cell, which live until the cell is read: memory is one cell and one row."""
    from openpyxl.xml.functions import iterparse

    row_tag, cell_tag = _main("row"), _main("c")
    stack: list[Any] = []
    row_no, values, rows_seen, cells_in_row = 0, [], 0, 0
    in_cell, parts = False, 0
    for event, el in iterparse(src, events=("start", "end")):
        if event == "start":
            stack.append(el)
            if len(stack) > MAX_XML_DEPTH:
                raise SheetError([SheetProblem("xml_too_deep", row=row_no + 1, limit=MAX_XML_DEPTH)])
            if in_cell:
                parts += 1
                if parts > MAX_CELL_XML_PARTS:
                    raise SheetError([SheetProblem("cell_too_many_parts", row=row_no, limit=f"{MAX_CELL_XML_PARTS:,}")])
            elif el.tag == cell_tag:
                in_cell, parts, cells_in_row = True, 0, cells_in_row + 1
                if cells_in_row > EXCEL_MAX_COLUMNS:
                    raise SheetError([SheetProblem("row_too_many_cells", row=row_no, limit=f"{EXCEL_MAX_COLUMNS:,}")])
            elif el.tag == row_tag:
                rows_seen += 1
                row_no = _row_number(el.get("r"), row_no, rows_seen)
                values, cells_in_row = [], 0
                cells.start_row(row_no)
            continue
        stack.pop()
        if el.tag == cell_tag:
            in_cell = False
            _place(values, el, cells, row_no)
        elif el.tag == row_tag:
            yield row_no, values
        elif in_cell:
            continue
        if stack:
            stack[-1].remove(el)


def _row_number(r: str | None, previous: int, rows_seen: int) -> int:
    if rows_seen > EXCEL_MAX_ROWS:
        raise SheetError([SheetProblem("past_last_row", row=previous + 1, limit=f"{EXCEL_MAX_ROWS:,}")])
    if r is None:
        return previous + 1
    try:
        number = float(r)
    except ValueError:
        number = 0.0
    if not number.is_integer() or not 1 <= number <= EXCEL_MAX_ROWS:
        raise SheetError([SheetProblem("bad_row_number", row=previous + 1, value=repr(r[:20]),
                                       limit=f"{EXCEL_MAX_ROWS:,}")])
    return int(number)


def _place(values: list[Any], el: Any, cells: _CellReader, row_no: int) -> None:
    """Put one cell's value at its column (1-based in the sheet) in `values`."""
    try:
        column, value = cells.read(el, row_no)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        where = el.get("r") or f"{column_letter(max(cells.column - 1, 0))}{row_no}"
        raise SheetError([SheetProblem("bad_cell", row=row_no, cell=where[:20],
                                       detail=f"{exc.__class__.__name__}: {exc}")]) from None
    if value is None:
        return
    if not 1 <= column <= EXCEL_MAX_COLUMNS:
        raise SheetError([SheetProblem("past_last_column", row=row_no, number=f"{column:,}",
                                       limit=f"{EXCEL_MAX_COLUMNS:,}")])
    if len(values) < column:
        values.extend([None] * (column - len(values)))
    values[column - 1] = value


class _CellReader:
    """One cell element → (column, value). Plain numbers, shared and simple inline strings
    are read here (most cells, and several times faster); every other cell by openpyxl's
    own parser, so dates, booleans, errors and rich text come out as openpyxl gives them."""

    def __init__(self, reader: Any) -> None:
        from openpyxl.worksheet._reader import WorkSheetParser

        wb = reader.wb
        self.strings = reader.shared_strings
        self.dates = wb._date_formats
        self.parser = WorkSheetParser(None, self.strings, data_only=True, epoch=wb.epoch,
                                      date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        self.v, self.f, self.inline, self.t = _main("v"), _main("f"), _main("is"), _main("t")
        self.column = 0  # of the last cell read in the row: a cell without "r" is the next one

    def start_row(self, row_no: int) -> None:
        self.column = 0
        self.parser.row_counter, self.parser.col_counter = row_no, 0

    def read(self, el: Any, row_no: int) -> tuple[int, Any]:
        r = el.get("r")
        self.column = _column_of(r) if r else self.column + 1
        value = self._fast(el)
        if value is _SLOW:
            self.parser.row_counter, self.parser.col_counter = row_no, self.column - 1
            value = self.parser.parse_cell(el)["value"]
        if value is None and el.find(self.f) is not None and not _saved_empty_text(el, self.v):
            value = FORMULA_WITHOUT_VALUE
        return self.column, value

    def _fast(self, el: Any) -> Any:
        t = el.get("t", "n")
        if t == "n":
            style = el.get("s")
            if style and int(style) in self.dates:
                return _SLOW
            text = el.findtext(self.v)
            return _number(text) if text else None
        if t == "s":
            text = el.findtext(self.v)
            return self.strings[int(text)] if text else None
        if t == "inlineStr":
            runs = el.find(self.inline)
            if runs is not None and len(runs) == 1 and runs[0].tag == self.t:
                return runs[0].text or ""
        return _SLOW


_SLOW: Any = object()


def _number(text: str) -> int | float:
    """As openpyxl reads a number cell."""
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _column_of(reference: str) -> int:
    from openpyxl.utils.cell import column_index_from_string

    return column_index_from_string(reference.rstrip("0123456789"))


def _saved_empty_text(el: Any, value_tag: str) -> bool:
    """A formula whose saved result is "" (Excel: t="str" and an empty <v>); openpyxl and
    scripts write formulas with an empty <v/> of the default number type: no value."""
    return el.get("t") == "str" and el.find(value_tag) is not None
