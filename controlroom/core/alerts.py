"""Alert rules: what the controller must see now, derived from the state at `now`."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from controlroom.core import baseline as bl  # a module: its figure names are no alert codes here
from controlroom.core.baseline import Baseline
from controlroom.core.forecast import about_minutes
from controlroom.core.metrics import Metrics, minute_of
from controlroom.core.pacing import PacingState, Phase, ShowStatus
from controlroom.core.plan import SegmentKind
from controlroom.core.queue import QueueState
from controlroom.core.settings import ShowSettings

SLOT_OVERRUN = "slot_overrun"
INTERACTION_DUE = "interaction_due"
INTERACTION_OVERDUE = "interaction_overdue"
FINAL_PUSH = "final_push"
LOW_STOCK = "low_stock"
SOLD_OUT = "sold_out"
OVERSELL = "oversell"
VIEWER_DROP = "viewer_drop"
NEGATIVE_SPIKE = "negative_spike"
ON_AIR_OFF_SHELF = "on_air_off_shelf"
# -- baseline (issue 13): the room runs well below its usual (core/baseline.py) --
BELOW_USUAL_ONLINE = "below_usual_online"
BELOW_USUAL_GMV = "below_usual_gmv"
# -- sell-out forecast (issue 13) --
SELLOUT_SOON = "sellout_soon"


@dataclass(frozen=True)
class Alert:
    """`message` is English for logs and the CLI; a window words the alert from `code`
    and `params` (placeholders a, b, c) in its own language."""

    code: str
    severity: str  # "info" | "warning" | "critical"
    message: str
    subject: str = ""
    params: dict[str, str] = field(default_factory=dict)


def active_alerts(
    p: PacingState, q: QueueState, m: Metrics, s: ShowSettings, now: float, planned: Collection[str] = (),
    baseline: Baseline | None = None,
    sellout: Mapping[str, float | None] | None = None,
) -> list[Alert]:
    """`planned`: the SKUs the plan's segments sell (stock alerts only for products in play);
    `baseline`: the room's usual (None: not known yet); `sellout`: the sell-out forecast
    (core/forecast.py), SKU → seconds."""
    if p.status not in (ShowStatus.RUNNING, ShowStatus.PAUSED):
        return _stock_alerts(q, s, planned)
    out: list[Alert] = []
    out += _pacing_alerts(p)
    out += _on_air_alerts(p, q)
    out += _stock_alerts(q, s, planned)
    out += _sellout_alerts(q, s, planned, sellout or {})
    out += _audience_alerts(m, s, now)
    out += below_usual_alerts(baseline, m, s, now, now - p.show_elapsed_s)
    return out


def _pacing_alerts(p: PacingState) -> list[Alert]:
    out = []
    if p.phase == Phase.OVERRUN and p.segment is not None:
        over = int(-p.remaining_s)
        by = f"{over // 60}:{over % 60:02d}"
        out.append(Alert(SLOT_OVERRUN, "critical", f"{p.segment.title} over by {by}", p.segment.uid,
                         {"a": p.segment.title, "b": by}))
    minutes = str(int(p.since_interaction_s // 60))
    if p.interaction_overdue:
        out.append(Alert(INTERACTION_OVERDUE, "critical", f"no interaction for {minutes} min", params={"a": minutes}))
    elif p.interaction_due:
        out.append(Alert(INTERACTION_DUE, "warning", f"interaction due ({minutes} min since the last)",
                         params={"a": minutes}))
    if p.final_push:
        out.append(Alert(FINAL_PUSH, "info", "final push: last minutes of the show"))
    return out


def _on_air_alerts(p: PacingState, q: QueueState) -> list[Alert]:
    """The product on air (the slot's, and the one explained) must be buyable: on shelf."""
    slot = p.segment.product_sku if p.segment is not None and p.segment.kind == SegmentKind.PRODUCT else None
    out = []
    for sku in dict.fromkeys(k for k in (slot, q.explaining) if k):
        if sku in q.products and sku not in q.on_shelf:
            name = q.products[sku].name
            out.append(Alert(ON_AIR_OFF_SHELF, "critical", f"{name} is on air but off shelf", sku, {"a": name}))
    return out


def in_play(q: QueueState, sku: str, planned: Collection[str]) -> bool:
    """A product whose stock matters now: on shelf, being explained, sold by a segment of
    the plan, or one that has sold. The rest of the catalogue raises no stock alert."""
    return sku in q.on_shelf or sku == q.explaining or sku in planned or (sku in q.sales and q.sales[sku].quantity > 0)


def _stock_alerts(q: QueueState, s: ShowSettings, planned: Collection[str]) -> list[Alert]:
    out = []
    for sku in q.order:
        if not in_play(q, sku, planned):
            continue
        name = q.products[sku].name
        if q.is_sold_out(sku):
            out.append(Alert(SOLD_OUT, "critical", f"{name} sold out", sku, {"a": name}))
        elif q.is_low(sku, s.low_stock_units):
            left = str(q.stock(sku))
            out.append(Alert(LOW_STOCK, "warning", f"{name}: {left} left", sku, {"a": name, "b": left}))
    oversells = q.total_oversells()
    if oversells:
        out.append(Alert(OVERSELL, "critical", f"{oversells} unexpected order(s) (off shelf, sold out or unknown)",
                         params={"a": str(oversells)}))
    return out


def _sellout_alerts(q: QueueState, s: ShowSettings, planned: Collection[str],
                    sellout: Mapping[str, float | None]) -> list[Alert]:
    """A product in play that sells out within `sellout_alert_minutes` at the current rate:
    time to push, restock or take it down. A sold-out one already has SOLD_OUT."""
    out = []
    for sku, seconds in sellout.items():
        if seconds and seconds <= s.sellout_alert_minutes * 60 and sku in q.products and in_play(q, sku, planned):
            name, minutes = q.products[sku].name, str(about_minutes(seconds))
            out.append(Alert(SELLOUT_SOON, "warning", f"{name} sells out in about {minutes} min", sku,
                             {"a": name, "b": minutes}))
    return out


def _audience_alerts(m: Metrics, s: ShowSettings, now: float) -> list[Alert]:
    out = []
    if m.online_ts and now - m.online_ts < 120:
        hi, _ = m.online_range(now - s.viewer_drop_window_minutes * 60)
        if hi > 0 and m.online <= hi * (1 - s.viewer_drop_percent / 100):
            a, b, c = f"{100 * (1 - m.online / hi):.0f}", f"{hi:.0f}", f"{m.online:.0f}"
            out.append(Alert(VIEWER_DROP, "critical", f"online viewers down {a}% ({b} → {c})",
                             params={"a": a, "b": b, "c": c}))
    bucket = m.buckets.get(minute_of(now))
    if bucket is not None and s.negative_spike_per_minute and bucket.negative_comments >= s.negative_spike_per_minute:
        n = str(bucket.negative_comments)
        out.append(Alert(NEGATIVE_SPIKE, "warning", f"{n} negative comments this minute", params={"a": n}))
    return out


# -- baseline (issue 13) ---------------------------------------------------------
def below_usual_alerts(base: Baseline | None, m: Metrics, s: ShowSettings, now: float,
                       started_at: float) -> list[Alert]:
    """"online 30% below your last 5 shows at minute 45", and the same for cumulative GMV."""
    out = []
    for short in bl.below_usual(base, m, started_at, now, s.baseline_alert_percent, s.baseline_alert_hold_minutes):
        params = {"a": str(short.percent), "b": str(short.shows), "c": str(short.minute)}
        gmv = short.figure == bl.GMV_TOTAL
        what = "GMV" if gmv else "online"
        out.append(Alert(BELOW_USUAL_GMV if gmv else BELOW_USUAL_ONLINE, "warning",
                         f"{what} {short.percent}% below your last {short.shows} shows at minute {short.minute}",
                         short.figure, params))
    return out
