"""The batched feed writer: high-rate events go to the log from a worker thread.

Rows are committed at least every `max_delay_s` (250 ms) and in transactions of at
most `batch_size` rows. The statement is SQLAlchemy Core's `insert()` compiled once for
the engine's dialect; rows arrive as tuples with the same keys in the same order
(rows.ROW_KEYS), and go to the driver as one executemany per batch. (Letting SQLAlchemy
build parameters from a dict per row cost half the throughput: bench/ingest.py.) Loss window on a crash: what was
queued but not yet committed, i.e. at most `max_delay_s` of feed events.
Operator actions never come through here: they are committed synchronously.
Every `checkpoint_every_s` the writer also moves the replay cache of the shows it wrote
for (store/aggregates.py), so a restart reads minutes instead of every event.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Any

from sqlalchemy import Engine, insert

from controlroom.models import EventRow
from controlroom.store.aggregates import checkpoint
from controlroom.store.rows import ROW_KEYS

log = logging.getLogger(__name__)
_STOP = object()


class FeedWriter:
    """Attributes: written (rows committed), failed (rows lost to a database error)."""

    def __init__(
        self, engine: Engine, *, max_delay_s: float = 0.25, batch_size: int = 1000, checkpoint_every_s: float = 30.0
    ) -> None:
        self._engine = engine
        self._checkpoint_every = checkpoint_every_s
        self._last_checkpoint = time.monotonic()
        self._shows: set[int] = set()
        self._max_delay = max_delay_s
        self._batch_size = batch_size
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._sql, self._positional = _compiled_insert(engine)
        self._idle = threading.Condition()
        self._pending = 0
        self.written = 0
        self.failed = 0
        self.attempts = 3
        self.last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name="feed-writer", daemon=True)
        self._thread.start()

    def put(self, row: tuple[Any, ...]) -> None:
        self.put_many([row])

    def put_many(self, rows: list[tuple[Any, ...]]) -> None:
        """Queue rows (tuples in ROW_KEYS order, see rows.event_values) for the log."""
        if not rows:
            return
        with self._idle:
            self._pending += len(rows)
        self._queue.put(rows)

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything put so far is committed. True if it was."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def close(self) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout=30)

    def _run(self) -> None:
        conn = self._engine.connect()
        try:
            self._loop(conn)
        finally:
            conn.close()

    def _loop(self, conn: Any) -> None:
        batch: list[tuple[Any, ...]] = []
        first_at = 0.0
        while True:
            timeout = None if not batch else max(0.0, first_at + self._max_delay - time.monotonic())
            try:
                item = self._queue.get(timeout=timeout)
            except queue.Empty:
                item = None
            if item is _STOP:
                self._commit(conn, batch)
                self._checkpoint(conn)
                return
            if item is not None:
                if not batch:
                    first_at = time.monotonic()
                batch.extend(item)
            if len(batch) >= self._batch_size or (batch and time.monotonic() - first_at >= self._max_delay):
                self._commit(conn, batch)
                batch = []
            if time.monotonic() - self._last_checkpoint >= self._checkpoint_every:
                self._checkpoint(conn)

    def _commit(self, conn: Any, batch: list[tuple[Any, ...]]) -> None:
        for start in range(0, len(batch), self._batch_size):
            chunk = batch[start : start + self._batch_size]
            params: list[Any] = chunk if self._positional else [dict(zip(ROW_KEYS, r)) for r in chunk]
            self._insert(conn, chunk, params)
        with self._idle:
            self._pending -= len(batch)
            self._idle.notify_all()

    def _insert(self, conn: Any, chunk: list[tuple[Any, ...]], params: list[Any]) -> None:
        """Insert one batch; a busy database (another writer holding it past the busy
        timeout) is tried again before the rows are given up, counted and reported."""
        for attempt in range(1, self.attempts + 1):
            try:
                conn.exec_driver_sql(self._sql, params)
                conn.commit()
                self.written += len(chunk)
                self._shows.update(r[0] for r in chunk)
                return
            except Exception as exc:  # keep the writer alive whatever the driver raised
                conn.rollback()
                self.last_error = f"{exc.__class__.__name__}: {exc}"
                if attempt < self.attempts and "locked" in str(exc).lower():
                    time.sleep(0.2 * attempt)
                    continue
                self.failed += len(chunk)
                log.error("feed writer lost %d rows: %s", len(chunk), self.last_error)
                return

    def _checkpoint(self, conn: Any) -> None:
        self._last_checkpoint = time.monotonic()
        for show_id in sorted(self._shows):
            try:
                checkpoint(conn, show_id)
                conn.commit()
            except Exception as exc:  # noqa: BLE001 - the cache is optional; the log is intact
                conn.rollback()
                log.warning("replay checkpoint for show %d failed: %s", show_id, exc)


def _compiled_insert(engine: Engine) -> tuple[str, bool]:
    """The Core insert as the driver's SQL, with parameters in ROW_KEYS order."""
    compiled = insert(EventRow.__table__).compile(dialect=engine.dialect, column_keys=list(ROW_KEYS))
    if compiled.positional and tuple(compiled.positiontup or ()) != ROW_KEYS:
        raise RuntimeError(f"unexpected parameter order {compiled.positiontup}")
    return str(compiled), bool(compiled.positional)
