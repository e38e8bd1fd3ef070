"""The show service: the one place commands and feed events enter a running show.

Operator commands are checked by the core, committed to the log, and only then
folded into the live state. Feed events are admitted by the core (duplicates
dropped, unexpected orders flagged), folded at once and written in batches.
Thread-safe: feeds may call `ingest` from their own threads.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import Clock
from controlroom.core.events import Event
from controlroom.core.plan import Plan, default_plan
from controlroom.core.products import Product
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowState, Snapshot, status_dict
from controlroom.services import editing
from controlroom.store.errors import StoreUnavailable, reason
from controlroom.store.repository import ShowRepository
from controlroom.store.rows import event_values, row_event
from controlroom.store.show_lock import ShowLock
from controlroom.store.writer import FeedWriter, Row, Ticket

Listener = Callable[[list[Event]], None]


def create_show(
    repo: ShowRepository,
    title: str,
    minutes: float,
    products: list[Product],
    now: float,
    settings: ShowSettings | None = None,
    scheduled_at: float | None = None,
    **info: str,
) -> int:
    """A new show with the playbook's default plan over `products`."""
    settings = settings or ShowSettings()
    for p in products:
        p.validate()
    plan = default_plan(minutes, products, settings)
    return repo.create_show(title, minutes, plan, products, settings, created_at=now, scheduled_at=scheduled_at, **info)


