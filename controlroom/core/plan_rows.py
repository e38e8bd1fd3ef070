"""A run of show as spreadsheet rows and back: kind, title, minutes, product, the slot's
GMV and order targets (optional columns, empty: no target), notes.

Header names in Chinese or English; the product is a SKU or a product name of the
show; every problem is named by row and column; all-or-nothing. An exported plan
carries each segment's id, so a plan edited in Excel and imported again keeps the
segments the show's log already refers to.
"""

from __future__ import annotations

import math
from typing import Any

from controlroom.core.plan import MAX_ORDERS_TARGET, Plan, Segment, SegmentKind, new_uid, target_problem
from controlroom.core.products import Product
from controlroom.core.sheet_problem import ProblemError, SheetProblem
from controlroom.core.sheet_rows import RowProblems, map_columns, parse_rows

PLAN_COLUMNS: dict[str, tuple[str, ...]] = {
    "kind": ("类型", "环节", "环节类型", "kind", "type"),
    "title": ("标题", "名称", "内容", "title", "name"),
    "minutes": ("时长(分钟)", "时长（分钟）", "时长", "分钟", "minutes", "duration"),
    "product": ("商品", "商品名称", "sku", "product"),
    "gmv_target": ("目标GMV(元)", "目标GMV（元）", "目标GMV", "GMV目标", "目标成交额", "成交额目标", "目标销售额",
                   "gmv target", "gmv_target", "target gmv"),
    "orders_target": ("目标订单数", "目标订单", "订单目标", "目标单量", "单量目标", "order target", "orders target",
                      "orders_target", "target orders"),
    "notes": ("备注", "脚本", "话术", "notes", "script"),
    "uid": ("id", "uid", "环节id"),
}
REQUIRED = ("kind", "minutes")
HEADERS = ("类型 kind", "标题 title", "时长(分钟) minutes", "商品 product", "目标GMV(元) GMV target",
           "目标订单数 order target", "备注 notes", "ID")
MAX_SEGMENTS = 1000
MAX_SEGMENT_MINUTES = 600.0

KIND_LABELS: dict[SegmentKind, str] = {
    SegmentKind.OPENING: "开场",
    SegmentKind.PRODUCT: "产品讲解",
    SegmentKind.INTERACTION: "互动",
    SegmentKind.FINAL_PUSH: "逼单",
    SegmentKind.CLOSING: "结束语",
    SegmentKind.FREE: "自由",
}
KIND_ALIASES: dict[str, SegmentKind] = {
    **{label: kind for kind, label in KIND_LABELS.items()},
    **{kind.value: kind for kind in SegmentKind},
    "讲解": SegmentKind.PRODUCT,
    "产品": SegmentKind.PRODUCT,
    "商品讲解": SegmentKind.PRODUCT,
    "product slot": SegmentKind.PRODUCT,
    "抽奖": SegmentKind.INTERACTION,
    "福袋": SegmentKind.INTERACTION,
    "问答": SegmentKind.INTERACTION,
    "连麦": SegmentKind.INTERACTION,
    "集中引导下单": SegmentKind.FINAL_PUSH,
    "final push": SegmentKind.FINAL_PUSH,
    "结束": SegmentKind.CLOSING,
    "收尾": SegmentKind.CLOSING,
    "其他": SegmentKind.FREE,
    "other": SegmentKind.FREE,
}


def _headers_for_matching(headers: list[str]) -> list[str]:
    """Our own export writes "类型 kind": match on the first word as well as the whole."""
    return [h.split(" ")[0] if h.split(" ")[0].lower() in _ALL_NAMES else h for h in headers]


_ALL_NAMES = {n.lower() for names in PLAN_COLUMNS.values() for n in names}


def plan_from_rows(headers: list[str], rows: list[list[Any]], products: list[Product]) -> Plan:
    cols = map_columns(_headers_for_matching(headers), PLAN_COLUMNS, REQUIRED)
    if len(rows) > MAX_SEGMENTS:
        raise RowProblems([SheetProblem("too_many_segments", count=len(rows), limit=MAX_SEGMENTS)])
    by_name = {p.name: p.sku for p in products}
    skus = {p.sku for p in products}
    segments = parse_rows(rows, lambda row: _segment(row, cols, headers, skus, by_name), lambda seg: seg.uid,
                          (headers[cols["uid"]] if "uid" in cols else "id", "uid", "id"), "segment")
    return Plan(segments)


def _segment(
    row: list[Any], cols: dict[str, int], headers: list[str], skus: set[str], by_name: dict[str, str]
) -> Segment:
    def cell(field: str) -> Any:
        return row[cols[field]] if field in cols and cols[field] < len(row) else None

    def fail(field: str, code: str, **params: Any) -> ValueError:
        return ProblemError(SheetProblem(code, column=headers[cols[field]], field=field, **params))

    kind = KIND_ALIASES.get(_text(cell("kind")).lower())
    if kind is None:
        raise fail("kind", "bad_kind", value=repr(_text(cell("kind"))))
    minutes = _minutes(cell("minutes"))
    if minutes is None:
        raise fail("minutes", "bad_minutes", value=repr(cell("minutes")), limit=f"{MAX_SEGMENT_MINUTES:g}")
    key = _text(cell("product"))
    sku = key if key in skus else by_name.get(key)
    if key and sku is None:
        raise fail("product", "unknown_product", value=repr(key))
    if kind == SegmentKind.PRODUCT and not sku:
        raise fail("product", "slot_needs_product")
    title = _text(cell("title")) or (_product_title(sku, by_name) if sku else KIND_LABELS[kind])
    gmv_target, orders_target = _target(cell("gmv_target"), False), _target(cell("orders_target"), True)
    if gmv_target is _BAD:
        raise fail("gmv_target", "bad_number", value=repr(cell("gmv_target")))
    if orders_target is _BAD:
        raise fail("orders_target", "bad_whole_number", value=repr(cell("orders_target")))
    return Segment(kind, title, minutes * 60.0, sku, _text(cell("notes")), _text(cell("uid")) or new_uid(),
                   gmv_target, orders_target)  # type: ignore[arg-type]


_BAD = object()


def _target(value: Any, whole: bool) -> Any:
    """An empty cell: no target (None); else a finite number ≥ 0 (whole for orders), or _BAD."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _BAD
    try:
        number = float(str(value).strip().replace(",", "").lstrip("¥￥")) if isinstance(value, str) else float(value)
    except ValueError:
        return _BAD
    if target_problem(number, None) is not None:
        return _BAD
    if not whole:
        return round(number, 2)
    return int(number) if number.is_integer() and number <= MAX_ORDERS_TARGET else _BAD


def _product_title(sku: str, by_name: dict[str, str]) -> str:
    return next((name for name, s in by_name.items() if s == sku), sku)


def _minutes(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        minutes = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    except ValueError:
        return None
    return minutes if math.isfinite(minutes) and 0 < minutes <= MAX_SEGMENT_MINUTES else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def plan_to_rows(plan: Plan) -> tuple[list[str], list[list[Any]]]:
    """The plan as rows our importer reads back to the same plan."""
    rows = [
        [KIND_LABELS[s.kind], s.title, s.planned_s / 60.0, s.product_sku or "", _blank(s.gmv_target),
         _blank(s.orders_target), s.notes, s.uid] for s in plan.segments
    ]
    return list(HEADERS), rows


def _blank(value: float | int | None) -> float | int | str:
    return "" if value is None else value
