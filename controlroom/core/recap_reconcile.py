"""Reconciliation: the show's live counts against a platform export imported after it.

The import (core/platform_rows.py) writes only what the log did not hold: order ids the
live feed caught and minutes with live figures are skipped, never written twice. So in a
minute the platform's orders and GMV are the live ones plus what the import added, and
their difference is what the live feed missed; the platform's online is its own samples'
mean, set against the live samples' where both exist. Definitions in docs/recap.md
("Reconciliation"); the tolerances are below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from controlroom.core.metrics import MinuteBucket
from controlroom.core.recap_sources import SOURCE_LIVE, SOURCE_MANUAL, SOURCE_PLATFORM, SourceFold

# A difference is flagged beyond max(floor, percent of the larger of the two figures).
ORDERS_TOLERANCE = (0, 2.0)  # any missed order, unless within 2 %
GMV_TOLERANCE_CENTS = (100, 2.0)  # ¥1.00 or 2 %
ONLINE_TOLERANCE = (1.0, 5.0)  # platforms sample online at other moments than the feed

DIFF_ORDERS = "orders"
DIFF_GMV = "gmv"
DIFF_ONLINE = "online"
DIFF_NO_LIVE_ONLINE = "no_live_online"  # the platform has an online figure, the live feed none


@dataclass(frozen=True)
class ReconcileRow:
    minute: int
    start: float
    live_orders: int
    live_gmv_cents: int
    live_online: float | None
    platform_orders: int
    platform_gmv_cents: int
    platform_online: float | None
    differences: tuple[str, ...] = ()

    @property
    def orders_diff(self) -> int:
        return self.platform_orders - self.live_orders

    @property
    def gmv_diff_cents(self) -> int:
        return self.platform_gmv_cents - self.live_gmv_cents


@dataclass
class Reconciliation:
    imported: bool = False  # False: no platform import, nothing to reconcile
    rows: list[ReconcileRow] = field(default_factory=list)  # minutes the platform has figures for
    live_orders: int = 0
    live_gmv_cents: int = 0
    platform_orders: int = 0
    platform_gmv_cents: int = 0
    total_differences: tuple[str, ...] = ()

    @property
    def flagged(self) -> list[ReconcileRow]:
        return [r for r in self.rows if r.differences]


def beyond(a: float, b: float, tolerance: tuple[float, float]) -> bool:
    floor, percent = tolerance
    return abs(a - b) > max(floor, percent / 100 * max(abs(a), abs(b)))


def reconcile(sources: SourceFold, t0: float, show_minutes: set[int] | None = None) -> Reconciliation:
    """Per minute the platform has figures for (of the show's minutes, when given), and in total."""
    platform = sources.buckets(SOURCE_PLATFORM)
    out = Reconciliation(imported=bool(platform))
    live = _merged(sources.buckets(SOURCE_LIVE), sources.buckets(SOURCE_MANUAL))
    out.live_orders = sum(b.orders for b in live.values())
    out.live_gmv_cents = sum(b.gmv_cents for b in live.values())
    if not out.imported:
        return out
    for m in sorted(platform):
        if show_minutes is not None and m not in show_minutes:
            continue
        out.rows.append(_row(m, t0, live.get(m) or MinuteBucket(), platform[m]))
    added_orders = sum(b.orders for b in platform.values())
    added_cents = sum(b.gmv_cents for b in platform.values())
    out.platform_orders = out.live_orders + added_orders
    out.platform_gmv_cents = out.live_gmv_cents + added_cents
    out.total_differences = _money_differences(out.live_orders, out.platform_orders, out.live_gmv_cents,
                                               out.platform_gmv_cents)
    return out


def _row(m: int, t0: float, live: MinuteBucket, added: MinuteBucket) -> ReconcileRow:
    p_orders, p_cents = live.orders + added.orders, live.gmv_cents + added.gmv_cents
    live_online = live.online_mean if live.online_n else None
    platform_online = added.online_mean if added.online_n else None
    diffs = list(_money_differences(live.orders, p_orders, live.gmv_cents, p_cents))
    if platform_online is not None:
        if live_online is None:
            diffs.append(DIFF_NO_LIVE_ONLINE)
        elif beyond(live_online, platform_online, ONLINE_TOLERANCE):
            diffs.append(DIFF_ONLINE)
    return ReconcileRow(m, t0 + 60 * m, live.orders, live.gmv_cents, live_online, p_orders, p_cents,
                        platform_online, tuple(diffs))


def _money_differences(live_orders: int, platform_orders: int, live_cents: int, platform_cents: int) -> tuple[str, ...]:
    out = []
    if beyond(live_orders, platform_orders, ORDERS_TOLERANCE):
        out.append(DIFF_ORDERS)
    if beyond(live_cents, platform_cents, GMV_TOLERANCE_CENTS):
        out.append(DIFF_GMV)
    return tuple(out)


def _merged(*parts: dict[int, MinuteBucket]) -> dict[int, MinuteBucket]:
    """The live feed's and the manual entries' minutes together (orders, GMV, online samples)."""
    out: dict[int, MinuteBucket] = {}
    for buckets in parts:
        for m, b in buckets.items():
            t = out.setdefault(m, MinuteBucket())
            t.orders += b.orders
            t.gmv_cents += b.gmv_cents
            t.online_sum += b.online_sum
            t.online_n += b.online_n
    return out
