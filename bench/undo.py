"""Undo: Ctrl+Z on a long show costs what one operator command costs, not a replay.

A show with many operator actions (segment moves, interactions, shelf toggles) and feed
events; then, in rounds, F7 (a move-on: segment, shelves, explaining) and its undo
(service.undo: one commit plus the in-memory rebuild of the timer and the shelves),
against a plain command (mark_interaction: one commit and a fold). The replay of the same show from its
log (what an undo that re-read the log would cost) is printed beside.

Run: .venv/bin/python bench/undo.py [--actions N] [--events N] [--rounds N]
Prints the figures and last: RESULT undo ms=<median> ratio=<undo/command> replay_ratio=<undo/replay>
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import mixed_feed

from controlroom.core import commands as c
from controlroom.core.clock import FakeClock
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter


def build(folder: Path, actions: int, events: int) -> tuple[ShowService, FakeClock]:
    engine = open_engine(folder / "bench.db")
    repo = ShowRepository(engine)
    clock = FakeClock()
    show_id = create_show(repo, "undo bench", 600, sample_products(), clock.now())
    service = ShowService(repo, FeedWriter(engine, checkpoint_every_s=3600), show_id, clock)
    service.start()
    feed = mixed_feed(events, start=clock.now())
    per = max(1, len(feed) // max(1, actions))
    skus = service.state.queue.order
    for i in range(actions):
        clock.advance(2)
        step = (c.next_segment, c.previous_segment, c.mark_interaction)[i % 3]
        service.run(step)
        service.run(c.toggle_shelf, skus[i % len(skus)])
        service.ingest(feed[i * per:(i + 1) * per])
    assert service.writer.flush(60)
    return service, clock


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--actions", type=int, default=1500)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        service, clock = build(Path(tmp), args.actions, args.events)
        undo_s, command_s, replay_s = [], [], []
        for _ in range(args.rounds):
            clock.advance(1)
            service.run(c.next_segment)  # the costliest to take back: timer and shelves
            undo_s.append(timed(service.undo))
            command_s.append(timed(lambda: service.run(c.mark_interaction)))
        for _ in range(3):
            replay_s.append(timed(lambda: service.repo.load_show(service.show_id)))
        service.writer.close()
        service.close()
    undo, command, replay = statistics.median(undo_s), statistics.median(command_s), min(replay_s)
    print(f"operator actions {2 * args.actions}, feed events {args.events}")
    print(f"undo median {undo * 1000:.2f} ms, command median {command * 1000:.2f} ms, replay {replay * 1000:.0f} ms")
    print(f"RESULT undo ms={undo * 1000:.2f} ratio={undo / command:.2f} replay_ratio={undo / replay:.4f}")


if __name__ == "__main__":
    main()
