"""The replay cache is derived and exact: cached + recomputed minutes = the whole log."""

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.show import status_dict
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.models import MinuteAggregate
from controlroom.store.aggregates import aggregate, checkpoint, load_minutes


def play(service, clock, seconds, sim):
    for _ in range(seconds):
        clock.advance(1)
        service.ingest(sim.step(clock.now(), room_context(service.state, clock.now())))


def test_cache_plus_late_and_open_minutes_equals_the_whole_log(service, clock, repo):
    service.start()
    sim = RoomSimulator(seed=11)
    play(service, clock, 20 * 60, sim)
    service.writer.flush()
    with repo.engine.connect() as conn:
        written = checkpoint(conn, service.show_id)
        conn.commit()
        cached = conn.execute(MinuteAggregate.__table__.select()).all()
    assert written >= 15 and len(cached) == written
    # late samples for closed minutes, and more live minutes after the checkpoint
    early = clock.now() - 15 * 60
    service.ingest([Event(ev.COMMENT, early, user="late-1", text="late", flag="negative"),
                    Event(ev.VIEWERS, early + 1, value=99999, qty=1),
                    Event(ev.LIKE, early + 2, qty=500)])
    play(service, clock, 5 * 60, sim)
    service.writer.flush()
    with repo.engine.connect() as conn:
        assert load_minutes(conn, service.show_id) == aggregate(conn, service.show_id, -1e9, 1e12)
    replayed = status_dict(repo.load_show(service.show_id).snapshot(clock.now()))
    assert replayed == service.status()
    assert replayed["totals"]["peak_online"] == 99999


def test_the_writer_checkpoints_by_itself_and_on_close(repo, clock):
    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import ShowService, create_show
    from controlroom.store.writer import FeedWriter

    writer = FeedWriter(repo.engine, checkpoint_every_s=0.0)
    show_id = create_show(repo, "cp", 30, sample_products(), clock.now())
    service = ShowService(repo, writer, show_id, clock)
    service.start()
    play(service, clock, 10 * 60, RoomSimulator(seed=2))
    writer.close()
    with repo.engine.connect() as conn:
        rows = conn.execute(MinuteAggregate.__table__.select()).all()
    assert len(rows) >= 7
    assert status_dict(repo.load_show(show_id).snapshot(clock.now())) == service.status()
