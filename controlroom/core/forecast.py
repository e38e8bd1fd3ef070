"""The sell-out forecast: each product's current order rate (units per second) from the
orders in the log, and when its stock left runs out at that rate (docs/window.md, "Sell-out forecast").

The rate, for one product at `now` (every figure below is a constant of this module):

- **Window.** The units of the orders stamped in the last `length` seconds, over `length`.
  `length` is at least FAST_WINDOW_S (60 s) and stretches back just far enough to hold
  MIN_ORDERS (5) orders, up to SLOW_WINDOW_S (300 s): a product selling 5 or more orders a
  minute is measured over the last minute alone, so a real change of pace shows within
  that minute, and orders that come in bunches of a few seconds (the host's "3, 2, 1, 上链接")
  are averaged over it; a slow product is measured over the time its last orders took, so
  its rate rests on several orders instead of jumping between one and none. When the window
  is stretched to the 5th-newest order, that order sits on its edge and is left out (4 gaps
  after it, not 5), which keeps the stretched rate unbiased. A slowdown shows at once too:
  with fewer new orders the window must reach further back and the rate falls with it.
  The units are the window's orders × the mean (capped) units of its last MEDIAN_ORDERS (50)
  orders: exactly their sum up to 50 orders a window, and a bounded cost in a flash sale of
  100 orders a second.
- **One big order is capped.** Each order counts at most CAP_TIMES_MEDIAN (3) × the median
  units per order of the product's last MEDIAN_ORDERS (50) orders of the last 300 s, with
  one-unit orders added while there are fewer than PRIOR_ORDERS (5) (live-selling orders are
  mostly one or two units): one buyer taking 50
  counts as 3, while a room where every order is 10 units moves the median to 10 after a
  few orders. The big order's units still leave the stock, so the forecast shortens by
  what was really taken, not by a pace that is not there.
- **No rate** (None) when the product has no order in the last 300 s.

Sell-out time = stock left ÷ rate, for a product on shelf: 0 when sold out (stock ≤ 0), None
without a rate. Orders flagged "unknown product" or "manual" (a typed-in or imported total,
core/manual.py) carry no pace of a product and are left out; orders off shelf, sold out or
oversold still are demand and count.

Live == replay: the estimator reads, per SKU, the orders stamped at most KEEP_S before the
newest order of that SKU it has seen, sorted by (ts, units). That set depends only on which
orders were folded, not on the order they came in (late and out-of-order orders included),
and every figure is computed from it alone at `now`, in its sorted order (integer sums), so
the live fold and a replay of the log give the same forecast. Memory is bounded by KEEP_S (20 min) of each
product's orders (older ones are dropped in batches of PRUNE_BATCH): a 6-hour show of
100,000 orders keeps a few thousand. Cost at `now`: a few bisections and two passes over at
most 50 orders, whatever the rate. An order stamped more
than KEEP_S − SLOW_WINDOW_S (15 min) ahead of the product's others would push older ones
out early; the intake refuses feed that far ahead (setting feed_ahead_minutes, 5 by default).
"""

from __future__ import annotations

import math
from bisect import bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, field

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.queue import QueueState

FAST_WINDOW_S = 60.0
SLOW_WINDOW_S = 300.0
MIN_ORDERS = 5
CAP_TIMES_MEDIAN = 3
PRIOR_ORDERS = 5
MEDIAN_ORDERS = 50
KEEP_S = SLOW_WINDOW_S + 15 * 60
PRUNE_BATCH = 64
_AFTER = math.inf  # sorts after every units figure at the same ts: bisect up to and including a time

Forecast = dict[str, float | None]  # SKU → seconds until sold out (0: sold out; None: no rate)


