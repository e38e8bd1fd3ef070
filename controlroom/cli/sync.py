"""`controlroom sync`: ship this laptop's shows to the agency server (docs/agency.md)."""

from __future__ import annotations

import argparse
import os
import signal
import threading
import time

from controlroom.cli.common import CliError, add_db, say, warn
from controlroom.services.sync import BATCH, has_password, masked
from controlroom.services.sync_loop import SyncLoop, SyncState, clock

NAME = "sync"
ENV_TO = "CONTROLROOM_SYNC_TO"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="ship the shows of this laptop's database to the agency server",
                       epilog=f"The server URL comes from --to or from the environment ({ENV_TO}); a password "
                              "belongs in ~/.pgpass, a service file (PGSERVICE) or that variable, never on the "
                              "command line. Safe to run again or to kill: nothing is sent twice.")
    add_db(p)
    p.add_argument("--to", metavar="URL", help=f"the server, e.g. postgresql+psycopg://sync@agency/shows "
                                              f"(default: ${ENV_TO})")
    p.add_argument("--show", type=int, help="only this show (default: every show)")
    p.add_argument("--follow", action="store_true", help="keep shipping new events until stopped (Ctrl-C, SIGTERM)")
    p.add_argument("--room", help="the room's name on the server (default: the show's room, else this computer's name)")
    p.add_argument("--batch", type=int, default=BATCH, help=argparse.SUPPRESS)


def server_url(given: str | None) -> str:
    """The --to URL (which must not carry a password), else the environment's."""
    if given:
        if has_password(given):
            raise CliError(f"the --to URL has a password, which would be visible to every user of this computer: "
                           f"put it in ~/.pgpass or a service file, or give the whole URL in ${ENV_TO}")
        return given
    url = os.environ.get(ENV_TO, "").strip()
    if not url:
        raise CliError(f"no server to sync to: give --to URL or set {ENV_TO}")
    return url


def run(args: argparse.Namespace) -> int:
    url = server_url(args.to)
    if args.batch < 1:
        raise CliError("--batch must be at least 1")
    stop = threading.Event()
    loop = SyncLoop(getattr(args, "db", None), url, show_id=args.show, room=args.room, batch=args.batch,
                    report=_Reporter(), stop=stop)
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        say(f"syncing to {masked(url)}" + (" (following; Ctrl-C to stop)" if args.follow else ""))
        state = loop.run(follow=args.follow)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if state.online:
        say(f"{state.sent} events sent; {state.describe()}")
    return 0 if state.online or args.follow else 2


class _Reporter:
    """Says when the sync connects, falls behind, goes offline or catches up; while nothing
    else changes, a progress line at most every REPEAT_S."""

    REPEAT_S = 30.0

    def __init__(self) -> None:
        self.said, self.at = "", 0.0

    def __call__(self, state: SyncState) -> None:
        kind = "offline" if state.offline_since is not None else ("synced" if state.behind == 0 else "behind")
        now = time.monotonic()
        if kind == self.said and now - self.at < self.REPEAT_S:
            return
        if kind == "offline":
            warn(f"controlroom sync: offline since {clock(state.offline_since or 0)}, {state.behind} events "
                 f"waiting ({state.error}); retrying")
        else:
            if self.said in ("", "offline"):
                say("connected")
            say(f"{state.describe()} ({state.sent} sent)")
        self.said, self.at = kind, now
