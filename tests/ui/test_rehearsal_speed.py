"""`controlroom --rehearsal --speed S`: the rehearsal's clock runs S times faster, and the
timer, the cues and the simulated room all follow it — the same show, sooner."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from controlroom.core.clock import FakeClock, SpeedClock
from controlroom.ui.session import ShowSession, new_rehearsal


def test_a_speed_clock_runs_faster_from_its_start_and_only_from_1_to_60():
    base = FakeClock()
    clock = SpeedClock(base, 60)
    t0 = clock.now()
    base.advance(10)
    assert clock.now() == t0 + 600
    for bad in (0.5, 61):
        with pytest.raises(ValueError, match="1 to 60"):
            SpeedClock(base, bad)


def play(tmp_path, name, speed, real_seconds):
    base = FakeClock()
    session = new_rehearsal(str(tmp_path / name), "彩排", 30, clock=SpeedClock(base, speed), seed=3)
    try:
        session.service.start()
        session.tick_feed()  # the room starts here (the window's feed timer ticks from the start)
        for _ in range(real_seconds):
            base.advance(1)
            session.tick_feed()
        session.writer.flush()
        return session.service.status()
    finally:
        session.close()


def test_ten_real_seconds_at_60x_are_the_same_ten_show_minutes_as_at_1x(tmp_path):
    fast = play(tmp_path, "fast.db", 60, 10)
    slow = play(tmp_path, "slow.db", 1, 600)
    assert fast["show_elapsed_s"] == slow["show_elapsed_s"] == 600
    def segment(status):
        return {k: v for k, v in status["segment"].items() if k != "uid"}  # a segment's uid is drawn anew

    assert segment(fast) == segment(slow)  # the timer and its cues where 10 show minutes put them
    assert segment(fast)["elapsed_s"] == 600
    assert fast["totals"] == slow["totals"]  # the same audience per show minute
    assert fast["totals"]["comments"] > 0


def test_a_reopened_show_refuses_a_faster_clock(tmp_path):
    base = FakeClock()
    first = new_rehearsal(str(tmp_path / "r.db"), "彩排", 30, clock=base)
    first.close()
    with pytest.raises(ValueError, match="real time"):
        ShowSession(str(tmp_path / "r.db"), first.show_id, SpeedClock(base, 10))


@pytest.mark.parametrize(("args", "said"), [
    (["--speed", "5"], "only for a rehearsal"),
    (["--rehearsal", "--speed", "61"], "1 to 60"),
])
def test_the_command_line_refuses_speed_for_a_real_show_or_out_of_range(tmp_path, args, said):
    out = subprocess.run([sys.executable, "-m", "controlroom", "--db", str(tmp_path / "x.db"), *args],
                         capture_output=True, text=True, env=os.environ, timeout=60)
    assert out.returncode == 2 and said in out.stderr
    assert not (tmp_path / "x.db").exists()  # refused before anything was opened
