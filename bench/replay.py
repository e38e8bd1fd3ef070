"""Replay: rebuild a 12-hour show of 500k events from its log, against a bare full scan.

Run: .venv/bin/python bench/replay.py [--events N]
Prints the figures and last: RESULT replay seconds=<best> ratio=<replay/bare scan>
The bare baseline reads every row of the show with raw sqlite3 (what a naive replay
would have to do before folding anything).
"""

from __future__ import annotations

import argparse
import sqlite3
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


def build(path: Path, n: int) -> int:
    repo = ShowRepository(open_engine(path))
    clock = FakeClock()
    show_id = create_show(repo, "bench", 720, sample_products(), clock.now())
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, show_id, clock)
    service.start()
    service.run(c.set_shelf, "SKU-2001", True)
    events = mixed_feed(n, start=clock.now())
    step = 10_000
    for i in range(0, n, step):
        service.ingest(events[i:i + step])
        clock.t = events[min(i + step, n) - 1].ts
        if i % 100_000 == 0:
            service.next()
    writer.close()
    repo.engine.dispose()
    return show_id


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=500_000)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "replay.db"
        show_id = build(path, a.events)
        best_replay = best_scan = float("inf")
        for _ in range(a.rounds):
            conn = sqlite3.connect(path)
            t0 = time.perf_counter()
            rows = conn.execute("SELECT * FROM events WHERE show_id = ?", (show_id,)).fetchall()
            best_scan = min(best_scan, time.perf_counter() - t0)
            conn.close()
            repo = ShowRepository(open_engine(path, create=False))
            t0 = time.perf_counter()
            state = repo.load_show(show_id)
            best_replay = min(best_replay, time.perf_counter() - t0)
            repo.engine.dispose()
    print(f"events in the log: {len(rows):,}; orders folded: {state.metrics.totals().orders:,}")
    print(f"bare full scan (raw sqlite3, no folding): {best_scan:.3f} s")
    print(f"ControlRoom replay (load_show):          {best_replay:.3f} s")
    print(f"RESULT replay seconds={best_replay:.3f} ratio={best_replay / best_scan:.2f}")


if __name__ == "__main__":
    main()
