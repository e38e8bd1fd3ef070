"""Post-show platform exports (per-minute trend, or order lists) → events for the show's log.

Columns are found by name (Chinese or English, a unit in brackets ignored) and the
proposed mapping can be corrected before import. Policy, documented in docs/events.md:

- Trend rows become `viewers` samples (data source "platform") and, where the export
  has GMV/order columns, one `order` per minute flagged "manual" (value = that
  minute's GMV, data {"orders": n}); its ref is unique per file and minute, so the
  same file never counts twice.
- Order lists become `order` events with their own order ids; an id the log already
  holds is skipped (the live feed caught it), an id repeated inside the file is refused.
  Only an unknown product is flagged: shelf state after the show means nothing.
- Minutes that already hold live data of the same kind are refused (the log is never
  rewritten); `fill_gaps` imports only the minutes the live feed missed instead.
- A time without a zone is read in the zone the user gives (default: the local one);
  a time of day without a date takes the given `day`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import minute_of
from controlroom.core.sheet_problem import ProblemError, SheetProblem, problem_of
from controlroom.core.sheet_rows import RowProblems
from controlroom.core.sheet_times import to_epoch
from controlroom.core.show import ShowState

TREND = "trend"
ORDERS = "orders"
TREND_COLUMNS: dict[str, tuple[str, ...]] = {
    "time": ("时间", "分钟", "时间点", "日期", "统计时间", "time", "minute", "timestamp", "date"),
    "online": ("在线人数", "实时在线人数", "当前在线人数", "在线", "online", "online viewers", "concurrent viewers"),
    "entries": (
        "累计观看人数",
        "累计观看",
        "观看人次",
        "累计观看人次",
        "进入直播间人数",
        "views",
        "cumulative viewers",
        "total viewers",
        "entries",
    ),
    "gmv": ("成交金额", "成交额", "销售额", "gmv", "sales", "累计成交金额", "cumulative gmv"),
    "orders": ("订单数", "成交订单数", "成交单数", "orders", "order count", "累计订单数", "cumulative orders"),
}
ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_id": ("订单号", "订单编号", "订单id", "子订单编号", "主订单编号", "order id", "order no", "order number"),
    "time": ("下单时间", "支付时间", "成交时间", "创建时间", "时间", "order time", "paid time", "created", "time"),
    "product": ("商品名称", "商品", "商品id", "商品编码", "sku", "product", "product name"),
    "quantity": ("数量", "购买数量", "商品数量", "件数", "quantity", "qty"),
    "amount": ("实付金额", "订单金额", "成交金额", "支付金额", "金额", "amount", "paid amount", "total"),
    "buyer": ("买家昵称", "买家", "用户昵称", "用户", "buyer", "user", "customer"),
}
COLUMNS = {TREND: TREND_COLUMNS, ORDERS: ORDER_COLUMNS}
REQUIRED = {TREND: ("time",), ORDERS: ("order_id", "time", "amount")}
MAX_ROWS = 200_000
_CUMULATIVE_WORDS = ("累计", "cumulative", "total")


@dataclass
class PlatformSpec:
    """What the user confirmed in the dialog (or on the command line)."""

    kind: str
    mapping: dict[str, int]
    tz: dt.tzinfo
    day: dt.date | None = None
    cumulative: bool | None = None  # GMV/order columns running totals? None: from the header
    fill_gaps: bool = False
    file_key: str = "file"


@dataclass
class PlatformImport:
    events: list[Event] = field(default_factory=list)
    skipped_minutes: int = 0
    duplicate_orders: int = 0

    def summary(self) -> str:
        n = {k: sum(1 for e in self.events if e.kind == k) for k in (ev.VIEWERS, ev.ORDER)}
        parts = [f"{n[ev.VIEWERS]} viewer samples", f"{n[ev.ORDER]} orders"]
        if self.skipped_minutes:
            parts.append(f"{self.skipped_minutes} minutes skipped (live data there)")
        if self.duplicate_orders:
            parts.append(f"{self.duplicate_orders} orders already in the log")
        return ", ".join(parts)


def normalise(header: Any) -> str:
    text = re.sub(r"[(（\[【].*?[)）\]】]", "", str(header or ""))
    return text.strip().lower().replace("_", " ")


def propose(headers: list[str]) -> tuple[str, dict[str, int]]:
    """Guess the export's kind and map its columns by name; the user may correct both."""
    orders = _match(headers, ORDER_COLUMNS)
    if "order_id" in orders:
        return ORDERS, orders
    return TREND, _match(headers, TREND_COLUMNS)


