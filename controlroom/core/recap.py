"""Recap (复盘) figures: a pure fold over a show's whole log, for the post-show workbook.

The replayed ShowState gives what the log says about operator actions (segment runs,
interactions, promo counts, shelf spans, incidents); the events, streamed once in time
order through `RecapFold.add`, give every per-minute, per-product and per-segment
figure. Money is summed in integer cents so GMV is the same on every sheet.

Definitions (docs/recap.md):
- online for a minute: the mean of its viewer samples, else the last sample before it;
  average online is the mean of that series, peak online the largest sample.
- entries for a minute: the rise of the platform's cumulative entries counter (viewer
  samples' qty) in it; without a counter, the join events. Views = their sum.
- average dwell: area under the online curve ÷ views (Little's law).
- interaction rate: distinct interacting users ÷ views; conversion: buyers ÷ views.
- a product's conversion in its slot: its distinct buyers while it was being explained ÷
  mean online viewers while it was being explained.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.pacing import SegmentRun, promo_status, segment_elapsed
from controlroom.core.plan import SegmentKind
from controlroom.core.show import ShowState

# Problem codes (the workbook words each one in the UI language).
P_OVERRUN = "overrun"
P_INTERACTION_OVERDUE = "interaction_overdue"
P_VIEWER_DROP = "viewer_drop"
P_SOLD_OUT = "sold_out"
P_LOW_CONVERSION = "low_conversion"
P_OVERSELL = "oversell"

# Products rows that are not products of the queue.
ROW_PRODUCT = "product"
ROW_UNKNOWN = "unknown"
ROW_MANUAL = "manual"


def cents(amount: float | None) -> int:
    return round((amount or 0.0) * 100)


@dataclass
class Kpis:
    """The Summary's figures; `KPI_FORMATS` says how each one is shown."""

    peak_online: float = 0.0
    avg_online: float = 0.0
    views: int = 0
    dwell_s: float = 0.0
    likes: int = 0
    comments: int = 0
    shares: int = 0
    interacting_users: int = 0
    interaction_rate: float = 0.0
    follows: int = 0
    orders: int = 0
    buyers: int = 0
    gmv: float = 0.0
    conversion: float = 0.0
    avg_order_value: float = 0.0
    oversells: int = 0
    incidents: int = 0


KPI_FORMATS: dict[str, str] = {
    "peak_online": "int", "avg_online": "number", "views": "int", "dwell_s": "duration",
    "likes": "int", "comments": "int", "shares": "int", "interacting_users": "int",
    "interaction_rate": "percent", "follows": "int", "orders": "int", "buyers": "int",
    "gmv": "money", "conversion": "percent", "avg_order_value": "money", "oversells": "int",
    "incidents": "int",
}


@dataclass(slots=True)
class MinuteRow:
    minute: int
    start: float
    online: float | None = None
    online_peak: float | None = None
    entries: int = 0
    comments: int = 0
    likes: int = 0
    shares: int = 0
    follows: int = 0
    orders: int = 0
    gmv_cents: int = 0
    segment_uid: str | None = None
    segment_started: bool = False


@dataclass(slots=True)
class _Bucket:
    online_sum: float = 0.0
    online_n: int = 0
    online_max: float = 0.0
    entries_max: int = -1
    joins: int = 0
    comments: int = 0
    likes: int = 0
    shares: int = 0
    follows: int = 0
    orders: int = 0
    gmv_cents: int = 0


@dataclass
class SegmentRecap:
    index: int | None
    uid: str
    kind: str
    title: str
    product_sku: str | None
    planned_s: float
    extended_s: float
    scheduled_start: float | None
    scheduled_end: float | None
    actual_start: float | None = None
    actual_end: float | None = None
    actual_s: float | None = None
    runs: int = 0
    orders: int = 0
    gmv_cents: int = 0

    @property
    def overrun_s(self) -> float | None:
        return None if self.actual_s is None else self.actual_s - self.planned_s - self.extended_s


