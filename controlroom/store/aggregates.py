"""Per-minute aggregates of the high-rate feed, for replay: computed from the log by SQL,
cached for closed minutes so that rebuilding a 12-hour show reads minutes, not events.

The cache (`minute_aggregates` + `replay_marks`) is derived: it holds every minute before
`closed_minute` as computed from the events with id ≤ `last_id`. Replay takes the cache,
recomputes the open minutes from the log, and recomputes any cached minute that an
event arriving after `last_id` falls into (a late sample, an import) — so the result is
always exactly what aggregating the whole log would give.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, text

from controlroom.core import events as ev
from controlroom.core.metrics import minute_of
from controlroom.models import MinuteAggregate, ReplayMark

AGGREGATED_KINDS = tuple(sorted(ev.FEED_KINDS - {ev.ORDER}))
FIELDS = (
    "online_sum", "online_n", "online_max", "online_min", "entries_max", "joins", "comments",
    "negative_comments", "likes", "shares", "follows", "gifts", "gift_value", "interactors",
)
_KINDS = ", ".join(f"'{k}'" for k in AGGREGATED_KINDS)
_INTERACTING = ", ".join(f"'{k}'" for k in sorted(ev.INTERACTION_KINDS))

# One pass over the minutes asked for; the columns are MinuteBucket's fields.
_MINUTES_SQL = f"""
SELECT CAST(ts / 60 AS INTEGER) AS minute,
  TOTAL(CASE WHEN kind = 'viewers' THEN value END) AS online_sum,
  SUM(CASE WHEN kind = 'viewers' THEN 1 ELSE 0 END) AS online_n,
  COALESCE(MAX(CASE WHEN kind = 'viewers' THEN value END), 0) AS online_max,
  COALESCE(MIN(CASE WHEN kind = 'viewers' THEN value END), -1) AS online_min,
  COALESCE(MAX(CASE WHEN kind = 'viewers' THEN qty END), 0) AS entries_max,
  SUM(CASE WHEN kind = 'join' THEN 1 ELSE 0 END) AS joins,
  SUM(CASE WHEN kind = 'comment' THEN 1 ELSE 0 END) AS comments,
  SUM(CASE WHEN kind = 'comment' AND flag = 'negative' THEN 1 ELSE 0 END) AS negative_comments,
  TOTAL(CASE WHEN kind = 'like' THEN COALESCE(qty, 1) END) AS likes,
  SUM(CASE WHEN kind = 'share' THEN 1 ELSE 0 END) AS shares,
  SUM(CASE WHEN kind = 'follow' THEN 1 ELSE 0 END) AS follows,
  TOTAL(CASE WHEN kind = 'gift' THEN COALESCE(qty, 1) END) AS gifts,
  TOTAL(CASE WHEN kind = 'gift' THEN value END) AS gift_value,
  COUNT(DISTINCT CASE WHEN kind IN ({_INTERACTING}) THEN user END)
    + SUM(CASE WHEN kind IN ({_INTERACTING}) AND user IS NULL THEN 1 ELSE 0 END) AS interactors
FROM events
WHERE show_id = :show AND kind IN ({_KINDS}) AND ts >= :lo AND ts < :hi
GROUP BY minute
"""
_LATE_SQL = f"""
SELECT DISTINCT CAST(ts / 60 AS INTEGER) FROM events
WHERE id > :after AND show_id = :show AND kind IN ({_KINDS}) AND ts < :before
"""
_LAST_FEED_TS_SQL = f"SELECT MAX(ts) FROM events WHERE show_id = :show AND kind IN ({_KINDS})"
_FAR = 1e12

Minutes = dict[int, dict[str, Any]]


def aggregate(conn: Connection, show_id: int, lo_minute: float, hi_minute: float) -> Minutes:
    """Aggregate the log over minutes [lo, hi) straight from the events."""
    rows = conn.execute(text(_MINUTES_SQL), {"show": show_id, "lo": lo_minute * 60, "hi": hi_minute * 60})
    return {r.minute: {f: getattr(r, f) for f in FIELDS} for r in rows}


def _aggregate_each(conn: Connection, show_id: int, minutes: set[int]) -> Minutes:
    out: Minutes = {}
    for m in sorted(minutes):
        out.update(aggregate(conn, show_id, m, m + 1))
    return out


def _mark(conn: Connection, show_id: int) -> tuple[int, int]:
    row = conn.execute(select(ReplayMark).where(ReplayMark.show_id == show_id)).first()
    return (row.closed_minute, row.last_id) if row else (-(10**9), 0)


def load_minutes(conn: Connection, show_id: int) -> Minutes:
    """Every minute's aggregate, exactly as from the whole log, mostly read from the cache."""
    closed, last_id = _mark(conn, show_id)
    cached = conn.execute(select(MinuteAggregate).where(MinuteAggregate.show_id == show_id))
    minutes: Minutes = {r.minute: {f: getattr(r, f) for f in FIELDS} for r in cached}
    late = {m for (m,) in conn.execute(text(_LATE_SQL), {"after": last_id, "show": show_id, "before": closed * 60})}
    for m in late:
        minutes.pop(m, None)
    minutes.update(_aggregate_each(conn, show_id, late))
    minutes.update(aggregate(conn, show_id, closed, _FAR))
    return minutes


def checkpoint(conn: Connection, show_id: int, margin_minutes: int = 2) -> int:
    """Move the cache up to the minutes now closed (older than the newest feed event by
    `margin_minutes`). One transaction; returns how many minutes it (re)wrote."""
    closed, last_id = _mark(conn, show_id)
    last_ts = conn.execute(text(_LAST_FEED_TS_SQL), {"show": show_id}).scalar()
    new_last_id = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM events WHERE show_id = :show"),
                               {"show": show_id}).scalar()
    if last_ts is None:
        return 0
    new_closed = max(closed, minute_of(last_ts) - margin_minutes)
    if closed < -(10**8):
        first = conn.execute(text(f"SELECT MIN(ts) FROM events WHERE show_id = :show AND kind IN ({_KINDS})"),
                             {"show": show_id}).scalar()
        closed = minute_of(first)
    late = {m for (m,) in conn.execute(text(_LATE_SQL), {"after": last_id, "show": show_id, "before": closed * 60})}
    fresh = aggregate(conn, show_id, closed, new_closed)
    fresh.update(_aggregate_each(conn, show_id, late))
    _write(conn, show_id, fresh, new_closed, int(new_last_id))
    return len(fresh)


def _write(conn: Connection, show_id: int, minutes: Minutes, closed: int, last_id: int) -> None:
    if minutes:
        conn.execute(delete(MinuteAggregate).where(
            MinuteAggregate.show_id == show_id, MinuteAggregate.minute.in_(list(minutes))))
        conn.execute(insert(MinuteAggregate), [{"show_id": show_id, "minute": m, **v} for m, v in minutes.items()])
    conn.execute(delete(ReplayMark).where(ReplayMark.show_id == show_id))
    conn.execute(insert(ReplayMark), [{"show_id": show_id, "closed_minute": closed, "last_id": last_id}])
