"""Slot targets (issue 13): the money and orders a slot takes against its plan's targets,
the show's money ahead of or behind the plan, and a default target from the room's history.

Orders are attributed to the segment run on air at their time (a run from its start to its
end, pauses included), the rule the recap's Timeline uses (core/recap.py `run_at`), so the
window, `status` and the recap agree. Everything is a fold of the log: the same after a
restart. Definitions: docs/recap.md, "Targets".
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.money import cents
from controlroom.core.pacing import SegmentRun, TimerLog, segment_elapsed
from controlroom.core.plan import Plan, Segment


def order_count(e: Event) -> int:
    """How many orders an order event is: a typed-in total says so, a feed order is one."""
    if e.flag == ev.FLAG_MANUAL:
        return int((e.data or {}).get("orders", 0))
    return 1


class SalesTimeline:
    """Every order of the show (time, orders, cents), in time order, with running sums so
    that the sales between two times are two bisections. A late order is inserted in its
    place; the sums after it are brought up to date at the next question."""

    def __init__(self) -> None:
        self._ts: list[float] = []
        self._orders: list[int] = []  # running sums, one per order
        self._cents: list[int] = []
        self._own: list[tuple[int, int]] = []  # each order's (orders, cents)
        self._stale = 0  # sums from this index on are out of date
        # (start, end) → sales of a closed span: a show asks the same runs every refresh.
        self._memo: dict[tuple[float, float], tuple[int, int]] = {}
        self._memo_until = -math.inf  # the latest end among them

    def add(self, e: Event) -> None:
        ts, item = e.ts, (order_count(e), cents(e.value))
        if ts < self._memo_until:  # a span it falls in changes: forget the spans that end after it
            self._memo = {k: v for k, v in self._memo.items() if k[1] <= ts}
            self._memo_until = max((k[1] for k in self._memo), default=-math.inf)
        if not self._ts or ts >= self._ts[-1]:
            up_to_date = self._stale == len(self._ts)
            self._ts.append(ts)
            self._own.append(item)
            if up_to_date:  # the usual case: the sums grow by one
                last_o, last_c = (self._orders[-1], self._cents[-1]) if self._orders else (0, 0)
                self._orders.append(last_o + item[0])
                self._cents.append(last_c + item[1])
                self._stale = len(self._ts)
            return
        i = bisect_right(self._ts, ts)  # after every order stamped at or before it: arrival order kept
        self._ts.insert(i, ts)
        self._own.insert(i, item)
        self._stale = min(self._stale, i)
        del self._orders[i:], self._cents[i:]

    def between(self, start: float, end: float) -> tuple[int, int]:
        """(orders, cents) stamped in [start, end)."""
        if end == math.inf:
            return self._sum(start, end)
        key = (start, end)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self._sum(start, end)
            self._memo_until = max(self._memo_until, end)
        return got

    def _sum(self, start: float, end: float) -> tuple[int, int]:
        self._bring_up_to_date()
        lo, hi = bisect_left(self._ts, start), bisect_left(self._ts, end)
        if hi <= lo:
            return 0, 0
        before_o, before_c = (self._orders[lo - 1], self._cents[lo - 1]) if lo else (0, 0)
        return self._orders[hi - 1] - before_o, self._cents[hi - 1] - before_c

    def _bring_up_to_date(self) -> None:
        i = self._stale
        if i >= len(self._ts):
            return
        o, c = (self._orders[i - 1], self._cents[i - 1]) if i else (0, 0)
        del self._orders[i:], self._cents[i:]
        for n, value in self._own[i:]:
            o, c = o + n, c + value
            self._orders.append(o)
            self._cents.append(c)
        self._stale = len(self._ts)


@dataclass(frozen=True)
class SlotProgress:
    """One segment's sales over all its runs so far, and its targets (None: not set)."""

    uid: str
    title: str
    gmv_cents: int
    orders: int
    gmv_target: float | None
    orders_target: int | None
    elapsed_s: float
    planned_s: float  # planned plus extensions

    @property
    def gmv_target_cents(self) -> int | None:
        return None if self.gmv_target is None else cents(self.gmv_target)

    @property
    def share(self) -> float:
        """How much of its planned time the slot has had (0..1)."""
        return min(1.0, self.elapsed_s / self.planned_s) if self.planned_s > 0 else 1.0


@dataclass(frozen=True)
class TargetProgress:
    """The slot on air against its targets, and the show's money against the plan."""

    slot: SlotProgress | None  # the segment on air (None between segments, before the start, after the end)
    expected_cents: int  # what the plan's GMV targets expected by now (docs/recap.md "Targets")
    taken_cents: int  # the GMV the slots with a GMV target took in their runs
    has_targets: bool  # some segment of the plan has a GMV or order target

    @property
    def ahead_cents(self) -> int:
        """Money ahead of the plan (negative: behind)."""
        return self.taken_cents - self.expected_cents


def vs_target(gmv_cents: int, gmv_target: float | None) -> float | None:
    """GMV ÷ GMV target (1.0: reached); None without a target or with a target of 0."""
    if not gmv_target:
        return None
    return gmv_cents / cents(gmv_target)


def run_sales(runs: Iterable[SegmentRun], sales: SalesTimeline) -> list[tuple[int, int]]:
    """(orders, cents) in each run, from its start to its end (an open run: to any time)."""
    return [sales.between(r.started_at, r.ended_at if r.ended_at is not None else math.inf) for r in runs]


