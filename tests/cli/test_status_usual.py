"""`controlroom status` (a process of its own, on the real clock) carries the below-usual
alerts of a show running well below its room's usual (issue 13 part 3)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from controlroom.core.clock import FakeClock
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter
from tests.usual_shows import DAY, KNOWN, T0, drive, open_show, rehearse


@pytest.mark.slow
def test_status_carries_the_below_usual_alerts(tmp_path):
    db = tmp_path / "show.db"
    engine = open_engine(db)
    repo, writer, clock = ShowRepository(engine), FeedWriter(engine), FakeClock()
    now = float(int(time.time()))
    for i, (online, cents) in enumerate(KNOWN):  # three rehearsals on the days before
        rehearse(repo, writer, clock, now - T0 - (3 - i) * DAY, online, cents)
    start = now - 12 * 60
    fourth = open_show(repo, writer, clock, start - T0)
    clock.t = start
    fourth.start()
    drive(fourth, clock, start, 12 * 60, 400, 300)  # samples up to 5 s ago: far below the usual
    writer.flush()
    fourth.close()
    writer.close()
    engine.dispose()
    done = subprocess.run([sys.executable, "-m", "controlroom", "status", "--db", str(db), "--show",
                           str(fourth.show_id)], capture_output=True, text=True, timeout=120, check=True)
    codes = {a["code"]: a["message"] for a in json.loads(done.stdout)["alerts"]}
    assert codes["below_usual_online"].startswith("online 60% below your last 3 shows at minute 1")
    assert codes["below_usual_gmv"].startswith("GMV ")
