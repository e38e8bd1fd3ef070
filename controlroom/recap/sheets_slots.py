"""The recap's per-slot sheet (one row per run of a segment, then the runs' total and the
interactions planned vs held) and its per-SKU sheet, over core/recap_slots.py's figures.

A row is built as a dict keyed by its column's text key, so a column drops in by adding
it to the columns and to the dict (the segment's targets come after GMV).
"""

from __future__ import annotations

from typing import Any

from controlroom.core.plan import Segment
from controlroom.core.recap_figures import ROW_MANUAL, ROW_PRODUCT, Recap
from controlroom.core.recap_skus import SkuRecap
from controlroom.core.recap_slots import Sales, SlotFigures, SlotRecap
from controlroom.core.targets import vs_target
from controlroom.recap.cells import (
    DATETIME,
    DURATION,
    INT,
    MINUTES,
    MONEY,
    NUMBER,
    PERCENT,
    ExcelTime,
    RowWriter,
    days,
    header,
    minutes,
    money,
    styled,
)
from controlroom.recap.texts import Texts

Columns = tuple[tuple[str, float, str | None], ...]

SLOT_COLUMNS: Columns = (
    ("sl.run", 6, None), ("sl.no", 6, None), ("sl.kind", 11, None), ("sl.title", 24, None),
    ("sl.product", 18, None), ("sl.sched_start", 19, DATETIME), ("sl.actual_start", 19, DATETIME),
    ("sl.actual_end", 19, DATETIME), ("sl.planned", 10, DURATION), ("sl.extended", 10, MINUTES),
    ("sl.actual", 10, DURATION), ("sl.overrun", 12, MINUTES), ("sl.ahead", 18, MINUTES),
    ("sl.orders", 9, INT), ("sl.gmv", 13, MONEY),
    # the segment's targets (its plan's, as on the Timeline) and this run's GMV against it
    ("tl.orders_target", 10, INT), ("tl.gmv_target", 13, MONEY), ("tl.vs_target", 11, PERCENT),
    ("sl.views", 10, INT), ("sl.gpm", 12, MONEY), ("sl.uv", 14, MONEY),
    ("sl.product_orders", 12, INT), ("sl.product_gmv", 14, MONEY),
    ("sl.tail_orders", 12, INT), ("sl.tail_gmv", 14, MONEY), ("sl.tail_length", 10, DURATION),
)
# Where a row can hold text from outside (titles and product names come from the plan and catalogue).
SLOT_TEXT_COLUMNS = (3, 4)


