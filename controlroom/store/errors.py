"""Database errors classified by code, not by message text.

`classify(exc)` tells a write that may succeed later (disk full, read-only, I/O error,
busy or locked past the timeout, a dropped server connection) from one that never will
(the row itself cannot be stored). `StoreUnavailable` is what callers see while the
database cannot write: nothing of their request was stored, and it is safe to send again.
"""

from __future__ import annotations

import sqlite3
from typing import Any

TRANSIENT = "transient"
POISON = "poison"

# SQLite primary result codes (sqlite3 exceptions carry them as sqlite_errorcode).
_SQLITE_TRANSIENT = {
    5: "the database is busy",  # SQLITE_BUSY
    6: "the database is locked",  # SQLITE_LOCKED
    7: "out of memory",  # SQLITE_NOMEM
    8: "the database is read-only",  # SQLITE_READONLY
    10: "a disk I/O error",  # SQLITE_IOERR
    13: "the disk is full",  # SQLITE_FULL
    14: "the database file cannot be opened",  # SQLITE_CANTOPEN
}
# PostgreSQL SQLSTATE classes that a retry can get past.
_PG_TRANSIENT_CLASSES = {"08": "the connection to the server was lost", "53": "the server is out of resources",
                         "57": "the server is shutting down", "58": "a server I/O error", "40": "a conflict"}


class StoreError(RuntimeError):
    """The database cannot be used: missing, unreadable, not ours, too new."""


class StoreUnavailable(RuntimeError):
    """The database cannot write now. Nothing of the request was stored; send it again
    after `retry_after_s`. `waiting` is how many events are queued for the log.
    `queued`: the request was taken but not committed in time; its events stay queued and
    will be written, so only a re-send with the same ids is safe (it is then a duplicate)."""

    def __init__(self, reason: str, retry_after_s: float = 2.0, waiting: int = 0, *, queued: bool = False) -> None:
        self.reason = reason
        self.retry_after_s = retry_after_s
        self.waiting = waiting
        self.queued = queued
        super().__init__(f"the database cannot write ({reason}); " + (
            "this request's events are queued and will be written when it can: send it again only with "
            "the same order_id/event_id (they are then duplicates), or events without ids count twice"
            if queued else "nothing was changed"))

    def as_dict(self) -> dict[str, Any]:
        return {"error": str(self), "reason": self.reason, "retry_after_s": self.retry_after_s,
                "waiting": self.waiting}


def _sqlite_code(exc: BaseException) -> int | None:
    for e in _chain(exc):
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF  # extended codes carry the primary one in the low byte
    return None


def _pg_state(exc: BaseException) -> str | None:
    for e in _chain(exc):
        state = getattr(e, "sqlstate", None) or getattr(e, "pgcode", None)
        if isinstance(state, str) and len(state) == 5:
            return state
    return None


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in out:
        out.append(cur)
        cur = getattr(cur, "orig", None) or cur.__cause__ or cur.__context__
    return out


def reason(exc: BaseException) -> str | None:
    """A sentence for a transient failure, None for one that a retry will not fix."""
    code = _sqlite_code(exc)
    if code is not None:
        return _SQLITE_TRANSIENT.get(code)
    state = _pg_state(exc)
    if state is not None:
        return _PG_TRANSIENT_CLASSES.get(state[:2])
    for e in _chain(exc):
        if _lost_server(e):
            return "the connection to the server was lost"
        if isinstance(e, (OSError, MemoryError)):
            return f"the system refused the write ({e.__class__.__name__})"
        if getattr(e, "connection_invalidated", False):
            return "the connection to the database was lost"
    if any(isinstance(e, sqlite3.OperationalError) for e in _chain(exc)):
        return "the database refused the write"
    return None


def _lost_server(e: BaseException) -> bool:
    """psycopg's errors without a SQLSTATE are the client's own: the connection failed or
    broke (refused, reset, a server gone away), never a row the server refused."""
    kind = type(e)
    return kind.__module__.startswith("psycopg") and kind.__name__ in ("OperationalError", "InterfaceError")


def classify(exc: BaseException) -> str:
    return TRANSIENT if reason(exc) is not None else POISON