def slot_progress(plan: Plan, timer: TimerLog, sales: SalesTimeline, now: float) -> dict[str, SlotProgress]:
    """Each segment of the plan that has run, by uid: its sales and time over its runs."""
    by_uid = {s.uid: s for s in plan.segments}
    got: dict[str, list[float]] = {}
    for run, (orders, taken) in zip(timer.runs, run_sales(timer.runs, sales), strict=True):
        if run.uid not in by_uid:
            continue  # the segment has left the plan since: no target to hold it to
        acc = got.setdefault(run.uid, [0, 0, 0.0])
        acc[0] += orders
        acc[1] += taken
        acc[2] += segment_elapsed(timer, run, now)
    out: dict[str, SlotProgress] = {}
    for uid, (orders, taken, elapsed) in got.items():
        seg = by_uid[uid]
        out[uid] = SlotProgress(uid, seg.title, int(taken), int(orders), seg.gmv_target, seg.orders_target,
                                elapsed, seg.planned_s + timer.extensions.get(uid, 0.0))
    return out


def target_progress(plan: Plan, timer: TimerLog, sales: SalesTimeline, now: float,
                    on_air: str | None) -> TargetProgress:
    """The slot `on_air` (uid) and the show's money against the plan: a slot with a GMV
    target that has run and is no longer on air expected its whole target, the one on air
    its target times the share of its planned time it has had."""
    slots = slot_progress(plan, timer, sales, now)
    expected = taken = 0
    for uid, slot in slots.items():
        target = slot.gmv_target_cents
        if target is None:
            continue
        expected += round(target * slot.share) if uid == on_air else target
        taken += slot.gmv_cents
    has = any(s.gmv_target is not None or s.orders_target is not None for s in plan.segments)
    return TargetProgress(slots.get(on_air) if on_air else None, expected, taken, has)


def progress_dict(p: TargetProgress) -> dict[str, Any]:
    """`status`'s `targets` key (docs/events.md): ¥ rounded to the cent. The slot is `status`'s
    `segment` (its uid there: a status compared across shows leaves that one out)."""
    slot = None
    if p.slot is not None:
        s = p.slot
        slot = {
            "gmv": s.gmv_cents / 100, "orders": s.orders, "gmv_target": s.gmv_target,
            "orders_target": s.orders_target,
            "gmv_left": None if s.gmv_target_cents is None else (s.gmv_target_cents - s.gmv_cents) / 100,
            "orders_left": None if s.orders_target is None else s.orders_target - s.orders,
        }
    return {"slot": slot, "show": {"expected_gmv": p.expected_cents / 100, "gmv": p.taken_cents / 100,
                                   "ahead_gmv": p.ahead_cents / 100}, "has_targets": p.has_targets}


# -- defaults from the room's history ---------------------------------------------------
HISTORY_SHOWS = 5  # the room's earlier shows a default target is drawn from, newest first
# What air_history reads of a past show's log.
HISTORY_KINDS = (ev.SHOW_STARTED, ev.SHOW_PAUSED, ev.SHOW_RESUMED, ev.SHOW_ENDED, ev.SEGMENT_STARTED,
                 ev.PLAN_SET, ev.ORDER, ev.UNDONE)


@dataclass(frozen=True)
class AirRate:
    """A product's orders while its slots were on air in earlier shows, and for how long."""

    orders: int
    seconds: float

    @property
    def per_minute(self) -> float:
        return self.orders * 60.0 / self.seconds if self.seconds > 0 else 0.0


def air_history(created: Plan, log: Iterable[Event], undone: set[int] | frozenset[int] = frozenset(),
                end: float | None = None) -> dict[str, AirRate]:
    """Per SKU, over one past show: the orders of that product stamped while a slot of it
    was on air, and those slots' time on air. `log` in time order (timer, plan and order
    events suffice); `undone`: the ids an undo took back."""
    timer, sku_of, orders = TimerLog(), {s.uid: s.product_sku for s in created.segments}, []
    last = 0.0
    for e in log:
        if e.id in undone or e.kind == ev.UNDONE:
            continue
        last = max(last, e.ts)
        if e.kind == ev.PLAN_SET:
            for d in (e.data or {}).get("segments") or []:
                if isinstance(d, dict) and d.get("uid") and d.get("product"):
                    sku_of[str(d["uid"])] = str(d["product"])
        elif e.kind == ev.ORDER and e.flag != ev.FLAG_MANUAL and e.product:
            orders.append(e)
        else:
            timer.apply(e)
    until = end if end is not None else last
    acc: dict[str, list[float]] = {}
    for run in timer.runs:
        sku = sku_of.get(run.uid)
        if not sku:
            continue
        run_end = run.ended_at if run.ended_at is not None else until
        n = sum(1 for o in orders if o.product == sku and run.started_at <= o.ts < run_end)
        a = acc.setdefault(sku, [0, 0.0])
        a[0] += n
        a[1] += segment_elapsed(timer, run, until)
    return {sku: AirRate(int(n), s) for sku, (n, s) in acc.items()}


def combine(rates: Iterable[Mapping[str, AirRate]]) -> dict[str, AirRate]:
    """Several shows' rates as one (orders and seconds summed)."""
    out: dict[str, AirRate] = {}
    for show in rates:
        for sku, r in show.items():
            was = out.get(sku, AirRate(0, 0.0))
            out[sku] = AirRate(was.orders + r.orders, was.seconds + r.seconds)
    return out


def default_targets(seg: Segment, price: float | None, rates: Mapping[str, AirRate]) -> tuple[float | None, int | None]:
    """(GMV target ¥, order target) for a product slot: the product's orders per minute on
    air in the room's earlier shows × the slot's planned minutes, and that × its price;
    (None, None) when the room has no history of that product."""
    rate = rates.get(seg.product_sku or "")
    if rate is None or rate.seconds <= 0:
        return None, None
    orders = round(rate.per_minute * seg.planned_s / 60.0)
    gmv = round(orders * price, 2) if price is not None else None
    return gmv, orders
