"""Turn spreadsheet rows into products: header names in Chinese or English, every
problem named by row and column, all-or-nothing."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from controlroom.core.products import Product, parse_role
from controlroom.core.sheet_problem import ProblemError, SheetProblem, problem_of

PRODUCT_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("商品名称", "名称", "商品", "name", "product", "product name"),
    "sku": ("sku", "货号", "商品编码", "编码"),
    "role": ("类型", "角色", "role", "type"),
    "price": ("价格", "售价", "直播价", "price"),
    "stock": ("库存", "stock", "inventory"),
    "selling_points": ("卖点", "selling_points", "selling points"),
    "promo": ("优惠", "促销", "promo", "promotion"),
}
T = TypeVar("T")
REQUIRED = ("name", "sku", "role", "price", "stock")
MAX_PRODUCTS = 5000
# The longest text a product sheet may give each field (characters).
MAX_NAME_CHARS = 200
MAX_SKU_CHARS = 64
MAX_SELLING_POINTS_CHARS = 2000
MAX_PROMO_CHARS = 500


class RowProblems(ValueError):
    """Every problem of a sheet's rows (SheetProblems: English sentences with codes)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more if problems else "no rows")


def map_columns(headers: list[str], columns: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> dict[str, int]:
    """Field → column index, by header name (case and spaces ignored)."""
    norm = [str(h).strip().lower().replace("_", " ") for h in headers]
    found: dict[str, int] = {}
    for field, names in columns.items():
        wanted = {n.lower().replace("_", " ") for n in names}
        for i, h in enumerate(norm):
            if h in wanted:
                found[field] = i
                break
    missing = [f for f in required if f not in found]
    if missing:
        raise RowProblems([SheetProblem("missing_column", row=1, field=f, names="/".join(columns[f][:2]))
                           for f in missing])
    return found


def products_from_rows(headers: list[str], rows: list[list[Any]]) -> list[Product]:
    cols = map_columns(headers, PRODUCT_COLUMNS, REQUIRED)
    if len(rows) > MAX_PRODUCTS:
        raise RowProblems([SheetProblem("too_many_products", count=len(rows), limit=MAX_PRODUCTS)])
    return parse_rows(rows, lambda row: _product(row, cols, headers), lambda p: p.sku,
                      (headers[cols["sku"]], "sku", "SKU"), "product")


def parse_rows(
    rows: list[list[Any]],
    parse: Callable[[list[Any]], T],
    key: Callable[[T], str],
    key_column: tuple[str, str, str],
    what: str,
) -> list[T]:
    """Parse every row (row 1 is the header); collect every problem by row, refuse a
    repeated key (`key_column`: its header, field and English label), and return all rows
    or raise RowProblems — never a part."""
    column, field, label = key_column
    problems: list[str] = []
    out: list[T] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, start=2):
        try:
            item = parse(row)
        except ValueError as exc:
            problems.append(problem_of(exc).at(row=i))
            continue
        k = key(item)
        if k in seen:
            problems.append(SheetProblem("repeats", row=i, column=column, field=field, label=label, value=repr(k),
                                         first=seen[k]))
        seen[k] = i
        out.append(item)
    if not out and not problems:
        problems.append(SheetProblem("no_rows", what=what))
    if problems:
        raise RowProblems(problems)
    return out


def _product(row: list[Any], cols: dict[str, int], headers: list[str]) -> Product:
    def cell(field: str) -> Any:
        return row[cols[field]] if field in cols and cols[field] < len(row) else None

    def fail(field: str, code: str, **params: Any) -> ValueError:
        return ProblemError(SheetProblem(code, column=headers[cols[field]], field=field, **params))

    name = _line(cell("name"), "name", MAX_NAME_CHARS, fail)
    sku = _line(cell("sku"), "SKU", MAX_SKU_CHARS, fail)
    try:
        role = parse_role(_text(cell("role")))
    except ValueError:
        raise fail("role", "bad_role", value=repr(_text(cell("role")))) from None
    price = _number(cell("price"))
    if price is None or price < 0:
        raise fail("price", "bad_price", value=repr(cell("price")))
    stock = _number(cell("stock"))
    if stock is None or stock < 0 or not float(stock).is_integer():
        raise fail("stock", "bad_stock", value=repr(cell("stock")))
    selling_points = _long_text(cell("selling_points"), "selling_points", MAX_SELLING_POINTS_CHARS, fail)
    promo = _long_text(cell("promo"), "promo", MAX_PROMO_CHARS, fail)
    return Product(sku, name, role, round(price, 2), int(stock), selling_points, promo)


def _line(value: Any, label: str, limit: int, fail: Callable[..., ValueError]) -> str:
    """A one-line field (name, SKU): not empty, no line break, at most `limit` long."""
    field = label.lower()
    text = _text(value)
    if not text:
        raise fail(field, "empty_field", label=label)
    if len(text.splitlines()) > 1:
        raise fail(field, "line_break", label=label)
    if len(text) > limit:
        raise fail(field, "field_too_long", label=label, length=f"{len(text):,}", limit=f"{limit:,}")
    return text


def _long_text(value: Any, field: str, limit: int, fail: Callable[..., ValueError]) -> str:
    """A free-text field (selling points, promo): line breaks kept, at most `limit` long."""
    text = _text(value)
    if len(text) > limit:
        raise fail(field, "text_too_long", length=f"{len(text):,}", limit=f"{limit:,}")
    return text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = _text(value).replace(",", "").replace("¥", "").replace("￥", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
