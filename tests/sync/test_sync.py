"""`controlroom sync` into a real PostgreSQL server: exactly the laptop's log, once, whatever happens."""

from __future__ import annotations

import random
import signal
import time

import pytest

from tests.sync.helpers import cli, events, marks, spawn, sqlite_url, status


def _titles_and_rooms(url: str) -> list[tuple[str, str]]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(text("SELECT title, room FROM shows ORDER BY id"))]
    engine.dispose()
    return rows


def _local_max_id(path) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT max(id) FROM events").fetchone()[0]


@pytest.mark.slow
def test_a_show_synced_twice_is_on_the_server_once_with_the_laptops_status(laptop, pg_url):
    first = cli("sync", "--db", str(laptop), "--to", pg_url)
    again = cli("sync", "--db", str(laptop), "--to", pg_url)
    local = events(sqlite_url(laptop), 1)
    assert f"{sum(local.values())} events sent; synced" in first.stdout
    assert "0 events sent; synced" in again.stdout
    assert events(pg_url, 1) == local
    [(server_id, _origin, laptop_id, last_id, shipped)] = marks(pg_url)
    assert (server_id, laptop_id, last_id, shipped) == (1, 1, _local_max_id(laptop), sum(local.values()))
    assert status(pg_url, 1) == status(str(laptop), 1)
    assert _replay_mark(pg_url) > 0  # the server's replay cache was moved: status above folded from it


def _replay_mark(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        last_id = conn.scalar(text("SELECT last_id FROM replay_marks WHERE show_id = 1"))
    engine.dispose()
    return int(last_id or 0)


def test_two_syncs_of_one_laptop_at_once_send_each_event_once(laptop, pg_url):
    both = [spawn("sync", "--db", str(laptop), "--to", pg_url, "--batch", "500") for _ in range(2)]
    outcomes = [p.communicate(timeout=300) for p in both]
    assert [p.returncode for p in both] == [0, 0], outcomes
    (server_show, *_), = marks(pg_url)  # one server show (its id: a raced, rolled-back insert may burn id 1)
    assert events(pg_url, server_show) == events(sqlite_url(laptop), 1)


def test_a_show_the_laptop_does_not_have_is_refused_in_a_sentence(laptop, pg_url):
    done = cli("sync", "--db", str(laptop), "--to", pg_url, "--show", "7", check=False)
    assert done.returncode == 2 and "there is no show 7 in this database" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_two_laptops_shows_never_collide_on_the_server(laptop, tmp_path, pg_url):
    other = tmp_path / "other.db"
    cli("new-show", "--db", str(other), "--title", "B show", "--minutes", "60", "--room", "直播间 B")
    cli("sync", "--db", str(other), "--to", pg_url)
    cli("sync", "--db", str(laptop), "--to", pg_url)
    rows = marks(pg_url)
    assert [(r[0], r[2]) for r in rows] == [(1, 1), (2, 1)]  # both laptops' show 1, two server shows
    assert rows[0][1] != rows[1][1]  # two origins
    assert _titles_and_rooms(pg_url) == [("B show", "直播间 B"), ("直播间 A show", "直播间 A")]
    assert events(pg_url, 2) == events(sqlite_url(laptop), 1) and not events(pg_url, 1)


def test_a_password_is_never_on_the_command_line_nor_printed(laptop, pg_url):
    with_password = pg_url.replace("://postgres@", "://postgres:s3cret-pw@")
    refused = cli("sync", "--db", str(laptop), "--to", with_password, check=False)
    assert refused.returncode == 2 and "s3cret-pw" not in refused.stderr + refused.stdout
    assert "~/.pgpass" in refused.stderr
    done = cli("sync", "--db", str(laptop), CONTROLROOM_SYNC_TO=with_password)  # trust auth takes any password
    assert "s3cret-pw" not in done.stdout + done.stderr and ":***@" in done.stdout
    assert events(pg_url, 1) == events(sqlite_url(laptop), 1)


def test_the_server_can_be_named_by_a_libpq_service_entry(laptop, tmp_path, pg_url):
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[agency]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={url.username}\n")
    done = cli("sync", "--db", str(laptop), "--to", "postgresql+psycopg:///?service=agency",
               PGSERVICEFILE=str(services))
    assert "synced" in done.stdout
    assert events(pg_url, 1) == events(sqlite_url(laptop), 1)


@pytest.mark.slow
def test_sigkilled_at_random_moments_the_server_never_holds_an_event_twice_or_misses_one(laptop, pg_url):
    local_url, rng = sqlite_url(laptop), random.Random(12)
    local = events(local_url, 1)
    total, kills = sum(local.values()), 0
    for _ in range(40):
        before = _shipped(pg_url)
        if kills >= 10 or total - before < 300:
            break
        # A random moment: once this much more is on the server — at most a share of what is left,
        # so that ten kills fit in the show whatever the machine's speed.
        room = max(1, (total - before - 300) // (11 - kills))
        target = before + rng.randint(1, min(1200, room))
        proc = spawn("sync", "--db", str(laptop), "--to", pg_url, "--batch", "150")
        while proc.poll() is None and _shipped(pg_url) < target:
            time.sleep(rng.uniform(0.0, 0.005))  # a short poll: on a fast machine a long one overshot the target
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        [(server_id, _o, _l, last_id, shipped)] = marks(pg_url)
        on_server = events(pg_url, server_id)
        # Exactly the laptop's events up to the mark: the mark and the events moved together.
        assert on_server == events(local_url, 1, up_to_id=last_id)
        assert sum(on_server.values()) == shipped
        kills += shipped < total
    assert kills >= 10, "every kill should land mid-sync"
    cli("sync", "--db", str(laptop), "--to", pg_url, "--batch", "150")
    assert events(pg_url, 1) == local
    assert status(pg_url, 1) == status(str(laptop), 1)


def _shipped(url: str) -> int:
    rows = marks(url)
    return rows[0][4] if rows else 0
