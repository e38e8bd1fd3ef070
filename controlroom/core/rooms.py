"""One room's line in the agency's view (`controlroom rooms`): the same fold and the same
names as `controlroom status` (status_dict), plus the few figures a manager scans for."""

from __future__ import annotations

from typing import Any

from controlroom.core.metrics import Metrics, minute_of
from controlroom.core.money import yuan
from controlroom.core.show import ShowState, status_dict

GMV_WINDOW_MINUTES = 5


def gmv_last_minutes(metrics: Metrics, at: float, minutes: int = GMV_WINDOW_MINUTES) -> float:
    """GMV of the UTC minute holding `at` and the minutes before it (`minutes` in all)."""
    last = minute_of(at)
    return yuan(sum(b.gmv_cents for m, b in metrics.buckets.items() if last - minutes < m <= last))


def room_row(state: ShowState, now: float, last_event_at: float | None) -> dict[str, Any]:
    """The room's show at `now`. For a show that has ended, `gmv_5min` is its last five
    minutes on air; `last_event_at` is the newest event's time (None: no event yet)."""
    snap = state.snapshot(now)
    status = status_dict(snap)
    segment, totals = status["segment"], status["totals"]
    end = state.metrics.ended_at
    return {
        "room": state.info.room,
        "show_id": state.info.id,
        "title": state.info.title,
        "state": status["state"],
        "segment": segment["title"] if segment else None,
        "remaining_s": segment["remaining_s"] if segment else None,
        "ahead_behind_s": status["ahead_behind_s"],
        "gmv": totals["gmv"],
        "gmv_5min": gmv_last_minutes(state.metrics, now if end is None else min(now, end)),
        "orders": totals["orders"],
        "online": totals["online"],
        "open_incidents": len(snap.open_incidents),
        "alerts": len(status["alerts"]),
        "last_event_at": last_event_at,
        "last_event_age_s": None if last_event_at is None else round(max(0.0, now - last_event_at), 1),
    }
