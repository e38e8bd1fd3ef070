"""One open show for the window: store, writer, service, the rehearsal's room feed, and
the thread-safe inbox the service's listeners fill (listeners never touch widgets)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from controlroom.core import events as ev
from controlroom.core.clock import Clock, SpeedClock, SystemClock
from controlroom.core.events import Event
from controlroom.core.pacing import ShowStatus
from controlroom.core.sample_words import plan_words
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.rehearsal import RoomFeed
from controlroom.feeds.replay_source import ReplayFeed, recorded_show_id, reopened_replay
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.clock_anchor import clock_anchor_path
from controlroom.store.db import db_url, open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter
from controlroom.ui.charts_data import ChartData
from controlroom.ui.i18n import current_language

Audience = RoomFeed | ReplayFeed  # what plays a rehearsal's room: the simulator or a recording
REHEARSAL_ROOM = "rehearsal"  # the `room` a rehearsal show is created with
RESCUE_FILE = "events-not-stored.jsonl"


def default_rescue_path() -> Path:
    """Beside the default database and the clock anchor, in the user's data folder."""
    folder = clock_anchor_path().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # the writer says so if it ever needs the file; the events stay in memory meanwhile
    return folder / RESCUE_FILE


class Inbox:
    """Events the service folded, waiting for the UI thread. Filled from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[Event] = []

    def put(self, events: list[Event]) -> None:
        with self._lock:
            self._events.extend(events)

    def take(self) -> list[Event]:
        with self._lock:
            out, self._events = self._events, []
        return out


class ShowSession:
    """Attributes: url, repo, writer, service, feed (a RoomFeed, a ReplayFeed or None), inbox, charts."""

    def __init__(self, db: str | None, show_id: int, clock: Clock | None = None,
                 rehearsal_seed: int | None = None, repo: ShowRepository | None = None,
                 own_engine: bool | None = None, rescue_path: Path | None = None,
                 language: str | None = None, audience: Callable[[ShowService], Audience] | None = None) -> None:
        """`audience` (a new replay's, feeds/replay_source.py) makes the show's feed in place of the simulator."""
        if isinstance(clock, SpeedClock) and rehearsal_seed is None and audience is None:
            raise ValueError("a show runs in real time: a faster clock is only for a new rehearsal")
        self.url = db_url(db)
        self._own_engine = repo is None if own_engine is None else own_engine
        self.repo = repo or ShowRepository(open_engine(self.url))
        # Events the database refuses for good (a row it cannot store) are kept in a file in
        # the user's data folder; the window's banner names it.
        self.writer = FeedWriter(self.repo.engine, rescue_path=rescue_path or default_rescue_path())
        self.service = ShowService(self.repo, self.writer, show_id, clock or SystemClock(anchor_path=clock_anchor_path()))
        self.inbox = Inbox()
        self.charts = ChartData()
        self.charts.load(self.repo, show_id)
        self.feed: Audience | None = None
        if audience is not None:
            self.feed = audience(self.service)
        elif self._is_live_replay():  # reopened (after a crash): the recording plays on
            self.feed = reopened_replay(self.service, self.repo, self.url)
        elif rehearsal_seed is not None or self._is_live_rehearsal():
            # the room speaks the window's language (a rehearsal is created in it)
            self.feed = RoomFeed(self.service, rehearsal_seed or 1, language or current_language())
            if rehearsal_seed is None:  # reopened (after a crash): the room carries on
                self.feed.resume()
        self._closed = False
        self._log: list[Event] | None = None
        self.service.subscribe(self._listen)

    @property
    def show_id(self) -> int:
        return self.service.show_id

    def _is_live_replay(self) -> bool:
        view = self.service.view()
        return recorded_show_id(view.info.room) is not None and view.status != ShowStatus.ENDED

    def _is_live_rehearsal(self) -> bool:
        view = self.service.view()
        return view.info.room == REHEARSAL_ROOM and view.status != ShowStatus.ENDED

    def _listen(self, events: list[Event]) -> None:
        # May run on a feed thread: buffers only, under their own locks.
        self.inbox.put(events)
        self.charts.add(events)

    def read_log(self, feed_kinds: tuple[str, ...], look_back_ids: int, max_rows: int) -> list[Event]:
        """The log panel's first rows, in time order: every operator event, and the feed of
        the last `look_back_ids` rows (database reads only: any thread)."""
        repo, sid = self.repo, self.show_id
        operator = list(repo.events(sid, kinds=tuple(sorted(ev.OPERATOR_KINDS))))
        since = max(0, self.service.view().last_event_id - look_back_ids)
        feed = list(repo.events(sid, kinds=feed_kinds, after_id=since))
        return sorted(operator + feed, key=lambda e: (e.ts, e.id or 0))[-max_rows:]

    def keep_log(self, events: list[Event]) -> None:
        """Rows read off the UI thread for the window to take once (`take_log`)."""
        self._log = events

    def take_log(self) -> list[Event] | None:
        out, self._log = self._log, None
        return out

    def tick_feed(self) -> int:
        """Play the rehearsal's room up to now; once the show has ended the room feed stops."""
        if self.feed is None:
            return 0
        taken = self.feed.tick(self.service.now())
        if self.feed.finished:
            self.feed = None
        return taken

    def close(self) -> None:
        """Flush and release (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self.service.unsubscribe(self._listen)
        self.writer.flush()
        self.writer.close()
        self.service.close()  # let another process (serve, tail, import) write to the show
        if self._own_engine:
            self.repo.engine.dispose()


def new_rehearsal(db: str | None, title: str, minutes: float, now: float | None = None,
                  clock: Clock | None = None, seed: int = 1, language: str | None = None) -> ShowSession:
    """A fresh rehearsal show over the sample catalogue, its room played by the simulator;
    its plan, products and audience in `language` (default: the window's)."""
    lang = language or current_language()
    repo = ShowRepository(open_engine(db))
    when = now if now is not None else (clock.now() if clock else time.time())
    sid = create_show(repo, title, minutes, sample_products(lang), when, room=REHEARSAL_ROOM, words=plan_words(lang))
    return ShowSession(db, sid, clock, rehearsal_seed=seed, repo=repo, own_engine=True, language=lang)
