"""`controlroom replay`, run as a user runs it: a real process replaying a recorded show
(tests/feeds/recordings.py) at high speed; the recording read back byte for byte."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.feeds.recordings import events_digest, file_digest, record_show

pytestmark = pytest.mark.slow
COMPARED = ("views", "comments", "likes", "shares", "follows", "gifts", "orders", "gmv")


def controlroom(*args: object, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "controlroom", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, check=False)


def status(db, show) -> dict:
    done = controlroom("status", "--db", db, "--show", show)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    path = tmp_path_factory.mktemp("rec") / "recording.db"
    return path, record_show(path)


def test_a_replay_into_a_new_database_matches_the_recording_and_changes_nothing_of_it(recording, tmp_path):
    path, sid = recording
    before, file_before = events_digest(path), file_digest(path)
    done = controlroom("replay", "--db", path, "--show", sid, "--speed", 400, "--into", tmp_path / "new.db")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"show 1 replays show {sid} at 400x")
    assert any(line.startswith("move id=") and "kind=show_started" in line for line in lines)
    result = json.loads(lines[-1])
    assert result["finished"] and result["recorded"] == result["replayed"]
    assert result["recorded"]["orders"] > 50
    replayed = status(tmp_path / "new.db", result["show"])
    assert {k: replayed["totals"][k] for k in COMPARED} == result["recorded"]  # what it said is what the log holds
    assert replayed["state"] == "ended" and f"#{sid}" in replayed["title"]
    assert events_digest(path) == before and file_digest(path) == file_before
    # Recorded without a comment watch, replayed with one (as serve and tail have it): the new run classifies.
    assert _flagged_comments(path) == 0 < _flagged_comments(tmp_path / "new.db")


def _flagged_comments(db) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM events WHERE kind = 'comment' AND flag IS NOT NULL").fetchone()[0])
    finally:
        con.close()


def test_a_replay_in_the_same_database_adds_a_show_and_leaves_the_recorded_rows_alone(recording, tmp_path):
    path, sid = recording
    same = tmp_path / "same.db"
    same.write_bytes(path.read_bytes())
    before = events_digest(same, sid)
    done = controlroom("replay", "--db", same, "--show", sid, "--speed", 1000, "--leave-off", "SKU-1001")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["show"] != sid and result["order_flags"]["off_shelf"] > 10
    assert events_digest(same, sid) == before
    assert f"回放 Replay #{sid}" in controlroom("shows", "--db", same).stdout


@pytest.mark.parametrize(("args", "said"), [
    (("replay", "--show", 99), "no show 99"),
    (("replay", "--show", 1, "--leave-off", "NOPE"), "NOPE"),
    (("replay", "--show", 1, "--leave-off", "SKU-1001", "--audience-only"), "--audience-only"),
    (("--replay", 1, "--speed", 61), "1 to 60"),
    (("--rehearsal", "--replay", 1), "not both"),
])
def test_refusals_say_why_and_write_nothing(recording, args, said):
    path, _sid = recording
    before = file_digest(path)
    done = controlroom("--db", path, *args, timeout=60)
    assert done.returncode == 2 and said in done.stderr
    assert file_digest(path) == before


def _count(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_ends_the_replay_cleanly_with_what_was_replayed_in_the_log(recording, tmp_path, sig, code):
    path, sid = recording
    new = tmp_path / "new.db"
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "replay", "--db", str(path), "--show", str(sid),
                             "--speed", "10", "--into", str(new)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 60
    while _count(new) < 20:  # the replay has begun to write
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the replay wrote nothing"
        time.sleep(0.02)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    result = json.loads(out.splitlines()[-1])
    assert not result["finished"] and "stopped before the end" in out
    logged = status(new, result["show"])
    assert {k: logged["totals"][k] for k in COMPARED} == result["replayed"]  # every event it took is in the log
    assert logged["state"] == "running" and result["replayed"]["comments"] < result["recorded"]["comments"]


def test_a_show_with_no_audience_recorded_is_refused(tmp_path):
    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    engine = open_engine(tmp_path / "empty.db")
    sid = create_show(ShowRepository(engine), "没开播", 30, sample_products(), 1_767_225_600.0)
    engine.dispose()
    done = controlroom("replay", "--db", tmp_path / "empty.db", "--show", sid, "--speed", 100, timeout=60)
    assert done.returncode == 2 and "no audience recorded" in done.stderr
    assert "replay" not in controlroom("shows", "--db", tmp_path / "empty.db").stdout.lower()
