"""`controlroom --replay ID --speed S`: a new rehearsal whose audience is a recorded show's,
played from the moment the trainee starts it, S times faster; the trainee drives the show."""

from __future__ import annotations

import argparse

import pytest

from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.ui import main
from controlroom.ui.window import MainWindow
from tests.feeds.recordings import PLAN_S, events_digest, record_show

COMPARED = ("views", "comments", "likes", "shares", "follows", "gifts", "orders", "gmv")
SPEED = 10


def test_the_recorded_audience_waits_for_the_start_then_plays_at_speed_into_the_trainees_show(qtbot, tmp_path, prefs):
    db = tmp_path / "room.db"
    sid = record_show(db)
    before = events_digest(db, sid)
    base = FakeClock()
    session = main.new_replay(str(db), sid, SPEED, base)
    window = MainWindow(session, prefs)
    qtbot.addWidget(window)
    try:
        assert session.show_id != sid
        base.advance(30)
        session.tick_feed()
        assert session.service.status()["totals"]["comments"] == 0  # nobody is there before the start
        session.service.start()
        for _ in range(int(sum(PLAN_S)) // SPEED):  # the trainee keeps nothing on shelf, ends on time
            base.advance(1)
            session.tick_feed()
        session.service.end()
        session.tick_feed()
        assert session.feed is None  # the room went with the end: the feed stamped after it is not played
        session.writer.flush()
        status = session.service.status()
        window.refresh()
        assert f"#{sid}" in window.windowTitle()
    finally:
        window.close()
        session.close()
    assert status["show_elapsed_s"] == sum(PLAN_S)
    assert {k: status["totals"][k] for k in COMPARED} == _recorded_totals(db, sid)
    flags = {e.flag for e in _orders(db, status["show_id"])}
    assert flags == {ev.FLAG_OFF_SHELF}  # nothing on shelf in this run: every recorded order says so
    assert events_digest(db, sid) == before


def _recorded_totals(db, sid):
    from controlroom.feeds.replay_source import read_recording
    from controlroom.store.db import open_read_only
    from controlroom.store.repository import ShowRepository

    engine = open_read_only(db)
    try:
        totals = read_recording(ShowRepository(engine), sid).totals
    finally:
        engine.dispose()
    return {k: getattr(totals, k) for k in COMPARED}


def _orders(db, sid):
    from controlroom.store.db import open_read_only
    from controlroom.store.repository import ShowRepository

    engine = open_read_only(db)
    try:
        return list(ShowRepository(engine).events(sid, kinds=(ev.ORDER,)))
    finally:
        engine.dispose()


def test_the_window_opens_a_replay_from_its_arguments(tmp_path):
    db = tmp_path / "room.db"
    sid = record_show(db)
    session = main.open_initial_session(argparse.Namespace(db=str(db), rehearsal=False, replay=sid, speed=5.0))
    try:
        view = session.service.view()
        assert view.info.room == f"replay #{sid}" and f"#{sid}" in view.info.title
        assert session.feed is not None and session.service.clock.speed == 5.0
    finally:
        session.close()


def _replay_until(session, base, seconds):
    for _ in range(seconds):
        base.advance(1)
        session.tick_feed()
    assert session.writer.flush()


def _reopened(db, show_id, at):
    from controlroom.ui.session import ShowSession

    return ShowSession(str(db), show_id, FakeClock(at))


def _finish(session, clock):
    """Run on to the plan's end (where the recording ended), then end the show."""
    end = session.service.state.timer.started_at + sum(PLAN_S)
    while clock.now() < end:
        clock.advance(min(1.0, end - clock.now()))
        session.tick_feed()
    session.service.end()
    session.tick_feed()
    assert session.writer.flush()
    return session.service.status()


def test_a_replay_reopened_after_a_restart_plays_on_without_losing_or_repeating_anyone(tmp_path):
    db = tmp_path / "room.db"
    sid = record_show(db)
    base = FakeClock()
    session = main.new_replay(str(db), sid, 1.0, base)
    session.service.start()
    _replay_until(session, base, int(sum(PLAN_S)) // 2)
    replay_id, halfway = session.show_id, session.service.status()["totals"]["comments"]
    session.writer.close()  # the process dies here: what was acknowledged is in the log, nothing more
    reopened = _reopened(db, replay_id, session.service.now())
    try:
        assert reopened.feed is not None and reopened.feed.recording.show_id == sid
        assert 0 < halfway == reopened.service.status()["totals"]["comments"]
        status = _finish(reopened, reopened.service.clock)
    finally:
        reopened.close()
    assert {k: status["totals"][k] for k in COMPARED} == _recorded_totals(db, sid)


def test_a_restart_between_two_events_of_one_second_plays_the_rest_of_that_second(tmp_path, monkeypatch):
    from controlroom.feeds import replay_source

    db = tmp_path / "room.db"
    sid = record_show(db)
    base = FakeClock()
    session = main.new_replay(str(db), sid, 1.0, base)
    session.service.start()
    feed, shift = session.feed, session.service.state.timer.started_at - session.feed.recording.origin
    stamps = [e.ts for e in feed.recording.feed]
    cut = next(i for i in range(1, len(stamps)) if stamps[i] == stamps[i - 1] and stamps[i] > feed.recording.origin)
    monkeypatch.setattr(replay_source, "FEED_BATCH_MAX", 1)  # one event a tick: stop inside that second
    base.t = stamps[cut] + shift
    while feed._next < cut:
        session.tick_feed()
    assert session.writer.flush()
    session.writer.close()
    monkeypatch.setattr(replay_source, "FEED_BATCH_MAX", 2000)
    reopened = _reopened(db, session.show_id, base.t)
    try:
        left = reopened.feed._feed[reopened.feed._next:]
        assert left == feed.recording.feed[cut:]  # the logged part of that second is not played again
        status = _finish(reopened, reopened.service.clock)
    finally:
        reopened.close()
    assert {k: status["totals"][k] for k in COMPARED} == _recorded_totals(db, sid)


def test_a_sped_up_replay_reopened_at_1x_plays_on_at_once(tmp_path):
    db = tmp_path / "room.db"
    sid = record_show(db)
    base = FakeClock()
    session = main.new_replay(str(db), sid, 10.0, base)
    session.service.start()
    _replay_until(session, base, 6)  # 60 s of show in 6 s
    session.writer.close()
    reopened = _reopened(db, session.show_id, base.now())  # the clock comes back at 1×, 54 s behind the log
    try:
        before = reopened.service.status()["totals"]["comments"]
        _replay_until(reopened, reopened.service.clock, 3)
        assert reopened.service.status()["totals"]["comments"] > before  # not silent until the clock catches up
    finally:
        reopened.close()


@pytest.mark.parametrize("room", ["replay #1", "replay #²"])
def test_a_show_that_only_looks_like_a_replay_gets_no_audience_on_reopening(tmp_path, room):
    """A real show whose room reads "replay #N", or a replay made --into another database
    whose #N here is another show: not its recording (no segment in common)."""
    from controlroom.core import commands
    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    db = tmp_path / "room.db"
    record_show(db)  # show 1: a real recording, with segments of its own
    engine = open_engine(db)
    other = create_show(ShowRepository(engine), "真场 Real show", 30, sample_products(), FakeClock().now(), room=room)
    engine.dispose()
    session = _reopened(db, other, FakeClock().now())
    try:
        session.service.run(commands.start)
        assert session.feed is None
    finally:
        session.close()