@dataclass
class ProductRecap:
    row: str
    sku: str
    name: str
    role: str = ""
    price: float = 0.0
    stock_start: int = 0
    stock_end: int = 0
    shelf_s: float = 0.0
    explained_s: float = 0.0
    orders_explained: int = 0
    gmv_explained_cents: int = 0
    orders: int = 0
    quantity: int = 0
    gmv_cents: int = 0
    buyers_explained: int = 0
    online_explained: float | None = None
    sold_out_at: float | None = None
    oversells: int = 0
    promo: str = ""

    @property
    def conversion(self) -> float | None:
        """Buyers while explained ÷ mean online then; None when never explained."""
        if not self.explained_s or not self.online_explained:
            return None
        return self.buyers_explained / self.online_explained


@dataclass(frozen=True)
class Gap:
    start: float
    end: float
    flagged: bool

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class PromoRecap:
    sku: str
    name: str
    promo: str
    count: int
    band: str


@dataclass(frozen=True)
class SlotRun:
    uid: str
    title: str
    started_at: float
    seconds: float


@dataclass(frozen=True)
class Problem:
    ts: float | None
    code: str
    subject: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentRecap:
    ref: str
    text: str
    opened_at: float
    closed_at: float | None

    @property
    def seconds(self) -> float | None:
        return None if self.closed_at is None else self.closed_at - self.opened_at


@dataclass
class Recap:
    state: ShowState
    started_at: float | None
    ended_at: float | None
    t0: float
    end: float
    kpis: Kpis
    segments: list[SegmentRecap]
    products: list[ProductRecap]
    minutes: list[MinuteRow]
    gaps: list[Gap]
    promos: list[PromoRecap]
    long_slots: list[SlotRun]
    problems: list[Problem]
    incidents: list[IncidentRecap]
    checklist_times: dict[str, float]
    event_count: int
    previous: Kpis | None = None
    previous_title: str = ""
    previous_id: int | None = None

    @property
    def planned_total_s(self) -> float:
        return self.state.plan.total_s()


