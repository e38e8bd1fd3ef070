"""A headless replay (`controlroom replay`): a recorded show played again into a new
rehearsal show, S times faster than real time, on a clock the loop moves.

By default the recorded operator's moves are played at their recorded times too, so the new
run is comparable with the recording: the same audience into the same moves gives the same
totals, and what differs (a product left off shelf with `leave_off`) shows as such. With
`moves=False` (`--audience-only`) the automatic controller of the rehearsal runs the show
instead (feeds/rehearsal.py): it starts the show at the recorded start, moves on when each
segment's planned time is up, shelves and explains each slot's product; a show it has not
ended when the recording's last event has played is ended then.

The loop steps the new show's clock one simulated second at a time (sleeping so that it
runs `speed` times faster than real time) and plays every recorded event whose shifted time
has come, in the recording's order; a move runs at exactly its own time. A `stop()` that
turns true (SIGTERM, Ctrl-C: cli/replay.py) ends it between two seconds: what was played is
written, the new show left as it is.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.core.pacing import ShowStatus
from controlroom.feeds.rehearsal import AutoController, pace
from controlroom.feeds.replay_source import Recording, ingest_feed, play_move, replayed
from controlroom.services.show_service import ShowService

Say = Callable[[str], None]
REPORT_EVERY_S = 300.0  # of show time between two progress lines


def _never() -> bool:
    return False


@dataclass
class ReplayOutcome:
    """What a replay did: `finished` (the whole recording played), feed events taken,
    moves done and skipped, and the flags the new run gave the replayed orders."""

    finished: bool = False
    feed_taken: int = 0
    moves_done: int = 0
    moves_skipped: int = 0
    order_flags: Counter = field(default_factory=Counter)


@dataclass
class _Replay:
    service: ShowService
    clock: FakeClock
    recording: Recording
    shift: float
    leave_off: frozenset[str]
    say: Say
    outcome: ReplayOutcome = field(default_factory=ReplayOutcome)
    batch: list[Event] = field(default_factory=list)

    def feed(self, e: Event) -> None:
        self.batch.append(replayed(e, e.ts + self.shift))

    def move(self, e: Event) -> None:
        self.flush(e.ts + self.shift)
        if e.kind == ev.PRODUCT_ON_SHELF and e.product in self.leave_off:
            self.outcome.moves_skipped += 1
            return
        done = play_move(self.service, e)
        if done:
            self.outcome.moves_done += 1
            for d in done:
                self.say(f"move id={d.id} kind={d.kind} ref={d.ref or d.product or ''}")
        else:
            self.outcome.moves_skipped += 1

    def flush(self, at: float) -> None:
        """Play the feed gathered so far, the clock moved to `at` (never back) first."""
        if at > self.clock.t:
            self.clock.advance(at - self.clock.t)
        batch, self.batch = self.batch, []
        if batch:
            self.outcome.feed_taken += ingest_feed(self.service, batch)


def run_replay(service: ShowService, clock: FakeClock, recording: Recording, speed: float, say: Say, *,
               moves: bool = True, leave_off: frozenset[str] = frozenset(), seed: int = 1,
               stop: Callable[[], bool] = _never) -> ReplayOutcome:
    """Play the recording into `service` (a new show, not started; `clock` is its clock and
    this loop moves it); stops early when `stop()` turns true."""
    items = recording.timeline if moves else recording.feed
    # Shifted by whole minutes (the clock waits up to a minute of show time first): the per-minute
    # figures (charts, the recap's minutes, mean online) fall into the same minutes as recorded.
    shift = math.ceil((clock.now() - recording.first_ts) / 60.0) * 60.0
    clock.advance(recording.first_ts + shift - clock.now())
    start_at = recording.origin + shift  # the room before the start keeps its lead
    run = _Replay(service, clock, recording, shift, leave_off, say)
    controller = None if moves else AutoController(service, seed, say)
    sim0, real0, next_report = clock.now(), time.monotonic(), clock.now() + REPORT_EVERY_S
    i = 0
    while i < len(items) and not stop():
        if controller is not None and clock.now() >= start_at and not _ended(service):
            controller.act(clock.now())
        target = clock.now() + 1.0
        pace(real0 + (target - sim0) / speed, stop)
        while i < len(items) and items[i].ts + run.shift <= target:
            e = items[i]
            i += 1
            if e.kind in ev.FEED_KINDS:
                run.feed(e)
            else:
                run.move(e)
        run.flush(target)
        if clock.now() >= next_report:
            next_report += REPORT_EVERY_S
            report(service, say)
    run.outcome.finished = i >= len(items)
    if run.outcome.finished and controller is not None and _live(service):
        service.run(commands.end_show)
    service.writer.flush()
    report(service, say)
    orders = service.repo.events(service.show_id, kinds=(ev.ORDER,))
    run.outcome.order_flags.update(e.flag or "none" for e in orders)
    return run.outcome


def _live(service: ShowService) -> bool:
    with service.lock:
        return service.state.timer.status in (ShowStatus.RUNNING, ShowStatus.PAUSED)


def _ended(service: ShowService) -> bool:
    with service.lock:
        return service.state.timer.status == ShowStatus.ENDED


def report(service: ShowService, say: Say) -> None:
    s = service.status()
    t = s["totals"]
    seg = s["segment"] or {}
    say(
        f"[{int(s['show_elapsed_s']) // 60:4d} min] {s['state']:7s} {seg.get('title', '-')} "
        f"online={t['online']:.0f} views={t['views']} comments={t['comments']} orders={t['orders']} "
        f"GMV={t['gmv']:.2f}"
    )
