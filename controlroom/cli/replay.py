"""`controlroom replay`: a recorded show's audience (and its operator's moves) played again as
a new rehearsal show, S times faster, no window. The recording is opened read-only."""

from __future__ import annotations

import argparse
import json
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from controlroom.cli.common import CliError, add_db, check_writer, positive, repository, say, show_id, warn
from controlroom.cli.sigterm import EXIT_STATUS, sigterm_stops, terminated
from controlroom.core.clock import FakeClock
from controlroom.feeds.config import load_watch
from controlroom.feeds.replay_run import ReplayOutcome, run_replay
from controlroom.feeds.replay_source import Recording, create_replay_show, read_recording
from controlroom.services.show_service import ShowService
from controlroom.store.db import open_read_only
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

NAME = "replay"
EXIT_INTERRUPTED = 130
COMPARED = ("views", "comments", "likes", "shares", "follows", "gifts", "orders", "gmv")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        NAME, help="play a recorded show's audience again as a new rehearsal, S times faster",
        epilog="The recording is opened read-only and never changed. SIGTERM or Ctrl-C stop it between two "
               "simulated seconds: what was replayed is written, the summary printed, the new show left as it is; "
               f"exit status {EXIT_STATUS} (Ctrl-C: {EXIT_INTERRUPTED}).")
    add_db(p)
    p.add_argument("--show", type=int, required=True, help="the recorded show to replay")
    p.add_argument("--speed", type=positive, default=1.0, help="times faster than real time")
    p.add_argument("--into", metavar="NEWDB", help="create the replay in this database (default: the recording's)")
    p.add_argument("--audience-only", action="store_true",
                   help="leave the recorded operator's moves out: the plan runs on its own (the rehearsal's "
                        "automatic controller)")
    p.add_argument("--leave-off", action="append", default=[], metavar="SKU",
                   help="never put this product on shelf in the replay (its recorded orders arrive off shelf); "
                        "may be given more than once")
    p.add_argument("--title", help="the new show's title (default: 回放 Replay #ID · the recorded title)")
    p.add_argument("--seed", type=int, default=1, help="with --audience-only: the automatic controller's seed")
    p.add_argument("--clock-start", type=float, metavar="EPOCH_S",
                   help="the new show's clock starts here (UTC seconds; default: now)")


class _Interrupt:
    requested = False


@contextmanager
def _ctrl_c_stops(flag: _Interrupt) -> Iterator[None]:
    """Ctrl-C asks the loop to stop (like SIGTERM) instead of raising in the middle of a write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: setattr(flag, "requested", True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run(args: argparse.Namespace) -> int:
    ctrl_c = _Interrupt()
    with sigterm_stops(), _ctrl_c_stops(ctrl_c):
        finished = _replay(args, lambda: terminated() or ctrl_c.requested)
    if finished:
        return 0
    warn("controlroom: replay stopped; everything it replayed is in the log, the new show is left as it is")
    return EXIT_INTERRUPTED if ctrl_c.requested else EXIT_STATUS


def _read(args: argparse.Namespace) -> Recording:
    engine = open_read_only(getattr(args, "db", None))
    try:
        source = ShowRepository(engine)
        return read_recording(source, show_id(source, args.show))
    finally:
        engine.dispose()


def _replay(args: argparse.Namespace, stop: Any) -> bool:
    if args.leave_off and args.audience_only:
        raise CliError("--leave-off holds back a recorded shelf move: with --audience-only none is replayed")
    recording = _read(args)
    if not recording.feed:
        raise CliError(f"show {recording.show_id} has no audience recorded (no viewers, comments or orders) to replay")
    unknown = [s for s in args.leave_off if s not in {p.sku for p in recording.products}]
    if unknown:
        raise CliError(f"--leave-off {unknown[0]}: show {recording.show_id} has no product with that SKU")
    target = args if args.into is None else argparse.Namespace(db=args.into)
    repo = repository(target)
    now = time.time() if args.clock_start is None else args.clock_start
    title = args.title or f"回放 Replay #{recording.show_id} · {recording.title}"
    sid = create_replay_show(repo, recording, title, now)
    writer = FeedWriter(repo.engine)
    service = None
    try:
        service = ShowService(repo, writer, sid, FakeClock(now))
        service.state.comment_classifier = load_watch().classify  # the comment watch, as serve and tail have it
        say(f"show {sid} replays show {recording.show_id} at {args.speed:g}x "
            f"({len(recording.timeline)} recorded events{', audience only' if args.audience_only else ''})")
        outcome = run_replay(service, service.clock, recording, args.speed, say,  # type: ignore[arg-type]
                             moves=not args.audience_only, leave_off=frozenset(args.leave_off), seed=args.seed,
                             stop=stop)
        _summary(recording, service, outcome, args.audience_only)
    finally:
        writer.close()
        if service is not None:
            service.close()
        repo.engine.dispose()
    check_writer(writer)
    return outcome.finished


def _summary(recording: Recording, service: ShowService, outcome: ReplayOutcome, audience_only: bool) -> None:
    assert recording.totals is not None
    recorded = {k: getattr(recording.totals, k) for k in COMPARED}
    replayed = {k: service.status()["totals"][k] for k in COMPARED}
    say(f"summary: show {service.show_id}, a replay of show {recording.show_id}"
        f"{'' if outcome.finished else ' (stopped before the end)'}")
    for k in COMPARED:
        say(f"  {k:9s} recorded={recorded[k]:<12g} replayed={replayed[k]:g}")
    flags = dict(sorted(outcome.order_flags.items()))
    moves = (f"done={outcome.moves_done} skipped={outcome.moves_skipped}" if not audience_only
             else "none replayed (the automatic controller ran the plan)")
    say(f"  moves     {moves}   order flags: " + (" ".join(f"{k}={v}" for k, v in flags.items()) or "-"))
    say(json.dumps({"show": service.show_id, "recording": recording.show_id, "finished": outcome.finished,
                    "recorded": recorded, "replayed": replayed, "order_flags": flags,
                    "moves": {"done": outcome.moves_done, "skipped": outcome.moves_skipped}}, ensure_ascii=False))
