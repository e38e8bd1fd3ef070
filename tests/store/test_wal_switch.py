"""Switching a new SQLite file to WAL while others open it: SQLite may answer that pragma
"database is locked" at once, without waiting for the busy timeout (about 1 run in 15 of eight
threads opening one new file failed so before), so opening waits itself."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from controlroom.store import db
from controlroom.store.db import open_engine


def _open_together(url: str, n: int = 8) -> list[BaseException]:
    start = threading.Barrier(n)
    errors: list[BaseException] = []

    def one() -> None:
        start.wait()
        try:
            open_engine(url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_a_hundred_new_files_each_opened_by_eight_threads_at_once(tmp_path):
    failures = {i: _open_together(f"sqlite:///{tmp_path}/s{i}.db") for i in range(100)}
    assert {i: e for i, e in failures.items() if e} == {}
    engine = open_engine(tmp_path / "s0.db")
    with engine.connect() as conn:
        assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
    engine.dispose()


class _Cursor:
    """Answers the pragma "database is locked" `fails` times, then takes it."""

    def __init__(self, fails: int, message: str = "database is locked") -> None:
        self.fails, self.message, self.calls = fails, message, 0

    def execute(self, _sql: str) -> None:
        self.calls += 1
        if self.calls <= self.fails:
            raise sqlite3.OperationalError(self.message)


def test_the_switch_is_tried_again_while_locked():
    cursor = _Cursor(fails=3)
    db._enter_wal(cursor)
    assert cursor.calls == 4


def test_another_error_is_not_retried():
    cursor = _Cursor(fails=1, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        db._enter_wal(cursor)
    assert cursor.calls == 1


def test_a_lock_that_never_goes_gives_up_after_the_busy_time(monkeypatch):
    monkeypatch.setattr(db, "_BUSY_SECONDS", 0.05)
    cursor = _Cursor(fails=10**6)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        db._enter_wal(cursor)
    assert 2 <= cursor.calls < 100
