"""A big import written in two steps, so the log's write lock is held for a moment only.

Staging: the rows go, a chunk to a statement, into a TEMPORARY table of the import's own
connection. A temporary table lives outside the database file (SQLite keeps it in the
connection's temp store; a server in the session's temp schema), so staging takes no lock
on `events`: the feed writer and operator commands commit meanwhile. Committing: one
`INSERT INTO events … SELECT … FROM staging` in one short transaction — all or nothing, as
before; a crash before it leaves no trace (the temporary table dies with the connection).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Connection, Engine, Integer, MetaData, Table, insert, select

from controlroom.core.events import Event
from controlroom.models import EventRow
from controlroom.store.rows import ROW_KEYS, event_values

STAGE_CHUNK = 1000  # rows per INSERT statement into the staging table
_EVENTS = EventRow.__table__
_STAGING = Table(
    "import_staging", MetaData(),
    Column("seq", Integer, primary_key=True),
    *(Column(name, _EVENTS.c[name].type) for name in ROW_KEYS),  # no constraints: a temp table
    prefixes=["TEMPORARY"],
)


class Stage:
    """The staged rows of one import on one connection (see `staged`)."""

    def __init__(self, conn: Connection, show_id: int) -> None:
        self.conn, self.show_id = conn, show_id
        self.events: list[Event] | None = None  # what is staged now
        self._adding: list[Event] | None = None  # staged by `add`, not yet `added`
        # The driver's own executemany of plain tuples: a third of the Python work of Core
        # dicts, and Python work here is time the window's thread waits for the GIL.
        keys = ["seq", *ROW_KEYS]
        compiled = insert(_STAGING).compile(dialect=conn.dialect, column_keys=keys)
        self._sql, self._positional = str(compiled), bool(compiled.positional)
        if self._positional and list(compiled.positiontup or ()) != keys:
            raise RuntimeError(f"unexpected parameter order {compiled.positiontup}")
        self._keys = keys

    def write(self, events: list[Event], progress: Callable[[int, int], None] | None = None) -> None:
        """Stage `events` (what was staged before goes); `progress(done, total)` after each chunk.
        Holds no lock on the log. Events that are some of those staged, in their order (a
        re-check dropped a few), only drop the others' rows."""
        if self.events is not None and _some_of(events, self.events):
            self._keep_only(events)
            return
        self._start()
        for start in range(0, len(events), STAGE_CHUNK):
            self.add(events[start : start + STAGE_CHUNK])
            if progress is not None:
                progress(start + min(STAGE_CHUNK, len(events) - start), len(events))
        self.added()

    def add(self, events: list[Event]) -> None:
        """Stage `events` after those added before (an import that arrives in batches);
        `added()` when all are in. Holds no lock on the log."""
        if self._adding is None:
            self._start()
        adding = self._adding if self._adding is not None else []
        for start in range(0, len(events), STAGE_CHUNK):
            part = events[start : start + STAGE_CHUNK]
            rows = [(len(adding) + i, *event_values(self.show_id, e)) for i, e in enumerate(part)]
            self.conn.exec_driver_sql(self._sql, rows if self._positional else [dict(zip(self._keys, r)) for r in rows])
            adding.extend(part)
        self._adding = adding

    def added(self) -> list[Event]:
        """What `add` staged becomes what `commit` moves (in that order)."""
        self.conn.commit()
        self.events, self._adding = (self._adding or []), None
        return self.events

    def _start(self) -> None:
        self.events = None
        self._adding = []
        self.conn.execute(_STAGING.delete())

    def _keep_only(self, events: list[Event]) -> None:
        kept = {id(e) for e in events}
        gone = [seq for seq, e in enumerate(self.events or []) if id(e) not in kept]
        for start in range(0, len(gone), STAGE_CHUNK):
            self.conn.execute(_STAGING.delete().where(_STAGING.c.seq.in_(gone[start : start + STAGE_CHUNK])))
        self.conn.commit()
        self.events = events

    def commit(self) -> list[Event]:
        """Move the staged rows into the log in one short transaction, in their order, and
        give each event its id."""
        events = self.events
        if events is None:
            raise RuntimeError("nothing staged")
        cols = [_STAGING.c[k] for k in ROW_KEYS]
        stmt = insert(_EVENTS).from_select(list(ROW_KEYS), select(*cols).order_by(_STAGING.c.seq))
        with self.conn.begin():
            ids = self._insert(stmt, len(events))
            if len(ids) != len(events):
                raise RuntimeError(f"staged {len(events)} rows, {len(ids)} went into the log")
            self.conn.execute(_STAGING.delete())
        for e, id_ in zip(events, ids, strict=True):
            e.id = id_
        self.events = None
        return events

    def _insert(self, stmt: Any, n: int) -> list[int] | range:
        """The one statement under the write lock; the new ids in the rows' order."""
        if self.conn.dialect.name == "sqlite":
            # SQLite gives an INTEGER PRIMARY KEY max + 1, row after row, within one statement
            # under the write lock: the ids run up to the last one. Reading them back
            # (RETURNING) would double the time the lock is held. (Nothing is read before the
            # INSERT: a read first would pin a snapshot a feed commit could make stale.)
            done = self.conn.execute(stmt).rowcount
            last = int(self.conn.exec_driver_sql("SELECT last_insert_rowid()").scalar() or 0)
            if done != n:
                raise RuntimeError(f"staged {n} rows, {done} went into the log")
            return range(last - n + 1, last + 1)
        # A server's sequence may interleave another session's ids, but ours rise in the
        # SELECT's order: the sorted ids are the rows' (RETURNING itself promises no order).
        return sorted(self.conn.execute(stmt.returning(_EVENTS.c.id)).scalars().all())


def _some_of(events: list[Event], staged: list[Event]) -> bool:
    """Whether `events` are some of `staged` (the same objects), in the same order."""
    it = iter(staged)
    return all(any(e is s for s in it) for e in events)


@contextmanager
def staged(engine: Engine, show_id: int) -> Iterator[Stage]:
    """A staging table on a connection of its own, dropped afterwards (committed or not)."""
    with engine.connect() as conn:
        _STAGING.create(conn, checkfirst=True)
        conn.commit()
        try:
            yield Stage(conn, show_id)
        finally:
            _drop(conn)


def _drop(conn: Any) -> None:
    try:
        conn.rollback()
        _STAGING.drop(conn, checkfirst=True)
        conn.commit()
    except Exception:  # noqa: BLE001 - the connection is closed next: the temporary table dies with it
        conn.invalidate()
