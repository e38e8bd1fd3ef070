"""A rehearsal: the simulator plays the room while an automatic controller runs the show.

The loop steps simulated time one second at a time (so a seed gives the same show at
any speed) and sleeps so that simulated time runs `speed` times faster than real time.
Every acknowledged operator action is reported through `say` after it was committed.
A `stop()` that turns true (SIGTERM, cli/sigterm.py) ends the loop between two simulated
seconds: the writer is flushed and the last report printed, as at the show's end.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from controlroom.core import commands
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.core.pacing import ShowStatus
from controlroom.core.plan import SegmentKind
from controlroom.feeds.sample_texts import DEFAULT_LANGUAGE
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.services.show_service import ShowService

Say = Callable[[str], None]


class AutoController:
    """Operates the show as a controller would: advances segments (a little early or
    late, as people do), shelves and explains each slot's product, repeats promos,
    takes sold-out products off shelf."""

    def __init__(self, service: ShowService, seed: int, say: Say) -> None:
        self.service = service
        self._rng = random.Random(seed * 7919 + 1)
        self._say = say
        self._late_by = 0.0
        self._promos_this_slot = 0

    def act(self, now: float) -> bool:
        """One look at the show; False once it has ended."""
        state = self.service.state
        if state.timer.status == ShowStatus.PLANNED:
            self._do(commands.start)
            self._entered_segment()
            return True
        if state.timer.status == ShowStatus.ENDED:
            return False
        p = state.pacing(now)
        if p.elapsed_s >= p.planned_s + self._late_by:
            if p.next_segment is None:
                self._do(commands.end_show)
                return False
            self._do(commands.next_segment)
            self._entered_segment()
        elif p.segment is not None and p.segment.kind == SegmentKind.PRODUCT:
            self._product_slot(p.elapsed_s)
        self._clear_sold_out()
        return True

    def _entered_segment(self) -> None:
        state = self.service.state
        p = state.pacing(self.service.now())
        self._late_by = self._rng.uniform(-20.0, 45.0)
        self._promos_this_slot = 0
        if p.segment is None:
            return
        self._say(f"segment {p.index + 1}/{len(state.plan.segments)} {p.segment.kind.value}: {p.segment.title}")
        sku = p.segment.product_sku
        if p.segment.kind == SegmentKind.PRODUCT and sku and not state.queue.is_sold_out(sku):
            self._do(commands.set_shelf, sku, True)
            self._do(commands.explain, sku)
        elif state.queue.explaining is not None:
            self._do(commands.explain, None)

    def _product_slot(self, elapsed: float) -> None:
        due = (60.0, 180.0)
        if self._promos_this_slot < len(due) and elapsed >= due[self._promos_this_slot]:
            self._promos_this_slot += 1
            if self.service.state.queue.explaining:
                self._do(commands.mark_promo)

    def _clear_sold_out(self) -> None:
        q = self.service.state.queue
        for sku in [s for s in q.order if s in q.on_shelf and q.is_sold_out(s)]:
            self._do(commands.set_shelf, sku, False)

    def _do(self, command: Callable[..., list[Event]], *args: object) -> None:
        for e in self.service.run(command, *args):
            self._say(f"ack id={e.id} kind={e.kind} ref={e.ref or e.product or ''}")


def _never() -> bool:
    return False


def run_rehearsal(service: ShowService, clock: FakeClock, speed: float, seed: int, say: Say,
                  stop: Callable[[], bool] = _never) -> bool:
    """Play the whole show, or until `stop()`; True if it played to the end.
    `clock` is the service's clock; this loop moves it."""
    sim = RoomSimulator(seed=seed)
    controller = AutoController(service, seed, say)
    sim_start, real_start = clock.now(), time.monotonic()
    report_every = 300
    ended = False
    while not stop():
        if not controller.act(clock.now()):
            ended = True
            break
        clock.advance(1.0)
        pace(real_start + (clock.now() - sim_start) / speed, stop)
        events = sim.step(clock.now(), room_context(service.state, clock.now()))
        service.ingest(events)
        if int(clock.now() - sim_start) % report_every == 0:
            _report(service, say)
    service.writer.flush()
    _report(service, say)
    return ended


def pace(real_deadline: float, stop: Callable[[], bool]) -> None:
    """Sleep until the deadline, in short naps, so that a stop is seen within 0.2 s at any speed."""
    while not stop():
        delay = real_deadline - time.monotonic()
        if delay <= 0:
            return
        time.sleep(min(delay, 0.2))


def _report(service: ShowService, say: Say) -> None:
    s = service.status()
    t = s["totals"]
    seg = s["segment"] or {}
    say(
        f"[{int(s['show_elapsed_s']) // 60:4d} min] {s['state']:7s} {seg.get('title', '-')} "
        f"online={t['online']:.0f} peak={t['peak_online']:.0f} orders={t['orders']} GMV={t['gmv']:.2f}"
    )


class RoomFeed:
    """The simulator as a live feed for a show a person runs (the window's rehearsal):
    `tick(now)` plays every whole simulated second up to `now` into the service, until
    the first second after the show's end; then `finished` and it plays nothing more."""

    def __init__(self, service: ShowService, seed: int = 1, language: str = DEFAULT_LANGUAGE) -> None:
        self.service = service
        self.sim = RoomSimulator(seed=seed, language=language)
        self._t: float | None = None
        self.finished = False

    def resume(self) -> None:
        """Carry on a show already under way (the window reopened it after a restart): the
        room keeps its audience, and order ids go on past the orders in the log (a repeated
        id would be dropped as a duplicate)."""
        with self.service.lock:
            totals = self.service.state.snapshot(self.service.now()).totals
        self.sim = RoomSimulator(seed=self.sim.seed, online=float(totals.online), entries=int(totals.views),
                                 _order_seq=int(totals.orders), language=self.sim.language)

    def tick(self, now: float) -> int:
        if self._t is None:
            self._t = now
        taken = 0
        while not self.finished and self._t + 1.0 <= now:
            self._t += 1.0
            with self.service.lock:
                ctx = room_context(self.service.state, self._t)
            self.finished = ctx.ended
            taken += self.service.ingest(self.sim.step(self._t, ctx))
        return taken
