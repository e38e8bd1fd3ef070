"""Shipping a laptop's show logs to the agency server: idempotent, resumable, in large batches.

The server keeps, per synced show, where it came from (the laptop database's uuid and the
show's id there) and the laptop's id of the last event shipped (`synced_shows`). A batch of
events and the move of that mark are one server transaction: a crash, a SIGKILL or a dropped
connection rolls both back, so the next run sends exactly what the server does not have.

Why "id > mark" finds every event not yet shipped: the laptop's log is SQLite, which has one
writer at a time, so an event id (the rowid, max + 1, events are never deleted) is given
inside the write transaction and ids become visible in increasing order — a row with a
smaller id can never commit after a larger one was read. (That is not so on PostgreSQL,
which is why the laptop's database must be a SQLite file.)
"""

from __future__ import annotations

import socket
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, func, insert, literal_column, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError

from controlroom.models import EventRow, Meta, ProductRow, SegmentRow, Show, SyncedShow
from controlroom.store import fold_cache
from controlroom.store.db import StoreError, db_url, migrate, open_engine, sqlite_file

BATCH = 50_000  # events per server transaction: large transactions, few round trips
ORIGIN_KEY = "sync_origin"  # the laptop database's uuid, in its meta table
_EVENTS = EventRow.__table__
_COLUMNS = ("show_id", "ts", "kind", "user", "product", "value", "qty", "ref", "text", "flag", "data")
_COPY = "COPY events (show_id, ts, kind, \"user\", product, value, qty, ref, text, flag, data) FROM STDIN"


