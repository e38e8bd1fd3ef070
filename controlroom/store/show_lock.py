"""One writing process per show: an OS lock next to the SQLite file.

A `ShowService` folds the log in memory and judges new events against that state
(repeated order ids, shelf and stock flags, open incidents). A second process writing
to the same show would judge against a state that misses the first one's events: an
order id taken by both would be counted twice, an order for a product the other
process put on shelf would be flagged off shelf. So a process that opens a show for
writing takes a lock on it, and a second process is refused with a sentence. Readers
(status, recap, shows) take no lock.

The lock is a byte-range lock (byte `show_id`) on `<database>-locks` next to the real
file (symlinks and `..` resolved), so every name of the database meets the same lock;
the OS drops it when the process dies, so a crash never leaves a show locked. Within
one process the lock is counted, not exclusive (the window may reopen a show), and
keyed by the lock file's (st_dev, st_ino), which a bind mount's other path shares.
A database with more than one hard link is refused for writing: SQLite names its -wal
and -shm after the name it was opened by, so two names are two logs of one file, and
writing through both corrupts it.

On PostgreSQL the lock is the server's: `pg_try_advisory_lock(show_id)` on a connection of
its own, held for the writer's life (counted within a process the same way, and taken again
after a server restart: store/server_lock.py). The server drops it when that connection
ends, so a killed writer never leaves a show locked. An
in-memory SQLite database is not locked.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from sqlalchemy import URL, Engine, make_url

from controlroom.store.db import StoreError
from controlroom.store.server_lock import ServerHold

log = logging.getLogger(__name__)

_guard = threading.Lock()
# the lock file's (st_dev, st_ino) -> (its open descriptor, {show_id: how many holders in
# this process}). POSIX locks belong to the process and the file, and closing any
# descriptor of the file drops them all, so one process keeps one descriptor per file.
Key = tuple[int, int]
_held: dict[Key, tuple[int, dict[int, int]]] = {}
# (the server URL, show_id) -> the advisory lock held on the server (store/server_lock.py)
_server_held: dict[tuple[str, int], ServerHold] = {}


class ShowLockError(StoreError):
    """Another process is writing to the show."""


def _refused(show_id: int) -> ShowLockError:
    return ShowLockError(
        f"show {show_id} is open in another ControlRoom process (the window, serve, tail, "
        "rehearse or import): close it there first, or feed the show through that process. "
        "Reading it (status, recap) is fine."
    )


def database_file(engine_or_url: Engine | URL | str) -> Path | None:
    """The real file behind a SQLite engine or URL (symlinks and `..` resolved), else None."""
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    if str(url.database).startswith("file:"):
        return None
    return Path(os.path.realpath(Path(str(url.database)).expanduser()))


def lock_path(engine: Engine) -> Path | None:
    db = database_file(engine)
    return None if db is None else db.with_name(db.name + "-locks")


def refuse_hard_links(db: Path | None) -> None:
    """Before writing: a database file must have one name (see the module's docstring)."""
    if db is None:
        return
    try:
        links = os.stat(db).st_nlink
    except OSError:  # not made yet
        return
    if links > 1:
        raise ShowLockError(
            f"the database {db} has {links} names (hard links): SQLite keeps a separate "
            "write-ahead log for each name, so writing through two of them corrupts the show. "
            "Keep one name (remove the other links), or copy the file instead of linking it."
        )


def _file_key(st: os.stat_result) -> Key:
    return (st.st_dev, st.st_ino)


class ShowLock:
    """Held from construction until `release()` (or the process ends)."""

    def __init__(self, engine: Engine, show_id: int) -> None:
        self.show_id = show_id
        db = database_file(engine)
        self.path = None if db is None else db.with_name(db.name + "-locks")
        self._released = True
        self._key: Key = (0, 0)
        self._server: tuple[str, int] | None = None
        if engine.dialect.name == "postgresql":
            self._acquire_on_server(engine)
        elif db is not None and self.path is not None:
            refuse_hard_links(db)
            self._acquire(self.path)

    def _acquire(self, path: Path) -> None:
        with _guard:
            entry = self._held_entry(path)
            if entry is None:
                return
            fd, counts = entry
            if counts.get(self.show_id, 0) == 0 and not _os_lock(fd, self.show_id):
                if not counts:
                    os.close(fd)
                    del _held[self._key]
                raise _refused(self.show_id)
            counts[self.show_id] = counts.get(self.show_id, 0) + 1
            self._released = False

    def _held_entry(self, path: Path) -> tuple[int, dict[int, int]] | None:
        """This process's descriptor of the lock file (opened now if it has none), or
        None when the file cannot be made."""
        try:
            self._key = _file_key(os.stat(path))
        except OSError:
            pass
        else:
            if self._key in _held:
                return _held[self._key]
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # a read-only folder: the database cannot be written either
            log.warning("cannot create the show lock %s: %s", path, exc)
            return None
        self._key = _file_key(os.fstat(fd))
        entry = _held[self._key] = (fd, {})
        return entry

    def _acquire_on_server(self, engine: Engine) -> None:
        key = (engine.url.render_as_string(hide_password=False), self.show_id)
        with _guard:
            hold = _server_held.get(key)
            if hold is None:
                hold = ServerHold(engine, self.show_id)
                if not hold.taken:
                    hold.close()
                    raise _refused(self.show_id)
                _server_held[key] = hold
            else:
                hold.count += 1
            self._server, self._released = key, False

    @property
    def lost(self) -> str | None:
        """Why a server lock is not held now (its connection was lost), else None."""
        hold = _server_held.get(self._server) if self._server is not None else None
        return None if hold is None else hold.lost

    @property
    def lost_code(self) -> str | None:
        """"away" while the server is away, "taken" when another process took the show meanwhile."""
        hold = _server_held.get(self._server) if self._server is not None else None
        return None if hold is None else hold.lost_code

    def _release_on_server(self, key: tuple[str, int]) -> None:
        hold = _server_held[key]
        hold.count -= 1
        if hold.count == 0:
            del _server_held[key]
            hold.close()

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        if self._server is not None:
            with _guard:
                self._release_on_server(self._server)
            return
        with _guard:
            entry = _held.get(self._key)
            if entry is None:
                return
            fd, counts = entry
            counts[self.show_id] -= 1
            if counts[self.show_id] == 0:
                del counts[self.show_id]
                _os_unlock(fd, self.show_id)
            if not counts:
                os.close(fd)
                del _held[self._key]


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _os_lock(fd: int, show_id: int) -> bool:
        os.lseek(fd, show_id, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _os_unlock(fd: int, show_id: int) -> None:
        os.lseek(fd, show_id, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _os_lock(fd: int, show_id: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, show_id, os.SEEK_SET)
        except OSError:
            return False
        return True

    def _os_unlock(fd: int, show_id: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, show_id, os.SEEK_SET)
