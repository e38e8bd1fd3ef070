"""A recorded show as a replay source: its audience (and its operator's moves) played again
into a new rehearsal show, shifted to the new show's clock.

The recording is read once (`read_recording`, from a read-only engine: it is never
changed) into its timeline: the feed events (viewers, comments, likes, shares, follows,
joins, gifts, orders) and the operator's moves (start, segment moves, pause, extend, shelf,
explain, promo, interaction, stock, end), in time order, ties by id (at one time the feed
first) — late and out-of-order events of the recording are replayed where their times put
them. Undone actions are left out.

Times keep their distance from the recorded show's start (`Recording.origin`): a replay at
S× runs the new show's clock S times faster, so a 60-minute recording is 60 minutes of show
time that take 60/S real minutes. Feed events go through `ShowService.ingest`, as the
simulator's do: every rule of the new run applies (an order for a product off shelf in the
new run is flagged off_shelf, stock is the new run's, repeated order ids are dropped).
Moves go through `ShowService.run` as commands checked against the new run's state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.events import Event
from controlroom.core.metrics import Totals
from controlroom.core.pacing import ShowStatus
from controlroom.core.plan import Plan
from controlroom.core.products import Product
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowState
from controlroom.services.show_service import ShowService
from controlroom.store.db import StoreError, open_read_only
from controlroom.store.repository import ShowRepository

# The operator's moves a headless replay plays again (edits, notes, incidents, checklist and
# host messages are the recorded operator's own, not moves that shape the show's numbers).
MOVE_KINDS = frozenset({
    ev.SHOW_STARTED, ev.SHOW_PAUSED, ev.SHOW_RESUMED, ev.SHOW_ENDED, ev.SEGMENT_STARTED,
    ev.SEGMENT_EXTENDED, ev.PRODUCT_ON_SHELF, ev.PRODUCT_OFF_SHELF, ev.EXPLAINING_STARTED,
    ev.PROMO_REPEATED, ev.INTERACTION_MARKED, ev.STOCK_ADJUSTED,
})
REPLAY_ROOM_PREFIX = "replay #"  # a replay's room: never the recorded room, whose baseline it would join
FEED_BATCH_MAX = 2000  # feed events handed to the service per call (a short hold of its lock)


@dataclass
class Recording:
    """A recorded show as the replay needs it: what to create the new show with (the plan,
    products and settings as they stood at the recording's end), its timeline, its totals."""

    show_id: int
    title: str
    room: str
    plan: Plan
    products: list[Product]
    settings: ShowSettings
    origin: float  # the recorded start (the first event's time when it never started)
    timeline: list[Event] = field(default_factory=list)
    totals: Totals | None = None

    @property
    def feed(self) -> list[Event]:
        return [e for e in self.timeline if e.kind in ev.FEED_KINDS]

    @property
    def first_ts(self) -> float:
        return min(self.origin, self.timeline[0].ts) if self.timeline else self.origin

    @property
    def minutes(self) -> float:
        return sum(s.planned_s for s in self.plan.segments) / 60.0


def read_recording(repo: ShowRepository, show_id: int) -> Recording:
    """The recorded show, read (never written) through `repo`."""
    state = repo.load_show(show_id)
    undone = state.undone
    wanted = tuple(sorted(ev.FEED_KINDS | MOVE_KINDS))
    timeline = [e for e in repo.events(show_id, kinds=wanted) if e.id not in undone]
    timeline.sort(key=_replay_order)
    started = state.timer.started_at
    origin = started if started is not None else (timeline[0].ts if timeline else state.info.created_at)
    q = state.queue
    return Recording(
        show_id=show_id, title=state.info.title, room=state.info.room, plan=state.plan,
        products=[q.products[s] for s in q.order], settings=state.settings, origin=origin,
        timeline=timeline, totals=state.metrics.totals(state.settings.viewer_drop_window_minutes),
    )


def _replay_order(e: Event) -> tuple[float, int, int]:
    """Time order, ties by id — but at one time the feed before the moves: a feed row gets its
    id when the writer commits it, which may be after a move logged meanwhile, so between the
    two the ids do not tell which came first (an order bought in the second a slot ended would
    otherwise be judged against the next slot's shelf)."""
    return (e.ts, 0 if e.kind in ev.FEED_KINDS else 1, e.id or 0)


def replay_room(recording: Recording) -> str:
    return f"{REPLAY_ROOM_PREFIX}{recording.show_id}"


def recorded_show_id(room: str) -> int | None:
    """The recorded show a replay's room names ("replay #12" → 12); None for any other room."""
    rest = room.removeprefix(REPLAY_ROOM_PREFIX)
    return int(rest) if rest != room and rest.isascii() and rest.isdigit() else None


def create_replay_show(repo: ShowRepository, recording: Recording, title: str, now: float) -> int:
    """The new rehearsal show: the recording's plan (segment uids kept, so moves find their
    segments), products and settings, in its own room."""
    return repo.create_show(title, recording.minutes, recording.plan, recording.products, recording.settings,
                            created_at=now, room=replay_room(recording))


def reopened_replay(service: ShowService, repo: ShowRepository, url: str) -> ReplayFeed | None:
    """The audience of a replay the window reopened after a restart: its recording read again
    (read-only, from the same database) and carried on after what the log holds. None when
    that show is not its recording (a replay made `--into` another database, a real show
    whose room happens to read "replay #N": no segment of theirs in common) or is no
    longer there; the show then goes on without an audience."""
    recorded = recorded_show_id(service.view().info.room)
    if recorded is None:
        return None
    try:
        source = open_read_only(url)
    except StoreError:
        return None
    try:
        recording = read_recording(ShowRepository(source), recorded)
    except StoreError:
        return None
    finally:
        source.dispose()
    with service.lock:
        ours = {seg.uid for seg in service.state.plan.segments}
    if not ours & {seg.uid for seg in recording.plan.segments}:  # the replay keeps the recording's uids
        return None
    feed = ReplayFeed(service, recording)
    feed.resume(*repo.feed_tail(service.show_id))
    return feed


def _identity(e: Event) -> tuple:
    """What a replayed feed event keeps of the recorded one (not its time, id or flag)."""
    return (e.kind, e.user, e.product, e.value, e.qty, e.ref, e.text)


def replayed(e: Event, ts: float) -> Event:
    """A recorded feed event as the new run receives it: its own time, no id, and no flag —
    the new run flags orders (off shelf, sold out…) and classifies comments itself. An order
    typed in by hand keeps its manual flag (a total, not one buyer's order)."""
    flag = e.flag if e.kind == ev.ORDER and e.flag == ev.FLAG_MANUAL else None
    return Event(e.kind, ts, user=e.user, product=e.product, value=e.value, qty=e.qty, ref=e.ref,
                 text=e.text, flag=flag, data=dict(e.data) if e.data else None)


def _live(s: ShowState) -> bool:
    return s.timer.status in (ShowStatus.RUNNING, ShowStatus.PAUSED)


def recorded_move(s: ShowState, now: float, recorded: Event) -> list[Event]:
    """A command: the recorded operator's move, done again now in the new run; nothing when
    it no longer applies (already so, the show not live, a product or segment not there).
    A segment move is the segment start alone: the shelf and explaining moves that came with
    it are in the recording as moves of their own."""
    kind, sku, status = recorded.kind, recorded.product, s.timer.status
    if kind == ev.SHOW_STARTED:
        return [Event(ev.SHOW_STARTED, now)] if status == ShowStatus.PLANNED else []
    if kind in (ev.SHOW_PAUSED, ev.SHOW_RESUMED, ev.SHOW_ENDED, ev.SEGMENT_STARTED, ev.SEGMENT_EXTENDED,
                ev.PROMO_REPEATED, ev.INTERACTION_MARKED) and not _live(s):
        return []
    if kind == ev.SHOW_PAUSED:
        return commands.pause(s, now) if status == ShowStatus.RUNNING else []
    if kind == ev.SHOW_RESUMED:
        return commands.resume(s, now) if status == ShowStatus.PAUSED else []
    if kind == ev.SHOW_ENDED:
        return commands.end_show(s, now)
    if kind == ev.SEGMENT_STARTED:
        known = s.plan.index_of(recorded.ref or "") is not None
        return [Event(ev.SEGMENT_STARTED, now, ref=recorded.ref, text=recorded.text)] if known else []
    if kind == ev.SEGMENT_EXTENDED:
        current = s.timer.current
        on_it = current is not None and current.uid == recorded.ref
        return commands.extend(s, now, float(recorded.value or 0.0) / 60.0) if on_it else []
    if kind == ev.INTERACTION_MARKED:
        return commands.mark_interaction(s, now, recorded.text or "")
    if sku is not None and sku not in s.queue.products:
        return []
    return _product_move(s, now, recorded)


def _product_move(s: ShowState, now: float, recorded: Event) -> list[Event]:
    kind, sku = recorded.kind, recorded.product
    if kind in (ev.PRODUCT_ON_SHELF, ev.PRODUCT_OFF_SHELF) and sku:
        return commands.set_shelf(s, now, sku, kind == ev.PRODUCT_ON_SHELF)
    if kind == ev.EXPLAINING_STARTED:
        return commands.explain(s, now, sku)
    if kind == ev.PROMO_REPEATED and sku:
        return commands.mark_promo(s, now, sku) if _live(s) else []
    if kind == ev.STOCK_ADJUSTED and sku:  # the same change, on the new run's stock
        stock = max(0, s.queue.stock(sku) + int(recorded.qty or 0))
        return commands.set_stock(s, now, sku, stock, recorded.text or "")
    return []


def play_move(service: ShowService, recorded: Event) -> list[Event]:
    """Do the move now; a move the new run refuses is skipped (it returns nothing)."""
    try:
        return service.run(recorded_move, recorded)
    except CommandError:
        return []


def ingest_feed(service: ShowService, events: Iterable[Event]) -> int:
    """Hand replayed feed events to the service, FEED_BATCH_MAX at a time; how many it took."""
    batch, taken = list(events), 0
    for start in range(0, len(batch), FEED_BATCH_MAX):
        taken += service.ingest(batch[start : start + FEED_BATCH_MAX])
    return taken


class ReplayFeed:
    """The recording's audience as the live feed of a show a person runs (the window's
    `--replay`), in place of the simulator: nothing plays before the trainee starts the
    show; from the start, `tick(now)` plays every recorded feed event whose time, counted
    from the recorded start, has come (the room as it was before the recorded start arrives
    at once, stamped before the new start). Once the show has ended it plays what is stamped
    up to the end and stops (`finished`), as the simulated room does."""

    def __init__(self, service: ShowService, recording: Recording) -> None:
        self.service = service
        self.recording = recording
        self._feed = recording.feed
        self._next = 0
        self._lag = 0.0  # seconds the rest plays earlier than recorded (after a restart, `resume`)
        self.finished = not self._feed

    def resume(self, last_ts: float | None, logged_at_last: list[Event]) -> None:
        """Carry on a replay already under way (the window reopened it after a restart): the
        recorded feed events the log holds are not played again — those replayed before its
        newest feed time `last_ts`, and at that time the ones the log holds (a restart may have
        come between two of one second's events; what the new run dropped, a repeated order
        id, is dropped again)."""
        with self.service.lock:
            started, now = self.service.state.timer.started_at, self.service.now()
        if started is None or last_ts is None:
            return
        shift = started - self.recording.origin
        # A faster replay's clock comes back at 1×, behind the log: what is left plays on from
        # now rather than once the clock has caught up with the log's times.
        self._lag = min(0.0, now - last_ts)
        feed, i = self._feed, self._next
        while i < len(feed) and feed[i].ts + shift < last_ts:
            i += 1
        end = i
        while end < len(feed) and feed[end].ts + shift == last_ts:
            end += 1
        held = Counter(_identity(e) for e in logged_at_last)
        rest = []
        for e in feed[i:end]:
            if held[_identity(e)] > 0:
                held[_identity(e)] -= 1
            else:
                rest.append(e)
        self._feed, self._next = feed[:i] + rest + feed[end:], i
        self.finished = self._next >= len(self._feed)

    def tick(self, now: float) -> int:
        if self.finished:
            return 0
        with self.service.lock:
            started, ended = self.service.state.timer.started_at, self.service.state.timer.ended_at
        if started is None:
            return 0
        shift = started - self.recording.origin + self._lag
        until = now if ended is None else min(now, ended)
        out: list[Event] = []
        while self._next < len(self._feed) and len(out) < FEED_BATCH_MAX:
            e = self._feed[self._next]
            if e.ts + shift > until:
                break
            out.append(replayed(e, e.ts + shift))
            self._next += 1
        self.finished = self._next >= len(self._feed) or (ended is not None and len(out) < FEED_BATCH_MAX)
        return ingest_feed(self.service, out)
