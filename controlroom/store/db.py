"""Engine set-up: SQLite in WAL mode in the user's data folder unless told otherwise;
read-only for a reader when the file or its folder cannot be written."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import URL, Engine, create_engine, event, inspect, make_url

from controlroom.models import Meta
from controlroom.store import schema
from controlroom.store.errors import StoreError

__all__ = ["StoreError", "open_engine", "open_reader", "open_read_only", "db_url", "safe_url"]

SCHEMA_VERSION = 3  # the `meta` schema_version of the last pre-Alembic release (revision "0003")
APP_NAME = "ControlRoom"
# The database when no --db is given: a server URL kept out of command lines (docs, README).
DB_ENV = "CONTROLROOM_DB"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "controlroom.db"


def db_url(db: str | Path | None) -> str:
    """A full SQLAlchemy URL is taken as it is; anything else is a SQLite file path. None:
    $CONTROLROOM_DB when set, else the file in the user's data folder."""
    if db is None and os.environ.get(DB_ENV, "").strip():
        db = os.environ[DB_ENV].strip()
    if db is None:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().absolute()}"


_BUSY_SECONDS = 10.0


def _enter_wal(cur: sqlite3.Cursor) -> None:
    """Switch the file to WAL. On a new file that others open at the same moment, SQLite answers
    this pragma "database is locked" at once, without waiting for the busy timeout: so wait
    here, in short steps, for as long as the busy timeout would."""
    deadline = time.monotonic() + _BUSY_SECONDS
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    _enter_wal(cur)
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
    # A server's pooled connections are checked before use: after a server restart the pool
    # hands out live ones instead of failing the first command.
    kwargs: dict = ({"connect_args": {"check_same_thread": False, "timeout": 10}} if url.startswith("sqlite")
                    else {"pool_pre_ping": True})
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    return _usable(engine, migrate, f"cannot use database {safe_url(url)}")


def _usable(engine: Engine, check: Callable[[Engine], None], refusal: str) -> Engine:
    """`engine` once `check` passed on it; else disposed, and any driver error a StoreError
    starting with `refusal` ("not usable")."""
    try:
        check(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:  # the server down, a wrong password, an unreadable file
        engine.dispose()
        raise StoreError(f"{refusal}: {exc.__class__.__name__}: {_first_line(exc)}") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the database to the code's schema (store/schema.py: Alembic, under a lock)."""
    schema.upgrade(engine)


def safe_url(url: str | URL) -> str:
    """The URL as it may be shown or logged: the password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL: a path, shown as it is
        return str(url)


def without_password(url: str) -> str:
    """The URL as it may be kept (a recent-shows list): no password at all — reopening it
    takes the password from ~/.pgpass, a service file or the environment, as docs say."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - not a URL: a path, kept as it is
        return str(url)
    if not parsed.password:
        return str(url)
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False)


def open_reader(db: str | Path | None = None) -> Engine:
    """An existing database, to read: as `open_engine(create=False)` when this process
    may write to the file and its folder, else opened read-only (nothing to migrate;
    an older schema is refused)."""
    url = db_url(db)
    path = sqlite_file(url)
    if path is None or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return open_engine(url, create=False)
    return _read_only_file(path)


def open_read_only(db: str | Path | None = None) -> Engine:
    """An existing database opened so that nothing can be written through it, whatever the
    file's permissions (a recording a replay reads, cli/replay.py): a SQLite file read-only
    (mode=ro, query_only, nothing migrated); a server database in read-only sessions (its
    every transaction refuses writes; nothing migrated)."""
    url = db_url(db)
    path = sqlite_file(url)
    if path is None:
        return _read_only_server(url) if url.startswith("postgresql") else open_engine(url, create=False)
    return _read_only_file(path)


def _read_only_server(url: str) -> Engine:
    # Set on each new connection, not as connect_args "options": those would replace the
    # user's own (a search_path in the URL, PGOPTIONS, a service file) and read another schema.
    engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "connect", _server_read_only)
    return _usable(engine, _check_schema, f"cannot read {safe_url(url)}")


def _read_only_file(path: Path) -> Engine:
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    try:
        return _read_only(path, "mode=ro")
    except StoreError:
        if not _unread_log(path):
            # No -wal: the file holds the whole log. SQLite could not make the -shm
            # beside it (a read-only folder), which immutable=1 does without.
            return _read_only(path, "immutable=1")
        raise StoreError(
            f"cannot read {path}: the folder is read-only and the show's last writes are in {path.name}-wal, "
            f"which SQLite reads only with a {path.name}-shm it cannot make there; copy the database and its "
            "-wal file into a writable folder"
        ) from None


def sqlite_file(url: str) -> Path | None:
    """The file of a `sqlite:///PATH` URL (not `:memory:`, not a `file:` URI)."""
    if not url.startswith("sqlite:///"):
        return None
    rest = url.removeprefix("sqlite:///")
    if rest in ("", ":memory:") or rest.startswith("file:"):
        return None
    return Path(rest)


def _unread_log(path: Path) -> bool:
    """A -wal with frames in it: committed writes not yet copied into the file."""
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except OSError:
        return False


def _read_only(path: Path, mode: str) -> Engine:
    key, _, value = mode.partition("=")
    url = URL.create("sqlite", database=path.absolute().as_uri(), query={key: value, "uri": "true"})
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    event.listen(engine, "connect", _read_only_pragmas)
    return _usable(engine, _check_schema, f"cannot read {path} read-only ({mode})")


def _server_read_only(dbapi_conn: Any, _record: object) -> None:
    """Every transaction of this session refuses writes (the server enforces it)."""
    was = dbapi_conn.autocommit
    dbapi_conn.autocommit = True
    try:
        with dbapi_conn.cursor() as cur:
            cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    finally:
        dbapi_conn.autocommit = was


def _read_only_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")  # a reader never writes, even by mistake
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _check_schema(engine: Engine) -> None:
    with engine.connect() as conn:
        if not inspect(conn).has_table(Meta.__tablename__):
            raise StoreError(f"{engine.url.database} is not a ControlRoom database")
        revision = schema.current(conn)
    schema.check(revision)
    if revision != schema.head():
        raise StoreError(
            f"the database has schema {revision} from an older ControlRoom and is read-only here, so it cannot be "
            "brought up to date: open it once where it can be written"
        )


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else ""
