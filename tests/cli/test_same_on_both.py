"""Issue 12, done when: the same seeded rehearsal on SQLite and on PostgreSQL gives equal
`status` totals (real `controlroom rehearse` and `status` processes on each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

START = 1_764_000_017.0  # the same start on both: the feed falls into the same UTC minutes


def controlroom(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "controlroom", *args], capture_output=True, text=True, timeout=600,
                          check=False, env={**os.environ, "PYTHONPATH": os.getcwd()})


def rehearsed_status(db: str) -> dict:
    done = controlroom("rehearse", "--db", db, "--minutes", "30", "--speed", "3000", "--seed", "7", "--clock-start", str(START))
    assert done.returncode == 0, done.stderr
    done = controlroom("status", "--db", db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_a_seeded_rehearsal_gives_equal_status_totals_on_sqlite_and_postgresql(tmp_path, pg_url):
    on_sqlite = rehearsed_status(str(tmp_path / "show.db"))
    on_server = rehearsed_status(pg_url)
    assert on_sqlite["totals"]["orders"] > 0 and on_sqlite["totals"]["comments"] > 0
    assert on_server["totals"] == on_sqlite["totals"]
    assert on_server["state"] == on_sqlite["state"] == "ended"
