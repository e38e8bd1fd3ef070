"""The feed writer: feed events reach the log from a worker thread, committed in groups.

A caller hands rows in (`submit` → a `Ticket`) and may wait on the ticket: it is done only
once all its rows are committed, so an acknowledgement given after the wait means the rows
are in the log. The worker writes everything queued when it comes round in one transaction
(group commit: one fsync serves every batch that was waiting), as SQLAlchemy Core's
`insert()` compiled once for the dialect, one executemany of tuples per `batch_size` rows.

When a write fails, the error is classified by code (store/errors.py):
- **transient** (disk full, read-only, I/O error, busy, a lost connection): nothing is
  dropped. The rows stay at the head of the queue and are tried again, backing off, until
  the database takes them; meanwhile `unavailable` says why (the service refuses new
  batches with StoreUnavailable, the window shows a banner). A lost server connection is
  rolled back, and SQLAlchemy reconnects at the next attempt (a server restart mid-show).
- **poison** (a row the database will never take): the group is split in halves until the
  row is isolated, the rest is committed, and the row is set aside (`set_aside`, and the
  rescue file when one is given) and reported to `on_set_aside`, never silently dropped.

`pending()` is a ticket for everything queued so far: a duplicate of a queued event is
acknowledged only once that is in the log. Every `checkpoint_every_s` the writer also moves the replay cache of the shows it wrote for
(store/fold_cache.py), so a restart reads minutes instead of every event.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from controlroom.store import rescue
from controlroom.store.errors import reason
from controlroom.store.fold_cache import checkpoint
from controlroom.store.rows import ROW_KEYS, compiled_insert

log = logging.getLogger(__name__)
Row = tuple[Any, ...]


class Ticket:
    """One submitted batch. `wait()` returns True once every row is committed (or set aside)."""

    __slots__ = ("_done", "_left", "set_aside")

    def __init__(self, n: int) -> None:
        self._done = threading.Event()
        self._left = n
        self.set_aside = 0
        if n == 0:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def _settle(self, n: int) -> None:
        self._left -= n
        if self._left <= 0:
            self._done.set()


class _Part:
    """Rows of one ticket waiting for the log."""

    __slots__ = ("ticket", "rows")

    def __init__(self, ticket: Ticket, rows: list[Row]) -> None:
        self.ticket, self.rows = ticket, rows


class Pending(Ticket):
    """Done once every ticket it holds is: the batches that were waiting for the log when it was made."""

    __slots__ = ("_tickets",)

    def __init__(self, tickets: list[Ticket]) -> None:
        super().__init__(0)
        self._tickets = tickets

    def wait(self, timeout: float | None = None) -> bool:
        end = None if timeout is None else time.monotonic() + timeout
        return all(t.wait(None if end is None else max(0.0, end - time.monotonic())) for t in self._tickets)

    @property
    def done(self) -> bool:
        return all(t.done for t in self._tickets)


class _Transient(Exception):
    """`unwritten` stays queued; `set_aside` (isolated before the database stopped) is still reported."""

    def __init__(self, why: str, unwritten: list[_Part], set_aside: list[tuple[_Part, Row]] | None = None) -> None:
        super().__init__(why)
        self.why, self.unwritten, self.set_aside = why, unwritten, set_aside or []


class FeedWriter:
    """Attributes: written (rows committed), failed (rows never written: set aside, or left
    when the writer closed on a database that would not write), set_aside (rows with the
    reason they could not be stored), rescued (rescue file -> rows kept there), unavailable
    (why the database cannot write now, or None), last_error."""

    def __init__(
        self, engine: Engine, *, batch_size: int = 1000, checkpoint_every_s: float = 30.0,
        group_rows: int = 20_000, rescue_path: Path | Sequence[Path] | None = None,
        on_set_aside: Callable[[list[Row]], None] | None = None,
    ) -> None:
        self._engine = engine
        self._sql, self._positional = compiled_insert(engine)
        self._batch_size, self._group_rows = batch_size, group_rows
        self._checkpoint_every, self._last_checkpoint = checkpoint_every_s, time.monotonic()
        self._shows: set[int] = set()
        self._queue: deque[_Part] = deque()
        self._inflight: list[_Part] = []
        self._reporting: list[Ticket] = []  # tickets of rows set aside, until the owner was told
        self._cond = threading.Condition()
        self._commit_lock = threading.Lock()  # held while a group is written and settled
        self._waiting = 0
        self._stopping = False
        self.rescue_path = rescue_path  # one path, or several tried in turn (store/rescue.py)
        self.rescued: dict[Path, int] = {}  # rows kept in each rescue file
        self.on_set_aside = on_set_aside
        self.written = 0
        self.failed = 0
        self.set_aside: list[tuple[Row, str]] = []
        self.unavailable: str | None = None
        self.last_error: str | None = None
        self.retry_after_s = 1.0
        self.close_attempts = 3
        self._thread = threading.Thread(target=self._run, name="feed-writer", daemon=True)
        self._thread.start()

    # -- callers --------------------------------------------------------------
    def submit(self, rows: list[Row]) -> Ticket:
        """Queue rows (tuples in ROW_KEYS order, see rows.event_values); wait on the ticket
        to know they are committed."""
        ticket = Ticket(len(rows))
        if rows:
            with self._cond:
                self._queue.append(_Part(ticket, list(rows)))
                self._waiting += len(rows)
                self._cond.notify()
        return ticket

    def put_many(self, rows: list[Row]) -> None:
        self.submit(rows)

    def put(self, row: Row) -> None:
        self.submit([row])

    def pending(self) -> Ticket:
        """A ticket done once everything submitted before this call is committed or set aside
        (what a duplicate of a queued event must wait for before it is acknowledged)."""
        with self._cond:
            tickets = [*self._reporting, *(p.ticket for p in [*self._inflight, *self._queue])]
            return Pending([t for t in tickets if not t.done])

    @property
    def waiting(self) -> int:
        """Rows handed in and not yet committed."""
        return self._waiting

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything submitted so far is committed. True if it was."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._waiting:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.1))
        return True

    @contextmanager
    def paused(self) -> Iterator[list[Row]]:
        """Hold the worker between groups; yields the rows not yet committed, in order, so a
        caller can rebuild what the log plus the queue holds without a commit slipping between."""
        with self._commit_lock, self._cond:
            yield [r for p in [*self._inflight, *self._queue] for r in p.rows]

    @contextmanager
    def between_groups(self) -> Iterator[None]:
        """Hold the worker between groups while new rows still queue: another transaction on
        the same database (a big import) commits without contending for its write lock."""
        with self._commit_lock:
            yield

    def close(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout=60)

    # -- the worker -------------------------------------------------------------
    def _run(self) -> None:
        conn = self._engine.connect()
        try:
            while self._step(conn):
                pass
            self._checkpoint(conn)
        finally:
            conn.close()

    def _step(self, conn: Any) -> bool:
        """Write one group; False when the writer is to stop."""
        group = self._next_group()
        if group is None:
            return False
        if group:
            self._write_or_keep(conn, group)
        if time.monotonic() - self._last_checkpoint >= self._checkpoint_every:
            self._checkpoint(conn)
        return True

    def _next_group(self) -> list[_Part] | None:
        with self._cond:
            while not self._queue and not self._stopping:
                if not self._cond.wait(timeout=self._checkpoint_every):
                    return []
            if not self._queue:
                return None
            group, n = [], 0
            while self._queue and n < self._group_rows:
                part = self._queue.popleft()
                group.append(part)
                n += len(part.rows)
            self._inflight = group
            return group

    def _write_or_keep(self, conn: Any, group: list[_Part]) -> None:
        attempts = 0
        while group:
            bad: list[tuple[_Part, Row]] = []
            with self._commit_lock:
                try:
                    bad = self._write(conn, group)
                    group = []
                except _Transient as exc:
                    group, bad = exc.unwritten, exc.set_aside
                    self._outage(exc.why)
                with self._cond:
                    self._inflight = group
                    self._reporting = [p.ticket for p, _ in bad]  # not settled until reported
            if bad:
                self._report_set_aside(bad)
            if group:
                attempts += 1
                if self._stopping and attempts >= self.close_attempts:
                    self._give_up(group)
                    return
                time.sleep(min(self.retry_after_s * attempts, 5.0))

    def _report_set_aside(self, bad: list[tuple[_Part, Row]]) -> None:
        """Tell the owner (who takes the rows back out of its state), then release the waiters:
        an acknowledgement comes after the screen was put right."""
        if self.on_set_aside is not None:
            try:
                self.on_set_aside([r for _, r in bad])
            except Exception:  # noqa: BLE001 - the writer must go on
                log.exception("the set-aside callback failed")
        for part, _ in bad:
            part.ticket.set_aside += 1
            part.ticket._settle(1)
        with self._cond:
            self._waiting -= len(bad)
            self._reporting = []
            self._cond.notify_all()

    def _write(self, conn: Any, group: list[_Part]) -> list[tuple[_Part, Row]]:
        """Commit the group, or isolate what poisons it. Returns the rows set aside."""
        try:
            self._insert(conn, [r for p in group for r in p.rows])
        except Exception as exc:  # noqa: BLE001 - classified below
            _rollback(conn)
            why = reason(exc)
            if why is not None:
                raise _Transient(why, group) from exc
            return self._isolate(conn, group, exc)
        self._settle(group)
        return []

    def _isolate(self, conn: Any, group: list[_Part], first: Exception) -> list[tuple[_Part, Row]]:
        """Split the group row by row halves until each bad row stands alone."""
        rows = [(p, r) for p in group for r in p.rows]
        bad: list[tuple[_Part, Row]] = []
        stack = [rows]
        while stack:
            chunk = stack.pop()
            try:
                self._insert(conn, [r for _, r in chunk])
                for p, _ in chunk:
                    p.ticket._settle(1)
                self._counted(len(chunk), [r for _, r in chunk])
                continue
            except Exception as exc:  # noqa: BLE001
                _rollback(conn)
                why = reason(exc)
                if why is not None:
                    rest = [x for c in reversed(stack) for x in c]
                    raise _Transient(why, _regroup(chunk + rest), bad) from exc
                if len(chunk) > 1:
                    mid = len(chunk) // 2
                    stack += [chunk[mid:], chunk[:mid]]
                    continue
                self._set_aside(chunk[0][1], f"{exc.__class__.__name__}: {exc}")
                bad.append(chunk[0])
        log.error("feed writer set %d row(s) aside: %s", len(bad), first)
        return bad

    def _insert(self, conn: Any, rows: list[Row]) -> None:
        for start in range(0, len(rows), self._batch_size):
            chunk = rows[start : start + self._batch_size]
            params: Any = chunk if self._positional else [dict(zip(ROW_KEYS, r)) for r in chunk]
            conn.exec_driver_sql(self._sql, params)
        conn.commit()

    def _settle(self, group: list[_Part]) -> None:
        n = 0
        for p in group:
            p.ticket._settle(len(p.rows))
            n += len(p.rows)
        self._counted(n, [p.rows[0] for p in group])

    def _counted(self, n: int, sample: list[Row]) -> None:
        self._recovered()  # before the waiters wake: a committed write means the database writes
        self.written += n
        self._shows.update(r[0] for r in sample)
        with self._cond:
            self._waiting -= n
            self._cond.notify_all()

    def _set_aside(self, row: Row, why: str) -> None:
        self.set_aside.append((row, why))
        self.failed += 1
        self.last_error = why
        self._rescue([row], why)

    def _outage(self, why: str) -> None:
        if self.unavailable is None:
            log.error("the database cannot write (%s); %d events wait for it", why, self._waiting)
        self.unavailable = why
        self.last_error = why

    def _recovered(self) -> None:
        if self.unavailable is not None:
            log.warning("the database writes again (%d events waiting)", self._waiting)
        self.unavailable = None

    def _give_up(self, group: list[_Part]) -> None:
        """Closing on a database that still will not write: the rows go to the rescue file."""
        rows = [r for p in group for r in p.rows]
        self.failed += len(rows)
        self._rescue(rows, self.unavailable or "not written")
        log.error("feed writer closed with %d rows not written: %s", len(rows), self.unavailable)
        with self._cond:
            self._waiting -= len(rows)
            self._inflight = []
            self._cond.notify_all()

    def _rescue(self, rows: list[Row], why: str) -> None:
        kept = rescue.keep(self.rescue_path, rows, why) if self.rescue_path is not None else None
        if kept is not None:
            self.rescued[kept] = self.rescued.get(kept, 0) + len(rows)

    def _checkpoint(self, conn: Any) -> None:
        self._last_checkpoint = time.monotonic()
        if self.unavailable is not None:
            return
        for show_id in sorted(self._shows):
            try:
                with self._commit_lock:
                    checkpoint(conn, show_id)
                    conn.commit()
            except Exception as exc:  # noqa: BLE001 - the cache is optional; the log is intact
                _rollback(conn)
                log.warning("replay checkpoint for show %d failed: %s", show_id, exc)


def _rollback(conn: Any) -> None:
    """End the failed transaction. On a lost server connection this is what lets SQLAlchemy
    reconnect at the next statement (the connection was invalidated); a rollback that fails
    too leaves it so, and the next attempt reconnects or fails as transient again."""
    try:
        conn.rollback()
    except Exception as exc:  # noqa: BLE001 - the writer must go on
        log.warning("rollback after a failed write: %s", exc)


def _regroup(pairs: list[tuple[_Part, Row]]) -> list[_Part]:
    """(part, row) pairs back into parts (one per ticket run), keeping the order."""
    out: list[_Part] = []
    for part, row in pairs:
        if out and out[-1].ticket is part.ticket:
            out[-1].rows.append(row)
        else:
            out.append(_Part(part.ticket, [row]))
    return out
