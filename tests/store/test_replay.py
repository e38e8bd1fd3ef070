"""Replay: the state rebuilt from the log alone equals the live state that wrote it."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from controlroom.core import commands as c
from controlroom.core.clock import FakeClock
from controlroom.core.commands import CommandError
from controlroom.core.show import status_dict
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.rehearsal import run_rehearsal
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.writer import FeedWriter


def replayed_status(service, now):
    service.writer.flush()
    return status_dict(service.repo.load_show(service.show_id).snapshot(now))


def test_a_whole_rehearsed_show_replays_to_the_same_state(repo, clock):
    show_id = create_show(repo, "replay", 40, sample_products(), clock.now())
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, show_id, clock)
    run_rehearsal(service, clock, speed=1e9, seed=5, say=lambda _line: None)
    live = service.status()
    assert live["state"] == "ended" and live["totals"]["orders"] > 50 and live["totals"]["comments"] > 500
    assert replayed_status(service, clock.now()) == live
    writer.close()


def test_replay_mid_show_matches_live_and_keeps_running_on_the_wall_clock(service, clock):
    service.start()
    service.run(c.set_shelf, "SKU-2001", True)
    from controlroom.feeds.simulator import RoomSimulator, room_context

    sim = RoomSimulator(seed=3)
    for _ in range(400):
        clock.advance(1)
        service.ingest(sim.step(clock.now(), room_context(service.state, clock.now())))
    service.next()
    clock.advance(90)
    live = service.status()
    assert replayed_status(service, clock.now()) == live
    later = status_dict(service.repo.load_show(service.show_id).snapshot(clock.now() + 600))
    assert later["state"] == "running"
    assert later["show_elapsed_s"] == pytest.approx(live["show_elapsed_s"] + 600)


COMMANDS = [
    (c.start, ()), (c.pause, ()), (c.resume, ()), (c.next_segment, ()), (c.previous_segment, ()),
    (c.skip, ()), (c.extend, (1,)), (c.extend, (-1,)), (c.mark_interaction, ()), (c.mark_promo, ("SKU-1001",)),
    (c.toggle_shelf, ("SKU-1001",)), (c.toggle_shelf, ("SKU-3001",)), (c.explain, ("SKU-1001",)),
    (c.set_stock, ("SKU-3001", 3)), (c.note, ("记一下",)), (c.jump, (3,)), (c.end_show, ()),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, len(COMMANDS) - 1), st.integers(0, 400)), max_size=40),
       seed=st.integers(0, 1000))
def test_any_sequence_of_commands_replays_exactly(repo, steps, seed):
    clock = FakeClock()
    writer = FeedWriter(repo.engine)
    show_id = create_show(repo, "prop", 60, sample_products(), clock.now())
    service = ShowService(repo, writer, show_id, clock)
    from controlroom.feeds.simulator import RoomSimulator, room_context

    sim, rng = RoomSimulator(seed=seed), random.Random(seed)
    for index, wait in steps:
        command, args = COMMANDS[index]
        try:
            service.run(command, *args)
        except CommandError:
            pass
        for _ in range(rng.randrange(0, 3)):
            clock.advance(wait / 3)
            service.ingest(sim.step(clock.now(), room_context(service.state, clock.now())))
    live = service.status()
    assert replayed_status(service, clock.now()) == live
    p = service.state.pacing(clock.now())
    assert p.elapsed_s >= 0 and p.show_elapsed_s >= 0
    writer.close()
