"""Read the first sheet of an .xlsx or a .csv as a header row and data rows, within limits.

Rows are streamed (xlsx_in, csv_in) and checked as they are read against the kind's
`SheetLimits`: the first row, column or cell past a limit stops the reading with a
SheetError naming it. Blank rows are skipped; the first other row is the header.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from controlroom.core.sheet_limits import SheetLimits, column_letter
from controlroom.core.sheet_problem import SheetProblem, placed
from controlroom.sheets.errors import SheetError
from controlroom.sheets.xlsx_in import FORMULA_WITHOUT_VALUE

__all__ = ["SheetError", "iter_rows", "read_rows"]

# Formula cells without a value are all named, up to this many.
MAX_LISTED_PROBLEMS = 20


def read_rows(path: str | Path, limits: SheetLimits) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows). Row numbers the user sees are index + 2 (row 1 is the header)."""
    rows = iter_rows(path, limits)
    headers = next(rows)
    return headers, list(rows)


def iter_rows(path: str | Path, limits: SheetLimits) -> Iterator[list[Any]]:
    """The header (texts) first, then each data row, at least as wide as the header (wider
    when it has cells past it). A refusal can come after rows were yielded (a formula
    further down): use none of them until the iterator is done."""
    p = Path(path)
    if not p.is_file():
        raise SheetError([SheetProblem("no_file", file=str(p))])
    try:
        yield from _checked(_source(p), limits)
    except SheetError as exc:
        raise SheetError(placed(exc.problems, file=p.name)) from None
    except Exception as exc:
        raise SheetError([SheetProblem("unreadable", file=p.name, detail=f"{exc.__class__.__name__}: {exc}")]) from exc


def _source(p: Path) -> Iterator[tuple[int, list[Any]]]:
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from controlroom.sheets.xlsx_in import xlsx_rows

        return xlsx_rows(p)
    if suffix in (".csv", ".txt"):
        from controlroom.sheets.csv_in import csv_rows

        return csv_rows(p)
    if suffix == ".xls":
        raise SheetError([SheetProblem("xls")])
    raise SheetError([SheetProblem("not_a_sheet")])


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


class _Budget:
    """What has been read so far, against the limits; refuses at the first excess."""

    def __init__(self, limits: SheetLimits) -> None:
        self.limits = limits
        self.headers: list[str] | None = None
        self.data_rows = self.cells = self.text = self.area = 0
        self.problems: list[str] = []

    def column(self, i: int) -> str:
        name = self.headers[i] if self.headers is not None and i < len(self.headers) else ""
        return name or column_letter(i)

    def fit(self, row_no: int, values: list[Any]) -> list[Any]:
        """The row cut to the column limit (blank cells past it are dropped, others refused)."""
        limit = self.limits.max_columns
        if len(values) > limit:
            extra = next((i for i in range(limit, len(values)) if not _blank(values[i])), None)
            if extra is not None:
                raise SheetError([SheetProblem("too_many_columns", row=row_no, column=column_letter(extra),
                                               limit=limit, what=self.limits.what)])
            del values[limit:]
        return values

    def take(self, row_no: int, values: list[Any]) -> None:
        """Count one non-blank row and its cells; note formulas without a value."""
        lim = self.limits
        if self.headers is not None:
            self.data_rows += 1
            if self.data_rows > lim.max_rows:
                raise SheetError([SheetProblem("too_many_rows", row=row_no, limit=f"{lim.max_rows:,}",
                                               what=lim.what)])
        for i, value in enumerate(values):
            if _blank(value):
                continue
            self.cells += 1
            if value is FORMULA_WITHOUT_VALUE:
                values[i] = None
                self.problems.append(SheetProblem("formula", row=row_no, column=self.column(i)))
            elif isinstance(value, str):
                self._text(row_no, i, value)
        if self.cells > lim.max_cells:
            raise SheetError([SheetProblem("too_many_cells", row=row_no, limit=f"{lim.max_cells:,}", what=lim.what)])
        self.area += len(values)
        if self.area > lim.max_area:
            raise SheetError([SheetProblem("too_large_area", row=row_no, limit=f"{lim.max_area:,}", what=lim.what)])
        if len(self.problems) >= MAX_LISTED_PROBLEMS:
            raise SheetError(self.problems)

    def _text(self, row_no: int, i: int, value: str) -> None:
        lim = self.limits
        if len(value) > lim.max_cell_chars:
            raise SheetError([SheetProblem("cell_too_long", row=row_no, column=self.column(i), length=f"{len(value):,}",
                                           limit=f"{lim.max_cell_chars:,}", what=lim.what)])
        self.text += len(value)
        if self.text > lim.max_text_chars:
            raise SheetError([SheetProblem("too_much_text", row=row_no, limit=f"{lim.max_text_chars:,}",
                                           what=lim.what)])


def _checked(source: Iterator[tuple[int, list[Any]]], limits: SheetLimits) -> Iterator[list[Any]]:
    budget = _Budget(limits)
    for row_no, raw in source:
        values = budget.fit(row_no, raw)
        if all(_blank(c) for c in values):
            continue
        if budget.headers is not None and len(values) < len(budget.headers):
            values.extend([None] * (len(budget.headers) - len(values)))
        budget.take(row_no, values)
        if budget.headers is None:
            budget.headers = [str(h).strip() if h is not None else "" for h in values]
            yield budget.headers
        else:
            yield values
    if budget.problems:
        raise SheetError(budget.problems)
    if budget.headers is None:
        raise SheetError([SheetProblem("empty_sheet")])
