"""Keeping the agency server up to date: pass after pass over the laptop's shows, polling
cheaply while nothing changes, and riding out a server that goes away (retry with backoff,
never a crash): what the CLI's `sync` and the window's background sync both run."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError

from controlroom.services.sync import BATCH, Shipper, local_origin, masked, open_local, open_server
from controlroom.store.db import StoreError

POLL_S = 1.0  # --follow: how often the laptop's log is looked at (two index look-ups)
BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
CHECKPOINT_S = 30.0  # --follow: how often the server's replay cache is moved (as the laptop's writer does)


@dataclass(frozen=True)
class SyncState:
    """What the sync can say about itself: synced, behind by N events, or offline since when."""

    online: bool = False
    behind: int = 0
    offline_since: float | None = None
    error: str = ""  # the last failure, password masked
    sent: int = 0  # events shipped by this run

    def describe(self) -> str:
        if self.offline_since is not None:
            return f"offline since {clock(self.offline_since)}"
        if not self.online:
            return "connecting"
        return "synced" if self.behind == 0 else f"behind by {self.behind} events"


def clock(ts: float) -> str:
    """hh:mm in this computer's zone, as the operator reads the wall clock."""
    return dt.datetime.fromtimestamp(ts).strftime("%H:%M")


class SyncLoop:
    """`run()` ships until the laptop's shows are on the server (or, following, until
    `stop` is set); `report(state)` hears every change of state, on this loop's thread."""

    def __init__(self, local_db: str | None, server_url: str, *, show_id: int | None = None,
                 room: str | None = None, batch: int = BATCH, poll_s: float = POLL_S,
                 report: Callable[[SyncState], None] = lambda s: None,
                 stop: threading.Event | None = None) -> None:
        self.local_db, self.server_url, self.show_id, self.room = local_db, server_url, show_id, room
        self.batch, self.poll_s, self.report = batch, poll_s, report
        self.stop = stop or threading.Event()
        self.state = SyncState()
        self.shipper: Shipper | None = None
        self._engines: list[Engine] = []
        self._seen: tuple[int, int] | None = None  # the laptop's newest (event, show) at the last full pass
        self._uncached: dict[int, int] = {}  # events shipped per show since its cache last moved
        self._checkpointed_at = time.monotonic()

    def run(self, follow: bool = False) -> SyncState:
        """Raises StoreError for a laptop database that cannot be read, and (not following)
        for a server that answers but refuses; a server that cannot be reached is waited for."""
        local = open_local(self.local_db)
        self._engines.append(local)
        try:
            origin = local_origin(local)
            known = Shipper(local, local, origin).local_show_ids()
        except SQLAlchemyError as exc:  # a read-only file cannot be given its uuid, say
            local.dispose()
            raise StoreError(f"cannot sync this database: {_reason(exc, '')}") from exc
        if self.show_id is not None and self.show_id not in known:
            local.dispose()
            raise StoreError(f"there is no show {self.show_id} in this database")
        failures = 0
        try:
            while not self.stop.is_set():
                try:
                    sent = self._pass(local, origin, follow)
                except (SQLAlchemyError, StoreError, OSError) as exc:
                    if not (follow or _unreachable(exc)):
                        raise StoreError(f"the server refused the sync: {_reason(exc, self.server_url)}") from exc
                    self._offline(exc)
                    self.stop.wait(BACKOFF_S[min(failures, len(BACKOFF_S) - 1)])
                    failures += 1
                    continue
                failures = 0
                if not follow:
                    break
                if not sent:
                    self.stop.wait(self.poll_s)
        finally:
            for engine in self._engines:
                engine.dispose()
        return self.state

    def _pass(self, local: Engine, origin: str, follow: bool) -> int:
        """Ship what is new; the events sent (0 too when the log had not moved since)."""
        shipper = self._connect(local, origin)
        newest = shipper.newest_local()
        if newest == self._seen and self.state.online:
            return 0
        sent = 0
        shows = [self.show_id] if self.show_id is not None else shipper.local_show_ids()
        for sid in shows:
            if self.stop.is_set():
                return sent
            shipped = shipper.ship_show(sid)
            sent += shipped
            self._uncached[sid] = self._uncached.get(sid, 0) + shipped
        self._checkpoint(shipper, final=not follow)
        self._seen = newest
        self._set(online=True, offline_since=None, error="", sent=self.state.sent + sent,
                  behind=sum(shipper.behind(s) for s in shows))
        return sent

    def _checkpoint(self, shipper: Shipper, final: bool) -> None:
        """The server's replay cache of the shows shipped to: at the end of a one-shot run,
        and every CHECKPOINT_S while following."""
        if not final and time.monotonic() - self._checkpointed_at < CHECKPOINT_S:
            return
        for sid in [s for s, n in self._uncached.items() if n]:
            try:
                shipper.checkpoint(sid)
            except SQLAlchemyError as exc:
                if _unreachable(exc):
                    raise
                continue  # the cache is optional: replay folds the log without it
            self._uncached[sid] = 0
        self._checkpointed_at = time.monotonic()

    def _connect(self, local: Engine, origin: str) -> Shipper:
        if self.shipper is None:
            server = open_server(self.server_url)
            self._engines.append(server)
            self.shipper = Shipper(local, server, origin, self.room, self.batch)
        return self.shipper

    def _offline(self, exc: BaseException) -> None:
        since = self.state.offline_since or time.time()
        behind = self.state.behind
        if self.shipper is not None:
            try:
                shows = [self.show_id] if self.show_id is not None else self.shipper.local_show_ids()
                behind = sum(self.shipper.behind(s) for s in shows)
            except (SQLAlchemyError, OSError):
                pass
        self._set(online=False, offline_since=since, error=_reason(exc, self.server_url), behind=behind)

    def _set(self, **changes: object) -> None:
        new = SyncState(**{**self.state.__dict__, **changes})  # type: ignore[arg-type]
        if new != self.state:
            self.state = new
            self.report(new)


def _unreachable(exc: BaseException) -> bool:
    """A server that did not answer (down, no network, connection dropped): worth waiting for."""
    if isinstance(exc, OSError):
        return True
    if isinstance(exc, StoreError):  # migrate() wraps nothing: a StoreError is an answer
        return False
    return isinstance(exc, (OperationalError, InterfaceError)) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated)


def _reason(exc: BaseException, url: str) -> str:
    """One line about a failure, the server's password masked."""
    cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = f"{cause.__class__.__name__}: {str(cause).splitlines()[0] if str(cause) else ''}"
    text = text.replace(url, masked(url)) if url else text
    password = _password(url) if url else None
    return text.replace(password, "***") if password else text


def _password(url: str) -> str | None:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).password  # type: ignore[return-value]
    except Exception:  # an unreadable URL has no password to hide
        return None
