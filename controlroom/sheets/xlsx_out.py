"""Writing small sheets (plan export, templates): text stays text, never a formula.

In an .xlsx a text cell is typed as text; a CSV has no types, so text a spreadsheet
would run as a formula gets a leading apostrophe (csv_text, undone on import).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from controlroom.sheets.csv_text import escape_cell

# Control characters (not tab, newline, CR), lone surrogates and the non-characters XML forbids.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value: Any) -> Any:
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def write_table(path: str | Path, sheets: list[tuple[str, list[str], list[list[Any]]]]) -> Path:
    """Each (title, headers, rows) as a worksheet of an .xlsx, or only the first as a .csv."""
    p = Path(path)
    if p.suffix.lower() == ".csv":
        _, headers, rows = sheets[0]
        with open(p, "w", newline="", encoding="utf-8-sig") as f:
            writer = csv.writer(f)
            for r in [headers, *rows]:
                writer.writerow([escape_cell(clean(c)) for c in r])
        return p
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title[:31])
        for r in [headers, *rows]:
            ws.append([clean(c) for c in r])
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a leading "=" is text, not a formula
        for col, h in enumerate(headers, start=1):
            ws.column_dimensions[ws.cell(1, col).column_letter].width = max(12, min(40, len(str(h)) * 2))
    wb.save(p)
    return p
