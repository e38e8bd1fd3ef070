"""The replay cache: the live fold's own per-minute buckets for closed minutes, so that
rebuilding a 12-hour show reads minutes instead of every event.

What the cache holds, exactly: the fold (core/metrics.py) of the non-order feed events
stamped before minute `closed` whose ids are ≤ `last_id`, folded with the show's end at
`ended_at`. Replay starts from it and folds every other event of the log — orders and
operator events one by one, and the feed events after the mark (id > last_id, a late
sample, an import) or from minute `closed` on — with the same fold. Folding is exact and
order-free, so the result is what folding the whole log gives. A cache built before the
show's end moved is ignored and rebuilt. No SQL re-implements the fold: SQL only selects.

The mark is right only if no row with an id ≤ `last_id` commits after it was taken. On
SQLite ids are handed out inside the one write transaction, so they commit in order. On
PostgreSQL they do not: a transaction may take id 5, another id 6 and commit first; a mark
at 6 taken then would claim row 5, which is not there yet, and miss it for good. So there
the checkpoint first takes `LOCK TABLE events IN SHARE MODE`, which waits for every
transaction that is inserting into `events` to end (an INSERT holds ROW EXCLUSIVE from before
it draws its id) and lets none start until the checkpoint commits: every id ≤ the max it then
reads is committed or was rolled back, and every later one will be larger. Inserters wait for
that long (the fold of the last ~30 s, milliseconds); readers never wait.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, and_, delete, func, insert, or_, select

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import Metrics, MinuteBucket, minute_of
from controlroom.models import EventRow, FoldMinute, ReplayMark
from controlroom.store.rows import EVENT_SELECT, values_event

AGGREGATED_KINDS = tuple(sorted(ev.FEED_KINDS - {ev.ORDER}))
AFTER_END = -1  # the minute key of what was folded after the end
_EVENTS = EventRow.__table__
_NONE = -(10**9)


@dataclass(frozen=True)
class Mark:
    closed: int = _NONE
    last_id: int = 0
    ended_at: float | None = None


def ended_at(conn: Connection, show_id: int) -> float | None:
    """When the show ended (its first show_ended event), or None."""
    return conn.scalar(select(func.min(_EVENTS.c.ts)).where(
        _EVENTS.c.show_id == show_id, _EVENTS.c.kind == ev.SHOW_ENDED))


def read_mark(conn: Connection, show_id: int) -> Mark:
    row = conn.execute(select(ReplayMark).where(ReplayMark.show_id == show_id)).first()
    return Mark(row.closed_minute, row.last_id, row.ended_at) if row else Mark()


def usable_mark(conn: Connection, show_id: int) -> Mark:
    """The cache's mark, or an empty one when the cache was folded with another end."""
    mark = read_mark(conn, show_id)
    return mark if mark.ended_at == ended_at(conn, show_id) else Mark()


def load_into(conn: Connection, show_id: int, metrics: Metrics, mark: Mark, minutes: set[int] | None = None) -> None:
    """Put the cached buckets of `mark` (those of `minutes`, or all) into an empty fold."""
    if mark.closed == _NONE or minutes == set():
        return
    q = select(FoldMinute.minute, FoldMinute.bucket).where(FoldMinute.show_id == show_id)
    if minutes is not None:
        q = q.where(FoldMinute.minute.in_(sorted(minutes)))
    for minute, data in conn.execute(q):
        bucket = MinuteBucket.from_json(json.loads(data))
        if minute == AFTER_END:
            metrics.after_end = bucket
        else:
            metrics.load_cached(minute, bucket)


def not_cached(mark: Mark) -> object:
    """The condition on events that the cache of `mark` does not hold."""
    feed_after_mark = and_(_EVENTS.c.kind.in_(AGGREGATED_KINDS),
                           or_(_EVENTS.c.id > mark.last_id, _EVENTS.c.ts >= mark.closed * 60))
    return or_(_EVENTS.c.kind.not_in(AGGREGATED_KINDS), feed_after_mark)


def events(conn: Connection, show_id: int, condition: object) -> Iterator[Event]:
    q = (select(*(_EVENTS.c[k] for k in EVENT_SELECT)).where(_EVENTS.c.show_id == show_id, condition)
         .order_by(_EVENTS.c.ts, _EVENTS.c.id))
    # Options for this statement only: on the connection they would stay and make the next
    # DELETE a server-side cursor, which PostgreSQL refuses.
    for row in conn.execute(q, execution_options={"stream_results": True, "yield_per": 5000}):
        yield values_event(row)


def checkpoint(conn: Connection, show_id: int, margin_minutes: int = 2) -> int:
    """Move the cache up to the minutes now closed (older than the newest feed event by
    `margin_minutes`): fold what the new mark adds onto the cached minutes it touches.
    The caller commits. Returns how many minutes were (re)written."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE events IN SHARE MODE")  # see the module's docstring
    end = ended_at(conn, show_id)
    old = usable_mark(conn, show_id)
    last_ts = conn.scalar(select(func.max(_EVENTS.c.ts)).where(
        _EVENTS.c.show_id == show_id, _EVENTS.c.kind.in_(AGGREGATED_KINDS)))
    if last_ts is None:
        return 0
    new = Mark(max(old.closed, minute_of(last_ts) - margin_minutes), int(conn.scalar(
        select(func.coalesce(func.max(_EVENTS.c.id), 0)).where(_EVENTS.c.show_id == show_id))), end)
    if old.closed == _NONE:
        conn.execute(delete(FoldMinute).where(FoldMinute.show_id == show_id))
    fold = Metrics(ended_at=end)
    adds = and_(_EVENTS.c.kind.in_(AGGREGATED_KINDS), _EVENTS.c.id <= new.last_id, _EVENTS.c.ts < new.closed * 60,
                or_(_EVENTS.c.id > old.last_id, _EVENTS.c.ts >= old.closed * 60))
    added = list(events(conn, show_id, adds))
    touched = {AFTER_END if fold.is_after_end(e.ts) else minute_of(e.ts) for e in added}
    load_into(conn, show_id, fold, old, touched)
    for e in added:
        fold.apply(e)
    _write(conn, show_id, fold, touched, new)
    return len(touched)


def _write(conn: Connection, show_id: int, fold: Metrics, touched: set[int], mark: Mark) -> None:
    if touched:
        conn.execute(delete(FoldMinute).where(FoldMinute.show_id == show_id, FoldMinute.minute.in_(sorted(touched))))
        conn.execute(insert(FoldMinute), [
            {"show_id": show_id, "minute": m,
             "bucket": json.dumps((fold.after_end if m == AFTER_END else fold.buckets[m]).to_json(), ensure_ascii=False)}
            for m in sorted(touched)])
    conn.execute(delete(ReplayMark).where(ReplayMark.show_id == show_id))
    conn.execute(insert(ReplayMark), [{"show_id": show_id, "closed_minute": mark.closed, "last_id": mark.last_id,
                                       "ended_at": mark.ended_at}])


def drop(conn: Connection, show_id: int) -> None:
    """Forget the cache of a show (it is rebuilt from the log at the next checkpoint)."""
    conn.execute(delete(FoldMinute).where(FoldMinute.show_id == show_id))
    conn.execute(delete(ReplayMark).where(ReplayMark.show_id == show_id))