def masked(url: str) -> str:
    """The URL as it may be printed or logged: never its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(an unreadable URL)"


def has_password(url: str) -> bool:
    try:
        return make_url(url).password is not None
    except ArgumentError:
        return False


def open_server(url: str) -> Engine:
    """The agency server, schema made or checked; connections that fail fast and notice a
    dead peer (keepalives), so a dropped Wi-Fi is an error to retry, never a hang."""
    args: dict[str, Any] = {}
    if url.startswith("postgresql"):
        args = {"connect_timeout": 10, "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
                "keepalives_count": 3}
    engine = create_engine(url, pool_pre_ping=True, connect_args=args)
    try:
        migrate(engine)  # store/schema.py: under the server's migration lock, so laptops starting at once don't race
    except Exception:
        engine.dispose()
        raise
    return engine


def open_local(db: str | None) -> Engine:
    """The laptop's database: a SQLite file (see the module's note on ids)."""
    url = db_url(db)
    if sqlite_file(url) is None:
        raise StoreError("sync ships a laptop's SQLite file; --db must name one")
    return open_engine(url, create=False)


def local_origin(local: Engine) -> str:
    """This database's uuid, made once and kept in its meta table (two syncs starting at
    once agree: the second's insert fails and it reads the first's)."""
    with local.connect() as conn:
        value = conn.scalar(select(Meta.value).where(Meta.key == ORIGIN_KEY))
    if value is not None:
        return value
    try:
        with local.begin() as conn:
            conn.execute(insert(Meta).values(key=ORIGIN_KEY, value=str(uuid.uuid4())))
    except IntegrityError:
        pass
    with local.connect() as conn:
        return conn.scalar(select(Meta.value).where(Meta.key == ORIGIN_KEY))


def _read_sql() -> tuple[str, tuple[str, ...]]:
    """The laptop's events after a mark, as SQLite SQL (the laptop is always SQLite).
    `show_id + 0`: walk the rowid from the mark instead of the (show, kind, ts) index,
    which would sort the whole show for every batch."""
    q = (select(_EVENTS.c.id, *(_EVENTS.c[k] for k in _COLUMNS[1:]))
         .where((_EVENTS.c.show_id + literal_column("0")) == bindparam("show"), _EVENTS.c.id > bindparam("after"))
         .order_by(_EVENTS.c.id).limit(bindparam("n")))
    compiled = q.compile(dialect=sqlite.dialect())
    return str(compiled), tuple(compiled.positiontup or ())


_READ, _READ_PARAMS = _read_sql()


@dataclass(frozen=True)
class Mark:
    server_id: int
    last_event_id: int


@dataclass(frozen=True)
class _Ahead:
    after_id: int
    rows: Future[list[tuple[Any, ...]]]


class Shipper:
    """Ships the shows of one laptop database into one server."""

    def __init__(self, local: Engine, server: Engine, origin: str, room: str | None = None,
                 batch: int = BATCH) -> None:
        self.local, self.server, self.origin, self.room, self.batch = local, server, origin, room, batch
        self.marks: dict[int, Mark] = {}  # what the server said, at its last answer

    def local_show_ids(self) -> list[int]:
        with self.local.connect() as conn:
            return list(conn.scalars(select(Show.id).order_by(Show.id)))

    def ship_show(self, local_id: int) -> int:
        """Ship every event of the show not yet on the server; returns how many were sent.
        The next batch is read from the laptop while the server takes this one."""
        sent, ahead = 0, None
        with ThreadPoolExecutor(1, thread_name_prefix="sync-read") as pool:
            while True:
                n, ahead = self.ship_batch(local_id, ahead, pool)
                sent += n
                if n < self.batch:
                    return sent

    def ship_batch(self, local_id: int, ahead: _Ahead | None = None,
                   pool: ThreadPoolExecutor | None = None) -> tuple[int, _Ahead | None]:
        """One server transaction: the show (the first time), up to `batch` events after the
        server's mark, and the mark moved over them. Two shippers of the same show wait for
        each other on the mark's row lock; the second sends only what the first did not.
        `ahead`: a read already started from where the mark was expected to be."""
        try:
            return self._ship_batch(local_id, ahead, pool)
        except IntegrityError:  # another shipper created the same show meanwhile: it is there now
            return self._ship_batch(local_id, None, pool)

    def _ship_batch(self, local_id: int, ahead: _Ahead | None,
                    pool: ThreadPoolExecutor | None) -> tuple[int, _Ahead | None]:
        following = None
        with self.server.begin() as conn:
            mark = self._lock_mark(conn, local_id) or self._create_show(conn, local_id)
            if ahead is not None and ahead.after_id == mark.last_event_id:
                rows = ahead.rows.result()
            else:
                rows = self._read(local_id, mark.last_event_id)
            if pool is not None and len(rows) == self.batch:
                following = _Ahead(rows[-1][0], pool.submit(self._read, local_id, rows[-1][0]))
            if rows:
                self._insert(conn, mark.server_id, rows)
                conn.execute(update(SyncedShow).where(SyncedShow.show_id == mark.server_id).values(
                    last_event_id=rows[-1][0], events=SyncedShow.events + len(rows), synced_at=time.time()))
                mark = Mark(mark.server_id, rows[-1][0])
        self.marks[local_id] = mark
        return len(rows), following

    def checkpoint(self, local_id: int) -> None:
        """Move the server's replay cache of the show (store/fold_cache.py) over what was
        shipped, so `rooms`/`status` on the server fold minutes, not the whole log. Under
        the mark's row lock: no shipper of this show can commit an event meanwhile, so the
        cache's id mark is right (ids of one show commit in order, one shipper at a time)."""
        with self.server.begin() as conn:
            mark = self._lock_mark(conn, local_id)
            if mark is not None:
                fold_cache.checkpoint(conn, mark.server_id)

    def behind(self, local_id: int) -> int:
        """Events of the show on this laptop that the server did not have at its last answer."""
        last = self.marks[local_id].last_event_id if local_id in self.marks else 0
        with self.local.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(_EVENTS).where(
                (_EVENTS.c.show_id + 0) == local_id, _EVENTS.c.id > last)) or 0)

    def newest_local(self) -> tuple[int, int]:
        """(the newest event id, the newest show id) of the laptop: two index look-ups, for polling."""
        with self.local.connect() as conn:
            return (int(conn.scalar(select(func.max(_EVENTS.c.id))) or 0),
                    int(conn.scalar(select(func.max(Show.id))) or 0))

    # -- the server's side ---------------------------------------------------
    def _lock_mark(self, conn: Connection, local_id: int) -> Mark | None:
        row = conn.execute(select(SyncedShow.show_id, SyncedShow.last_event_id).where(
            SyncedShow.origin == self.origin, SyncedShow.origin_show_id == local_id).with_for_update()).first()
        return Mark(int(row.show_id), int(row.last_event_id)) if row else None

    def _create_show(self, conn: Connection, local_id: int) -> Mark:
        """The show as it was created (its plan and products): later edits are events."""
        with self.local.connect() as lc:
            show = lc.execute(select(Show.__table__).where(Show.id == local_id)).mappings().one()
            segments = lc.execute(select(SegmentRow.__table__).where(SegmentRow.show_id == local_id)).mappings().all()
            products = lc.execute(select(ProductRow.__table__).where(ProductRow.show_id == local_id)).mappings().all()
        values = {k: v for k, v in show.items() if k != "id"}
        values["room"] = self.room or show["room"] or socket.gethostname()
        server_id = int(conn.execute(insert(Show.__table__).values(**values)).inserted_primary_key[0])
        for table, rows in ((SegmentRow.__table__, segments), (ProductRow.__table__, products)):
            if rows:
                conn.execute(insert(table), [{**{k: v for k, v in r.items() if k != "id"}, "show_id": server_id}
                                             for r in rows])
        conn.execute(insert(SyncedShow).values(show_id=server_id, origin=self.origin, origin_show_id=local_id,
                                               last_event_id=0, events=0, synced_at=time.time()))
        return Mark(server_id, 0)

    def _read(self, local_id: int, after_id: int) -> list[tuple[Any, ...]]:
        """Up to `batch` events after `after_id`, in id order, as plain tuples (the driver's
        own cursor: SQLAlchemy's rows cost as much as the COPY)."""
        with self.local.connect() as conn:
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                given = {"show": local_id, "after": after_id, "n": self.batch}
                return cursor.execute(_READ, tuple(given.get(name, 0) for name in _READ_PARAMS)).fetchall()
            finally:
                cursor.close()

    def _insert(self, conn: Connection, server_id: int, rows: list[tuple[Any, ...]]) -> None:
        """In the laptop's id order, so the server's ids keep the log's arrival order."""
        if conn.dialect.name == "postgresql":
            with conn.connection.dbapi_connection.cursor() as cur, cur.copy(_COPY) as copy:  # type: ignore[union-attr]
                for r in rows:
                    copy.write_row((server_id, *r[1:]))
            return
        conn.execute(insert(_EVENTS), [dict(zip(_COLUMNS, (server_id, *r[1:]))) for r in rows])
