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
from controlroom.core.clock import Clock
from controlroom.core.events import Event
from controlroom.core.plan import Plan, default_plan
from controlroom.core.products import Product
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowState, Snapshot, status_dict
from controlroom.services import editing
from controlroom.store.repository import ShowRepository
from controlroom.store.rows import event_values
from controlroom.store.show_lock import ShowLock
from controlroom.store.writer import FeedWriter

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

    def __init__(self, repo: ShowRepository, writer: FeedWriter, show_id: int, clock: Clock) -> None:
        self.repo = repo
        self.writer = writer
        self.show_id = show_id
        self.clock = clock
        self._lock = threading.RLock()
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
                self.repo.append(self.show_id, new)
                for e in new:
                    self.state.apply(e)
        self._notify(new)
        return new

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
    def ingest(self, events: list[Event]) -> int:
        """Admit, fold and queue feed events for the log. Returns how many were taken."""
        rows, taken = [], []
        with self._lock:
            for e in events:
                admitted = self.state.admit(e)
                if admitted is None:
                    continue
                self.state.apply(admitted)
                rows.append(event_values(self.show_id, admitted))
                taken.append(admitted)
            self.writer.put_many(rows)
        self._notify(taken)
        return len(taken)

    # -- reading -------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        with self._lock:
            return self.state.snapshot(self.clock.now())

    def status(self) -> dict[str, Any]:
        with self._lock:
            return status_dict(self.state.snapshot(self.clock.now()))

    @property
    def lock(self) -> threading.RLock:
        """Hold it while reading `state` from another thread than the feeds'."""
        return self._lock

    def _notify(self, new: list[Event]) -> None:
        if new:
            for listener in list(self._listeners):
                listener(new)

    # convenience for the common controls
    def start(self) -> list[Event]:
        return self.run(commands.start)

    def next(self) -> list[Event]:
        return self.run(commands.next_segment)

    def end(self) -> list[Event]:
        return self.run(commands.end_show)
