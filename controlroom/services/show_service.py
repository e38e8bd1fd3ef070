"""The show service: the one place commands and feed events enter a running show.

Operator commands are checked by the core, committed to the log, and only then
folded into the live state. Feed events are admitted by the core (duplicates
dropped, unexpected orders flagged), folded at once and written in batches.
Thread-safe: feeds may call `ingest` from their own threads.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterable
from contextlib import ExitStack, nullcontext
from typing import Any

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import Clock
from controlroom.core.events import Event
from controlroom.core.manual import manual_entry
from controlroom.core.plan import Plan, default_plan
from controlroom.core.products import Product
from controlroom.core.sample_words import PlanWords
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowState, Snapshot, status_dict
from controlroom.core.views import (
    CommentRate,
    EditSource,
    Health,
    RoomView,
    comment_rate,
    edit_source,
    interaction_rates,
    next_incident_ref,
    room_view,
)
from controlroom.services import editing
from controlroom.services.import_gate import ImportGate, reserve_refs
from controlroom.services.room_usual import RoomUsual
from controlroom.store.errors import StoreUnavailable, reason
from controlroom.store.import_stage import Stage, staged
from controlroom.store.repository import ShowRepository
from controlroom.store.rows import event_values, row_event
from controlroom.store.show_lock import ShowLock
from controlroom.store.writer import FeedWriter, Row, Ticket

Listener = Callable[[list[Event]], None]
IMPORT_YIELD_S = 0.001
IMPORT_FOLD_CHUNK = 250  # events of an import folded per hold of the lock (a few ms)


def create_show(
    repo: ShowRepository,
    title: str,
    minutes: float,
    products: list[Product],
    now: float,
    settings: ShowSettings | None = None,
    scheduled_at: float | None = None,
    words: PlanWords | None = None,
    **info: str,
) -> int:
    """A new show with the playbook's default plan over `products`, its titles and notes
    in `words`' language (core/sample_words.py; English by default)."""
    settings = settings or ShowSettings()
    for p in products:
        p.validate()
    plan = default_plan(minutes, products, settings, words)
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
        self.import_gate = ImportGate(self._lock)  # an import's move into the log (import_gate.py)
        self._in_flight: frozenset[str] = frozenset()  # the ids of an import being moved into the log
        writer.on_set_aside = self._rows_set_aside
        self._show_lock = ShowLock(repo.engine, show_id)
        self._release = weakref.finalize(self, self._show_lock.release)
        try:
            self.state: ShowState = repo.load_show(show_id)
        except BaseException:
            self._release()
            raise
        self._listeners: list[Listener] = []
        self.usual = RoomUsual(self)  # the room's usual (services/room_usual.py), read on a thread of its own

    def close(self) -> None:
        """Release the show for other processes (the writer is the caller's to close)."""
        self.usual.wait(1.0)  # a usual still being read is dropped: closing never waits long
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
        with self.import_gate.locked():  # an import's move into the log waited for holding nothing
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

    def _append(self, new: list[Event], progress: Callable[[int, int], None] | None = None) -> None:
        """Commit operator events; a database that cannot write refuses them with a sentence."""
        self._stored(lambda: self.repo.append(self.show_id, new, progress=progress))

    def _stored(self, write: Callable[[], Any]) -> Any:
        try:
            return write()
        except Exception as exc:
            why = reason(exc)
            if why is None:
                raise
            raise StoreUnavailable(why, self.writer.retry_after_s, self.writer.waiting) from exc

    def import_events(
        self, checked: Callable[[ShowState], list[Event]], *, progress: Callable[[int, int], None] | None = None,
        first: list[Event] | None = None, stage: Stage | None = None, order_refs: Callable[[], set[str]] | None = None,
    ) -> list[Event]:
        """Commit a big import (services/bulk_import.py) all or nothing, holding neither lock across
        the write. `first` (or the caller's `stage`) is staged with no lock (store/import_stage.py);
        `checked(state)`, under the lock (may raise: nothing changes), gives the events — the staged
        ones, or a new list, staged then — whose ids are reserved (`order_refs()`: gathered by the
        caller) before one short transaction moves them into the log; they are then folded
        IMPORT_FOLD_CHUNK at a time, each chunk told to listeners. `progress(done, total)` counts
        staging, then folding. Raises StoreUnavailable."""
        def staging(stage: Stage, events: list[Event]) -> None:
            told = (lambda done, _n: progress(done, 2 * len(events))) if progress else None
            self._stored(lambda: stage.write(events, told))

        with nullcontext(stage) if stage else staged(self.repo.engine, self.show_id) as stage, ExitStack() as hold:
            if first:
                staging(stage, first)
            with self._lock:
                events = checked(self.state)
                self.check_writable()  # staged, not the writer's queue: only what waits there counts
                self._in_flight = reserve_refs(self.state, events, order_refs)
                target = self.state
                # Taken after the lock, like resync: no re-fold can run until the import is in.
                hold.enter_context(self.writer.between_groups())
                hold.enter_context(self.import_gate.moving())
            try:
                if stage.events is not events:
                    staging(stage, events)
                self._stored(stage.commit)
            except BaseException:
                hold.close()
                self.resync()  # the log is unchanged: fold it again, the reserved ids go
                raise
            finally:
                self._in_flight = frozenset()  # committed (real duplicates now) or gone with the resync
        self._fold_import(events, target, progress)
        return events

    def _fold_import(self, events: list[Event], target: ShowState, progress: Callable[[int, int], None] | None) -> None:
        for start in range(0, len(events), IMPORT_FOLD_CHUNK):
            part = events[start : start + IMPORT_FOLD_CHUNK]
            with self._lock:
                if self.state is not target:
                    return  # re-folded from the log since the commit (resync): it holds the whole import
                for e in part:
                    self.state.apply(e)
            self._notify(part)
            if progress is not None:
                progress(len(events) + start + len(part), 2 * len(events))
            time.sleep(IMPORT_YIELD_S)  # a lock let go is taken back at once unless the waiters get a turn

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
            self.check_writable(len(events), refuse_outage=refuse_outage, feed=events)
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
            raise StoreUnavailable(w.unavailable or "the log is behind", w.retry_after_s, w.waiting, queued=True)

    def check_writable(self, n: int = 0, *, refuse_outage: bool = True, feed: Iterable[Event] = ()) -> None:
        """Raises StoreUnavailable when `n` more events cannot be taken, or `feed` has an id an import is moving in."""
        w = self.writer
        if self._in_flight and any(e.ref in self._in_flight for e in feed if e.ref):
            raise StoreUnavailable("an import holding these ids is being written", 1.0, w.waiting)
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
            state.comment_classifier, state.baseline = self.state.comment_classifier, self.state.baseline
            for row in waiting:
                state.apply(row_event(row))
            self.state = state
        self._notify([], always=True)  # the state was rebuilt: views redraw

    def health(self) -> dict[str, Any]:
        """How the log is doing: what waits for it, why it cannot write, what was set aside, and
        whether a server's show lock is lost ("away", "taken"; store/server_lock.py)."""
        w = self.writer
        return {"unsaved": w.waiting, "unavailable": w.unavailable, "set_aside": len(w.set_aside),
                "lock_lost": self._show_lock.lost_code}

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

    def undo(self) -> Event:
        """Take back the last undoable operator action (core/undo.py), whole: returns the
        `undone` event (its text names the action). Raises CommandError when there is
        nothing to undo since the show's start (nothing is written then)."""
        return self.run(commands.undo)[0]

    # -- what the window reads and asks (core/views.py): immutable views, one locked step each
    def view(self) -> RoomView:
        """The room now, as an immutable view (the window's every panel reads this)."""
        health = Health.of(self.health(), str(self.writer.rescue_path) if self.writer.rescue_path else None)
        with self._lock:
            return room_view(self.state, self.clock.now(), health)

    def edit_source(self) -> EditSource:
        """What the plan editor starts from (copies: nothing it edits touches the show)."""
        with self._lock:
            return edit_source(self.state)

    def show_time(self) -> float:
        """When the show happens (ShowState.show_time): the day an import's times belong to."""
        with self._lock:
            return self.state.show_time()

    def comment_rate(self) -> CommentRate:
        """Negative comments this minute, and the settings' spike."""
        with self._lock:
            return comment_rate(self.state, self.clock.now())

    def interaction_rates(self, since_minute: int | None = None, until: float | None = None) -> tuple[tuple[int, float], ...]:
        """(minute, interaction rate) from `since_minute` to `until` (default now): the charts' series."""
        with self._lock:
            now = self.clock.now() if until is None else until
            return interaction_rates(self.state.metrics, self.state.settings.viewer_drop_window_minutes,
                                     since_minute, now)

    def set_comment_classifier(self, classify: Callable[[str], str | None] | None) -> None:
        """How comments are classified from now on (the comment watch's keyword lists)."""
        with self._lock:
            self.state.comment_classifier = classify

    def open_incident_next(self, text: str) -> str:
        """Open an incident under the next free ref (INC-n), chosen and used in one locked
        step: a feed that opens its own incidents meanwhile never takes it. Returns the ref.
        Raises CommandError (StoreUnavailable while the log cannot write)."""
        with self.import_gate.locked():  # no import moving: the lock is never held waiting for one
            ref = next_incident_ref(self.state.incidents)
            self.run(commands.open_incident, text, ref)
        return ref

    def record_manual(self, online: int | None = None, gmv_total: float | None = None,
                      orders_total: int | None = None) -> int:
        """Bring the figures to what the platform's dashboard says (core/manual.py): the
        deltas are computed and ingested in one locked step, so an order a feed brings in
        meanwhile is neither lost nor counted twice. Returns how many events were taken.
        Raises ValueError (a total below the log's), StoreUnavailable (too many waiting)."""
        with self._lock:
            events = manual_entry(self.state, self.clock.now(), online=online, gmv_total=gmv_total,
                                  orders_total=orders_total)
            return self.ingest(events) if events else 0

    def move_product(self, sku: str, to_row: int) -> None:
        """Move one product in the queue (the rest keep their order), judged like any
        products edit. Raises CommandError."""
        with self.import_gate.locked():  # no import moving: the lock is never held waiting for one
            q = self.state.queue
            if sku not in q.products:
                raise commands.CommandError(f"no product {sku}")
            order = [s for s in q.order if s != sku]
            order.insert(max(0, min(to_row, len(order))), sku)
            editing.update_products(self, [q.products[s] for s in order])

    def save_plan_and_products(self, products: list[Product], plan: Plan) -> EditSource:
        """The plan editor's Apply (one edit), and what further edits are judged against
        now, in one locked step. Raises CommandError."""
        with self.import_gate.locked():  # no import moving: the lock is never held waiting for one
            editing.update_show(self, products, plan)
            return edit_source(self.state)

