"""Alert rules: what the controller must see now, derived from the state at `now`."""

from __future__ import annotations

from dataclasses import dataclass

from controlroom.core.metrics import Metrics, minute_of
from controlroom.core.pacing import PacingState, Phase, ShowStatus
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


@dataclass(frozen=True)
class Alert:
    code: str
    severity: str  # "info" | "warning" | "critical"
    message: str
    subject: str = ""


def active_alerts(
    p: PacingState, q: QueueState, m: Metrics, s: ShowSettings, now: float
) -> list[Alert]:
    if p.status not in (ShowStatus.RUNNING, ShowStatus.PAUSED):
        return _stock_alerts(q, s)
    out: list[Alert] = []
    out += _pacing_alerts(p)
    out += _stock_alerts(q, s)
    out += _audience_alerts(m, s, now)
    return out


def _pacing_alerts(p: PacingState) -> list[Alert]:
    out = []
    if p.phase == Phase.OVERRUN and p.segment is not None:
        over = int(-p.remaining_s)
        out.append(Alert(SLOT_OVERRUN, "critical", f"{p.segment.title} over by {over // 60}:{over % 60:02d}", p.segment.uid))
    minutes = int(p.since_interaction_s // 60)
    if p.interaction_overdue:
        out.append(Alert(INTERACTION_OVERDUE, "critical", f"no interaction for {minutes} min"))
    elif p.interaction_due:
        out.append(Alert(INTERACTION_DUE, "warning", f"interaction due ({minutes} min since the last)"))
    if p.final_push:
        out.append(Alert(FINAL_PUSH, "info", "final push: last minutes of the show"))
    return out


def _stock_alerts(q: QueueState, s: ShowSettings) -> list[Alert]:
    out = []
    for sku in q.order:
        name = q.products[sku].name
        if q.is_sold_out(sku):
            out.append(Alert(SOLD_OUT, "critical", f"{name} sold out", sku))
        elif q.is_low(sku, s.low_stock_units):
            out.append(Alert(LOW_STOCK, "warning", f"{name}: {q.stock(sku)} left", sku))
    oversells = q.total_oversells()
    if oversells:
        out.append(Alert(OVERSELL, "critical", f"{oversells} unexpected order(s) (off shelf, sold out or unknown)"))
    return out


def _audience_alerts(m: Metrics, s: ShowSettings, now: float) -> list[Alert]:
    out = []
    if m.online_ts and now - m.online_ts < 120:
        hi, _ = m.online_range(now - s.viewer_drop_window_minutes * 60)
        if hi > 0 and m.online <= hi * (1 - s.viewer_drop_percent / 100):
            drop = 100 * (1 - m.online / hi)
            out.append(Alert(VIEWER_DROP, "critical", f"online viewers down {drop:.0f}% ({hi:.0f} → {m.online:.0f})"))
    bucket = m.buckets.get(minute_of(now))
    if bucket is not None and s.negative_spike_per_minute and bucket.negative_comments >= s.negative_spike_per_minute:
        out.append(Alert(NEGATIVE_SPIKE, "warning", f"{bucket.negative_comments} negative comments this minute"))
    return out
