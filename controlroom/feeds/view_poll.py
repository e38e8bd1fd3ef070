"""What control surfaces are told (segment, remaining, phase, product, alerts), read on a thread of its own.

OSC out and Companion's custom variables poll `service.view()` — the window's own view —
every `interval_s` and send what changed. Polling (not the service's listeners) because
the remaining time changes with the clock, not with events, and because a slow or absent
receiver must never hold up a command: the poller runs on its own thread, outside the lock.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass

from controlroom.core.views import RoomView
from controlroom.services.show_service import ShowService

log = logging.getLogger(__name__)
INTERVAL_S = 0.5  # at most two updates a second of any one value


@dataclass(frozen=True)
class Outward:
    """The show as a control surface shows it."""

    status: str  # planned | running | paused | ended
    segment: str  # the title on air, "" before the start and after the end
    remaining_s: int  # whole seconds left in the segment, negative in overrun
    phase: str  # normal | warning | overrun
    product: str  # the product being explained (else the slot's product), its name
    alerts: tuple[tuple[str, str], ...]  # (code, English message) of the active alerts

    @property
    def remaining_text(self) -> str:
        """12:34, or -0:05 in overrun."""
        sign = "-" if self.remaining_s < 0 else ""
        minutes, seconds = divmod(abs(self.remaining_s), 60)
        return f"{sign}{minutes}:{seconds:02d}"


def outward(view: RoomView) -> Outward:
    p = view.pacing
    live = p.segment is not None and p.status.value in ("running", "paused")
    sku = view.explaining or (p.segment.product_sku if live and p.segment else None)
    row = view.product(sku)
    return Outward(
        status=p.status.value,
        segment=p.segment.title if live and p.segment else "",
        remaining_s=math.floor(p.remaining_s) if live else 0,
        phase=p.phase.value if live else "normal",
        product=row.name if row else "",
        alerts=tuple((a.code, a.message) for a in view.alerts),
    )


class ViewPoller:
    """Calls `consumer(outward)` every `interval_s` from its own thread until stopped; a
    consumer that fails is logged and called again at the next tick."""

    def __init__(self, service: ShowService, consumer: Callable[[Outward], None], interval_s: float = INTERVAL_S,
                 name: str = "view-poll") -> None:
        self.service = service
        self.consumer = consumer
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.consumer(outward(self.service.view()))
            except Exception:  # noqa: BLE001 - a surface's trouble must not end the poll
                log.exception("%s failed", self._thread.name)
            self._stop.wait(self.interval_s)
