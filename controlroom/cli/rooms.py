"""`controlroom rooms`: every room with a live or recent show, as JSON (docs/agency.md)."""

from __future__ import annotations

import argparse
import json

from controlroom.cli.common import add_db, reader, say
from controlroom.core.clock import SystemClock
from controlroom.services.rooms import RECENT_S, recent_rooms
from controlroom.store.clock_anchor import clock_anchor_path

NAME = "rooms"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="print every room with a live or recent show as a JSON array (the agency's view)")
    add_db(p)
    p.add_argument("--hours", type=float, default=RECENT_S / 3600,
                   help="recent: a newest event (or creation) within this many hours (default: 24)")


def run(args: argparse.Namespace) -> int:
    repo = reader(args)
    try:
        now = SystemClock(anchor_path=clock_anchor_path()).now()
        say(json.dumps(recent_rooms(repo, now, args.hours * 3600), ensure_ascii=False, indent=2))
    finally:
        repo.engine.dispose()
    return 0