class RecapFold:
    """Feed it the whole log in time order (`add`), then `finish()`.

    Holds per-minute buckets, per-product sums and the sets of distinct buyers and
    interacting users; never the events themselves.
    """

    def __init__(self, state: ShowState) -> None:
        self.state = state
        self.t0: float | None = state.timer.started_at
        self.last_ts: float | None = None
        self.count = 0
        self.buckets: dict[int, _Bucket] = {}
        self._b, self._b_from = _Bucket(), math.inf
        self._products = {sku: _new_product(state, sku) for sku in state.queue.order}
        self._unknown = ProductRecap(ROW_UNKNOWN, "", "")
        self._manual = ProductRecap(ROW_MANUAL, "", "")
        self._stock = {sku: p.stock_start for sku, p in self._products.items()}
        self._buyers: set[str] = set()
        self._anonymous_buyers = 0
        self._users: set[str] = set()
        self._anonymous_users = 0
        self._explained_buyers: dict[str, set[str]] = {}
        self._explaining: str | None = None
        self._explaining_since = 0.0
        self._online: float | None = None
        self._integrated_to = 0.0
        self._viewer_s: dict[str, float] = {}
        self._known_s: dict[str, float] = {}
        self._runs = sorted(state.timer.runs, key=lambda r: r.started_at)
        self._run_starts = [r.started_at for r in self._runs]
        self._run_i = 0
        self._segment_sales: dict[int, list[int]] = {}
        self.checklist_times: dict[str, float] = {}
        self._ended_at: float | None = state.timer.ended_at

    # -- streaming ---------------------------------------------------------
    def add(self, e: Event) -> None:
        if self.t0 is None:
            self.t0 = e.ts
        self.last_ts = e.ts
        self.count += 1
        handler = _HANDLERS.get(e.kind)
        if handler is not None:
            handler(self, e)

    def add_all(self, events: Iterable[Event]) -> RecapFold:
        for e in events:
            self.add(e)
        return self

    def bucket(self, ts: float) -> _Bucket:
        """The bucket of `ts`'s minute; the log comes in time order, so mostly the last one."""
        if self._b_from <= ts < self._b_from + 60.0:
            return self._b
        assert self.t0 is not None
        m = int((ts - self.t0) // 60)
        b = self.buckets.get(m)
        if b is None:
            b = self.buckets[m] = _Bucket()
        self._b, self._b_from = b, self.t0 + 60.0 * m
        return b

    def interactor(self, user: str | None) -> None:
        if user is None:
            self._anonymous_users += 1
        else:
            self._users.add(user)

    def integrate(self, ts: float) -> None:
        """Viewer-seconds of the product being explained, up to `ts`."""
        sku = self._explaining
        if sku is not None and self._online is not None and ts > self._integrated_to:
            dt = ts - max(self._integrated_to, self._explaining_since)
            if dt > 0:
                self._viewer_s[sku] = self._viewer_s.get(sku, 0.0) + self._online * dt
                self._known_s[sku] = self._known_s.get(sku, 0.0) + dt
        self._integrated_to = max(self._integrated_to, ts)

    def explain(self, sku: str | None, ts: float) -> None:
        self.integrate(ts)
        if self._explaining is not None:
            p = self._products.get(self._explaining)
            if p is not None:
                p.explained_s += max(0.0, ts - self._explaining_since)
        self._explaining = sku if sku in self._products else None
        self._explaining_since = ts

    def run_at(self, ts: float) -> int | None:
        """Index (in start order) of the segment run on air at `ts`."""
        runs = self._runs
        while self._run_i + 1 < len(runs) and runs[self._run_i + 1].started_at <= ts:
            self._run_i += 1
        if not runs:
            return None
        run = runs[self._run_i]
        end = run.ended_at if run.ended_at is not None else math.inf
        return self._run_i if run.started_at <= ts < end else None

    def order(self, e: Event) -> None:
        c = cents(e.value)
        b = self.bucket(e.ts)
        b.gmv_cents += c
        run = self.run_at(e.ts)
        if e.flag == ev.FLAG_MANUAL:  # a typed-in total: its orders, no buyer, not an oversell
            n = int((e.data or {}).get("orders", 0))
            b.orders += n
            _count(self._manual, n, 0, c, False)
            self._segment_sale(run, n, c)
            return
        b.orders += 1
        qty = int(e.qty or 1)
        sku = e.product
        product = self._products.get(sku or "")
        _count(product or self._unknown, 1, qty, c, bool(e.flag))
        self._segment_sale(run, 1, c)
        if e.user is None:
            self._anonymous_buyers += 1
        else:
            self._buyers.add(e.user)
        if product is not None and sku is not None:
            self._sold(product, sku, -qty, e.ts)
            if sku == self._explaining:
                product.orders_explained += 1
                product.gmv_explained_cents += c
                buyers = self._explained_buyers.setdefault(sku, set())
                buyers.add(e.user if e.user is not None else f"\0anonymous{product.orders}")

    def _segment_sale(self, run: int | None, orders: int, c: int) -> None:
        if run is not None:
            sale = self._segment_sales.setdefault(run, [0, 0])
            sale[0] += orders
            sale[1] += c

    def _sold(self, product: ProductRecap, sku: str, delta: int, ts: float) -> None:
        left = self._stock[sku] = self._stock[sku] + delta
        if left <= 0 and product.sold_out_at is None:
            product.sold_out_at = ts

    def stock_adjusted(self, e: Event) -> None:
        product = self._products.get(e.product or "")
        if product is not None and e.product is not None:
            self._sold(product, e.product, int(e.qty or 0), e.ts)

    # -- the result --------------------------------------------------------
    def finish(self) -> Recap:
        s = self.state
        t0 = self.t0 if self.t0 is not None else s.info.created_at
        end = self._ended_at or max(self.last_ts or t0, t0)
        self.explain(None, end)
        minutes = self._minute_rows(t0, end)
        products = self._product_rows(end)
        segments = self._segment_rows(t0, end)
        gaps = interaction_gaps(s, t0, end)
        incidents = [IncidentRecap(i.ref, i.text, i.opened_at, i.closed_at) for i in s.incidents.values()]
        kpis = self._kpis(minutes, products, len(incidents))
        recap = Recap(
            state=s, started_at=s.timer.started_at, ended_at=s.timer.ended_at, t0=t0, end=end,
            kpis=kpis, segments=segments, products=products, minutes=minutes, gaps=gaps,
            promos=promo_rows(s), long_slots=long_slots(s, end), problems=[], incidents=incidents,
            checklist_times=self.checklist_times, event_count=self.count,
        )
        recap.problems = find_problems(recap)
        return recap

    def _minute_rows(self, t0: float, end: float) -> list[MinuteRow]:
        last = max(int((end - t0) // 60), max(self.buckets, default=0))
        first = min(0, min(self.buckets, default=0))
        counter = any(b.entries_max >= 0 for b in self.buckets.values())
        starts = {int((r.started_at - t0) // 60) for r in self._runs}
        rows, online, seen = [], None, 0
        for m in range(first, last + 1):
            b = self.buckets.get(m) or _Bucket()
            if b.online_n:
                online = b.online_sum / b.online_n
            entries = b.joins
            if counter:
                entries, seen = max(0, b.entries_max - seen), max(seen, b.entries_max)
            rows.append(MinuteRow(
                m, t0 + 60 * m, online, b.online_max if b.online_n else None, entries, b.comments,
                b.likes, b.shares, b.follows, b.orders, b.gmv_cents, self._segment_in(t0 + 60 * m),
                m in starts,
            ))
        return rows

    def _segment_in(self, minute_start: float) -> str | None:
        """The segment on air in a minute: the latest one started by the minute's end,
        unless it had ended before the minute began."""
        i = bisect_left(self._run_starts, minute_start + 60.0) - 1
        if i < 0:
            return None
        run = self._runs[i]
        return None if run.ended_at is not None and run.ended_at <= minute_start else run.uid

    def _product_rows(self, end: float) -> list[ProductRecap]:
        q = self.state.queue
        for sku, p in self._products.items():
            p.stock_end = self._stock[sku]
            p.shelf_s = sum((b if b is not None else end) - a for a, b in q.shelf_times.get(sku, []))
            p.buyers_explained = len(self._explained_buyers.get(sku, ()))
            known = self._known_s.get(sku, 0.0)
            p.online_explained = self._viewer_s.get(sku, 0.0) / known if known else None
        rows = list(self._products.values())
        rows += [r for r in (self._unknown, self._manual) if r.orders or r.gmv_cents]
        return rows

    def _segment_rows(self, t0: float, end: float) -> list[SegmentRecap]:
        s = self.state
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
        for n, run in enumerate(self._runs):
            row = by_uid.get(run.uid)
            if row is None:  # the plan was edited after this segment ran
                row = by_uid[run.uid] = SegmentRecap(None, run.uid, "", run.uid, None, 0.0, 0.0, None, None)
                rows.append(row)
            _add_run(row, run, s, end)
            sale = self._segment_sales.get(n)
            if sale is not None:
                row.orders += sale[0]
                row.gmv_cents += sale[1]
        return rows

    def _kpis(self, minutes: list[MinuteRow], products: list[ProductRecap], incidents: int) -> Kpis:
        online = [r.online for r in minutes if r.online is not None]
        views = sum(r.entries for r in minutes)
        orders = sum(r.orders for r in minutes)
        gmv = sum(r.gmv_cents for r in minutes) / 100
        buyers = len(self._buyers) + self._anonymous_buyers
        users = len(self._users) + self._anonymous_users
        return Kpis(
            peak_online=max((r.online_peak for r in minutes if r.online_peak is not None), default=0.0),
            avg_online=sum(online) / len(online) if online else 0.0,
            views=views,
            dwell_s=sum(online) * 60 / views if views else 0.0,
            likes=sum(r.likes for r in minutes),
            comments=sum(r.comments for r in minutes),
            shares=sum(r.shares for r in minutes),
            interacting_users=users,
            interaction_rate=users / views if views else 0.0,
            follows=sum(r.follows for r in minutes),
            orders=orders,
            buyers=buyers,
            gmv=gmv,
            conversion=buyers / views if views else 0.0,
            avg_order_value=gmv / orders if orders else 0.0,
            oversells=sum(p.oversells for p in products),
            incidents=incidents,
        )


def _new_product(state: ShowState, sku: str) -> ProductRecap:
    p = state.queue.products[sku]
    return ProductRecap(ROW_PRODUCT, sku, p.name, p.role.value, p.price, p.stock, p.stock, promo=p.promo)


def _count(p: ProductRecap, orders: int, qty: int, c: int, flagged: bool) -> None:
    p.orders += orders
    p.quantity += qty
    p.gmv_cents += c
    if flagged:
        p.oversells += 1


def _add_run(row: SegmentRecap, run: SegmentRun, s: ShowState, end: float) -> None:
    run_end = run.ended_at if run.ended_at is not None else end
    row.runs += 1
    row.actual_start = run.started_at if row.actual_start is None else row.actual_start
    row.actual_end = run_end
    row.actual_s = (row.actual_s or 0.0) + segment_elapsed(s.timer, run, end)


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
        if p.row == ROW_PRODUCT and p.sold_out_at is not None:
            out.append(Problem(p.sold_out_at, P_SOLD_OUT, p.name, {}))
        conv = p.conversion
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


def _viewers(f: RecapFold, e: Event) -> None:
    b = f.bucket(e.ts)
    online = float(e.value or 0.0)
    b.online_sum += online
    b.online_n += 1
    b.online_max = max(b.online_max, online)
    if e.qty is not None and e.qty > b.entries_max:
        b.entries_max = int(e.qty)
    f.integrate(e.ts)
    f._online = online


def _comment(f: RecapFold, e: Event) -> None:
    f.bucket(e.ts).comments += 1
    f.interactor(e.user)


def _like(f: RecapFold, e: Event) -> None:
    f.bucket(e.ts).likes += int(e.qty or 1)
    f.interactor(e.user)


def _share(f: RecapFold, e: Event) -> None:
    f.bucket(e.ts).shares += 1
    f.interactor(e.user)


def _follow(f: RecapFold, e: Event) -> None:
    f.bucket(e.ts).follows += 1
    f.interactor(e.user)


def _gift(f: RecapFold, e: Event) -> None:
    f.interactor(e.user)


def _join(f: RecapFold, e: Event) -> None:
    f.bucket(e.ts).joins += 1


def _explaining(f: RecapFold, e: Event) -> None:
    f.explain(e.product, e.ts)


def _off_shelf(f: RecapFold, e: Event) -> None:
    if e.product is not None and e.product == f._explaining:
        f.explain(None, e.ts)


def _ended(f: RecapFold, e: Event) -> None:
    f.explain(None, e.ts)


def _checklist(f: RecapFold, e: Event) -> None:
    f.checklist_times[e.ref or ""] = e.ts


_HANDLERS = {
    ev.VIEWERS: _viewers,
    ev.COMMENT: _comment,
    ev.LIKE: _like,
    ev.SHARE: _share,
    ev.FOLLOW: _follow,
    ev.GIFT: _gift,
    ev.JOIN: _join,
    ev.ORDER: RecapFold.order,
    ev.EXPLAINING_STARTED: _explaining,
    ev.PRODUCT_OFF_SHELF: _off_shelf,
    ev.SHOW_ENDED: _ended,
    ev.STOCK_ADJUSTED: RecapFold.stock_adjusted,
    ev.CHECKLIST_TICKED: _checklist,
}


def recap_of(state: ShowState, events: Iterable[Event]) -> Recap:
    """The whole recap of a show from its replayed state and its streamed log."""
    return RecapFold(state).add_all(events).finish()
