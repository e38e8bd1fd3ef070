"""Engine set-up: SQLite in WAL mode in the user's data folder unless told otherwise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session

from controlroom.models import Base, Meta

SCHEMA_VERSION = 3
# What turns a database of version N-1 into version N. A new database gets the latest
# tables from the models directly and needs none of these.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE shows ADD COLUMN scheduled_at FLOAT",),
    # The replay cache became the live fold's own buckets (fold_minutes, made by create_all);
    # the old SQL aggregates are dropped, and every show is folded from its log once.
    3: ("DROP TABLE IF EXISTS minute_aggregates", "DROP TABLE IF EXISTS replay_marks",
        "CREATE TABLE replay_marks (show_id INTEGER NOT NULL PRIMARY KEY, closed_minute INTEGER NOT NULL, "
        "last_id INTEGER NOT NULL, ended_at FLOAT)"),
}
APP_NAME = "ControlRoom"


class StoreError(RuntimeError):
    """The database cannot be used: missing, unreadable, not ours, too new."""


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "controlroom.db"


def db_url(db: str | Path | None) -> str:
    """A full SQLAlchemy URL is taken as it is; anything else is a SQLite file path."""
    if db is None:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().absolute()}"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a committed action survives power loss too
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def open_engine(db: str | Path | None = None, *, create: bool = True) -> Engine:
    """Open (and, when `create`, make) the database; check that it is ours."""
    url = db_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise StoreError(f"no database at {path}")
    kwargs = {"connect_args": {"check_same_thread": False, "timeout": 10}} if url.startswith("sqlite") else {}
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:  # any driver error here means "not usable"
        engine.dispose()
        first_line = str(exc).splitlines()[0] if str(exc) else ""
        raise StoreError(f"cannot use database {url}: {exc.__class__.__name__}: {first_line}") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Create missing tables, bring an older schema up to date step by step (one
    transaction), record the version; refuse a newer schema."""
    with Session(engine) as session, session.begin():
        fresh = not engine.dialect.has_table(session.connection(), Meta.__tablename__)
        Base.metadata.create_all(session.connection())
        row = session.scalar(select(Meta).where(Meta.key == "schema_version"))
        if fresh or row is None:
            session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
            return
        version = int(row.value)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema {version}, newer than this version of ControlRoom ({SCHEMA_VERSION})"
            )
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                session.connection().exec_driver_sql(statement)
        row.value = str(SCHEMA_VERSION)
