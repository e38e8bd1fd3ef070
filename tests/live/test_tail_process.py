"""`controlroom tail` as a real process: bad lines cost only themselves; lost rows fail loudly."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from controlroom.app import main
from controlroom.feeds.config import CONFIG_ENV

pytestmark = pytest.mark.slow


@pytest.fixture
def watchdog():
    """Kills a process left running after 120 s: a test that fails must not hang the suite."""
    timers: list[threading.Timer] = []

    def watch(proc: subprocess.Popen) -> None:
        timer = threading.Timer(120, proc.kill)
        timer.daemon = True
        timer.start()
        timers.append(timer)

    yield watch
    for timer in timers:
        timer.cancel()


def _tail(db_path, feed, config_dir, watch) -> subprocess.Popen:
    assert main(["new-show", "--db", str(db_path), "--title", "t", "--minutes", "60"]) == 0
    env = {**os.environ, CONFIG_ENV: str(config_dir), "PYTHONUNBUFFERED": "1"}
    args = ["tail", "--db", str(db_path), "--show", "1", "--from-start", str(feed)]
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    watch(proc)
    assert proc.stdout.readline().startswith("show 1: following")
    return proc


def _comments(db_path) -> list[str]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM events WHERE kind = 'comment' ORDER BY id")]


def comment(text: str) -> str:
    return json.dumps({"type": "comment", "text": text}) + "\n"


def test_bad_lines_cost_only_themselves(db_path, config_dir, tmp_path, watchdog):
    """A line nested 100,000 deep and one with a lone surrogate among good lines: the
    good ones all go in, the two are reported by line number, the tail keeps going."""
    feed = tmp_path / "events.jsonl"
    feed.write_text(comment("a") + "[" * 100_000 + "\n" + '{"type": "comment", "text": "\\udc80"}\n'
                    + comment("b") + comment("c"), encoding="utf-8")
    proc = _tail(db_path, feed, config_dir, watchdog)
    seen = set()
    for err in proc.stderr:
        seen |= {n for n in ("line 2", "line 3") if n in err}
        if len(seen) == 2:
            break
    with open(feed, "a", encoding="utf-8") as f:
        f.write(comment("after"))
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "6 lines, 4 events taken" in out and "2 bad lines" in out
    assert _comments(db_path) == ["a", "b", "c", "after"]


@pytest.mark.skipif(not hasattr(__import__("resource"), "prlimit"), reason="needs Linux prlimit")
def test_rows_the_database_cannot_take_fail_the_command(db_path, config_dir, tmp_path, watchdog):
    """The tail process may write no byte more to any file (RLIMIT_FSIZE 0: what a full
    disk looks like to SQLite). Lines it reads then cannot reach the log: the command
    says so on stderr and exits 2; the log keeps what it had, intact."""
    import resource

    feed = tmp_path / "events.jsonl"
    feed.write_text(comment("before"), encoding="utf-8")
    proc = _tail(db_path, feed, config_dir, watchdog)
    deadline = time.monotonic() + 60
    while _comments(db_path) != ["before"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _comments(db_path) == ["before"]
    hard = resource.prlimit(proc.pid, resource.RLIMIT_FSIZE)[1]
    resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (0, hard))
    with open(feed, "a", encoding="utf-8") as f:
        f.write(comment("lost 1") + comment("lost 2"))
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert any(line.startswith("controlroom: ") and "could not" in line for line in err.splitlines()), err
    assert _comments(db_path) == ["before"]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
