"""Kill a running rehearsal at random moments; the log alone must say where the show is."""

import json
import random
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

KILLS = 12


def read_lines(proc, lines):
    for line in proc.stdout:
        lines.append((time.time(), line.rstrip("\n")))


def acks(lines):
    out = []
    for _t, line in lines:
        if line.startswith("ack "):
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            out.append(fields)
    return out


def status(db, show_id):
    done = subprocess.run([sys.executable, "-m", "controlroom", "status", "--db", str(db), "--show", str(show_id)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def kill_once(db, seed, speed, wait, after_segments=0):
    """Kill `wait` s after the rehearsal acknowledged `after_segments` segment changes (so a
    loaded machine's slow start-up cannot make every kill land in the same segment)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "controlroom", "rehearse", "--db", str(db), "--minutes", "20",
         "--speed", str(speed), "--seed", str(seed)],
        stdout=subprocess.PIPE, text=True, bufsize=1)
    lines: list = []
    reader = threading.Thread(target=read_lines, args=(proc, lines))
    reader.start()
    deadline = time.time() + 60
    while sum("kind=segment_started" in line for _t, line in list(lines)) < max(1, after_segments):
        assert time.time() < deadline and proc.poll() is None, "the rehearsal did not get going"
        time.sleep(0.01)
    time.sleep(wait)
    proc.kill()
    proc.wait(timeout=30)
    reader.join(timeout=30)
    return lines


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_acknowledged(tmp_path):
    rng = random.Random(20261121)
    db = tmp_path / "crash.db"
    checked_segments = set()
    for i in range(KILLS):
        speed = 1 if i % 2 == 0 else 150
        fast = speed > 1
        lines = kill_once(db, seed=i, speed=speed, wait=rng.uniform(0.0, 0.8 if fast else 2.5),
                          after_segments=1 + (i % 3 if fast else 0))
        show_id = int(next(line.split()[1] for _t, line in lines if line.startswith("show ")))
        acked = acks(lines)
        assert acked, "the rehearsal acknowledged nothing before it was killed"
        started_at = next(t for t, line in lines if "kind=show_started" in line)
        before = time.time()
        s = status(db, show_id)
        after = time.time()

        assert s["state"] == "running"
        last_segment = [a["ref"] for a in acked if a["kind"] == "segment_started"][-1]
        assert s["segment"]["uid"] == last_segment
        checked_segments.add(s["segment"]["index"])
        if speed == 1:  # the show goes on on the wall clock while the laptop is down
            assert before - started_at - 1.0 <= s["show_elapsed_s"] <= after - started_at + 1.0

        conn = sqlite3.connect(db)
        stored = dict(conn.execute("SELECT id, kind FROM events WHERE show_id = ?", (show_id,)).fetchall())
        missing = [a for a in acked if stored.get(int(a["id"])) != a["kind"]]
        assert missing == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert len(checked_segments) > 1, "the fast runs should have been killed in different segments"
