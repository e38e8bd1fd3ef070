"""Operator commands and an import's move into the log, without a command ever waiting for
the log while it holds the service's lock.

The move (one INSERT … SELECT of up to 200,000 rows) holds the database's write lock for a
moment; a command that came then and took the lock first would wait with it held, and every
read of the show (the window's refresh) behind it. So the move is announced under the lock
(`moving`) and a command (`locked`) takes the lock only when no move is announced, waiting
for its end holding nothing — unless its caller holds the lock already (a locked step that
runs a command): then it waits with that hold, as before, never in a deadlock (the move
needs no lock).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.show import ShowState


class ImportGate:
    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._moving = False
        self._over = threading.Condition()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """The service's lock, taken when no import is moving its rows into the log."""
        while True:
            self._lock.acquire()
            if not self._moving:
                break
            self._lock.release()
            with self._over:
                self._over.wait_for(lambda: not self._moving)
        try:
            yield
        finally:
            self._lock.release()

    @contextmanager
    def moving(self) -> Iterator[None]:
        """Enter under the service's lock; commands wait until the block is over."""
        self._moving = True
        try:
            yield
        finally:
            with self._over:
                self._moving = False
                self._over.notify_all()


def reserve_refs(state: ShowState, events: list[Event], order_refs: Callable[[], set[str]] | None = None) -> frozenset[str]:
    """The import's order and event ids, taken under the service's lock before its move into the
    log (`order_refs`: gathered by the caller). Returns them: until the move is committed, a feed
    event with one of them is no duplicate yet (the move may still fail), so the service refuses
    it to be sent again (`ShowService.queue_feed`), rather than acknowledge what is not stored."""
    refs = order_refs() if order_refs else set()
    state.order_ids |= refs
    taken = set(refs)
    for e in () if order_refs else events:
        if e.ref and e.kind in ev.FEED_KINDS:
            (state.order_ids if e.kind == ev.ORDER else state.event_ids).add(e.ref)
            taken.add(e.ref)
    return frozenset(taken)
