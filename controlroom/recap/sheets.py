"""The recap's sheets, one writer each, over the figures of core/recap_figures.py.

Every sheet but Events is small and written after the log was streamed; Events is
written row by row while the log streams (recap/event_rows.py).
"""

from __future__ import annotations

from typing import Any

from controlroom.core.checklist import CHECKLIST_ITEMS
from controlroom.core.recap_figures import (
    KPI_FORMATS,
    ROW_MANUAL,
    ROW_PRODUCT,
    AfterEnd,
    Kpis,
    ProductRecap,
    Recap,
)
from controlroom.core.recap_findings import ahead_behind
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

SIGNED_SECONDS = '+0" s";-0" s";0" s"'
KPI_CELL_FORMATS = {"int": INT, "number": NUMBER, "duration": DURATION, "percent": PERCENT, "money": MONEY}


# -- Summary -----------------------------------------------------------------
def write_summary(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    for col, width in zip("ABCDE", (44, 24, 22, 14, 12), strict=True):
        ws.column_dimensions[col].width = width
    info = r.state.info
    ws.append([styled(ws, f"{t('summary.heading')} · {info.title}", bold=True)])
    if r.ended_at is None and r.started_at is not None:  # exported during the show: say so, under the heading
        ws.append([styled(ws, t("summary.snapshot", time=clock.hhmm(r.end)), bold=True)])
    for key, value, fmt in (
        ("summary.show", info.id, None), ("summary.title", info.title, None),
        ("summary.date", clock.serial(r.started_at or info.created_at), "yyyy-mm-dd"),
        ("summary.room", t.code("room", info.room), None), ("summary.host", info.host, None),
        ("summary.controller", info.controller, None),
    ):
        ws.append([t(key), styled(ws, value, fmt)])
    ws.append([])
    _schedule(ws, r, t, clock)
    ws.append([])
    _kpis(ws, r, t)
    ws.append([])
    _after_end(ws, r, t, clock)
    ws.append([])
    _checklist(ws, r, t, clock)
    ws.append([])
    ws.append([t("summary.events"), r.event_count])


def _schedule(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    """Planned vs actual start, end, duration. Shows carry no scheduled start yet:
    the planned end is the actual start plus the planned run of show."""
    scheduled = getattr(r.state.info, "scheduled_at", None)
    base = scheduled if scheduled is not None else r.started_at
    planned_end = None if base is None else base + r.planned_total_s
    actual_s = None if r.started_at is None or r.ended_at is None else r.ended_at - r.started_at
    ws.append([styled(ws, t(k), bold=True) for k in ("summary.what", "summary.planned", "summary.actual")])
    ws.append([t("summary.start"), styled(ws, clock.serial(scheduled), DATETIME),
               styled(ws, clock.serial(r.started_at), DATETIME)])
    ws.append([t("summary.end"), styled(ws, clock.serial(planned_end), DATETIME),
               styled(ws, clock.serial(r.ended_at), DATETIME)])
    ws.append([t("summary.duration"), styled(ws, days(r.planned_total_s), DURATION),
               styled(ws, days(actual_s), DURATION)])


def kpi_value(k: Kpis, name: str) -> float:
    value = getattr(k, name)
    return round(value, 2) if KPI_FORMATS[name] == "money" else value


def _kpis(ws: Any, r: Recap, t: Texts) -> None:
    heads = ["summary.kpis", "summary.value"]
    if r.previous is not None:
        heads += ["summary.previous", "summary.delta", "summary.change"]
    ws.append([styled(ws, t(k), bold=True) for k in heads])
    for name, kind in KPI_FORMATS.items():
        fmt = KPI_CELL_FORMATS[kind]
        value = kpi_value(r.kpis, name)
        shown = days(value) if kind == "duration" else value
        row = [t(r.kpis.label_key(name)), styled(ws, shown, fmt)]
        if r.previous is not None:
            row += _comparison(ws, value, kpi_value(r.previous, name), kind, fmt)
        ws.append(row)
    if r.previous is not None:
        ws.append([t("summary.previous_show"), styled(ws, f"#{r.previous_id} {r.previous_title}")])
    else:
        ws.append([t("summary.previous_show"), t("summary.no_previous")])


def _comparison(ws: Any, value: float, before: float, kind: str, fmt: str) -> list[Any]:
    """Previous value, delta, change. A duration's delta can be negative, which
    Excel cannot show as a time: it goes out in signed seconds."""
    delta = value - before
    if kind == "duration":
        return [styled(ws, days(before), fmt), styled(ws, round(delta, 1), SIGNED_SECONDS),
                styled(ws, delta / before if before else None, PERCENT)]
    return [styled(ws, before, fmt), styled(ws, delta, fmt), styled(ws, delta / before if before else None, PERCENT)]


def _after_end(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    """What the log holds after the show's end, apart from the figures above: orders and
    GMV always, the audience's figures when there are any."""
    if r.ended_at is None:
        ws.append([styled(ws, t("after.heading"), bold=True), t("after.not_ended")])
        return
    a: AfterEnd = r.after_end
    ws.append([styled(ws, t("after.heading"), bold=True), styled(ws, clock.serial(r.ended_at), DATETIME)])
    ws.append([t("after.orders"), styled(ws, a.orders, INT)])
    ws.append([t("after.gmv"), styled(ws, money(a.gmv_cents), MONEY)])
    for key in ("quantity", "entries", "likes", "comments", "shares", "follows"):
        value = getattr(a, key)
        if value:
            ws.append([t(f"after.{key}"), styled(ws, value, INT)])
    ws.append([t("after.events"), styled(ws, a.events, INT)])


def _checklist(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    ws.append([styled(ws, t(k), bold=True) for k in ("summary.checklist", "summary.ticked", "summary.ticked_at")])
    ticked = r.state.checklist
    known = [k for k, _ in CHECKLIST_ITEMS]
    keys = known + [k for k in ticked if k not in known]
    for key in keys:
        done = ticked.get(key, False)
        ws.append([t.code("check", key), t("summary.yes" if done else "summary.no"),
                   styled(ws, clock.serial(r.checklist_times.get(key)) if done else None, DATETIME)])


# -- Timeline ----------------------------------------------------------------
TIMELINE_COLUMNS = (
    ("tl.no", 5, None), ("tl.kind", 11, None), ("tl.title", 24, None), ("tl.product", 18, None),
    ("tl.sched_start", 19, DATETIME), ("tl.sched_end", 19, DATETIME), ("tl.actual_start", 19, DATETIME),
    ("tl.actual_end", 19, DATETIME), ("tl.planned", 10, DURATION), ("tl.extended", 10, MINUTES),
    ("tl.actual", 10, DURATION), ("tl.overrun", 12, MINUTES), ("tl.ahead", 16, MINUTES),
    ("tl.runs", 8, None), ("tl.orders", 9, INT), ("tl.gmv", 13, MONEY),
    ("tl.gmv_target", 13, MONEY), ("tl.orders_target", 10, INT), ("tl.vs_target", 11, PERCENT),
)


def table(
    ws: Any, t: Texts, columns: tuple[tuple[str, float, str | None], ...], text_columns: tuple[int, ...] | None = None,
) -> RowWriter:
    """A sheet that is one table: widths, frozen bold header row, formatted columns."""
    ws.freeze_panes = "A2"
    header(ws, [t(k) for k, _, _ in columns], [w for _, w, _ in columns])
    return RowWriter(ws, [f for _, _, f in columns], text_columns)


def write_timeline(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    rows = table(ws, t, TIMELINE_COLUMNS)
    names = {sku: p.name for sku, p in r.state.queue.products.items()}
    plan = {s.uid: s for s in r.state.plan.segments}
    for seg, ahead in zip(r.segments, ahead_behind(r.segments, r.t0), strict=True):
        ran = seg.actual_s is not None
        planned = plan.get(seg.uid) if seg.index is not None else None
        gmv_target = planned.gmv_target if planned is not None else None
        rows.append((
            None if seg.index is None else seg.index + 1,
            t(f"kind.{seg.kind}") if seg.kind else "",
            seg.title if seg.index is not None else f"{seg.title} {t('tl.removed')}",
            names.get(seg.product_sku or "", seg.product_sku),
            clock.serial(seg.scheduled_start), clock.serial(seg.scheduled_end),
            clock.serial(seg.actual_start) if ran else t("tl.skipped"), clock.serial(seg.actual_end),
            days(seg.planned_s), minutes(seg.extended_s) or None, days(seg.actual_s),
            minutes(seg.overrun_s), minutes(ahead), seg.runs, seg.orders, money(seg.gmv_cents),
            gmv_target, planned.orders_target if planned is not None else None, vs_target(seg.gmv_cents, gmv_target),
        ))


# -- Products ----------------------------------------------------------------
PRODUCT_COLUMNS = (
    ("pr.sku", 12, None), ("pr.name", 24, None), ("pr.role", 10, None), ("pr.price", 10, MONEY),
    ("pr.stock_start", 10, INT), ("pr.stock_end", 10, INT), ("pr.shelf", 11, DURATION),
    ("pr.explained", 11, DURATION), ("pr.orders_explained", 11, INT), ("pr.gmv_explained", 14, MONEY),
    ("pr.orders", 10, INT), ("pr.quantity", 8, INT), ("pr.gmv", 14, MONEY), ("pr.slot_conversion", 22, PERCENT),
    ("pr.sold_out", 19, DATETIME), ("pr.oversells", 12, INT),
)


def write_products(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    rows = table(ws, t, PRODUCT_COLUMNS)
    for p in r.products:
        rows.append(_product_row(p, t, clock))
    ps = r.products
    rows.append((
        None, styled(ws, t("pr.total"), bold=True), None, None, None, None, None, None,
        sum(p.orders_explained for p in ps), money(sum(p.gmv_explained_cents for p in ps)),
        sum(p.orders for p in ps), sum(p.quantity for p in ps), money(sum(p.gmv_cents for p in ps)),
        None, None, sum(p.oversells for p in ps),
    ))


def _product_row(p: ProductRecap, t: Texts, clock: ExcelTime) -> tuple[Any, ...]:
    if p.row != ROW_PRODUCT:
        label = t("pr.manual" if p.row == ROW_MANUAL else "pr.unknown")
        return (None, label, None, None, None, None, None, None, None, None, p.orders, p.quantity,
                money(p.gmv_cents), None, None, p.oversells)
    return (
        p.sku, p.name, t(f"role.{p.role}"), p.price, p.stock_start, p.stock_end, days(p.shelf_s),
        days(p.explained_s), p.orders_explained, money(p.gmv_explained_cents), p.orders, p.quantity,
        money(p.gmv_cents), p.slot_conversion, clock.serial(p.sold_out_at), p.oversells,
    )


# -- Minute by minute ---------------------------------------------------------
MINUTE_COLUMNS = (
    ("mi.minute", 7, None), ("mi.time", 19, DATETIME), ("mi.segment", 22, None), ("mi.online", 11, NUMBER),
    ("mi.online_peak", 11, INT), ("mi.entries", 10, INT), ("mi.comments", 9, INT), ("mi.likes", 9, INT),
    ("mi.shares", 8, INT), ("mi.follows", 8, INT), ("mi.orders", 8, INT), ("mi.gmv", 13, MONEY),
    ("mi.boundary", 10, None), ("mi.boundary_gmv", 10, None),
)
MINUTE_ONLINE_COL, MINUTE_GMV_COL, MINUTE_BOUNDARY_COL = 4, 12, 13


def write_minutes(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> int:
    """The series, one row a minute; returns the number of data rows."""
    rows = table(ws, t, MINUTE_COLUMNS)
    titles = {seg.uid: seg.title for seg in r.state.plan.segments}
    # Segment changes as bars of each chart's full height (see workbook.add_charts).
    top_online = max((m.online for m in r.minutes if m.online is not None), default=0.0)
    top_gmv = money(max((m.gmv_cents for m in r.minutes), default=0))
    for m in r.minutes:
        rows.append((
            m.minute, clock.serial(m.start), titles.get(m.segment_uid or "", m.segment_uid),
            None if m.online is None else round(m.online, 1), m.online_peak, m.entries, m.comments,
            m.likes, m.shares, m.follows, m.orders, money(m.gmv_cents),
            round(top_online, 1) if m.segment_started else None, top_gmv if m.segment_started else None,
        ))
    return len(r.minutes)


# -- Pacing ------------------------------------------------------------------
def write_pacing(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    s = r.state.settings
    for col, width in zip("ABCDE", (26, 22, 19, 12, 14), strict=True):
        ws.column_dimensions[col].width = width
    bold = [styled(ws, t("pa.gaps"), bold=True)]
    ws.append(bold)
    flag = t("pa.flag", limit=s.interaction_alarm_minutes)
    ws.append([styled(ws, t(k), bold=True) for k in ("pa.from", "pa.to", "pa.minutes")] + [styled(ws, flag, bold=True)])
    for g in r.gaps:
        ws.append([styled(ws, clock.serial(g.start), DATETIME), styled(ws, clock.serial(g.end), DATETIME),
                   styled(ws, round(g.seconds / 60, 1), NUMBER), "⚠" if g.flagged else None])
    ws.append([])
    ws.append([styled(ws, t("pa.promos", lo=s.promo_target_min, hi=s.promo_target_max), bold=True)])
    ws.append([styled(ws, t(k), bold=True) for k in ("pr.name", "pa.promo", "pa.count", "pa.band")])
    for p in r.promos:
        ws.append([styled(ws, p.name), styled(ws, p.promo), p.count, t(f"band.{p.band}")])
    ws.append([])
    ws.append([styled(ws, t("pa.slots", limit=s.slot_max_minutes), bold=True)])
    ws.append([styled(ws, t(k), bold=True) for k in ("tl.title", "pa.started", "pa.length")])
    for slot in r.long_slots:
        ws.append([styled(ws, slot.title), styled(ws, clock.serial(slot.started_at), DATETIME),
                   styled(ws, days(slot.seconds), DURATION)])
    if not r.long_slots:
        ws.append([t("pa.none")])


# -- Problems & actions -------------------------------------------------------
PROBLEM_COLUMNS = (
    ("pb.no", 5, None), ("pb.time", 19, DATETIME), ("pb.kind", 16, None), ("pb.subject", 24, None),
    ("pb.detail", 34, None), ("pb.action", 48, None),
)


def write_problems(ws: Any, r: Recap, t: Texts, clock: ExcelTime) -> None:
    rows = table(ws, t, PROBLEM_COLUMNS)
    for n, p in enumerate(r.problems, 1):
        rows.append((n, clock.serial(p.ts), t(f"problem.{p.code}"), p.subject or None,
                     t(f"detail.{p.code}", **p.params), None))
    if not r.problems:
        rows.append((None, None, t("pb.none")))
