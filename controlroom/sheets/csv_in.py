"""Read a .csv's rows one by one: UTF-8 or GB18030, its separator guessed, bounded lines.

Lines are split only at \\n and \\r\\n (U+2028 inside a product name is text, not a
new row) and a quoted cell keeps its line breaks. A cell that `csv_text.escape_cell`
quoted on export comes back as it was.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from controlroom.core.sheet_limits import CSV_SNIFF_CHARS, MAX_CSV_LINE_BYTES
from controlroom.core.sheet_problem import SheetProblem
from controlroom.sheets.csv_text import unescape_cell
from controlroom.sheets.errors import SheetError

# Bigger than any CSV the row and text limits let through (checked before reading).
MAX_CSV_BYTES = 200 * 1024 * 1024
SEPARATORS = ",;\t|"


def csv_rows(p: Path) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for each record; the first record is row 1."""
    size = p.stat().st_size
    if size > MAX_CSV_BYTES:
        raise SheetError([SheetProblem("csv_too_big", size=f"{size / 2**20:,.0f}",
                                       limit=f"{MAX_CSV_BYTES / 2**20:,.0f}")])
    encoding = _encoding(p)
    with open(p, encoding=encoding, errors="replace", newline="") as f:
        separator = _separator(f.read(CSV_SNIFF_CHARS))  # a bad byte there is named below, by row
    with open(p, "rb") as f:
        reader = csv.reader(_lines(f, encoding), delimiter=separator)
        row_no = 0
        try:
            for row_no, cells in enumerate(reader, start=1):
                yield row_no, [unescape_cell(c) for c in cells]
        except csv.Error as exc:
            raise SheetError([_csv_problem(exc).at(row=row_no + 1)]) from None
        except UnicodeDecodeError:
            raise SheetError([SheetProblem("not_text", row=row_no + 1)]) from None
        except _LineTooLong:
            raise SheetError([SheetProblem("line_too_long", row=row_no + 1, limit=f"{MAX_CSV_LINE_BYTES:,}")]) from None


def _encoding(p: Path) -> str:
    """UTF-8 if the whole file is UTF-8 (checked in chunks), else GB18030 (Excel on Chinese Windows)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(p, "rb") as f:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig"


def _separator(sample: str) -> str:
    """The separator of the header line: comma unless the sniffer finds ; tab or | there."""
    if "\n" in sample or "\r" in sample:
        sample = sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1]
    try:
        found = csv.Sniffer().sniff(sample, delimiters=SEPARATORS).delimiter
    except csv.Error:
        return ","
    header = sample.splitlines()[0] if sample else ""
    return found if found in header else ","


class _LineTooLong(Exception):
    pass


def _lines(f: BinaryIO, encoding: str) -> Iterator[str]:
    """The file's physical lines with their line ends (csv needs them inside quoted cells),
    each decoded alone so that a bad byte is named by its row: in UTF-8 and GB18030 a
    newline byte is never part of a character."""
    while line := f.readline(MAX_CSV_LINE_BYTES + 1):
        if len(line) > MAX_CSV_LINE_BYTES:
            raise _LineTooLong()
        yield line.decode(encoding)


def _csv_problem(exc: csv.Error) -> SheetProblem:
    if "field larger than field limit" in str(exc):
        return SheetProblem("csv_cell_too_long", limit=f"{csv.field_size_limit():,}")
    return SheetProblem("csv_bad_row", detail=exc)
