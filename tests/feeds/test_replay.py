"""Replaying a recorded show (feeds/replay_source.py, feeds/replay_run.py): the recording's
audience, and its operator's moves, played into a new rehearsal through the service, on a
real SQLite file; the recording never changes."""

from __future__ import annotations

from collections import Counter

import pytest

from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.feeds.replay_run import run_replay
from controlroom.feeds.replay_source import create_replay_show, read_recording
from controlroom.services.show_service import ShowService
from controlroom.store.db import open_engine, open_read_only
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter
from tests.feeds.recordings import NEVER_SHELVED, SLOT_A, START, events_digest, record_show

COMPARED = ("views", "comments", "likes", "shares", "follows", "gifts", "orders", "gmv")
LATER = START + 86_400.0  # the replay runs a day after the recording


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    path = tmp_path_factory.mktemp("rec") / "recording.db"
    return path, record_show(path)


def recording_of(path, sid):
    engine = open_read_only(path)
    try:
        return read_recording(ShowRepository(engine), sid)
    finally:
        engine.dispose()


def replay(path, recording, speed=1e6, **kw):
    """The replay in a new database at `path`: (its id, its status, its orders by ref, the outcome)."""
    engine = open_engine(path)
    repo = ShowRepository(engine)
    sid = create_replay_show(repo, recording, f"回放 #{recording.show_id}", LATER)
    writer = FeedWriter(engine)
    service = ShowService(repo, writer, sid, FakeClock(LATER))
    try:
        outcome = run_replay(service, service.clock, recording, speed, lambda _line: None, **kw)
        status = service.status()
    finally:
        writer.close()
        service.close()
    orders = {e.ref: e for e in repo.events(sid, kinds=(ev.ORDER,))}
    feed = list(ShowRepository(engine).events(sid, kinds=tuple(sorted(ev.FEED_KINDS))))
    engine.dispose()
    return sid, status, orders, outcome, feed


def recorded_orders(path, sid):
    engine = open_read_only(path)
    try:
        return {e.ref: e for e in ShowRepository(engine).events(sid, kinds=(ev.ORDER,))}
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_replay_at_50x_reproduces_the_audience_and_leaves_the_recording_byte_for_byte(recorded, tmp_path):
    path, sid = recorded
    before = events_digest(path)
    recording = recording_of(path, sid)
    new_sid, status, orders, outcome, _feed = replay(tmp_path / "replay.db", recording, speed=50)
    assert outcome.finished and status["state"] == "ended"
    want = {k: getattr(recording.totals, k) for k in COMPARED}
    assert want["orders"] > 50 and want["comments"] > 500  # a real audience, not an empty one
    assert {k: status["totals"][k] for k in COMPARED} == want
    original = recorded_orders(path, sid)
    assert {ref: (o.product, o.qty, o.value, o.flag) for ref, o in orders.items() if ref != "LATE-1"} == \
           {ref: (o.product, o.qty, o.value, o.flag) for ref, o in original.items() if ref != "LATE-1"}
    # The late order arrived while its product was on shelf, but is stamped in the opening, before it
    # was: replayed at its own time, the new run's rule flags it.
    assert (original["LATE-1"].flag, orders["LATE-1"].flag) == (None, ev.FLAG_OFF_SHELF)
    original_status = _recorded_status(path, sid)
    assert status["stock"] == original_status["stock"]  # the restock replayed on the new run's stock
    # Shifted by whole minutes: the per-minute figures too (peak, mean online, dwell, interaction rate);
    # one more oversell, the late order's.
    assert status["totals"] == {**original_status["totals"], "oversells": original_status["totals"]["oversells"] + 1}
    assert events_digest(path) == before


def _recorded_status(path, sid):
    engine = open_read_only(path)
    try:
        from controlroom.core.show import status_dict

        state = ShowRepository(engine).load_show(sid)
        return status_dict(state.snapshot(state.timer.ended_at or START))
    finally:
        engine.dispose()


