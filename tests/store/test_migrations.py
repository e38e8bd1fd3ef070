"""Alembic keeps the schema: an old file (schema 1 or 2, as earlier releases made it) is
upgraded with its data; a new database gets every revision; a newer one is refused; several
processes opening one new database at once do not race; a database at head is opened
without a single DDL statement."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import Engine, create_engine, event, text

from controlroom.store import schema
from controlroom.store.db import StoreError, open_engine
from controlroom.store.repository import ShowRepository

# The tables as SQLAlchemy's create_all made them in releases with schema 1 (no planned start;
# the SQL replay cache of minute_aggregates and replay_marks without ended_at).
V1_DDL = """
CREATE TABLE meta (key VARCHAR(64) NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key));
CREATE TABLE shows (id INTEGER NOT NULL, title TEXT NOT NULL, room TEXT NOT NULL, host TEXT NOT NULL,
  controller TEXT NOT NULL, created_at FLOAT NOT NULL, planned_minutes FLOAT NOT NULL, settings_json TEXT NOT NULL,
  PRIMARY KEY (id));
CREATE TABLE segments (id INTEGER NOT NULL, show_id INTEGER NOT NULL, position INTEGER NOT NULL,
  uid VARCHAR(32) NOT NULL, kind VARCHAR(16) NOT NULL, title TEXT NOT NULL, planned_s FLOAT NOT NULL,
  product_sku TEXT, notes TEXT NOT NULL, PRIMARY KEY (id), FOREIGN KEY(show_id) REFERENCES shows (id));
CREATE INDEX ix_segments_show_id ON segments (show_id);
CREATE TABLE products (id INTEGER NOT NULL, show_id INTEGER NOT NULL, position INTEGER NOT NULL, sku TEXT NOT NULL,
  name TEXT NOT NULL, role VARCHAR(16) NOT NULL, price FLOAT NOT NULL, stock INTEGER NOT NULL,
  selling_points TEXT NOT NULL, promo TEXT NOT NULL, PRIMARY KEY (id), FOREIGN KEY(show_id) REFERENCES shows (id));
CREATE INDEX ix_products_show_id ON products (show_id);
CREATE TABLE events (id INTEGER NOT NULL, show_id INTEGER NOT NULL, ts FLOAT NOT NULL, kind VARCHAR(24) NOT NULL,
  user TEXT, product TEXT, value FLOAT, qty INTEGER, ref TEXT, text TEXT, flag VARCHAR(24), data TEXT,
  PRIMARY KEY (id));
CREATE INDEX ix_events_show_kind_ts ON events (show_id, kind, ts);
CREATE TABLE minute_aggregates (show_id INTEGER NOT NULL, minute INTEGER NOT NULL, online_sum FLOAT NOT NULL,
  online_n INTEGER NOT NULL, online_max FLOAT NOT NULL, online_min FLOAT NOT NULL, entries_max INTEGER NOT NULL,
  joins INTEGER NOT NULL, comments INTEGER NOT NULL, negative_comments INTEGER NOT NULL, likes INTEGER NOT NULL,
  shares INTEGER NOT NULL, follows INTEGER NOT NULL, gifts INTEGER NOT NULL, gift_value FLOAT NOT NULL,
  interactors INTEGER NOT NULL, PRIMARY KEY (show_id, minute));
CREATE TABLE replay_marks (show_id INTEGER NOT NULL, closed_minute INTEGER NOT NULL, last_id INTEGER NOT NULL,
  PRIMARY KEY (show_id));
