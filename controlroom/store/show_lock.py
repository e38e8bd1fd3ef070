"""One writing process per show: an OS lock next to the SQLite file.

A `ShowService` folds the log in memory and judges new events against that state
(repeated order ids, shelf and stock flags, open incidents). A second process writing
to the same show would judge against a state that misses the first one's events: an
order id taken by both would be counted twice, an order for a product the other
process put on shelf would be flagged off shelf. So a process that opens a show for
writing takes a lock on it, and a second process is refused with a sentence. Readers
(status, recap, shows) take no lock.

The lock is a byte-range lock (byte `show_id`) on `<database>-locks` in the database's
folder: the OS drops it when the process dies, so a crash never leaves a show locked.
Within one process the lock is counted, not exclusive (the window may reopen a show).
Databases that are not SQLite files (a server URL, `:memory:`) are not locked here.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from sqlalchemy import Engine

from controlroom.store.db import StoreError

log = logging.getLogger(__name__)

_guard = threading.Lock()
# lock file path -> (open file descriptor, {show_id: how many holders in this process})
_held: dict[str, tuple[int, dict[int, int]]] = {}


class ShowLockError(StoreError):
    """Another process is writing to the show."""


def lock_path(engine: Engine) -> Path | None:
    url = engine.url
    if not url.drivername.startswith("sqlite") or url.database in (None, "", ":memory:"):
        return None
    if str(url.database).startswith("file:"):
        return None
    db = Path(str(url.database)).absolute()
    return db.with_name(db.name + "-locks")


class ShowLock:
    """Held from construction until `release()` (or the process ends)."""

    def __init__(self, engine: Engine, show_id: int) -> None:
        self.show_id = show_id
        self.path = lock_path(engine)
        self._released = self.path is None
        if self.path is not None:
            self._acquire(str(self.path))

    def _acquire(self, key: str) -> None:
        with _guard:
            entry = _held.get(key)
            if entry is None:
                try:
                    fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
                except OSError as exc:  # a read-only folder: the database cannot be written either
                    log.warning("cannot create the show lock %s: %s", key, exc)
                    self._released = True
                    return
                entry = _held[key] = (fd, {})
            fd, counts = entry
            if counts.get(self.show_id, 0) == 0 and not _os_lock(fd, self.show_id):
                if not counts:
                    os.close(fd)
                    del _held[key]
                raise ShowLockError(
                    f"show {self.show_id} is open in another ControlRoom process (the window, serve, tail, "
                    "rehearse or import): close it there first, or feed the show through that process. "
                    "Reading it (status, recap) is fine."
                )
            counts[self.show_id] = counts.get(self.show_id, 0) + 1

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        key = str(self.path)
        with _guard:
            entry = _held.get(key)
            if entry is None:
                return
            fd, counts = entry
            counts[self.show_id] -= 1
            if counts[self.show_id] == 0:
                del counts[self.show_id]
                _os_unlock(fd, self.show_id)
            if not counts:
                os.close(fd)
                del _held[key]


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
