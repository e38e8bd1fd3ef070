"""One writing process per show; counted within a process; dropped when the holder dies."""

from __future__ import annotations

import subprocess
import sys

import pytest

from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.show_lock import ShowLock, ShowLockError

HOLD = """
import sys, time
from controlroom.store.db import open_engine
from controlroom.store.show_lock import ShowLock
lock = ShowLock(open_engine(sys.argv[1]), int(sys.argv[2]))
print("held", flush=True)
time.sleep(60)
"""


def url_of(repo):
    return repo.engine.url.render_as_string(hide_password=False)


def test_another_process_holding_the_show_refuses_a_service(repo, writer, clock):
    sid = create_show(repo, "t", 60, sample_products(), clock.now())
    other = create_show(repo, "u", 60, sample_products(), clock.now())
    proc = subprocess.Popen([sys.executable, "-c", HOLD, url_of(repo), str(sid)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(ShowLockError, match=f"show {sid} is open in another ControlRoom process"):
            ShowService(repo, writer, sid, clock)
        ShowService(repo, writer, other, clock).close()
    finally:
        proc.kill()
        proc.wait()
    service = ShowService(repo, writer, sid, clock)  # the OS dropped the dead holder's lock
    service.close()


def test_the_lock_is_counted_within_one_process(repo, writer, clock):
    sid = create_show(repo, "t", 60, sample_products(), clock.now())
    a = ShowService(repo, writer, sid, clock)
    b = ShowService(repo, writer, sid, clock)
    a.close()
    a.close()  # twice is harmless
    probe = [sys.executable, "-c", HOLD.replace("time.sleep(60)", ""), url_of(repo), str(sid)]
    assert subprocess.run(probe, capture_output=True, timeout=30, check=False).returncode != 0  # b still holds it
    b.close()
    assert subprocess.run(probe, capture_output=True, timeout=30, check=False).returncode == 0


def test_no_lock_for_an_in_memory_database():
    from controlroom.store.db import open_engine

    engine = open_engine("sqlite://")
    lock = ShowLock(engine, 1)
    assert lock.path is None
    lock.release()
