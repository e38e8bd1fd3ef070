"""The sell-out forecast after a restart: the replay cache holds no order (store/fold_cache.py),
so rebuilding the show from cache + log gives every order to the forecast again, late ones
included, and `status` carries the same forecast as the live fold."""

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.show import status_dict
from controlroom.store import fold_cache


def test_the_forecast_replayed_through_the_cache_equals_the_live_one(service, clock, repo):
    fast, slow, off = service.state.queue.order[:3]
    service.start()
    service.run(commands.set_shelf, fast, True)
    service.run(commands.set_shelf, slow, True)
    for s in range(1, 12 * 60 + 1):
        clock.advance(1)
        batch = [Event(ev.VIEWERS, clock.now(), value=1000.0)]
        if s % 4 == 0:
            batch.append(Event(ev.ORDER, clock.now(), product=fast, qty=1 + s % 3, value=9.9, ref=f"f{s}"))
        if s % 50 == 0:  # a late order, stamped 40 s back
            batch.append(Event(ev.ORDER, clock.now() - 40, product=slow, qty=1, value=9.9, ref=f"s{s}"))
        if s % 90 == 0:
            batch.append(Event(ev.ORDER, clock.now(), product=off, qty=1, value=9.9, ref=f"o{s}"))
        service.ingest(batch)
    service.ingest([Event(ev.ORDER, clock.now(), product=fast, qty=60, value=9.9, ref="big")])
    service.writer.flush()
    with repo.engine.connect() as conn:
        assert fold_cache.checkpoint(conn, service.show_id) >= 9
        conn.commit()
    clock.advance(7)
    live = service.status()
    replayed = status_dict(repo.load_show(service.show_id).snapshot(clock.now()))
    assert set(live["forecast"]) == {fast, slow}
    assert all(isinstance(v, int) and v > 0 for v in live["forecast"].values())
    assert replayed["forecast"] == live["forecast"]
    assert replayed == live
