"""Read a product sheet (.xlsx or .csv) into validated products, or refuse it whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from controlroom.core.products import Product
from controlroom.core.sheet_limits import PRODUCT_SHEET
from controlroom.core.sheet_problem import placed
from controlroom.core.sheet_rows import RowProblems, products_from_rows
from controlroom.sheets.table import SheetError, read_rows


def read_products(path: str | Path) -> list[Product]:
    headers, rows = read_rows(path, PRODUCT_SHEET)
    return products_in(path, headers, rows)


def products_in(path: str | Path, headers: list[str], rows: list[list[Any]]) -> list[Product]:
    """The products of rows read elsewhere (the window reads them in a child process)."""
    try:
        return products_from_rows(headers, rows)
    except RowProblems as exc:
        raise SheetError(placed(exc.problems, file=Path(path).name)) from None
