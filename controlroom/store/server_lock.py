"""The show lock on a PostgreSQL server: `pg_try_advisory_lock(show_id)` on a connection of
its own, held for the writer's life and kept: a server restart ends the session and with it
the lock, so a keeper thread checks it every few seconds and takes it again once the server
is back. If another process took the show meanwhile, `lost` says so (and the log)."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

# Whether this session holds the one-key advisory lock `k` (pg_locks splits it in two halves;
# objsubid 1 is the one-key form, 2 the two-key form the migrations use).
_HOLDS = text("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
              "AND objsubid = 1 AND granted AND ((classid::bigint << 32) | objid::bigint) = :k)")


class ServerHold:
    """One show's advisory lock, counted within the process. `taken` is False when another
    process holds it (the caller refuses then, and closes this)."""

    def __init__(self, engine: Engine, show_id: int, check_every_s: float = 5.0) -> None:
        self.show_id = show_id
        self.count = 1
        self.lost: str | None = None  # why the lock is not held now (after a lost connection)
        self.lost_code: str | None = None  # "away" (the server is away) or "taken" (by another process)
        self._conn: Connection = engine.connect()
        self._mutex = threading.Lock()
        self._stop = threading.Event()
        self.taken = self._take()
        self._thread: threading.Thread | None = None
        if self.taken:
            self._thread = threading.Thread(target=self._keep, args=(check_every_s,), name="show-lock", daemon=True)
            self._thread.start()

    def _take(self) -> bool:
        taken = bool(self._conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.show_id}))
        self._conn.commit()  # a session lock outlives the transaction, which must not idle open
        return taken

    def _keep(self, every_s: float) -> None:
        while not self._stop.wait(every_s):
            with self._mutex:
                if not self._stop.is_set():
                    self.check()

    def check(self) -> bool:
        """Is the lock held? Taken again when the session that held it is gone."""
        try:
            held = bool(self._conn.scalar(_HOLDS, {"k": self.show_id}))
            self._conn.commit()
            if held:
                return True
            taken = self._take()  # a new session (the old one ended with the server)
        except Exception as exc:  # noqa: BLE001 - the server is still away: try at the next check
            self._rollback()
            self._lost(f"the connection to the server is lost ({exc.__class__.__name__}); the show lock is "
                       "taken again when it is back", "away")
            return False
        if taken:
            log.warning("show %d: the show lock was taken again after the server connection was lost", self.show_id)
            self.lost = self.lost_code = None
            return True
        self._lost(f"show {self.show_id} was opened by another ControlRoom process while the server connection "
                   "was lost: close one of them", "taken")
        return False

    def _lost(self, why: str, code: str) -> None:
        if why != self.lost:
            log.error("%s", why)
        self.lost, self.lost_code = why, code

    def _rollback(self) -> None:
        try:
            self._conn.rollback()
        except Exception:  # noqa: BLE001 - an invalidated connection: reconnected at the next use
            pass

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        with self._mutex:
            try:
                if self.taken:
                    self._conn.scalar(text("SELECT pg_advisory_unlock(:k)"), {"k": self.show_id})
                    self._conn.commit()
            except Exception as exc:  # noqa: BLE001 - a lost connection: the server dropped the lock already
                log.warning("releasing the show lock on the server: %s", exc)
                self._conn.invalidate()  # never back into the pool still holding a lock
            finally:
                self._conn.close()
