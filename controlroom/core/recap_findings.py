"""What the recap finds in a show besides sums: pacing (ahead/behind, interaction gaps,
promo repeats, long slots) and the Problems sheet's list, over the figures of the fold."""

from __future__ import annotations

from controlroom.core.pacing import SegmentRun, promo_status, segment_elapsed
from controlroom.core.plan import SegmentKind
from controlroom.core.recap_figures import (
    P_INTERACTION_OVERDUE,
    P_LOW_CONVERSION,
    P_OVERRUN,
    P_OVERSELL,
    P_SOLD_OUT,
    P_VIEWER_DROP,
    ROW_PRODUCT,
    Gap,
    MinuteRow,
    Problem,
    PromoRecap,
    Recap,
    SegmentRecap,
    SlotRun,
)
from controlroom.core.show import ShowState


def ahead_behind(segments: list[SegmentRecap], t0: float) -> list[float | None]:
    """After each planned segment: planned end so far − actual end (positive = ahead)."""
    out: list[float | None] = []
    planned_end = 0.0
    for row in segments:
        if row.index is None:
            out.append(None)
            continue
        planned_end += row.planned_s
        out.append(None if row.actual_end is None else planned_end - (row.actual_end - t0))
    return out


def interaction_gaps(s: ShowState, t0: float, end: float) -> list[Gap]:
    """Quiet stretches between interactions (marked, or an interaction segment on air)."""
    kinds = {seg.uid: seg.kind for seg in s.plan.segments}
    spans = [(ts, ts) for ts in s.timer.interactions]
    spans += [(r.started_at, r.ended_at if r.ended_at is not None else end)
              for r in s.timer.runs if kinds.get(r.uid) == SegmentKind.INTERACTION]
    limit = s.settings.interaction_alarm_minutes * 60
    gaps, last = [], t0
    for a, b in sorted(spans):
        if a > last:
            gaps.append(Gap(last, a, a - last > limit))
        last = max(last, b)
    if end > last:
        gaps.append(Gap(last, end, end - last > limit))
    return gaps


def promo_rows(s: ShowState) -> list[PromoRecap]:
    out = []
    for key, (count, band) in promo_status(s.timer, s.promo_keys(), s.settings).items():
        p = s.queue.products.get(key)
        out.append(PromoRecap(key, p.name if p else key, p.promo if p else key, count, band))
    return out


def long_slots(s: ShowState, end: float) -> list[SlotRun]:
    """Product-slot runs longer than `slot_max_minutes`."""
    limit = s.settings.slot_max_minutes * 60
    segs = {seg.uid: seg for seg in s.plan.segments}
    out = []
    for run in s.timer.runs:
        seg = segs.get(run.uid)
        if seg is None or seg.kind != SegmentKind.PRODUCT:
            continue
        seconds = segment_elapsed(s.timer, run, run.ended_at if run.ended_at is not None else end)
        if seconds > limit:
            out.append(SlotRun(run.uid, seg.title, run.started_at, seconds))
    return out


def find_problems(r: Recap) -> list[Problem]:
    s = r.state.settings
    out: list[Problem] = []
    for seg in r.segments:
        over = seg.overrun_s
        if over is not None and over >= 1.0:
            out.append(Problem(seg.actual_start, P_OVERRUN, seg.title, {"minutes": over / 60}))
    for gap in r.gaps:
        if gap.flagged:
            out.append(Problem(gap.start, P_INTERACTION_OVERDUE, "", {"minutes": gap.seconds / 60}))
    out += viewer_drops(r.minutes, s.viewer_drop_percent, s.viewer_drop_window_minutes)
    for p in r.products:
        if p.row == ROW_PRODUCT:
            out += [Problem(ts, P_SOLD_OUT, p.name, {}) for ts in p.sold_out_times]
        conv = p.slot_conversion
        if conv is not None and conv * 100 < s.low_conversion_percent:
            out.append(Problem(None, P_LOW_CONVERSION, p.name, {"percent": conv * 100}))
        if p.oversells:
            out.append(Problem(None, P_OVERSELL, p.name, {"count": p.oversells}))
    return sorted(out, key=lambda x: (x.ts is None, x.ts or 0.0))


def viewer_drops(minutes: list[MinuteRow], percent: float, window_minutes: float) -> list[Problem]:
    """A minute whose online is `percent` below the highest of the minutes before it
    (within the window) starts a drop; following minutes still down belong to it."""
    window = max(1, int(window_minutes))
    out, in_drop = [], False
    for i, row in enumerate(minutes):
        before = [m.online for m in minutes[max(0, i - window):i] if m.online is not None]
        hi = max(before, default=0.0)
        down = row.online is not None and hi > 0 and row.online <= hi * (1 - percent / 100)
        if down and not in_drop:
            out.append(Problem(row.start, P_VIEWER_DROP, "", {
                "percent": 100 * (1 - row.online / hi), "high": hi, "low": row.online}))
        in_drop = down
    return out


def timeline_rows(s: ShowState, runs: list[SegmentRun], sales: dict[int, list[int]], end: float) -> list[SegmentRecap]:
    """Every plan segment, scheduled (show start + plan offsets) and as run; a run of a
    segment since removed from the plan gets a row of its own. `sales[n]` = [orders,
    cents] while run n (in start order) was on air."""
    rows: list[SegmentRecap] = []
    by_uid: dict[str, SegmentRecap] = {}
    for i, (seg, offset) in enumerate(zip(s.plan.segments, s.plan.offsets(), strict=True)):
        start = s.timer.started_at + offset if s.timer.started_at is not None else None
        row = SegmentRecap(
            i, seg.uid, seg.kind.value, seg.title, seg.product_sku, seg.planned_s,
            s.timer.extensions.get(seg.uid, 0.0), start, None if start is None else start + seg.planned_s,
        )
        rows.append(row)
        by_uid[seg.uid] = row
    for n, run in enumerate(runs):
        row = by_uid.get(run.uid)
        if row is None:  # the plan was edited after this segment ran
            row = by_uid[run.uid] = SegmentRecap(None, run.uid, "", run.uid, None, 0.0, 0.0, None, None)
            rows.append(row)
        _add_run(row, run, s, end)
        sale = sales.get(n)
        if sale is not None:
            row.orders += sale[0]
            row.gmv_cents += sale[1]
    return rows


def _add_run(row: SegmentRecap, run: SegmentRun, s: ShowState, end: float) -> None:
    run_end = run.ended_at if run.ended_at is not None else end
    row.runs += 1
    row.actual_start = run.started_at if row.actual_start is None else row.actual_start
    row.actual_end = run_end
    row.actual_s = (row.actual_s or 0.0) + segment_elapsed(s.timer, run, end)
