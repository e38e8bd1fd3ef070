"""Read the first sheet of an .xlsx or a .csv file as a header row and data rows."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any


class SheetError(ValueError):
    """A sheet that cannot be imported. `problems` lists every row/column at fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more if problems else "the sheet is empty")


def read_rows(path: str | Path) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows). Row numbers the user sees are index + 2 (row 1 is the header)."""
    p = Path(path)
    if not p.is_file():
        raise SheetError([f"{p}: no such file"])
    suffix = p.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            rows = _xlsx_rows(p)
        elif suffix in (".csv", ".txt"):
            rows = _csv_rows(p)
        else:
            raise SheetError([f"{p.name}: use an .xlsx or .csv file"])
    except SheetError:
        raise
    except Exception as exc:
        raise SheetError([f"{p.name}: cannot be read ({exc.__class__.__name__}: {exc})"]) from exc
    rows = [r for r in rows if any(_blank(c) is False for c in r)]
    if not rows:
        raise SheetError([f"{p.name}: the sheet is empty"])
    headers = [str(h).strip() if h is not None else "" for h in rows[0]]
    return headers, [list(r) + [None] * (len(headers) - len(r)) for r in rows[1:]]


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _xlsx_rows(p: Path) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    wb = load_workbook(p, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _csv_rows(p: Path) -> list[list[str]]:
    raw = p.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError([f"{p.name}: not UTF-8 or GB18030 text"])
    return list(csv.reader(text.splitlines()))