def test_a_product_left_off_shelf_gets_its_orders_flagged_and_the_rest_match(recorded, tmp_path):
    path, sid = recorded
    recording = recording_of(path, sid)
    _sid, status, orders, outcome, _feed = replay(tmp_path / "off.db", recording, leave_off=frozenset({SLOT_A}))
    original = recorded_orders(path, sid)
    assert {k: status["totals"][k] for k in COMPARED if k != "orders"} == \
           {k: getattr(recording.totals, k) for k in COMPARED if k != "orders"}
    assert status["totals"]["orders"] == recording.totals.orders  # counted all the same, never dropped
    a_orders = [o for o in orders.values() if o.product == SLOT_A]
    assert len(a_orders) > 10 and {o.flag for o in a_orders} == {ev.FLAG_OFF_SHELF}
    rest = {ref: o.flag for ref, o in orders.items() if o.product != SLOT_A}
    assert rest == {ref: o.flag for ref, o in original.items() if o.product != SLOT_A}
    assert status["totals"]["oversells"] == len(a_orders) + sum(1 for o in original.values()
                                                                if o.product != SLOT_A and o.flag)
    assert outcome.order_flags[ev.FLAG_OFF_SHELF] == len(a_orders)


def test_late_events_are_replayed_in_time_order_ties_by_id_and_undone_moves_are_not(recorded, tmp_path):
    path, sid = recorded
    recording = recording_of(path, sid)
    _sid, _status, orders, _outcome, feed = replay(tmp_path / "order.db", recording)
    times = [e.ts for e in feed]
    assert times == sorted(times)  # the late order and comment went in where their times put them
    shift = orders["LATE-1"].ts - (START + 20)
    assert shift % 60 == 0 and LATER <= shift + recording.first_ts < LATER + 60  # whole minutes, from the replay's clock
    same = [e.text for e in feed if e.user == "same"]
    assert same == ["第一", "第二"]  # one second, the recorded arrival order
    engine = open_engine(tmp_path / "order.db")
    moves = list(ShowRepository(engine).events(_sid, kinds=(ev.PRODUCT_ON_SHELF, ev.UNDONE)))
    engine.dispose()
    assert NEVER_SHELVED not in {e.product for e in moves} and not any(e.kind == ev.UNDONE for e in moves)


def test_audience_only_runs_the_plan_on_its_own_and_counts_every_recorded_event(recorded, tmp_path):
    path, sid = recorded
    recording = recording_of(path, sid)
    _sid, status, orders, outcome, feed = replay(tmp_path / "auto.db", recording, moves=False)
    assert outcome.finished and status["state"] == "ended"
    assert len(feed) == len(recording.feed)  # nothing lost, nothing added: in the show or after its end
    kinds = Counter(e.kind for e in feed)
    assert kinds[ev.ORDER] == recording.totals.orders and kinds[ev.COMMENT] == sum(
        1 for e in recording.feed if e.kind == ev.COMMENT)
    assert set(orders) == set(recorded_orders(path, sid))


def test_the_new_show_has_the_recorded_plan_products_and_settings_in_a_room_of_its_own(recorded, tmp_path):
    path, sid = recorded
    recording = recording_of(path, sid)
    engine = open_engine(tmp_path / "same.db")
    repo = ShowRepository(engine)
    new = create_replay_show(repo, recording, "回放", LATER)
    state = repo.load_show(new)
    engine.dispose()
    assert [(s.uid, s.kind, s.planned_s, s.product_sku) for s in state.plan.segments] == \
           [(s.uid, s.kind, s.planned_s, s.product_sku) for s in recording.plan.segments]
    assert [p.sku for p in state.queue.products.values()] == [p.sku for p in recording.products]
    assert state.settings == recording.settings
    assert state.info.room == f"replay #{sid}" != recording.room  # the recorded room's baseline stays its own
