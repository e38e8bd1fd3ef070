"""Cells for write-only sheets: outside text stays text, numbers carry their formats.

openpyxl turns a string starting with "=" into a formula (and "#N/A"-like strings into
errors); a product called "=HYPERLINK(...)" must show as that text, so such strings get
a cell whose data type is forced to string. Characters XML/Excel reject are stripped.
Formatted columns reuse one styled cell per column: write-only mode serialises a row
as it is appended, so the same cell object can carry the next row's value.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

MONEY = "#,##0.00"
PERCENT = "0.00%"
DURATION = "[h]:mm:ss"
DATETIME = "yyyy-mm-dd hh:mm:ss"
MINUTES = "+0.0;-0.0;0.0"
INT = "#,##0"
NUMBER = "#,##0.0"

MAX_CELL_CHARS = 32767
# Control characters (tab, newline and carriage return are allowed), lone surrogates
# and the two non-characters XML forbids.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ERRORS = frozenset(ERROR_CODES)
# What may need `text_value`: a leading "=" (formula) or "#" (error codes), or an illegal character.
_SUSPECT = re.compile("^[=#]|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def clean_text(value: Any) -> str:
    """The text as Excel can hold it: illegal characters stripped, at most 32,767 long."""
    text = value if isinstance(value, str) else str(value)
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return text[:MAX_CELL_CHARS]


def text_value(ws: Any, value: str) -> str | Cell:
    """A value openpyxl will store as a string, never as a formula or an error."""
    text = clean_text(value)
    return string_cell(ws, text) if must_force(text) else text


def must_force(text: str) -> bool:
    """Whether openpyxl would take this (clean) text for a formula or an error code."""
    return text[:1] == "=" or text in _ERRORS


def string_cell(ws: Any, text: str) -> Cell:
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    return cell


def make_texts_safe(row: list[Any], columns: Sequence[int]) -> tuple[int, ...]:
    """Clean the outside text in `columns` of `row` in place ("" becomes no cell); the
    columns whose text must then go out as a forced string cell (`string_cell`)."""
    forced: tuple[int, ...] = ()
    n = len(row)
    for i in columns:
        v = row[i] if i < n else None
        if v.__class__ is str and (not v or _SUSPECT.search(v) or len(v) > MAX_CELL_CHARS):
            text = clean_text(v)
            row[i] = text or None  # "" would be an empty inline string: no cell instead
            if must_force(text):
                forced += (i,)
    return forced


def styled(ws: Any, value: Any, fmt: str | None = None, bold: bool = False) -> Any:
    """A fresh cell with a number format and/or bold font (for small sheets)."""
    if isinstance(value, str):
        value = text_value(ws, value) or None
        if not bold:
            return value
    if value is None:
        return None
    cell = value if isinstance(value, Cell) else WriteOnlyCell(ws, value=value)
    if fmt is not None and not isinstance(value, str):
        cell.number_format = fmt
    if bold:
        cell.font = _BOLD
    return cell


class RowWriter:
    """Appends rows to a write-only sheet. Strings are made safe (`text_value`) — in
    every column, or only in `text_columns` when the caller knows where outside text
    can be; numbers in a formatted column go out in that column's reused styled cell."""

    def __init__(self, ws: Any, formats: Sequence[str | None] = (), text_columns: Sequence[int] | None = None) -> None:
        self.ws = ws
        self.rows = 0
        self._text = tuple(text_columns) if text_columns is not None else None
        self._styled: list[tuple[int, Cell]] = []
        for i, fmt in enumerate(formats):
            if fmt is not None:
                cell = WriteOnlyCell(ws)
                cell.number_format = fmt
                self._styled.append((i, cell))

    def append(self, values: Sequence[Any]) -> None:
        """Append one row; a list passed in is used (and changed) as it is."""
        row = values if values.__class__ is list else list(values)
        columns = self._text if self._text is not None else range(len(row))
        for i in make_texts_safe(row, columns):
            row[i] = string_cell(self.ws, row[i])
        self.append_safe(row)

    def append_safe(self, row: list[Any]) -> None:
        """Append a row whose outside text was made safe already (`make_texts_safe`)."""
        n = len(row)
        for i, cell in self._styled:
            if i < n:
                v = row[i]
                if v.__class__ is float or v.__class__ is int:
                    cell.value = v
                    row[i] = cell
        while n and row[n - 1] is None:
            n -= 1
        del row[n:]  # openpyxl makes a cell object even for a trailing empty value: a third of the Events sheet's cells
        self.ws.append(row)
        self.rows += 1


def header(ws: Any, labels: Sequence[str], widths: Sequence[float] = ()) -> None:
    """Column widths (set before the first row, as write-only mode needs), then a bold header."""
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.append([styled(ws, label, bold=True) for label in labels])


def wrapped(ws: Any, text: str) -> Cell:
    value = text_value(ws, text)
    cell = value if isinstance(value, Cell) else WriteOnlyCell(ws, value=value)
    cell.alignment = _WRAP
    return cell


class ExcelTime:
    """Epoch seconds → Excel serial day numbers in local time (Excel has no time zones).

    `utc_offset_s` fixes the offset (tests, a chosen zone); by default the machine's
    local offset at that moment, looked up once per hour of the show.
    """

    def __init__(self, utc_offset_s: float | None = None) -> None:
        self._fixed = utc_offset_s
        self._hours: dict[int, float] = {}
        self._hour_from, self._offset = math.inf, 0.0

    def offset(self, ts: float) -> float:
        if self._fixed is not None:
            return self._fixed
        hour = int(ts // 3600)
        off = self._hours.get(hour)
        if off is None:
            off = self._hours[hour] = float(time.localtime(ts).tm_gmtoff)
        return off

    def hhmm(self, ts: float) -> str:
        """The local time of day of `ts`, as the workbook's cells show it (14:05)."""
        return time.strftime("%H:%M", time.gmtime(ts + self.offset(ts)))

    def serial(self, ts: float | None) -> float | None:
        if ts is None:
            return None
        if not self._hour_from <= ts < self._hour_from + 3600.0:
            self._hour_from, self._offset = ts - ts % 3600.0, self.offset(ts)
        return (ts + self._offset) / 86400.0 + 25569.0


def days(seconds: float | None) -> float | None:
    """A duration in seconds as an Excel day fraction (for the [h]:mm:ss format)."""
    return None if seconds is None else seconds / 86400.0


def minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60.0, 2)


def money(amount_cents: int | None) -> float | None:
    return None if amount_cents is None else amount_cents / 100
