"""On PostgreSQL ids can commit out of order: a row with a smaller id committed after the
replay cache's mark was taken must still be replayed (store/fold_cache.py)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import insert, text

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.models import EventRow
from controlroom.services.show_service import create_show
from controlroom.store import fold_cache
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.rows import event_row

T0 = 1_700_000_000.0  # a minute boundary


def like(show_id, ts, qty):
    return event_row(show_id, Event(ev.LIKE, ts, qty=qty))


def blocked_on_a_lock(engine) -> bool:
    with engine.connect() as conn:
        return bool(conn.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE%'")))


def test_a_smaller_id_committed_after_a_larger_one_is_not_missed_by_the_cache(pg_url):
    engine = open_engine(pg_url)
    repo = ShowRepository(engine)
    show_id = create_show(repo, "乱序", 60, sample_products(), T0)
    slow = engine.connect()  # takes the smaller id, commits last
    slow.execute(insert(EventRow), [like(show_id, T0 + 5, 7)])
    with engine.begin() as fast:  # a larger id, committed at once; and a later minute, so T0's closes
        fast.execute(insert(EventRow), [like(show_id, T0 + 6, 1), like(show_id, T0 + 600, 1)])
    with engine.connect() as conn:
        ids = list(conn.scalars(text("SELECT id FROM events ORDER BY id")))
    done = threading.Event()

    def checkpoint() -> None:
        with engine.connect() as conn:
            fold_cache.checkpoint(conn, show_id, margin_minutes=0)
            conn.commit()
        done.set()

    worker = threading.Thread(target=checkpoint)
    worker.start()
    # Wait until the checkpoint either waits for the slow inserter or is already done; no timing is asserted.
    deadline = time.monotonic() + 60
    while not done.is_set() and not blocked_on_a_lock(engine) and time.monotonic() < deadline:
        time.sleep(0.05)
    slow.commit()
    slow.close()
    worker.join(60)
    assert done.is_set()
    state = repo.load_show(show_id)
    engine.dispose()
    assert len(ids) == 2  # the slow row was not visible when the mark could have been taken
    assert state.metrics.buckets[int(T0 // 60)].likes == 8  # 7 from the smaller id + 1
    assert state.metrics.totals().likes == 9