INSERT INTO meta VALUES ('schema_version', '1');
"""
V2_STEP = "ALTER TABLE shows ADD COLUMN scheduled_at FLOAT; UPDATE meta SET value = '2' WHERE key = 'schema_version';"
SEGMENT = "INSERT INTO segments VALUES (1, 1, 0, 'seg-a', 'product', '开场', 600.0, 'SKU1', '')"
PRODUCT = "INSERT INTO products VALUES (1, 1, 0, 'SKU1', '保温杯', 'profit', 59.0, 100, '', '')"
EVENTS = ["INSERT INTO events (show_id, ts, kind, user, product, value, qty, ref) VALUES "
          "(1, 1000.0, 'show_started', NULL, NULL, NULL, NULL, NULL)",
          "INSERT INTO events (show_id, ts, kind, user, product, value, qty, ref) VALUES "
          "(1, 1010.0, 'segment_started', NULL, NULL, NULL, NULL, 'seg-a')",
          "INSERT INTO events (show_id, ts, kind, user, product, value, qty, ref) VALUES "
          "(1, 1020.0, 'order', 'buyer-1', 'SKU1', 118.0, 2, 'o-1')"]


def old_file(path, version: int) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_DDL + (V2_STEP if version >= 2 else ""))
    columns = "(id, title, room, host, controller, created_at, planned_minutes, settings_json)"
    conn.execute(f"INSERT INTO shows {columns} VALUES (1, '旧库', 'A', '', '', 1000.0, 30.0, '{{}}')")
    for statement in [SEGMENT, PRODUCT, *EVENTS]:
        conn.execute(statement)
    conn.execute("INSERT INTO replay_marks VALUES (1, 5, 3)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_file_is_upgraded_to_head_and_keeps_its_data(tmp_path, version):
    path = tmp_path / "old.db"
    old_file(path, version)
    engine = open_engine(path)
    repo = ShowRepository(engine)
    state = repo.load_show(1)
    assert (state.info.title, state.info.room, state.info.scheduled_at) == ("旧库", "A", None)
    assert [s.uid for s in state.plan.segments] == ["seg-a"]
    assert list(state.queue.products) == ["SKU1"]
    assert state.metrics.gmv_cents() == 11800 and repo.count_events(1) == 3
    with engine.connect() as conn:
        assert schema.current(conn) == schema.head()
        assert conn.scalar(text("SELECT value FROM meta WHERE key = 'schema_version'")) == "3"
        tables = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
        assert "minute_aggregates" not in tables and {"fold_minutes", "replay_marks"} <= tables
    engine.dispose()


def test_a_new_database_gets_every_revision_with_64_bit_ids(pg_url):
    engine = open_engine(pg_url)
    with engine.connect() as conn:
        assert schema.current(conn) == schema.head()
        types = dict(conn.execute(text(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE column_name IN ('id', 'show_id', 'last_id') AND table_schema = 'public'")).all())
    engine.dispose()
    assert types["events.id"] == types["events.show_id"] == types["shows.id"] == "bigint"
    assert set(types.values()) == {"bigint"}


def test_a_newer_database_is_refused_with_a_sentence(store_url):
    open_engine(store_url).dispose()
    raw = create_engine(store_url)
    with raw.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    raw.dispose()
    with pytest.raises(StoreError, match="has schema 0999, newer than this version of ControlRoom"):
        open_engine(store_url)


def test_several_processes_opening_a_new_database_at_once_do_not_race(store_url):
    """Eight engines (eight pools, so eight server sessions or SQLite connections) start
    together on an empty database: every one opens it, and it is migrated once."""
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def open_one() -> None:
        start.wait()
        try:
            open_engine(store_url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    engine = open_engine(store_url)
    with engine.connect() as conn:
        assert list(conn.scalars(text("SELECT version_num FROM alembic_version"))) == [schema.head()]
        assert list(conn.scalars(text("SELECT value FROM meta"))) == ["3"]
    engine.dispose()


def test_a_database_at_head_is_opened_without_ddl(store_url):
    open_engine(store_url).dispose()
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement.strip().split()[0].upper())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        open_engine(store_url).dispose()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert statements and not {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE"} & set(statements)


def test_a_file_at_revision_0004_gets_the_segment_targets_and_keeps_its_plan(tmp_path):
    """Revision 0005: a file made before targets (its segments without the two columns) is
    upgraded in place; its segments have no targets, a new show's targets are kept."""
    from controlroom.core.plan import Plan, Segment, SegmentKind
    from controlroom.core.settings import ShowSettings

    path = tmp_path / "0004.db"
    old_file(path, 2)
    open_engine(path).dispose()
    conn = sqlite3.connect(path)
    conn.executescript("ALTER TABLE segments DROP COLUMN gmv_target; ALTER TABLE segments DROP COLUMN orders_target;"
                       "UPDATE alembic_version SET version_num = '0004';")
    conn.close()
    engine = open_engine(path)
    repo = ShowRepository(engine)
    assert [(s.uid, s.planned_s, s.gmv_target, s.orders_target) for s in repo.load_show(1).plan.segments] == [
        ("seg-a", 600.0, None, None)]
    plan = Plan([Segment(SegmentKind.PRODUCT, "保温杯", 300.0, "SKU1", uid="t", gmv_target=1234.56, orders_target=7)])
    new = repo.create_show("新", 5, plan, [], ShowSettings(), created_at=2000.0)
    assert [(s.gmv_target, s.orders_target) for s in repo.load_plan(new).segments] == [(1234.56, 7)]
    with engine.connect() as conn:
        assert schema.current(conn) == "0005"
    engine.dispose()
