"""The room's usual for an open show: computed from the room's previous shows
(`ShowRepository.room_history`, core/baseline.py) on a thread of its own, when the show is
opened and again when it starts or its settings change, so opening never waits for it (five 6-hour shows are a few
seconds of reading). The service's state holds the result (`ShowState.baseline`, which the
alerts read); until it is known there is no band and no alert."""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from controlroom.core import events as ev
from controlroom.core.baseline import NO_BASELINE, Baseline, baseline_of
from controlroom.core.events import Event
from controlroom.core.settings import ShowSettings
from controlroom.store.repository import ShowRepository

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

log = logging.getLogger(__name__)
_AGAIN = frozenset({ev.SHOW_STARTED, ev.SETTINGS_CHANGED})  # read the usual again (baseline_shows may change)


def room_baseline(repo: ShowRepository, show_id: int, settings: ShowSettings) -> Baseline:
    """The usual of the show's room over its last `baseline_shows` shows (read now, on this thread)."""
    return baseline_of(repo.room_history(show_id, settings.baseline_shows))


class RoomUsual:
    """Attributes: baseline (immutable; NO_BASELINE until computed, and for a room without
    history). `wait()` blocks until the latest computation is over (tests, the CLI)."""

    def __init__(self, service: ShowService) -> None:
        self._service = service
        self.baseline: Baseline = NO_BASELINE
        self._thread: threading.Thread | None = None
        self._generation = 0
        self._guard = threading.Lock()
        service.subscribe(self._heard)
        self.refresh()

    def refresh(self) -> None:
        """Compute the usual again, off the caller's thread (a show without a room has none)."""
        with self._guard:
            self._generation += 1
            if not self._service.state.info.room:
                return
            self._thread = threading.Thread(target=self._compute, args=(self._generation,),
                                            name="room-usual", daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def _heard(self, events: list[Event]) -> None:
        if any(e.kind in _AGAIN for e in events):
            self.refresh()

    def _compute(self, generation: int) -> None:
        service = self._service
        try:
            with service.lock:
                show_id, settings = service.show_id, service.state.settings
            base = room_baseline(service.repo, show_id, settings)
        except Exception:  # noqa: BLE001 - a usual we cannot read is no usual: the show goes on
            log.warning("the room's usual could not be read", exc_info=True)
            return
        with service.lock, self._guard:  # this order, as a listener called under the lock takes them
            if generation != self._generation:
                return  # a newer computation is under way
            self.baseline = base
            service.state.baseline = base
        service._notify([], always=True)  # noqa: SLF001 - the views redraw, as after a resync
