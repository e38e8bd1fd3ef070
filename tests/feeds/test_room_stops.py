"""The rehearsal's room stops with the show: after `end`, time goes on and nothing comes in —
in the window's rehearsal (ShowSession's RoomFeed) and in `controlroom rehearse`'s loop
(run_rehearsal; the real `controlroom rehearse` process is checked end to end in
tests/recap/test_rehearsal_recap.py: its log holds nothing after the end but the late reports)."""

from __future__ import annotations

from controlroom.core import commands
from controlroom.core.clock import FakeClock
from controlroom.core.show_span import ended_at
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.rehearsal import run_rehearsal
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

T0 = 1_767_225_600.0


def _after_the_end(repo: ShowRepository, show_id: int) -> list:
    log = list(repo.events(show_id))
    end = ended_at(log)
    assert end is not None
    return [e for e in log if e.ts > end]


def test_the_windows_rehearsal_room_stops_when_the_show_ends(tmp_path):
    from controlroom.ui.session import new_rehearsal

    clock = FakeClock(T0)
    session = new_rehearsal(str(tmp_path / "w.db"), "彩排", 30, clock=clock)
    try:
        session.service.start()
        for sku in session.service.state.queue.order[:3]:
            session.service.run(commands.set_shelf, sku, True)
        for _ in range(10 * 60):
            clock.advance(1.0)
            session.tick_feed()
        assert session.service.status()["totals"]["orders"] > 0  # the room was selling
        session.service.run(commands.end_show)
        at_end = session.service.status()["totals"]
        taken = 0
        for _ in range(3 * 60):
            clock.advance(1.0)
            taken += session.tick_feed()
        assert taken == 0 and session.feed is None
        assert session.service.status()["totals"] == at_end
        assert session.writer.flush()
        assert _after_the_end(session.repo, session.show_id) == []
    finally:
        session.close()


def test_after_a_rehearsal_ends_the_simulated_room_makes_nothing(repo):
    clock = FakeClock(T0)
    sid = create_show(repo, "彩排", 20, sample_products(), clock.now())
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, sid, clock)
    try:
        run_rehearsal(service, clock, speed=1e9, seed=2, say=lambda _line: None)
        assert service.state.timer.ended_at is not None
        sim = RoomSimulator(seed=2, online=1500.0, entries=5000)  # a full room, were it still there
        made = []
        for _ in range(120):
            clock.advance(1.0)
            made += sim.step(clock.now(), room_context(service.state, clock.now()))
        assert made == []
    finally:
        writer.close()
        service.close()
