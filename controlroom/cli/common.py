"""What every subcommand shares: the --db option, opening the store, choosing a show."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from controlroom.core.products import Product

if TYPE_CHECKING:
    from controlroom.store.repository import ShowRepository

# The store (SQLAlchemy) is imported by the functions that open it: the window imports
# this module for CliError and warn, and shows itself before the store is loaded.


class CliError(RuntimeError):
    """A problem the user can fix: printed as one line on stderr, exit status 2."""


def add_db(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the subcommand is not overwritten by this default.
    parser.add_argument("--db", default=argparse.SUPPRESS, help="SQLite file or SQLAlchemy URL (default: the user's data folder)")


def repository(args: argparse.Namespace, *, create: bool = True) -> ShowRepository:
    """The store for a command that writes: refused when the file has a second name
    (a hard link), whose separate write-ahead log would hide and then corrupt the show."""
    from controlroom.store.db import db_url, open_engine
    from controlroom.store.repository import ShowRepository
    from controlroom.store.show_lock import database_file, refuse_hard_links

    url = db_url(args.db)
    refuse_hard_links(database_file(url))
    return ShowRepository(open_engine(url, create=create))


def reader(args: argparse.Namespace) -> ShowRepository:
    """The store for a command that only reads (status, shows, recap, export): opened
    read-only when the file or its folder cannot be written."""
    from controlroom.store.db import open_reader
    from controlroom.store.repository import ShowRepository

    return ShowRepository(open_reader(args.db))


def show_id(repo: ShowRepository, wanted: int | None) -> int:
    if wanted is None:
        return repo.latest_show_id()
    if wanted not in repo.show_ids():
        raise CliError(f"there is no show {wanted} in this database")
    return wanted


def products_or_sample(path: str | None) -> list[Product]:
    if path is None:
        from controlroom.feeds.catalogue import sample_products

        return sample_products()
    from controlroom.sheets.products import read_products

    return read_products(Path(path))


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text!r} must be a positive number")
    return value


def start_time(text: str) -> float:
    """A planned start: ISO 8601 with a zone, or 'YYYY-MM-DD HH:MM' in this computer's zone."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date and time like 2026-11-21 20:00") from None
    if when.tzinfo is None:
        when = when.astimezone()  # the computer's own zone, as the user reads the clock
    return when.timestamp()


def check_writer(writer: object) -> None:
    """After the feed writer closed: say so, and fail, when events could not be written."""
    failed = getattr(writer, "failed", 0)
    if failed:
        raise CliError(f"{failed} feed events could not be written to the log: {getattr(writer, 'last_error', '')}")


def say(line: str) -> None:
    print(line, flush=True)


def warn(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
