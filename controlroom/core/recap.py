"""Recap (复盘) figures: a pure fold over a show's whole log, for the post-show workbook.

The replayed ShowState gives what the log says about operator actions (segment runs,
interactions, promo counts, shelf spans, incidents); the events, streamed once in time
order through `RecapFold.add`, give every per-minute, per-product and per-segment
figure. Money is summed in integer cents so GMV is the same on every sheet.

The show's figures stop at its end (core/show_span.py): an event stamped after the
show_ended event is counted apart (`Recap.after_end`), never in a show figure, so the
Summary, Products, Minute-by-minute and Events sheets agree to the cent.
Every figure is defined once, in docs/recap.md.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import Metrics, MinuteBucket
from controlroom.core.money import cents
from controlroom.core.queue import sold_out_since
from controlroom.core.recap_after_end import AfterEndFold
from controlroom.core.recap_figures import (
    ROW_MANUAL,
    ROW_PRODUCT,
    ROW_UNKNOWN,
    IncidentRecap,
    MinuteRow,
    ProductRecap,
    Recap,
    summary_kpis,
)
from controlroom.core.recap_findings import find_problems, interaction_gaps, long_slots, promo_rows, timeline_rows
from controlroom.core.recap_review import review_of
from controlroom.core.recap_slots import SLOT_KINDS, SlotFold
from controlroom.core.recap_sources import SourceFold
from controlroom.core.show import ShowState
from controlroom.core.show_span import EndWatch
from controlroom.core.stream_health import degraded_seconds


class RecapFold:
    """Feed it the whole log in time order (`add`), then `finish()`.

    Holds per-minute buckets, per-product sums and the sets of distinct buyers and
    interacting users; never the events themselves. Events after the show's end go to
    `AfterEndFold` instead.
    """

    def __init__(self, state: ShowState) -> None:
        self.state = state
        self.t0: float | None = state.timer.started_at
        self.last_ts: float | None = None
        self.count = 0
        # The feed's per-minute figures come from the live fold itself, in minutes of the show.
        self.metrics = Metrics(origin=self.t0 or 0.0)
        self._counter_top = -1  # the highest entries counter seen; -1: views are join events
        self._products = {sku: _new_product(state, sku) for sku in state.queue.order}
        self._unknown = ProductRecap(ROW_UNKNOWN, "", "")
        self._manual = ProductRecap(ROW_MANUAL, "", "")
        self._stock = {sku: p.stock_start for sku, p in self._products.items()}
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
        self.slots = SlotFold(state, self._runs)  # per run, per SKU, money per view (core/recap_slots.py)
        self.checklist_times: dict[str, float] = {}
        self._end = EndWatch()
        self._after = AfterEndFold()
        self.sources = SourceFold(self.metrics)  # provenance, no-data minutes, reconciliation (core/recap_review.py)

    # -- streaming ---------------------------------------------------------
    def add(self, e: Event) -> bool:
        """Fold the next event of the log; True when it came after the show's end."""
        if self.t0 is None:
            self.t0 = self.metrics.origin = e.ts
        self.count += 1
        if self._end.after_end(e):
            self._after.add(e)
            return True
        self.last_ts = e.ts
        if e.id in self.state.undone:  # an undone action did not happen
            return False
        handler = _HANDLERS.get(e.kind)
        if handler is not None:
            handler(self, e)
            self.sources.add(e, self.t0)
        if e.kind in SLOT_KINDS:
            self.slots.add(e, self._explaining)
        return False

    def add_all(self, events: Iterable[Event]) -> RecapFold:
        for e in events:
            self.add(e)
        return self

    @property
    def buckets(self) -> dict[int, MinuteBucket]:
        return self.metrics.buckets

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
        self.metrics.apply(e)
        run = self.run_at(e.ts)
        if e.flag == ev.FLAG_MANUAL:  # a typed-in total: its orders, no buyer, not an oversell
            n = int((e.data or {}).get("orders", 0))
            _count(self._manual, n, 0, c, False)
            self._segment_sale(run, n, c)
            return
        qty = int(e.qty or 1)
        sku = e.product
        product = self._products.get(sku or "")
        _count(product or self._unknown, 1, qty, c, bool(e.flag))
        self._segment_sale(run, 1, c)
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
        was = product.sold_out_at
        product.sold_out_at = sold_out_since(was, left, ts)
        if was is None and product.sold_out_at is not None:
            product.sold_out_times.append(ts)

    def stock_adjusted(self, e: Event) -> None:
        product = self._products.get(e.product or "")
        if product is not None and e.product is not None:
            self._sold(product, e.product, int(e.qty or 0), e.ts)

    # -- the result --------------------------------------------------------
    def finish(self) -> Recap:
        s = self.state
        t0 = self.t0 if self.t0 is not None else s.info.created_at
        ended = self._end.ended_at
        end = ended if ended is not None else max(self.last_ts or t0, t0)
        self.explain(None, end)
        minutes = self._minute_rows(t0, end)
        products = self._product_rows(end)
        segments = timeline_rows(s, self._runs, self._segment_sales, end)
        gaps = interaction_gaps(s, t0, end)
        incidents = [IncidentRecap(i.ref, i.text, i.opened_at, i.closed_at) for i in s.incidents.values()]
        kpis = summary_kpis(minutes, products, self.metrics.buyer_count(), self.metrics.interacting_users(),
                            len(incidents))
        kpis.degraded_stream_s = degraded_seconds(((i.ref, i.opened_at, i.closed_at) for i in incidents), end,
                                                 start=t0)
        recap = Recap(
            state=s, started_at=s.timer.started_at, ended_at=ended, t0=t0, end=end,
            kpis=kpis, segments=segments, products=products, minutes=minutes, gaps=gaps,
            promos=promo_rows(s), long_slots=long_slots(s, end), problems=[], incidents=incidents,
            checklist_times=self.checklist_times, event_count=self.count,
            after_end=self._after.finish(self._show_counter()),
        )
        recap.problems = find_problems(recap)
        recap.slots = self.slots.finish(self._segment_sales, products, kpis, gaps, t0, end)
        recap.review = review_of(recap, self.sources)
        kpis.incident_s = recap.review.incidents.incident_s
        return recap

    def _minute_rows(self, t0: float, end: float) -> list[MinuteRow]:
        last = max(int((end - t0) // 60), max(self.buckets, default=0))
        first = min(0, min(self.buckets, default=0))
        counter = self._show_counter() is not None
        starts = {int((r.started_at - t0) // 60) for r in self._runs}
        rows, online, seen = [], None, 0
        for m in range(first, last + 1):
            b = self.buckets.get(m) or MinuteBucket()
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

    def _show_counter(self) -> int | None:
        """The show's highest entries counter; None when its views are join events."""
        return self._counter_top if self._counter_top >= 0 else None

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
            p.shelf_s = sum(max(0.0, min(end, b if b is not None else end) - a) for a, b in q.shelf_times.get(sku, []))
            p.buyers_explained = len(self._explained_buyers.get(sku, ()))
            known = self._known_s.get(sku, 0.0)
            p.online_explained = self._viewer_s.get(sku, 0.0) / known if known else None
        rows = list(self._products.values())
        rows += [r for r in (self._unknown, self._manual) if r.orders or r.gmv_cents]
        return rows

def _new_product(state: ShowState, sku: str) -> ProductRecap:
    p = state.queue.products[sku]
    return ProductRecap(ROW_PRODUCT, sku, p.name, p.role.value, p.price, p.stock, p.stock, promo=p.promo)


def _count(p: ProductRecap, orders: int, qty: int, c: int, flagged: bool) -> None:
    p.orders += orders
    p.quantity += qty
    p.gmv_cents += c
    if flagged:
        p.oversells += 1


def _viewers(f: RecapFold, e: Event) -> None:
    f.metrics.apply(e)
    if e.qty is not None:
        f._counter_top = max(f._counter_top, int(e.qty))
    f.integrate(e.ts)
    f._online = float(e.value or 0.0)


def _feed(f: RecapFold, e: Event) -> None:
    f.metrics.apply(e)


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
    ev.COMMENT: _feed,
    ev.LIKE: _feed,
    ev.SHARE: _feed,
    ev.FOLLOW: _feed,
    ev.GIFT: _feed,
    ev.JOIN: _feed,
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
