"""The review's sheets: Ranked problems, Incidents & stream, Provenance, Reconciliation,
over the figures of core/recap_review.py (each defined once, docs/recap.md)."""

from __future__ import annotations

from typing import Any

from controlroom.core.recap_figures import Recap
from controlroom.core.recap_ranking import P_DEGRADED_STREAM, P_INCIDENT, RankedProblem
from controlroom.core.recap_reconcile import (
    GMV_TOLERANCE_CENTS,
    ONLINE_TOLERANCE,
    ORDERS_TOLERANCE,
    Reconciliation,
)
from controlroom.core.recap_review import Review
from controlroom.core.recap_sources import FAMILY_ORDERS
from controlroom.core.stream_health import problem_of
from controlroom.recap.cells import (
    DATETIME,
    DURATION,
    INT,
    MONEY,
    NUMBER,
    PERCENT,
    ExcelTime,
    days,
    money,
    styled,
)
from controlroom.recap.sheets import table
from controlroom.recap.texts import Texts

REVIEW_SHEETS = ("ranked", "incidents", "provenance", "reconciliation")


def write_review(ws: dict[str, Any], r: Recap, t: Texts, clock: ExcelTime) -> None:
    review = r.review or Review()
    write_ranked(ws["ranked"], review, t, clock)
    write_incidents(ws["incidents"], r, review, t, clock)
    write_provenance(ws["provenance"], review, t, clock)
    write_reconciliation(ws["reconciliation"], review.reconciliation, t, clock)


# -- Ranked problems ------------------------------------------------------------
RANKED_COLUMNS = (
    ("rk.rank", 6, None), ("rk.score", 10, NUMBER), ("pb.kind", 16, None), ("pb.time", 19, DATETIME),
    ("pb.subject", 24, None), ("pb.detail", 40, None), ("rk.action", 40, None),
)


def write_ranked(ws: Any, review: Review, t: Texts, clock: ExcelTime) -> None:
    rows = table(ws, t, RANKED_COLUMNS)
    for n, p in enumerate(review.ranked, 1):
        rows.append((n, p.score, t(f"problem.{p.code}"), clock.serial(p.ts), _subject(p, t) or None,
                     t(f"detail.{p.code}", **p.params), t(f"action.{p.code}")))
    if not review.ranked:
        rows.append((None, None, t("pb.none")))


def _subject(p: RankedProblem, t: Texts) -> str | None:
    if p.code == P_DEGRADED_STREAM:
        return t(f"obs.{p.subject}")
    if p.code == P_INCIDENT:
        return t.incident(p.subject)
    return p.subject


# -- Incidents & stream -----------------------------------------------------------
def write_incidents(ws: Any, r: Recap, review: Review, t: Texts, clock: ExcelTime) -> None:
    for col, width in zip("ABCDE", (36, 40, 19, 19, 14), strict=True):
        ws.column_dimensions[col].width = width
    time = review.incidents
    ws.append([styled(ws, t("in.time"), bold=True)])
    ws.append([t("kpi.incident_s"), styled(ws, days(time.incident_s), DURATION)])
    ws.append([t("kpi.degraded_stream_s"), styled(ws, days(time.degraded_s), DURATION)])
    ws.append([])
    ws.append([styled(ws, t(k), bold=True) for k in ("in.problem", "in.count", "in.minutes")])
    for s in time.by_problem:
        ws.append([t(f"obs.{s.problem}"), styled(ws, s.incidents, INT), styled(ws, round(s.seconds / 60, 1), NUMBER)])
    if not time.by_problem:
        ws.append([t("in.none")])
    ws.append([])
    ws.append([styled(ws, t("in.list"), bold=True)])
    ws.append([styled(ws, t(k), bold=True) for k in ("in.kind", "in.text", "in.opened", "in.closed", "in.duration")])
    for i in sorted(r.incidents, key=lambda i: i.opened_at):
        problem = problem_of(i.ref)
        shown = min(i.closed_at if i.closed_at is not None else r.end, r.end) - max(i.opened_at, r.t0)
        ws.append([t(f"obs.{problem}") if problem else t("in.other"), styled(ws, t.incident(i.text) or ""),
                   styled(ws, clock.serial(i.opened_at), DATETIME),
                   styled(ws, clock.serial(i.closed_at), DATETIME) if i.closed_at is not None else t("in.still_open"),
                   styled(ws, days(max(0.0, shown)), DURATION)])
    if not r.incidents:
        ws.append([t("in.none")])


