"""What `serve` and `tail` share: a running show service with the comment watch, and a clean stop."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager

from controlroom.cli.common import add_db, check_writer, repository, show_id
from controlroom.cli.sigterm import sigterm_stops, terminated
from controlroom.core.clock import SystemClock
from controlroom.feeds.config import load_watch
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService
from controlroom.store.clock_anchor import clock_anchor_path
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
    writer = FeedWriter(repo.engine)
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
    check_writer(writer)


def wait_for_interrupt() -> None:
    """Block until Ctrl-C or SIGTERM (both end the command normally)."""
    try:
        while not terminated():
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
