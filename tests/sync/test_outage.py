"""`sync --follow` keeps up with a running show through a server that stops and starts again."""

from __future__ import annotations

import signal

import pytest

from tests import pgserver
from tests.sync.helpers import ROOT, cli, env, events, marks, sqlite_url, status, wait_until


@pytest.fixture
def own_cluster():
    """A cluster of this test's own, since the test stops it."""
    bindir = pgserver._binaries()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries here")
    cluster = pgserver.Cluster(bindir)
    yield cluster
    cluster.stop()


def _spawn_logged(tmp_path, name: str, *args: str):
    import subprocess
    import sys

    out, err = (tmp_path / f"{name}.out").open("w"), (tmp_path / f"{name}.err").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", *args], stdout=out, stderr=err, text=True,
                            env=env(), cwd=ROOT)
    return proc, tmp_path / f"{name}.out", tmp_path / f"{name}.err"


def _shipped(url: str) -> int:
    try:
        rows = marks(url)
    except Exception:  # the server is down: nothing to read yet
        return -1
    return rows[0][4] if rows else 0


@pytest.mark.slow
def test_the_server_stopped_and_started_mid_show_ends_with_exactly_the_laptops_log(own_cluster, tmp_path):
    url = pgserver.fresh_database(own_cluster.url)
    laptop = tmp_path / "laptop.db"
    cli("new-show", "--db", str(laptop), "--title", "Outage", "--minutes", "30", "--room", "直播间 O")
    show = _spawn_logged(tmp_path, "rehearse", "rehearse", "--db", str(laptop), "--show", "1", "--minutes", "30",
                         "--speed", "150")[0]
    follower, out, err = _spawn_logged(tmp_path, "sync", "sync", "--db", str(laptop), "--to", url, "--follow")
    try:
        wait_until(lambda: _shipped(url) > 0, what="the follower ships while the show runs")
        assert show.poll() is None, "the show should still be running"
        own_cluster.halt()
        wait_until(lambda: "offline since" in err.read_text(), what="the follower says it is offline")
        assert follower.poll() is None and show.poll() is None
        own_cluster.start()
        assert show.wait(timeout=300) == 0
        local_count = sum(events(sqlite_url(laptop), 1).values())
        wait_until(lambda: _shipped(url) == local_count, what="the follower catches up")
    finally:
        follower.send_signal(signal.SIGTERM)
        code = follower.wait(timeout=60)
        show.kill()
        show.wait()
    assert code == 0
    assert out.read_text().count("connected") == 2  # at the start, and again after the outage
    assert events(url, 1) == events(sqlite_url(laptop), 1)
    assert status(url, 1) == status(str(laptop), 1)
