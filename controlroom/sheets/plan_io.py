"""A whole run of show from Excel/CSV into a plan, and a plan back out to Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from controlroom.core.plan import Plan
from controlroom.core.plan_rows import plan_from_rows, plan_to_rows
from controlroom.core.products import Product
from controlroom.core.sheet_limits import PLAN_SHEET
from controlroom.core.sheet_problem import placed
from controlroom.core.sheet_rows import RowProblems
from controlroom.sheets.table import SheetError, read_rows
from controlroom.sheets.xlsx_out import write_table


def read_plan(path: str | Path, products: list[Product]) -> Plan:
    headers, rows = read_rows(path, PLAN_SHEET)
    return plan_in(path, headers, rows, products)


def plan_in(path: str | Path, headers: list[str], rows: list[list[Any]], products: list[Product]) -> Plan:
    """The plan of rows read elsewhere (the window reads them in a child process)."""
    try:
        return plan_from_rows(headers, rows, products)
    except RowProblems as exc:
        raise SheetError(placed(exc.problems, file=Path(path).name)) from None


def write_plan(path: str | Path, plan: Plan) -> Path:
    headers, rows = plan_to_rows(plan)
    return write_table(path, [("直播脚本 Plan", headers, rows)])