class ShowService:
    """Attributes: state (the live fold), clock, repo, writer, show_id.

    Opening a service takes the show's lock (store/show_lock.py): a second process
    that opens the same show for writing gets ShowLockError, because it would judge
    new events against a state that misses this one's. `close()` (or the process
    ending) releases it."""

    # How long a waiting caller (the API, the tail) waits for its batch to be committed
    # before it is told the database is not writing; and how many uncommitted events may
    # wait for the log before new ones are refused.
    ack_timeout_s = 10.0
    max_waiting = 200_000

    def __init__(self, repo: ShowRepository, writer: FeedWriter, show_id: int, clock: Clock) -> None:
        self.repo = repo
        self.writer = writer
        self.show_id = show_id
        self.clock = clock
        self._lock = threading.RLock()
        writer.on_set_aside = self._rows_set_aside
        self._show_lock = ShowLock(repo.engine, show_id)
        self._release = weakref.finalize(self, self._show_lock.release)
        try:
            self.state: ShowState = repo.load_show(show_id)
        except BaseException:
            self._release()
            raise
        self._listeners: list[Listener] = []

    def close(self) -> None:
        """Release the show for other processes (the writer is the caller's to close)."""
        self._release()

    def subscribe(self, listener: Listener) -> None:
        """`listener(events)` is called after events are folded, on the caller's thread."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def now(self) -> float:
        return self.clock.now()

    # -- operator commands ---------------------------------------------------
    def run(self, command: Callable[..., list[Event]], *args: Any) -> list[Event]:
        """Check a core command, commit its events, fold them. Raises CommandError."""
        with self._lock:
            new = command(self.state, self.clock.now(), *args)
            if new:
                self._append(new)
                for e in new:
                    self.state.apply(e)
                m = self.state.metrics
                if m.ended_at is not None and m.latest_ts > m.ended_at and any(e.kind == ev.SHOW_ENDED for e in new):
                    self.resync()  # feed stamped after the end was folded as the show's: fold it apart
        self._notify(new)
        return new

    def _append(self, new: list[Event]) -> None:
        """Commit operator events; a database that cannot write refuses them with a sentence."""
        try:
            self.repo.append(self.show_id, new)
        except Exception as exc:
            why = reason(exc)
            if why is None:
                raise
            raise StoreUnavailable(why, self.writer.retry_after_s, self.writer.waiting) from exc

    def update_plan(self, plan: Plan) -> None:
        """The plan becomes exactly `plan` (services/editing.py). Raises CommandError."""
        editing.update_plan(self, plan)

    def update_products(self, products: list[Product]) -> None:
        """The products become exactly `products` (services/editing.py). Raises CommandError."""
        editing.update_products(self, products)

    def update_settings(self, settings: ShowSettings) -> None:
        editing.update_settings(self, settings)

    def log_edit(self, what: str, count: int) -> None:
        editing.log_edit(self, what, count)

    # -- feed ----------------------------------------------------------------
    def ingest(self, events: list[Event], *, wait: bool = False) -> int:
        """Admit, fold and queue feed events for the log. Returns how many were taken.

        With `wait`, returns only once they are committed (what an acknowledgement to an
        outside source needs), and refuses the batch while the database cannot write.
        Raises StoreUnavailable (see `queue_feed` and `committed`)."""
        taken, ticket = self.queue_feed(events, refuse_outage=wait)
        if wait:
            self.committed(ticket)
        return taken

    def queue_feed(self, events: list[Event], *, refuse_outage: bool = True) -> tuple[int, Ticket]:
        """Admit, fold and queue; the ticket tells when the log has them. Raises
        StoreUnavailable — taking nothing — while the database cannot write (unless
        `refuse_outage` is False: internal sources queue on) or too many events wait."""
        with self._lock:
            self.check_writable(len(events), refuse_outage=refuse_outage)
            rows, taken = [], []
            for e in events:
                admitted = self.state.admit(e)
                if admitted is None:
                    continue
                self.state.apply(admitted)
                rows.append(event_values(self.show_id, admitted))
                taken.append(admitted)
            ticket = self.writer.submit(rows)
        self._notify(taken)
        return len(taken), ticket

    def committed(self, ticket: Ticket) -> None:
        """Wait (never holding the service's lock) until the ticket's events are in the log.
        Raises StoreUnavailable after `ack_timeout_s`: they stay queued and will be written,
        and a re-send with the same order or event ids is answered as duplicates."""
        if not ticket.wait(self.ack_timeout_s):
            w = self.writer
            raise StoreUnavailable(w.unavailable or "the log is behind", w.retry_after_s, w.waiting)

    def check_writable(self, n: int = 0, *, refuse_outage: bool = True) -> None:
        """Raises StoreUnavailable when `n` more events could not be taken now."""
        w = self.writer
        if refuse_outage and w.unavailable is not None:
            raise StoreUnavailable(w.unavailable, w.retry_after_s, w.waiting)
        if w.waiting + n > self.max_waiting:
            raise StoreUnavailable(w.unavailable or f"{w.waiting} events are waiting for the log",
                                   w.retry_after_s, w.waiting)

    def _rows_set_aside(self, rows: list[Row]) -> None:
        """The writer could not store some rows: the screen must not show them."""
        self.resync()

    def resync(self) -> None:
        """Fold the log plus what still waits for it again, from the database: after rows
        were set aside, the live state is exactly what the log will hold."""
        with self._lock, self.writer.paused() as waiting:
            state = self.repo.load_show(self.show_id)
            state.comment_classifier = self.state.comment_classifier
            for row in waiting:
                state.apply(row_event(row))
            self.state = state
        self._notify([], always=True)  # the state was rebuilt: views redraw

    def health(self) -> dict[str, Any]:
        """How the log is doing: what waits for it, why it cannot write, what was set aside."""
        w = self.writer
        return {"unsaved": w.waiting, "unavailable": w.unavailable, "set_aside": len(w.set_aside)}

    # -- reading -------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        with self._lock:
            return self.state.snapshot(self.clock.now())

    def status(self) -> dict[str, Any]:
        """The show's state as `controlroom status` prints it (the fold of the log)."""
        with self._lock:
            return status_dict(self.state.snapshot(self.clock.now()))

    def report(self) -> dict[str, Any]:
        """The state plus how the log is doing (the API's /state)."""
        with self._lock:
            return {**self.status(), "log": self.health()}

    @property
    def lock(self) -> threading.RLock:
        """Hold it while reading `state` from another thread than the feeds'."""
        return self._lock

    def _notify(self, new: list[Event], *, always: bool = False) -> None:
        if new or always:
            for listener in list(self._listeners):
                listener(new)

    # convenience for the common controls
    def start(self) -> list[Event]:
        return self.run(commands.start)

    def next(self) -> list[Event]:
        return self.run(commands.next_segment)

    def end(self) -> list[Event]:
        return self.run(commands.end_show)