@dataclass
class OrderRates:
    """The recent orders of each product, as (ts, units) sorted, for `rate`."""

    orders: dict[str, list[tuple[float, int]]] = field(default_factory=dict)

    def add(self, e: Event) -> None:
        """Fold one order (any other event is ignored)."""
        if e.kind != ev.ORDER or not e.product or e.flag in (ev.FLAG_UNKNOWN_PRODUCT, ev.FLAG_MANUAL):
            return
        kept = self.orders.setdefault(e.product, [])
        insort(kept, (e.ts, max(1, int(e.qty or 1))))
        too_old = _first_kept(kept)
        # Dropped in batches (a front deletion moves the whole list); `rate` never reads them.
        if too_old >= PRUNE_BATCH or too_old * 4 >= len(kept):
            del kept[:too_old]

    def rate(self, sku: str, now: float) -> float | None:
        """Units per second at `now` (the module's docstring), or None without a recent order."""
        kept = self.orders.get(sku)
        if not kept:
            return None
        start = max(_first_kept(kept), bisect_right(kept, (now - SLOW_WINDOW_S, _AFTER)))
        end = bisect_right(kept, (now, _AFTER))
        if start >= end:
            return None
        cap = unit_cap(q for _, q in kept[max(start, end - MEDIAN_ORDERS):end])
        length, first = self._window(kept, start, end, now)
        sample = kept[max(first, end - MEDIAN_ORDERS):end]  # the window's last 50 orders (all, up to 50)
        units = (end - first) * sum(min(q, cap) for _, q in sample) / len(sample)
        return units / length

    @staticmethod
    def _window(kept: list[tuple[float, int]], start: int, end: int, now: float) -> tuple[float, int]:
        """The window's length in seconds and the index of its first order (kept[start:end]
        are the orders of the last SLOW_WINDOW_S)."""
        if end - start < MIN_ORDERS:
            return SLOW_WINDOW_S, start
        reach = now - kept[end - MIN_ORDERS][0]
        if reach <= FAST_WINDOW_S:
            return FAST_WINDOW_S, bisect_right(kept, (now - FAST_WINDOW_S, _AFTER), start, end)
        return reach, end - MIN_ORDERS + 1  # the MIN_ORDERS-th newest is on the edge: left out


def _first_kept(kept: list[tuple[float, int]]) -> int:
    """The index of the oldest order stamped at most KEEP_S before the newest: the set from
    there on depends only on which orders were folded, not on the order they came in."""
    return bisect_right(kept, (kept[-1][0] - KEEP_S, -_AFTER))


def unit_cap(units: Iterable[int]) -> int:
    """The most units one order counts for: CAP_TIMES_MEDIAN × the median order, one-unit
    orders added up to PRIOR_ORDERS (a first big order is not its own yardstick)."""
    sizes = sorted(units)
    sizes = [1] * max(0, PRIOR_ORDERS - len(sizes)) + sizes
    mid = len(sizes) // 2
    median = sizes[mid] if len(sizes) % 2 else (sizes[mid - 1] + sizes[mid]) / 2
    return max(1, math.ceil(CAP_TIMES_MEDIAN * median))


def sellout_seconds(stock_left: int, rate: float | None) -> float | None:
    """Seconds until `stock_left` reaches 0 at `rate`: 0 when sold out, None without a rate."""
    if stock_left <= 0:
        return 0.0
    if not rate:
        return None
    return stock_left / rate


def forecast(rates: OrderRates, q: QueueState, now: float) -> Forecast:
    """Every product on shelf, in queue order → its sell-out time at `now`."""
    return {sku: sellout_seconds(q.stock(sku), rates.rate(sku, now)) for sku in q.order if sku in q.on_shelf}


def whole_seconds(seconds: float | None) -> int | None:
    """A sell-out time in whole seconds (`status`): a product not yet sold out never shows 0."""
    if seconds is None:
        return None
    return max(1, round(seconds)) if seconds > 0 else 0


def about_minutes(seconds: float) -> int:
    """A sell-out time as the window says it, "about N min": whole minutes, at least 1."""
    return max(1, round(seconds / 60))
