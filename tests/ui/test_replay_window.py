"""`controlroom --replay ID --speed S`: a new rehearsal whose audience is a recorded show's,
played from the moment the trainee starts it, S times faster; the trainee drives the show."""

from __future__ import annotations

import argparse

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
