"""One writer per show, whatever the database is called: a symlink, a symlinked folder,
`x/../`, or a hard link to the same file meets the lock a real process holds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from controlroom.store.db import open_engine
from controlroom.store.show_lock import ShowLock

REFUSED = "is open in another ControlRoom process"


def cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "controlroom", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture
def holder(tmp_path):
    """A real `rehearse` in real time holding show 1 of tmp_path/shows/a.db."""
    folder = tmp_path / "shows"
    folder.mkdir()
    db = folder / "a.db"
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "rehearse", "--db", str(db), "--minutes", "30"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.strip() == "show 1", proc.stderr.read()
        yield db
    finally:
        proc.kill()
        proc.wait(timeout=30)


def _second_writer(name) -> subprocess.CompletedProcess:
    return cli("rehearse", "--db", name, "--show", 1, "--minutes", 30, "--speed", 100000)


def _names(db, tmp_path):
    (tmp_path / "link.db").symlink_to(db)
    (tmp_path / "linked-folder").symlink_to(db.parent, target_is_directory=True)
    (tmp_path / "other").mkdir()
    return [tmp_path / "link.db", tmp_path / "linked-folder" / "a.db", tmp_path / "other" / ".." / "shows" / "a.db"]


def test_a_second_writer_through_another_name_is_refused(holder, tmp_path):
    for name in _names(holder, tmp_path):
        done = _second_writer(name)
        assert done.returncode == 2, (name, done.stdout[-300:], done.stderr)
        assert REFUSED in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert "ack id=" not in done.stdout


def test_a_hard_link_is_refused_for_writing(holder, tmp_path):
    other = tmp_path / "hard.db"
    os.link(holder, other)
    for name in (other, holder):
        done = _second_writer(name)
        assert done.returncode == 2, done.stderr
        assert "has 2 names (hard links)" in done.stderr and "ack id=" not in done.stdout
    os.unlink(other)


def test_no_order_id_is_stored_twice(holder, tmp_path):
    """What a second writer did before: its simulator's order ids were taken again (GMV doubled)."""
    link = tmp_path / "link.db"
    link.symlink_to(holder)
    assert _second_writer(link).returncode == 2
    conn = sqlite3.connect(holder)
    twice = conn.execute("SELECT ref FROM events WHERE kind = 'order' GROUP BY ref HAVING COUNT(*) > 1").fetchall()
    conn.close()
    assert twice == []


def test_in_one_process_every_name_is_the_same_holder(tmp_path):
    db = tmp_path / "a.db"
    engine = open_engine(db)
    (tmp_path / "link.db").symlink_to(db)
    other = open_engine(tmp_path / "link.db")
    a, b = ShowLock(engine, 1), ShowLock(other, 1)
    assert a.path == b.path == tmp_path / "a.db-locks"
    a.release()
    probe = ("import sys\nfrom controlroom.store.db import open_engine\nfrom controlroom.store.show_lock import ShowLock\n"
             "ShowLock(open_engine(sys.argv[1]), 1)")
    held = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=60)
    assert held.returncode != 0 and REFUSED in held.stderr  # b still holds it through the other name
    b.release()
    free = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=60)
    assert free.returncode == 0, free.stderr
    engine.dispose()
    other.dispose()


def test_a_second_writer_on_a_server_is_refused_with_the_same_sentence(pg_url):
    """PostgreSQL: the show lock is the server's advisory lock, held by a real `rehearse`;
    a second `rehearse` (another laptop, as far as the server can tell) is refused, a reader is not."""
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "rehearse", "--db", pg_url, "--minutes", "30"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.strip() == "show 1", proc.stderr.read()
        done = _second_writer(pg_url)
        assert done.returncode == 2, (done.stdout[-300:], done.stderr)
        assert REFUSED in done.stderr and len(done.stderr.strip().splitlines()) == 1
        assert cli("status", "--db", pg_url).returncode == 0
    finally:
        proc.kill()
        proc.wait(timeout=30)
    done = _second_writer(pg_url)  # the server dropped the killed holder's lock
    assert done.returncode == 0, done.stderr
