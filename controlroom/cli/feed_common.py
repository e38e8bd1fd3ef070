"""What `serve` and `tail` share: a running show service with the comment watch, a rescue file, a clean stop."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from controlroom.cli.common import add_db, check_writer, repository, show_id, warn
from controlroom.cli.sigterm import sigterm_stops, terminated
from controlroom.core.clock import SystemClock
from controlroom.feeds.config import load_watch
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService
from controlroom.store.clock_anchor import clock_anchor_path
from controlroom.store.db import default_db_path
from controlroom.store.show_lock import database_file
from controlroom.store.writer import FeedWriter


def add_show_options(parser: argparse.ArgumentParser) -> None:
    add_db(parser)
    parser.add_argument("--show", type=int, help="the show to feed (default: the most recent)")


@contextmanager
def feed_intake(args: argparse.Namespace) -> Iterator[Intake]:
    """An intake over the chosen show; the writer is flushed and closed on the way out.
    From here on SIGTERM asks `wait_for_interrupt` to return (even if it comes before
    the wait starts) instead of killing the process with events still queued
    (cli/sigterm.py)."""
    with sigterm_stops(), _intake(args) as intake:
        yield intake


@contextmanager
def _intake(args: argparse.Namespace) -> Iterator[Intake]:
    repo = repository(args, create=False)
    writer = FeedWriter(repo.engine, rescue_path=rescue_paths(repo.engine))
    service = None
    try:
        service = ShowService(repo, writer, show_id(repo, args.show), SystemClock(anchor_path=clock_anchor_path()))
        service.state.comment_classifier = load_watch().classify
        yield Intake(service)
    finally:
        writer.close()
        if service is not None:
            service.close()
        repo.engine.dispose()
    for path, n in writer.rescued.items():
        warn(f"controlroom: {n} events the log could not take are kept in {path} (one JSON object a line, "
             "with the reason)")
    check_writer(writer)


def rescue_paths(engine: Engine) -> list[Path]:
    """Where feed events the log cannot take are kept: `<db>.unsaved.jsonl` beside the database,
    else (that disk full or read-only like the database) in the user's data folder."""
    db = database_file(engine)
    name = f"{db.name if db is not None else 'controlroom'}.unsaved.jsonl"
    fallback = default_db_path().parent / "unsaved" / name
    return [db.with_name(name), fallback] if db is not None else [fallback]


def wait_for_interrupt() -> None:
    """Block until Ctrl-C or SIGTERM (both end the command normally)."""
    try:
        while not terminated():
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