def _match(headers: list[str], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    norm = [normalise(h) for h in headers]
    found: dict[str, int] = {}
    taken: set[int] = set()
    for name, aliases in columns.items():
        for alias in aliases:
            i = next((i for i, h in enumerate(norm) if h == alias and i not in taken), None)
            if i is not None:
                found[name] = i
                taken.add(i)
                break
    return found


def check_mapping(headers: list[str], spec: PlatformSpec) -> None:
    problems = [SheetProblem("no_column_chosen", row=1, field=f) for f in REQUIRED[spec.kind] if f not in spec.mapping]
    if spec.kind == TREND and not {"online", "gmv", "orders"} & set(spec.mapping):
        problems.append(SheetProblem("choose_one", row=1))
    for f, i in spec.mapping.items():
        if f not in COLUMNS[spec.kind]:
            problems.append(SheetProblem("not_a_field", row=1, field=f, kind=spec.kind))
        elif not 0 <= i < len(headers):
            problems.append(SheetProblem("no_such_column", row=1, field=f, number=i + 1))
    if problems:
        raise RowProblems(problems)


def platform_events(state: ShowState, headers: list[str], rows: list[list[Any]], spec: PlatformSpec) -> PlatformImport:
    """Every row checked first; RowProblems names each bad (row, column, why), nothing is returned then."""
    from controlroom.core.platform_settle import Settler  # it builds on this module

    return Settler(state, spec).settle(mapped_rows(Catalogue.of(state), headers, rows, spec))


@dataclass(frozen=True)
class Catalogue:
    """What the mapping reads of the show's queue: SKU → name, in the queue's order (an
    order may name its product either way). Plain data, so a child process can map too."""

    names: dict[str, str]

    @staticmethod
    def of(state: ShowState) -> Catalogue:
        return Catalogue({sku: p.name for sku, p in state.queue.products.items()})

    def resolve(self, key: str | None) -> str | None:
        """As `ProductQueue.resolve_sku`: a SKU stays, a name becomes its SKU, else the key."""
        if key is None or key in self.names:
            return key
        return next((sku for sku, name in self.names.items() if name == key), key)


def mapped_rows(catalogue: Catalogue, headers: list[str], rows: list[list[Any]], spec: PlatformSpec) -> PlatformImport:
    """Every event of the file, sorted by time, before it is held against the live log (what
    the log already has, the minutes with live figures: core/platform_settle.py). Reads no
    live state, so it may run in a child process. RowProblems as `platform_events`."""
    check_mapping(headers, spec)
    if len(rows) > MAX_ROWS:
        raise RowProblems([SheetProblem("too_many_export_rows", count=len(rows), limit=MAX_ROWS)])
    if spec.kind == ORDERS:
        return _orders(catalogue, headers, rows, spec)
    return _trend(headers, rows, spec)


# -- cells -----------------------------------------------------------------------
class _Row:
    def __init__(self, row: list[Any], headers: list[str], spec: PlatformSpec) -> None:
        self.row, self.headers, self.spec = row, headers, spec

    def raw(self, f: str) -> Any:
        i = self.spec.mapping.get(f)
        return self.row[i] if i is not None and i < len(self.row) else None

    def fail(self, f: str, code: str, **params: Any) -> ValueError:
        return ProblemError(SheetProblem(code, column=self.headers[self.spec.mapping[f]], field=f, **params))

    def number(self, f: str, *, whole: bool = False) -> float | None:
        value = self.raw(f)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        n = _number(value)
        if n is None or n < 0 or (whole and not n.is_integer()):
            raise self.fail(f, "bad_whole_number" if whole else "bad_number", value=repr(value))
        return n

    def text(self, f: str) -> str:
        value = self.raw(f)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else str(value).strip()

    def time(self) -> float:
        try:
            return to_epoch(self.raw("time"), self.spec.tz, self.spec.day)
        except ValueError as exc:
            raise ProblemError(problem_of(exc).at(column=self.headers[self.spec.mapping["time"]], field="time")) from None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = str(value).strip().replace(",", "").replace("¥", "").replace("￥", "").replace("元", "")
    try:
        n = float(text)
    except ValueError:
        return None
    return n if math.isfinite(n) else None


# -- trend -----------------------------------------------------------------------
def _cumulative(headers: list[str], spec: PlatformSpec, f: str) -> bool:
    if spec.cumulative is not None:
        return spec.cumulative
    i = spec.mapping.get(f)
    return i is not None and any(w in str(headers[i]).lower() for w in _CUMULATIVE_WORDS)


def _trend(headers: list[str], rows: list[list[Any]], spec: PlatformSpec) -> PlatformImport:
    problems: list[SheetProblem] = []
    parsed: list[tuple[int, float, float | None, float | None, float | None, float | None]] = []
    for i, row in enumerate(rows, start=2):
        r = _Row(row, headers, spec)
        errors: list[SheetProblem] = []
        values = [_cell(errors, r.time)] + [
            _cell(errors, lambda f=f, w=w, r=r: r.number(f, whole=w))
            for f, w in (("online", True), ("entries", True), ("gmv", False), ("orders", True))
        ]
        problems += [e.at(row=i) for e in errors]
        if not errors:
            parsed.append((i, *values))
    if problems:
        raise RowProblems(problems)
    parsed.sort(key=lambda p: p[1])
    sales = _minute_sales(parsed, headers, spec)
    return _trend_events(parsed, sales, spec)


def _cell(errors: list[SheetProblem], read: Any) -> Any:
    """Read one cell, noting its problem instead of stopping: every bad cell of a row is named."""
    try:
        return read()
    except ValueError as exc:
        errors.append(problem_of(exc))
        return None


def _minute_sales(parsed: list, headers: list[str], spec: PlatformSpec) -> dict[int, tuple[int, float, int]]:
    """Minute → (row, GMV, orders) of that minute, turning running totals into differences."""
    cum_gmv, cum_orders = _cumulative(headers, spec, "gmv"), _cumulative(headers, spec, "orders")
    out: dict[int, tuple[int, float, int]] = {}
    last_gmv = last_orders = 0.0
    problems = []
    for row_no, ts, _online, _entries, gmv, orders in parsed:
        g, o = gmv or 0.0, orders or 0.0
        if cum_gmv and gmv is not None:
            g, last_gmv = gmv - last_gmv, gmv
        if cum_orders and orders is not None:
            o, last_orders = orders - last_orders, orders
        if g < -0.005 or o < 0:
            f = "gmv" if g < -0.005 else "orders"
            problems.append(SheetProblem("total_went_down", row=row_no, column=headers[spec.mapping[f]], field=f))
            continue
        if g > 0 or o > 0:
            m = minute_of(ts)
            prev = out.get(m, (row_no, 0.0, 0))
            out[m] = (prev[0], prev[1] + g, prev[2] + int(o))
    if problems:
        raise RowProblems(problems)
    return out


def _trend_events(parsed: list, sales: dict[int, tuple[int, float, int]], spec: PlatformSpec) -> PlatformImport:
    result = PlatformImport()
    source = {"source": "platform", "file": spec.file_key}
    for _row, ts, online, entries, _g, _o in parsed:
        if online is None:
            continue
        qty = int(entries) if entries is not None else None
        result.events.append(Event(ev.VIEWERS, ts, value=online, qty=qty, data=dict(source)))
    for m, (_row, gmv, orders) in sorted(sales.items()):
        result.events.append(
            Event(
                ev.ORDER,
                m * 60.0,
                value=round(gmv, 2),
                qty=max(orders, 1),
                ref=f"platform-{spec.file_key}-{m}",
                flag=ev.FLAG_MANUAL,
                data={"orders": orders, **source},
            )
        )
    result.events.sort(key=lambda e: e.ts)
    return result


# -- orders ----------------------------------------------------------------------
def _orders(catalogue: Catalogue, headers: list[str], rows: list[list[Any]], spec: PlatformSpec) -> PlatformImport:
    problems: list[SheetProblem] = []
    result = PlatformImport()
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, start=2):
        r = _Row(row, headers, spec)
        try:
            e = _order(catalogue, r)
        except ValueError as exc:
            problems.append(problem_of(exc).at(row=i))
            continue
        ref = e.ref or ""
        if ref in seen:
            column = headers[spec.mapping["order_id"]]
            problems.append(SheetProblem("order_repeats", row=i, column=column, field="order_id", value=repr(ref),
                                         first=seen[ref]))
            continue
        seen[ref] = i
        result.events.append(e)
    if not rows:
        problems.append(SheetProblem("no_rows", what="order"))
    if problems:
        raise RowProblems(problems)
    result.events.sort(key=lambda e: e.ts)
    return result


def _order(catalogue: Catalogue, r: _Row) -> Event:
    ref = r.text("order_id")
    if not ref:
        raise r.fail("order_id", "empty_order_id")
    amount = r.number("amount")
    if amount is None:
        raise r.fail("amount", "empty_amount")
    qty = r.number("quantity", whole=True)
    if qty == 0:
        raise r.fail("quantity", "zero_quantity")
    product = catalogue.resolve(r.text("product") or None)
    flag = None if product in catalogue.names else ev.FLAG_UNKNOWN_PRODUCT
    return Event(
        ev.ORDER,
        r.time(),
        user=r.text("buyer") or None,
        product=product,
        value=round(amount, 2),
        qty=int(qty or 1),
        ref=ref,
        flag=flag,
        data={"source": "platform"},
    )
