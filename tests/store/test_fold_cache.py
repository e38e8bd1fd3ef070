"""The replay cache is the live fold's own buckets: cache + the rest of the log, folded
the same way, equals the live state — with late events, a restart mid-minute, the end."""

import json

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import Metrics
from controlroom.core.show import status_dict
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.models import FoldMinute, ReplayMark
from controlroom.store import fold_cache


def play(service, clock, seconds, sim):
    for _ in range(seconds):
        clock.advance(1)
        service.ingest(sim.step(clock.now(), room_context(service.state, clock.now())))


def checkpoint(repo, show_id):
    with repo.engine.connect() as conn:
        n = fold_cache.checkpoint(conn, show_id)
        conn.commit()
    return n


def replayed(repo, service, clock):
    return status_dict(repo.load_show(service.show_id).snapshot(clock.now()))


def whole_log_fold(repo, show_id):
    """The fold of every event of the log, with no cache at all."""
    m = Metrics()
    for e in repo.events(show_id):
        if e.kind == ev.SHOW_ENDED and m.ended_at is None:
            m.ended_at = e.ts
        m.apply(e)
    return m


def test_cache_plus_late_and_open_minutes_equals_the_live_fold(service, clock, repo):
    service.start()
    sim = RoomSimulator(seed=11)
    play(service, clock, 20 * 60, sim)
    service.writer.flush()
    assert checkpoint(repo, service.show_id) >= 15
    early = clock.now() - 15 * 60
    # late events into cached minutes, from users already counted there and new ones
    users = sorted(service.state.metrics.buckets[int(early // 60)].users)
    service.ingest([Event(ev.COMMENT, early, user="late-1", text="late", flag="negative"),
                    Event(ev.LIKE, early + 1, user=users[0] if users else "x", qty=5),
                    Event(ev.VIEWERS, early + 2, value=99999, qty=1),
                    Event(ev.LIKE, early + 3, qty=500)])
    play(service, clock, 5 * 60 + 17, sim)  # a restart mid-minute
    service.writer.flush()
    assert replayed(repo, service, clock) == service.status()
    assert replayed(repo, service, clock)["totals"]["peak_online"] == 99999
    live = service.state.metrics.buckets
    assert {m: b.interactors for m, b in live.items()} == {
        m: b.interactors for m, b in whole_log_fold(repo, service.show_id).buckets.items()}
    checkpoint(repo, service.show_id)  # the late events move into the cache too
    again = repo.load_show(service.show_id)
    assert again.metrics.buckets == live


def test_an_interacting_user_late_by_more_than_two_minutes_is_not_counted_twice(service, clock, repo):
    service.start()
    t = clock.now()
    service.ingest([Event(ev.VIEWERS, t, value=50), Event(ev.COMMENT, t + 1, user="a", text="hi")])
    clock.advance(10 * 60)
    service.ingest([Event(ev.COMMENT, t + 2, user="a", text="late by 10 minutes")])
    assert service.state.metrics.buckets[int((t + 1) // 60)].interactors == 1
    service.writer.flush()
    assert replayed(repo, service, clock) == service.status()


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
        rows = conn.execute(FoldMinute.__table__.select()).all()
        mark = conn.execute(ReplayMark.__table__.select()).one()
    assert len(rows) >= 7 and mark.closed_minute > 0
    assert all(isinstance(json.loads(r.bucket), dict) for r in rows)
    assert status_dict(repo.load_show(show_id).snapshot(clock.now())) == service.status()


def test_feed_after_the_end_is_folded_apart_and_an_end_refolds_the_cache(service, clock, repo):
    service.start()
    sim = RoomSimulator(seed=5)
    play(service, clock, 8 * 60, sim)
    service.writer.flush()
    checkpoint(repo, service.show_id)
    future = clock.now() + 90  # a source whose clock runs ahead: stamped after the coming end
    service.ingest([Event(ev.LIKE, future, qty=7), Event(ev.ORDER, future, value=12.5, qty=1, ref="F1")])
    before = service.status()["totals"]
    service.end()
    after = service.status()
    assert after["totals"]["likes"] == before["likes"] - 7
    assert after["totals"]["gmv"] == round(before["gmv"] - 12.5, 2)
    assert after["after_end"]["likes"] == 7 and after["after_end"]["gmv"] == 12.5
    clock.advance(30)
    service.ingest([Event(ev.ORDER, clock.now(), value=3.0, qty=1, ref="late-1")])
    service.writer.flush()
    assert replayed(repo, service, clock) == service.status()
    checkpoint(repo, service.show_id)
    assert replayed(repo, service, clock) == service.status()
