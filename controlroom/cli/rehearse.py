"""`controlroom rehearse`: a whole show on the simulator, no window."""

from __future__ import annotations

import argparse
import time

from controlroom.cli.common import add_db, check_writer, positive, products_or_sample, repository, say, show_id, warn
from controlroom.cli.sigterm import EXIT_STATUS, sigterm_stops, terminated
from controlroom.core.clock import FakeClock
from controlroom.feeds.rehearsal import run_rehearsal
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.writer import FeedWriter

NAME = "rehearse"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(NAME, help="run a show on the simulator, operated automatically",
                       epilog="SIGTERM stops it between two simulated seconds: everything it took is written, "
                              f"its last figures printed, the show left running; exit status {EXIT_STATUS} "
                              "(Ctrl-C: 130).")
    add_db(p)
    p.add_argument("--show", type=int, help="an existing, not yet started show (default: a new one)")
    p.add_argument("--minutes", type=positive, default=120.0)
    p.add_argument("--speed", type=positive, default=1.0, help="times faster than real time")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--clock-start", type=float, metavar="EPOCH_S",
                   help="the simulated clock starts here (UTC seconds; default: now): the same seed and start "
                        "give the same show, minute by minute")
    p.add_argument("--products", help="product sheet (.xlsx or .csv)")
    p.add_argument("--title", default="彩排 Rehearsal")


def run(args: argparse.Namespace) -> int:
    with sigterm_stops():
        ended = _rehearse(args)
    if not ended:
        warn("controlroom: stopped by SIGTERM; everything it took is in the log, the show is left running")
        return EXIT_STATUS
    return 0


def _rehearse(args: argparse.Namespace) -> bool:
    repo = repository(args)
    now = time.time() if args.clock_start is None else args.clock_start
    if args.show is None:
        sid = create_show(repo, args.title, args.minutes, products_or_sample(args.products), now)
    else:
        sid = show_id(repo, args.show)
    writer = FeedWriter(repo.engine)
    service = None
    try:
        service = ShowService(repo, writer, sid, FakeClock(now))
        say(f"show {sid}")
        ended = run_rehearsal(service, service.clock, args.speed, args.seed, say, terminated)  # type: ignore[arg-type]
    finally:
        writer.close()
        if service is not None:
            service.close()
    check_writer(writer)
    return ended
