"""`controlroom tail FILE`: follow a JSON-lines event file into a show until Ctrl-C.

It fails (exit status 2, a line on stderr) when rows were lost: events the feed writer
could not write, or lines still held at the stop because the database could not write.
"""

from __future__ import annotations

import argparse

from controlroom.cli.common import CliError, say, warn
from controlroom.cli.feed_common import add_show_options, feed_intake, wait_for_interrupt
from controlroom.feeds.tail import FileTail, TailReader

NAME = "tail"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="follow a JSON-lines file of events (docs/events.md) into a show")
    add_show_options(p)
    p.add_argument("file", help="the file another tool appends events to, one JSON object a line")
    p.add_argument("--from-start", action="store_true", help="read the lines already in the file too")


def run(args: argparse.Namespace) -> int:
    with feed_intake(args) as intake:
        reader = TailReader(args.file, intake, lambda msg: warn(f"controlroom tail: {msg}"), args.from_start)
        tail = FileTail(reader)
        tail.start()
        say(f"show {intake.service.show_id}: following {args.file} (Ctrl-C to stop)")
        try:
            wait_for_interrupt()
        finally:
            tail.stop()
    s = reader.stats
    say(f"stopped: {s.lines} lines, {s.accepted} events taken, {s.duplicates} duplicate orders, "
        f"{s.bad} bad lines skipped")
    held = reader.held_lines()
    if held is not None:
        raise CliError(f"{s.held} lines of {args.file} are not in the log (the database could not write): "
                       f"lines {held[0]}-{held[1]}; they are still in the file")
    return 0
