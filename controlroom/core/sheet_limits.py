"""How much of a spreadsheet is read, per kind of sheet: the reader stops at the first excess.

Sheets come from platforms, colleagues and the internet; a few megabytes of zip can
unpack to gigabytes. Every figure here bounds what one import may hold in memory (and
what the window receives from the child process that reads it), so a file beyond them
is refused while it is being read, naming the row (and column) where it went too far.
"""

from __future__ import annotations

from dataclasses import dataclass

from controlroom.core.plan_rows import MAX_SEGMENTS
from controlroom.core.sheet_rows import MAX_PRODUCTS, MAX_SELLING_POINTS_CHARS

# Excel's own grid: a row number past it is not a spreadsheet.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384

# An .xlsx is a zip: its declared sizes are checked before anything is unpacked.
# (Python's zipfile never unpacks more than an entry declares, so they bound the work.)
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_XLSX_ENTRIES = 10_000
# A part bigger than this must not be packed tighter than MAX_XLSX_RATIO: real sheets
# pack about 10:1 (30–60:1 for a sheet of repeated rows), a zip bomb 1000:1.
BIG_XLSX_PART_BYTES = 1024 * 1024
MAX_XLSX_RATIO = 100
# The shared-strings table is read whole (openpyxl keeps every string in a list).
MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024
# Elements inside one cell (rich-text runs): a handful in a real sheet.
MAX_CELL_XML_PARTS = 1_000
# How deep a sheet's XML may nest (a real one: 5 or 6).
MAX_XML_DEPTH = 64

# A CSV is read line by line; a physical line longer than this is refused.
MAX_CSV_LINE_BYTES = 4_000_000
# The separator is guessed from this much of the file's start.
CSV_SNIFF_CHARS = 1024


@dataclass(frozen=True)
class SheetLimits:
    """The bounds of one kind of sheet. Rows are data rows (the header not counted);
    cells and text count filled cells only; area counts every cell a row holds, blank
    ones too (each row is as wide as the header, or as its last filled cell)."""

    kind: str
    what: str
    max_rows: int
    max_cell_chars: int
    max_columns: int
    max_cells: int
    max_text_chars: int
    max_area: int


PRODUCT_SHEET = SheetLimits(
    "products",
    "product sheet",
    max_rows=MAX_PRODUCTS,
    max_cell_chars=MAX_SELLING_POINTS_CHARS,
    max_columns=50,
    max_cells=MAX_PRODUCTS * 50,
    max_text_chars=10_000_000,
    max_area=MAX_PRODUCTS * 50,
)
PLAN_SHEET = SheetLimits(
    "plan",
    "plan",
    max_rows=MAX_SEGMENTS,
    max_cell_chars=5_000,  # a segment's notes can hold the host's whole script (话术)
    max_columns=50,
    max_cells=MAX_SEGMENTS * 50,
    max_text_chars=5_000_000,
    max_area=MAX_SEGMENTS * 50,
)
# 200,000 orders is a very big show; two million filled cells are about 160 MB of Python
# objects, which the window receives from the child that reads the file; 5 million
# cells of area (blank ones are a pointer each) 40 MB more.
PLATFORM_EXPORT = SheetLimits(
    "platform",
    "platform export",
    max_rows=200_000,  # what core/platform_rows.py takes in one import (MAX_ROWS)
    max_cell_chars=2_000,
    max_columns=200,
    max_cells=2_000_000,  # 200,000 orders of 10 filled columns
    max_text_chars=32_000_000,
    max_area=5_000_000,
)
KINDS: dict[str, SheetLimits] = {limits.kind: limits for limits in (PRODUCT_SHEET, PLAN_SHEET, PLATFORM_EXPORT)}


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA": how a spreadsheet names a column."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
