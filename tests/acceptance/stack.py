"""The real stack in this process — SQLite file, feed writer, show service, intake, ApiServer on
127.0.0.1 — with a switch that makes the database refuse inserts by SQLite error code."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event

from controlroom.core.clock import SystemClock
from controlroom.core.comment_watch import CommentWatch
from controlroom.feeds.api_server import ApiServer
from controlroom.feeds.catalogue import sample_products
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter
from tests.acceptance.procs import TOKEN

READONLY, IOERR, CONSTRAINT = 8, 10, 19


class Fault:
    """While `code` is set, every insert into events fails with that SQLite error code — or only
    the inserts whose parameters hold `poison_ref` (a row the database will never take)."""

    def __init__(self, engine) -> None:
        self.code: int | None = None
        self.fail_times: int | None = None  # when set, the outage ends by itself after that many refusals
        self.poison_ref: str | None = None
        self.hits = 0
        self.on_poison: Callable[[], None] | None = None  # called when a lone poison row is refused
        self.hold: threading.Event | None = None  # while set and not yet released, inserts wait
        event.listen(engine, "before_cursor_execute", self._check)

    def _check(self, _conn, _cursor, statement, params, *_args) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            return
        if self.hold is not None:
            self.hold.wait()
        if self.poison_ref is not None and self.poison_ref in repr(params):
            single = not isinstance(params, list) or len(params) == 1
            if single and self.on_poison is not None:
                self.on_poison()
            raise _error(CONSTRAINT, "injected: the row breaks a constraint")
        if self.code is not None:
            self.hits += 1
            code = self.code
            if self.fail_times is not None and self.hits >= self.fail_times:
                self.code = None
            raise _error(code, "injected outage")


def _error(code: int, message: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message) if code != CONSTRAINT else sqlite3.IntegrityError(message)
    exc.sqlite_errorcode = code
    return exc


@dataclass
class Stack:
    db: Path
    repo: ShowRepository
    writer: FeedWriter
    service: ShowService
    intake: Intake
    server: ApiServer
    fault: Fault

    @property
    def url(self) -> str:
        return self.server.url

    def close(self) -> None:
        self.server.stop()
        self.writer.close()
        self.service.close()
        self.repo.engine.dispose()


def open_stack(db: Path, *, ack_timeout_s: float = 0.5, rescue: Path | None = None) -> Stack:
    engine = open_engine(db)
    repo = ShowRepository(engine)
    clock = SystemClock()
    show_id = create_show(repo, "acceptance", 120, sample_products(), clock.now())
    fault = Fault(engine)
    writer = FeedWriter(engine, rescue_path=rescue)
    writer.retry_after_s = 0.05
    service = ShowService(repo, writer, show_id, clock)
    service.ack_timeout_s = ack_timeout_s
    service.state.comment_classifier = CommentWatch().classify
    intake = Intake(service)
    server = ApiServer(intake, TOKEN, host="127.0.0.1", port=0)
    server.start()
    return Stack(db, repo, writer, service, intake, server, fault)
