"""A PostgreSQL server restarted mid-show: the writer keeps every row, says why it waits,
reconnects by itself and writes them once the server is back; nothing is set aside. The show
lock is taken again, so the restart does not let a second writer in."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.rows import event_values
from controlroom.store.show_lock import ShowLock, _server_held
from controlroom.store.writer import FeedWriter


def wait_for(predicate, timeout=60.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.05)
    return predicate()


def likes(n, start):
    return [event_values(1, Event(ev.LIKE, float(start + i), qty=1, ref=f"e{start + i}")) for i in range(n)]


@pytest.mark.slow
def test_the_writer_reconnects_after_a_server_restart_and_keeps_every_row(own_pg):
    engine = open_engine(own_pg.url)
    repo = ShowRepository(engine)
    writer = FeedWriter(engine, checkpoint_every_s=3600)
    writer.retry_after_s = 0.2
    try:
        assert writer.submit(likes(100, 0)).wait(30)
        own_pg.halt()
        during = writer.submit(likes(50, 100))
        assert wait_for(lambda: writer.unavailable is not None)
        assert "connection" in writer.unavailable or "shutting down" in writer.unavailable
        assert not during.done
        own_pg.start()
        assert during.wait(60)
        assert writer.submit(likes(25, 150)).wait(30)
        assert writer.unavailable is None and writer.set_aside == [] and writer.failed == 0
        assert repo.count_events(1) == 175
        assert sorted(e.ref for e in repo.events(1)) == sorted(f"e{i}" for i in range(175))
    finally:
        writer.close()
        engine.dispose()


PROBE = """
import sys
from controlroom.store.db import open_engine
from controlroom.store.show_lock import ShowLock
ShowLock(open_engine(sys.argv[1]), int(sys.argv[2]))
"""


def another_process_can_take(url: str, show_id: int) -> bool:
    done = subprocess.run([sys.executable, "-c", PROBE, url, str(show_id)], capture_output=True, text=True,
                          timeout=60, check=False, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert done.returncode == 0 or "is open in another ControlRoom process" in done.stderr, done.stderr
    return done.returncode == 0


@pytest.mark.slow
def test_the_show_lock_is_taken_again_after_a_server_restart(own_pg):
    engine = open_engine(own_pg.url)
    lock = ShowLock(engine, 7)
    hold = _server_held[(engine.url.render_as_string(hide_password=False), 7)]
    try:
        assert not another_process_can_take(own_pg.url, 7)
        own_pg.halt()
        assert not hold.check() and "connection to the server is lost" in lock.lost
        assert lock.lost_code == "away"  # what ShowService.health() and the window's banner say
        own_pg.start()
        assert wait_for(hold.check)  # what the keeper thread does every few seconds
        assert lock.lost is None and lock.lost_code is None
        assert not another_process_can_take(own_pg.url, 7)  # the restart did not free the show
    finally:
        lock.release()
        engine.dispose()
    assert another_process_can_take(own_pg.url, 7)
