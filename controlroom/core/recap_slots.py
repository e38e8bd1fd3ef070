"""The per-slot recap (one row per run of a segment), interactions planned vs held, and the
fold that streams the log for them and for the per-SKU figures (core/recap_skus.py).

`SlotFold` rides along `RecapFold` (core/recap.py): it gets each event of the show (none
after its end, none undone) with the product being explained then, and keeps per run and
per product only sums and the sets of distinct joiners. Definitions: docs/recap.md
"Money per view, slots, interactions, SKUs".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.money import cents
from controlroom.core.pacing import SegmentRun, segment_elapsed
from controlroom.core.plan import SegmentKind
from controlroom.core.recap_figures import ROW_PRODUCT
from controlroom.core.recap_money import Audience, AudienceWatch, Basis, MoneyPerView, gpm, money_per_view, uv_value
from controlroom.core.recap_skus import SkuRecap, StartStock, sku_rows
from controlroom.core.show import ShowState

if TYPE_CHECKING:
    from controlroom.core.recap_figures import Gap, Kpis, ProductRecap

# What SlotFold.add reads (besides the product being explained, which RecapFold knows).
SLOT_KINDS = frozenset({ev.VIEWERS, ev.JOIN, ev.ORDER, ev.SHOW_STARTED, ev.STOCK_ADJUSTED,
                        ev.PRODUCT_ADDED, ev.PRODUCT_UPDATED})


@dataclass
class Sales:
    orders: int = 0
    gmv_cents: int = 0

    def add(self, orders: int, c: int) -> None:
        self.orders += orders
        self.gmv_cents += c


@dataclass
class SlotRecap:
    """One run of a segment. Targets (a segment's `gmv_target`/`orders_target`) are the
    segment's: a sheet reads them from `uid` in the plan, next to `sales`."""

    run: int  # 1, 2, … in start order
    index: int | None  # the segment's place in the plan; None when removed from it since
    uid: str
    kind: str
    title: str
    product_sku: str | None
    planned_s: float
    extended_s: float
    scheduled_start: float | None
    actual_start: float
    actual_end: float
    actual_s: float
    ahead_s: float | None  # the show's ahead(+)/behind(−) at the end of this run
    sales: Sales
    money: MoneyPerView
    product_sales: Sales | None  # the slot's product while the run was on air; None: no product
    tail: Sales | None  # the slot's product in the tail after the run; None: no product or no tail
    tail_s: float = 0.0  # how long the tail was (cut by the product's next run or the show's end)

    @property
    def overrun_s(self) -> float:
        return self.actual_s - self.planned_s - self.extended_s


@dataclass(frozen=True)
class InteractionRecap:
    planned: int  # interaction segments in the plan
    segment_runs: int  # runs of interaction segments
    marked: int  # interactions marked by the operator
    longest: Gap | None  # the longest stretch without one, from the start to the end

    @property
    def held(self) -> int:
        return self.segment_runs + self.marked


@dataclass
class SlotFigures:
    """What the per-slot and per-SKU sheets show, and the Summary's GPM and UV value."""

    basis: Basis
    slots: list[SlotRecap]
    outside: Sales  # orders stamped while no segment was on air (before, between, after)
    interactions: InteractionRecap
    skus: list[SkuRecap] = field(default_factory=list)
    tail_minutes: float = 0.0


@dataclass
class _Tail:
    start: float
    end: float
    run: int
    closed: bool = False  # cut at the show's end: an order stamped at the end is the show's, so in it
    sales: Sales = field(default_factory=Sales)

    def holds(self, ts: float) -> bool:
        return self.start <= ts < self.end or (self.closed and ts == self.end)


class SlotFold:
    """Per run: audience, the slot product's sales, its tail; per product: audience while explained."""

    def __init__(self, state: ShowState, runs: list[SegmentRun]) -> None:
        self.state = state
        self.runs = runs
        self._starts = [r.started_at for r in runs]
        segs = {seg.uid: seg for seg in state.plan.segments}
        self._sku_of = [segs[r.uid].product_sku if r.uid in segs else None for r in runs]
        self.audience = AudienceWatch()
        self._run_audience = [Audience() for _ in runs]
        self._explained_audience: dict[str, Audience] = {}
        self._product_sales = [Sales() for _ in runs]
        self._tails = _tails(runs, self._sku_of, state.settings.recap_tail_minutes * 60, state.timer.ended_at)
        self.stock = StartStock(state)

    def run_at(self, ts: float) -> int | None:
        """The run on air at `ts` (the same rule as RecapFold.run_at)."""
        i = bisect_right(self._starts, ts) - 1
        if i < 0:
            return None
        end = self.runs[i].ended_at
        return i if end is None or ts < end else None

    def add(self, e: Event, explaining: str | None) -> None:
        k = e.kind
        if k == ev.VIEWERS:
            if e.qty is not None:
                self.audience.counter(int(e.qty), self._spans(e.ts, explaining))
        elif k == ev.JOIN:
            self.audience.join(e.user, self._spans(e.ts, explaining))
        elif k == ev.ORDER:
            self._order(e)
        else:
            self.stock.add(e)

    def _spans(self, ts: float, explaining: str | None) -> tuple[Audience | None, ...]:
        run = self.run_at(ts)
        product = None
        if explaining is not None:
            product = self._explained_audience.setdefault(explaining, Audience())
        return (None if run is None else self._run_audience[run], product)

    def _order(self, e: Event) -> None:
        sku = e.product
        if e.flag == ev.FLAG_MANUAL or not sku:  # a typed-in total belongs to no product here
            return
        c = cents(e.value)
        run = self.run_at(e.ts)
        if run is not None and self._sku_of[run] == sku:
            self._product_sales[run].add(1, c)
        for tail in self._tails.get(sku, ()):
            if tail.holds(e.ts):
                tail.sales.add(1, c)

    def finish(self, segment_sales: dict[int, list[int]], products: list[ProductRecap], kpis: Kpis,
               gaps: list[Gap], t0: float, end: float) -> SlotFigures:
        """The figures; also sets the Summary's GPM and UV value (`kpis`) and each product's
        stock at the start (the Products sheet's too)."""
        basis = self.audience.basis
        gmv_cents = sum(p.gmv_cents for p in products)  # = the Summary's GMV (its minutes), in cents
        self._show_money(kpis, gmv_cents, basis)
        start = self.stock.at_start()
        for p in products:
            p.stock_start = start.get(p.sku, p.stock_start) if p.row == ROW_PRODUCT else p.stock_start
        slots = self._slot_rows(segment_sales, basis, t0, end)
        outside = Sales(kpis.orders - sum(s.sales.orders for s in slots),
                        gmv_cents - sum(s.sales.gmv_cents for s in slots))
        skus = sku_rows(products, self._explained_audience, basis, t0)
        return SlotFigures(basis, slots, outside, self._interactions(gaps), skus,
                           self.state.settings.recap_tail_minutes)

    def _show_money(self, kpis: Kpis, gmv_cents: int, basis: Basis) -> None:
        """GPM over the show's cumulative views; UV value over its unique viewers, or per entry."""
        people = self.audience.show.viewers if basis.viewers_known else kpis.views
        kpis.gpm = gpm(gmv_cents, kpis.views) or 0.0
        kpis.uv_value = uv_value(gmv_cents, people) or 0.0
        kpis.uv_per_entry = not basis.viewers_known

    def _slot_rows(self, segment_sales: dict[int, list[int]], basis: Basis, t0: float, end: float) -> list[SlotRecap]:
        s = self.state
        plan = {seg.uid: (i, seg, offset) for i, (seg, offset) in
                enumerate(zip(s.plan.segments, s.plan.offsets(), strict=True))}
        tails = {t.run: t for ts in self._tails.values() for t in ts}
        rows = []
        for n, run in enumerate(self.runs):
            index, seg, offset = plan.get(run.uid, (None, None, 0.0))
            run_end = run.ended_at if run.ended_at is not None else end
            o, c = segment_sales.get(n, (0, 0))
            tail = tails.get(n)
            sku = self._sku_of[n]
            rows.append(SlotRecap(
                n + 1, index, run.uid, seg.kind.value if seg else "", seg.title if seg else run.uid, sku,
                seg.planned_s if seg else 0.0, s.timer.extensions.get(run.uid, 0.0),
                None if seg is None else t0 + offset, run.started_at, run_end,
                segment_elapsed(s.timer, run, end),
                None if seg is None else offset + seg.planned_s - (run_end - t0),
                Sales(o, c), money_per_view(c, self._run_audience[n], basis),
                self._product_sales[n] if sku else None,
                tail.sales if tail is not None else None, tail.end - tail.start if tail is not None else 0.0,
            ))
        return rows

    def _interactions(self, gaps: list[Gap]) -> InteractionRecap:
        s = self.state
        kinds = {seg.uid: seg.kind for seg in s.plan.segments}
        planned = sum(1 for seg in s.plan.segments if seg.kind == SegmentKind.INTERACTION)
        runs = sum(1 for r in self.runs if kinds.get(r.uid) == SegmentKind.INTERACTION)
        longest = max(gaps, key=lambda g: g.seconds, default=None)
        return InteractionRecap(planned, runs, len(s.timer.interactions), longest)


def _tails(runs: list[SegmentRun], skus: list[str | None], length_s: float,
           show_end: float | None) -> dict[str, list[_Tail]]:
    """Each ended product run's tail: from its end, `length_s` long, cut at the next run of
    the same product (whose sales are its own) and at the show's end. Runs in start order."""
    out: dict[str, list[_Tail]] = {}
    for n, (run, sku) in enumerate(zip(runs, skus, strict=True)):
        if sku is None or run.ended_at is None or length_s <= 0:
            continue
        end = run.ended_at + length_s
        later = [r.started_at for r, s in zip(runs[n + 1:], skus[n + 1:], strict=True) if s == sku]
        if later:
            end = min(end, later[0])
        closed = show_end is not None and show_end <= end
        if show_end is not None and closed:
            end = show_end
        if end > run.ended_at:
            out.setdefault(sku, []).append(_Tail(run.ended_at, end, n, closed))
    return out
