"""`controlroom status` and `controlroom shows`: read the log, print, change nothing."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from controlroom.cli.common import add_db, reader, say, show_id
from controlroom.core.clock import SystemClock
from controlroom.core.show import status_dict
from controlroom.feeds.source_health import health_path, read_health
from controlroom.services.room_usual import room_baseline
from controlroom.store.clock_anchor import clock_anchor_path

NAME = "status"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="print a show's state as JSON (default: the most recent show)")
    add_db(p)
    p.add_argument("--show", type=int)
    s = sub.add_parser("shows", help="list the shows in the database")
    add_db(s)


def run(args: argparse.Namespace) -> int:
    repo = reader(args)
    if args.command == "shows":
        return _shows(repo)
    sid = show_id(repo, args.show)
    state = repo.load_show(sid)
    state.baseline = room_baseline(repo, sid, state.settings)  # the room's usual: its below-usual alerts
    out = status_dict(state.snapshot(SystemClock(anchor_path=clock_anchor_path()).now()))
    # What a running `serve` is fed by (feeds/source_health.py); [] when none runs for this show.
    out["sources"] = read_health(health_path(repo.engine), sid)
    say(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def _shows(repo) -> int:
    say(f"{'id':>4}  {'date':16}  {'state':8}  {'GMV':>12}  title")
    for s in repo.list_shows():
        date = dt.datetime.fromtimestamp(s.created_at).strftime("%Y-%m-%d %H:%M")
        say(f"{s.id:>4}  {date:16}  {s.state:8}  {s.gmv:>12.2f}  {s.title}")
    return 0