# -- Provenance --------------------------------------------------------------------
PROVENANCE_COLUMNS = (
    ("pv.family", 34, None), ("pv.source", 16, None), ("pv.count", 10, INT), ("pv.share", 10, PERCENT),
    ("pv.gmv", 14, MONEY), ("pv.gmv_share", 12, PERCENT), ("pv.minutes", 14, INT),
)


def write_provenance(ws: Any, review: Review, t: Texts, clock: ExcelTime) -> None:
    rows = table(ws, t, PROVENANCE_COLUMNS)
    p = review.provenance
    for s in p.shares:
        orders = s.family == FAMILY_ORDERS
        rows.append((t(f"family.{s.family}"), t(f"source.{s.source}"), s.count, s.share,
                     money(s.gmv_cents) if orders else None, s.gmv_share if orders else None, s.minutes))
    ws.append([])
    ws.append([styled(ws, t("pv.gaps"), bold=True)])
    ws.append([styled(ws, t(k), bold=True) for k in ("pv.first_minute", "pv.from", "pv.gap_minutes")])
    for g in p.gaps:
        ws.append([g.first_minute, styled(ws, clock.serial(g.start), DATETIME), styled(ws, g.minutes, INT)])
    ws.append([t("pv.total"), None, styled(ws, p.no_data_minutes, INT)] if p.gaps else [t("pv.none")])


# -- Reconciliation ----------------------------------------------------------------
RECONCILE_COLUMNS = (
    ("mi.minute", 7, None), ("mi.time", 19, DATETIME), ("rc.live_orders", 10, INT),
    ("rc.platform_orders", 10, INT), ("rc.orders_diff", 10, INT), ("rc.live_gmv", 13, MONEY),
    ("rc.platform_gmv", 13, MONEY), ("rc.gmv_diff", 13, MONEY), ("rc.live_online", 11, NUMBER),
    ("rc.platform_online", 11, NUMBER), ("rc.flag", 26, None),
)


def write_reconciliation(ws: Any, rc: Reconciliation, t: Texts, clock: ExcelTime) -> None:
    if not rc.imported:
        ws.column_dimensions["A"].width = 60
        ws.append([styled(ws, t("rc.none"), bold=True)])
        return
    rows = table(ws, t, RECONCILE_COLUMNS)
    for row in rc.rows:
        rows.append((row.minute, clock.serial(row.start), row.live_orders, row.platform_orders, row.orders_diff,
                     money(row.live_gmv_cents), money(row.platform_gmv_cents), money(row.gmv_diff_cents),
                     _online(row.live_online), _online(row.platform_online), _diffs(row.differences, t)))
    rows.append((styled(ws, t("rc.total"), bold=True), None, rc.live_orders, rc.platform_orders,
                 rc.platform_orders - rc.live_orders, money(rc.live_gmv_cents), money(rc.platform_gmv_cents),
                 money(rc.platform_gmv_cents - rc.live_gmv_cents), None, None, _diffs(rc.total_differences, t)))
    ws.append([])
    ws.append([t("rc.note")])
    ws.append([t("rc.tolerance", orders=ORDERS_TOLERANCE[1], gmv=GMV_TOLERANCE_CENTS[0] / 100,
                 gmv_pct=GMV_TOLERANCE_CENTS[1], online=ONLINE_TOLERANCE[0], online_pct=ONLINE_TOLERANCE[1])])


def _online(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _diffs(codes: tuple[str, ...], t: Texts) -> str | None:
    comma = "、" if t.lang == "zh_CN" else ", "
    return comma.join(t(f"diff.{c}") for c in codes) or None
