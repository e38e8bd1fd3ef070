"""The live state the browser views and other displays read (docs/views.md): one compact
JSON-ready dict built from `ShowService.view()`, stamped with the server's clock, and
`StateFeed`, which pushes it to every subscribed WebSocket on each change of the show and
once a second.

Why `server_ts`: a display keeps `offset = server_ts - its own clock` from each push and
counts down locally between pushes, so its countdown follows the server's clock however
wrong its own is, and never drifts (a push corrects it every second).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from controlroom.core.forecast import whole_seconds
from controlroom.core.pacing import ShowStatus
from controlroom.core.rooms import gmv_last_minutes
from controlroom.core.targets import progress_dict
from controlroom.core.views import ProductRow, RoomView
from controlroom.services.show_service import ShowService

log = logging.getLogger(__name__)
PUSH_INTERVAL_S = 1.0
# A display that cannot take a push within this long is dropped (it reconnects), so one
# stuck tablet never holds up the others or lets memory grow.
SEND_TIMEOUT_S = 5.0


def live_state(view: RoomView, gmv_5min: float) -> dict[str, Any]:
    """The show at `view.now`, as the views read it (every field documented in docs/views.md)."""
    p, t = view.pacing, view.totals
    seg = p.segment
    on_air = (view.product(seg.product_sku) if seg else None) or view.product(view.explaining)
    return {
        "server_ts": view.now,
        "show": {"id": view.info.id, "title": view.info.title, "host": view.info.host, "room": view.info.room},
        "status": p.status.value,
        "ended": p.status == ShowStatus.ENDED,
        "ended_at": view.info.ended_at,
        "show_elapsed_s": p.show_elapsed_s,
        "planned_total_s": p.planned_total_s,
        "segment": None if seg is None else {
            "uid": seg.uid, "kind": seg.kind.value, "title": seg.title, "index": p.index,
            "planned_s": p.planned_s, "elapsed_s": p.elapsed_s,
        },
        "remaining_s": p.remaining_s if seg is not None else None,
        "phase": p.phase.value,
        "ahead_behind_s": p.ahead_behind_s,
        "product": _product(on_air),
        "next": None if p.next_segment is None else {"kind": p.next_segment.kind.value, "title": p.next_segment.title},
        "host_message": view.host_message,
        "alerts": [{"code": a.code, "severity": a.severity, "message": a.message, "subject": a.subject,
                    "params": dict(a.params)} for a in view.alerts],
        "shelf": [_product(row) for row in view.queue if row.on_shelf],
        "totals": {"gmv": t.gmv, "gmv_5min": gmv_5min, "online": t.online, "orders": t.orders},
        "incidents": [{"ref": i.ref, "text": i.text, "opened_at": i.opened_at} for i in view.open_incidents],
        "forecast": {sku: whole_seconds(s) for sku, s in view.forecast.items()},
        "targets": progress_dict(view.targets) if view.targets is not None else None,
    }


def _product(row: ProductRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "sku": row.sku, "name": row.name, "price": row.price, "selling_points": row.selling_points,
        "promo": row.promo, "promo_count": row.promo_count, "stock_left": row.stock_left,
        "on_shelf": row.on_shelf, "low": row.low, "sold_out": row.sold_out,
    }


def read_live_state(service: ShowService) -> dict[str, Any]:
    """The live state now (blocking: takes the service's lock twice, briefly)."""
    view = service.view()
    with service.lock:
        metrics = service.state.metrics
        end = metrics.ended_at
        gmv_5min = gmv_last_minutes(metrics, view.now if end is None else min(view.now, end))
    return live_state(view, gmv_5min)


class StateFeed:
    """Pushes the live state to its sockets: at once when the show changes (the service's
    listener only sets a flag, so a feed thread never waits on a display), else once a
    second. One state is encoded per push, whatever the number of displays, and none while
    no display is connected. A show that is not running changes only by events, so between
    them its last state is pushed again with the new `server_ts`, without reading the show."""

    def __init__(self, service: ShowService, read: Callable[[], Any], dumps: Callable[[Any], str],
                 interval_s: float = PUSH_INTERVAL_S) -> None:
        self.service = service
        self._read = read  # awaitable factory: the state, built off the event loop
        self._dumps = dumps
        self.interval_s = interval_s
        self.sockets: set[web.WebSocketResponse] = set()
        self._changed: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self.pushes = 0  # states sent (bench/ and the tests read them)
        self.reads = 0  # of which read from the show
        self._last: dict[str, Any] | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._changed = asyncio.Event()
        self.service.subscribe(self._on_events)
        self._task = self._loop.create_task(self._run(), name="state-feed")

    async def stop(self) -> None:
        self.service.unsubscribe(self._on_events)
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    def _on_events(self, _events: list[Any]) -> None:
        """On the thread that changed the show: wake the pusher, nothing more."""
        loop, changed = self._loop, self._changed
        if loop is None or changed is None:
            return
        try:
            loop.call_soon_threadsafe(changed.set)
        except RuntimeError:  # the server's loop has closed: nobody to push to
            pass

    async def add(self, ws: web.WebSocketResponse) -> None:
        """A new display: it gets the state at once, then every push."""
        self.sockets.add(ws)
        if self._changed is not None:
            self._changed.set()

    def discard(self, ws: web.WebSocketResponse) -> None:
        self.sockets.discard(ws)

    async def _run(self) -> None:
        assert self._changed is not None
        while True:
            try:
                await asyncio.wait_for(self._changed.wait(), self.interval_s)
            except TimeoutError:
                pass
            changed = self._changed.is_set()
            self._changed.clear()
            if not self.sockets:
                self._last = None  # nobody saw it: the next display gets a fresh read
                continue
            try:
                state = await self._state(changed)
            except Exception:  # noqa: BLE001 - a failed read must not stop the pushes; it is logged
                log.exception("the live state could not be read")
                continue
            self.pushes += 1
            await self._send_all(self._dumps(state))

    async def _state(self, changed: bool) -> dict[str, Any]:
        last = self._last
        if not changed and last is not None and last.get("status") != ShowStatus.RUNNING.value:
            return {**last, "server_ts": self.service.now()}
        self.reads += 1
        self._last = await self._read()
        return self._last

    async def _send_all(self, text: str) -> None:
        """To every display at once: a slow one holds up only itself, and is dropped."""
        await asyncio.gather(*(self._send(ws, text) for ws in list(self.sockets)))

    async def _send(self, ws: web.WebSocketResponse, text: str) -> None:
        try:
            async with asyncio.timeout(SEND_TIMEOUT_S):
                await ws.send_str(text)
        except (ConnectionError, RuntimeError, TimeoutError):
            self.discard(ws)
            if not ws.closed:
                await ws.close(message=b"too slow to read the live state")
