"""The store: a real SQLite file in WAL mode, durable operator actions, the batched writer."""

import sqlite3
import time

import pytest
from sqlalchemy import create_engine, text

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.store.db import StoreError, db_url, default_db_path, open_engine
from controlroom.store.rows import event_values
from controlroom.store.writer import FeedWriter


def test_sqlite_runs_in_wal_mode_with_full_sync(db_path):
    engine = open_engine(db_path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    engine.dispose()


def test_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path().is_relative_to(tmp_path)
    assert db_url(None) == f"sqlite:///{default_db_path()}"
    assert db_url("sqlite:////x/y.db") == "sqlite:////x/y.db"


def test_operator_actions_are_committed_before_the_call_returns(service, repo):
    events = service.start()
    other = create_engine(repo.engine.url)  # another connection sees them at once
    with other.connect() as conn:
        kinds = list(conn.scalars(text("SELECT kind FROM events ORDER BY id")))
    other.dispose()
    assert kinds == [ev.SHOW_STARTED, ev.SEGMENT_STARTED]
    assert all(e.id for e in events)


def test_a_refused_command_writes_nothing(service, repo):
    with pytest.raises(c.CommandError):
        service.next()
    assert repo.count_events(service.show_id) == 0


def test_the_writer_commits_without_being_asked(repo):
    writer = FeedWriter(repo.engine)
    writer.put_many([event_values(1, Event(ev.LIKE, 1.0, qty=1)) for _ in range(10)])
    deadline = time.monotonic() + 10
    while repo.count_events(1) < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert repo.count_events(1) == 10  # no flush() was called
    writer.close()


def test_the_writer_splits_big_batches_and_close_writes_the_rest(repo):
    writer = FeedWriter(repo.engine, batch_size=100)
    writer.put_many([event_values(1, Event(ev.COMMENT, float(i), user="u", text="x")) for i in range(250)])
    writer.close()
    assert writer.written == 250 and writer.failed == 0 and repo.count_events(1) == 250


def test_a_file_that_is_not_a_database_is_refused_cleanly(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot use database"):
        open_engine(bad)


def test_a_newer_schema_is_refused(db_path):
    open_engine(db_path).dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '0099'")  # a revision this code does not know
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="has schema 0099, newer than this version of ControlRoom"):
        open_engine(db_path)


def test_missing_database_is_not_created_when_reading(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        open_engine(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_show_listing_and_plan_edits(service, repo):
    created = [s.uid for s in repo.load_plan(service.show_id).segments]
    plan = repo.load_plan(service.show_id)
    plan.segments.pop(1)
    service.update_plan(plan)
    assert [s.uid for s in repo.load_show(service.show_id).plan.segments] == [s.uid for s in plan.segments]
    assert [s.uid for s in repo.load_plan(service.show_id).segments] == created  # the side table stays
    assert [s.title for s in repo.list_shows()] == ["测试场 Test show"]
    assert repo.list_shows()[0].state == "planned"
    service.start()
    assert repo.list_shows()[0].state == "running"


def test_the_show_on_air_is_reopened_before_a_newer_one(repo, clock):
    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import ShowService, create_show
    from controlroom.store.writer import FeedWriter

    writer = FeedWriter(repo.engine)
    on_air = create_show(repo, "今晚", 60, sample_products(), clock.now())
    ShowService(repo, writer, on_air, clock).start()
    newer = create_show(repo, "明天", 60, sample_products(), clock.now())
    assert repo.latest_show_id() == newer
    assert repo.reopen_show_id(clock.now() + 3600) == on_air
    assert repo.reopen_show_id(clock.now() + 3 * 24 * 3600) == newer  # a show left on air days ago
    ShowService(repo, writer, on_air, clock).end()
    assert repo.reopen_show_id(clock.now()) == newer
    writer.close()
