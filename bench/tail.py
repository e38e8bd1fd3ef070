"""The file tail: lines/s through TailReader into a real show (SQLite file, feed writer),
against the floor of a bare loop doing only what every line needs (split, json.loads,
parse_event), on the same file in the same run.

Run: .venv/bin/python bench/tail.py [--lines N] [--rounds R]
Prints the figures and last: RESULT tail ratio=<ours/floor throughput> lines_per_s=<n>
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from controlroom.core.clock import SystemClock
from controlroom.core.feed_schema import parse_event
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.tail import TailReader
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter


def write_feed(path: Path, n: int) -> None:
    rng = random.Random(1)
    kinds = [
        lambda: {"type": "comment", "user": f"u{rng.randrange(50000)}", "text": "主播好，这个多少钱？"},
        lambda: {"type": "like", "count": rng.randrange(1, 30)},
        lambda: {"type": "viewers", "online": rng.randrange(500, 3000)},
        lambda: {"type": "follow", "user": f"u{rng.randrange(50000)}"},
    ]
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(n):
            f.write(json.dumps(rng.choice(kinds)(), ensure_ascii=False) + "\n")


def floor(path: Path) -> float:
    t0 = time.perf_counter()
    now = time.time()
    count = 0
    for raw in path.read_bytes().split(b"\n"):
        if raw:
            parse_event(json.loads(raw.decode("utf-8")), now)
            count += 1
    assert count > 0
    return time.perf_counter() - t0


def ours(path: Path, db: Path, n: int) -> float:
    repo = ShowRepository(open_engine(db))
    writer = FeedWriter(repo.engine)
    show = create_show(repo, "bench", 60, sample_products(), time.time())
    service = ShowService(repo, writer, show, SystemClock())
    reader = TailReader(path, Intake(service), from_start=True)
    t0 = time.perf_counter()
    while reader.stats.lines < n:
        reader.poll()
    writer.flush(timeout=600)
    elapsed = time.perf_counter() - t0
    assert reader.stats.accepted == n and reader.stats.bad == 0 and writer.failed == 0, reader.stats
    reader.close()
    writer.close()
    service.close()
    repo.engine.dispose()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=200_000)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    best_floor = best_ours = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        write_feed(feed, a.lines)
        for r in range(a.rounds):  # alternate, keep the best of each: the machine is noisy
            best_floor = min(best_floor, floor(feed))
            best_ours = min(best_ours, ours(feed, Path(tmp) / f"show{r}.db", a.lines))
    ours_rate, floor_rate = a.lines / best_ours, a.lines / best_floor
    print(f"lines={a.lines} (comments, likes, viewers, follows) rounds={a.rounds} (best of each)")
    print(f"floor (split, json.loads, parse_event): {best_floor:.3f} s  {floor_rate:,.0f} lines/s")
    print(f"TailReader into a show (+ log written): {best_ours:.3f} s  {ours_rate:,.0f} lines/s")
    print(f"RESULT tail ratio={ours_rate / floor_rate:.2f} lines_per_s={ours_rate:.0f}")


if __name__ == "__main__":
    main()