def write_slots(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    f = r.slots
    if f is None:
        return
    rows = _table(ws, t, _slot_columns(f), SLOT_TEXT_COLUMNS, n=f.tail_minutes)
    names = {sku: p.name for sku, p in r.state.queue.products.items()}
    plan = {seg.uid: seg for seg in r.state.plan.segments}
    keys = [k for k, _, _ in SLOT_COLUMNS]
    for slot in f.slots:
        cells = _slot_cells(slot, t, clock, names)
        cells.update(_target_cells(slot, plan.get(slot.uid) if slot.index is not None else None))
        rows.append([cells.get(k) for k in keys])
    ws.append([])
    for label, sales in (("sl.outside", f.outside), ("sl.total", _total(f))):
        cells = {"sl.title": styled(ws, t(label), bold=True), **_sales_cells(ws, sales)}
        ws.append([cells.get(k) for k in keys])
    ws.append([])
    _interactions(ws, f, t, clock)


def _table(ws: Any, t: Texts, columns: Columns, text_columns: tuple[int, ...], **params: object) -> RowWriter:
    """A frozen bold header row (its texts may take `params`), formatted columns."""
    ws.freeze_panes = "A2"
    header(ws, [t(k, **params) for k, _, _ in columns], [w for _, w, _ in columns])
    return RowWriter(ws, [f for _, _, f in columns], text_columns)


def _per_entry(columns: Columns, key: str, f: SlotFigures) -> Columns:
    """The UV value's header says when it is per entry (no join carried a user)."""
    if f.basis.viewers_known:
        return columns
    return tuple((f"{k}_per_entry" if k == key else k, w, fmt) for k, w, fmt in columns)


def _slot_columns(f: SlotFigures) -> Columns:
    return _per_entry(SLOT_COLUMNS, "sl.uv", f)


def _slot_cells(s: SlotRecap, t: Texts, clock: ExcelTime, names: dict[str, str]) -> dict[str, Any]:
    product, tail = s.product_sales, s.tail
    return {
        "sl.run": s.run, "sl.no": None if s.index is None else s.index + 1,
        "sl.kind": t(f"kind.{s.kind}") if s.kind else None,
        "sl.title": s.title if s.index is not None else f"{s.title} {t('sl.removed')}",
        "sl.product": names.get(s.product_sku or "", s.product_sku),
        "sl.sched_start": clock.serial(s.scheduled_start), "sl.actual_start": clock.serial(s.actual_start),
        "sl.actual_end": clock.serial(s.actual_end), "sl.planned": days(s.planned_s),
        "sl.extended": minutes(s.extended_s) or None, "sl.actual": days(s.actual_s),
        "sl.overrun": minutes(s.overrun_s), "sl.ahead": minutes(s.ahead_s),
        "sl.orders": s.sales.orders, "sl.gmv": money(s.sales.gmv_cents),
        "sl.views": s.money.views, "sl.gpm": _round(s.money.gpm), "sl.uv": _round(s.money.uv_value),
        "sl.product_orders": None if product is None else product.orders,
        "sl.product_gmv": None if product is None else money(product.gmv_cents),
        "sl.tail_orders": None if tail is None else tail.orders,
        "sl.tail_gmv": None if tail is None else money(tail.gmv_cents),
        "sl.tail_length": days(s.tail_s) if tail is not None else None,
    }


def _target_cells(s: SlotRecap, segment: Segment | None) -> dict[str, Any]:
    """The run's segment's targets (None: it has none, or left the plan) and the run's GMV ÷
    the GMV target (core/targets.py vs_target, as the Timeline's)."""
    if segment is None:
        return {}
    return {"tl.orders_target": segment.orders_target, "tl.gmv_target": segment.gmv_target,
            "tl.vs_target": vs_target(s.sales.gmv_cents, segment.gmv_target)}


def _total(f: SlotFigures) -> Sales:
    return Sales(f.outside.orders + sum(s.sales.orders for s in f.slots),
                 f.outside.gmv_cents + sum(s.sales.gmv_cents for s in f.slots))


def _sales_cells(ws: Any, sales: Sales) -> dict[str, Any]:
    return {"sl.orders": styled(ws, sales.orders, INT), "sl.gmv": styled(ws, money(sales.gmv_cents), MONEY)}


def _interactions(ws: Any, f: SlotFigures, t: Texts, clock: ExcelTime) -> None:
    i = f.interactions
    ws.append([styled(ws, t("ia.heading"), bold=True)])
    for key, value in (("ia.planned", i.planned), ("ia.runs", i.segment_runs), ("ia.marked", i.marked),
                       ("ia.held", i.held)):
        ws.append([t(key), styled(ws, value, INT)])
    gap = i.longest
    if gap is None:
        ws.append([t("ia.longest"), t("ia.none")])
        return
    ws.append([t("ia.longest"), styled(ws, round(gap.seconds / 60, 1), NUMBER), t("ia.from"),
               styled(ws, clock.serial(gap.start), DATETIME), t("ia.to"), styled(ws, clock.serial(gap.end), DATETIME)])


# -- Per SKU -------------------------------------------------------------------
SKU_COLUMNS: Columns = (
    ("pr.sku", 12, None), ("pr.name", 24, None), ("sk.stock_start", 11, INT), ("sk.sold", 9, INT),
    ("sk.sell_through", 14, PERCENT), ("sk.sold_out_at", 19, DATETIME), ("sk.sold_out_after", 12, DURATION),
    ("sk.shelf_minutes", 11, NUMBER), ("sk.oversells", 12, INT), ("sk.orders", 10, INT), ("sk.gmv", 14, MONEY),
    ("sk.gmv_explained", 14, MONEY), ("sk.views", 11, INT), ("sk.gpm", 14, MONEY), ("sk.uv", 16, MONEY),
)
SKU_TEXT_COLUMNS = (0, 1)


def write_skus(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    f = r.slots
    if f is None:
        return
    rows = _table(ws, t, _per_entry(SKU_COLUMNS, "sk.uv", f), SKU_TEXT_COLUMNS)
    keys = [k for k, _, _ in SKU_COLUMNS]
    for sku in f.skus:
        cells = _sku_cells(sku, t, clock)
        rows.append([cells.get(k) for k in keys])
    s = f.skus
    total = {
        "pr.name": styled(ws, t("sk.total"), bold=True), "sk.sold": sum(x.sold for x in s),
        "sk.oversells": sum(x.oversells for x in s), "sk.orders": sum(x.orders for x in s),
        "sk.gmv": money(sum(x.gmv_cents for x in s)), "sk.gmv_explained": money(sum(x.gmv_explained_cents for x in s)),
    }
    rows.append([total.get(k) for k in keys])


def _sku_cells(s: SkuRecap, t: Texts, clock: ExcelTime) -> dict[str, Any]:
    sums = {"sk.sold": s.sold, "sk.oversells": s.oversells, "sk.orders": s.orders, "sk.gmv": money(s.gmv_cents)}
    if s.row != ROW_PRODUCT:
        return {"pr.name": t("pr.manual" if s.row == ROW_MANUAL else "pr.unknown"), **sums}
    e = s.explained
    return {
        "pr.sku": s.sku, "pr.name": s.name, "sk.stock_start": s.stock_start, "sk.sell_through": s.sell_through,
        "sk.sold_out_at": clock.serial(s.sold_out_at), "sk.sold_out_after": days(s.sold_out_after_s),
        "sk.shelf_minutes": round(s.shelf_s / 60, 1), "sk.gmv_explained": money(s.gmv_explained_cents),
        "sk.views": None if e is None else e.views, "sk.gpm": None if e is None else _round(e.gpm),
        "sk.uv": None if e is None else _round(e.uv_value), **sums,
    }


def _round(value: float | None) -> float | None:
    """Money per view, shown to the cent (as the Summary's)."""
    return None if value is None else round(value, 2)
