"""The window's read of the room: `ShowService.view()` (an immutable RoomView: queue rows,
plan, runs, shelf times, health copied under the lock) against what the window read before
(the Snapshot, the queue's rows and the checklist, under the same lock), on a 12-hour show
(43,200 feed minutes' worth of events, the sample catalogue plus `--products` more).

Run: .venv/bin/python bench/views.py [--events N] [--products P]
Prints the figures and last: RESULT views view_ms=<median> ratio=<view / snapshot read>
Both are timed in alternating blocks in the same run, so the machine's noise falls on both.
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
from controlroom.core.products import Product
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter


def build(path: Path, n: int, extra_products: int) -> ShowService:
    repo = ShowRepository(open_engine(path))
    clock = FakeClock()
    products = sample_products() + [Product(f"X-{i}", f"商品{i}", price=9.9, stock=100) for i in range(extra_products)]
    show_id = create_show(repo, "bench", 720, products, clock.now())
    service = ShowService(repo, FeedWriter(repo.engine), show_id, clock)
    service.start()
    service.run(c.set_shelf, "SKU-2001", True)
    events = mixed_feed(n, start=clock.now())
    for i in range(0, n, 10_000):
        service.ingest(events[i:i + 10_000])
        if service.writer.waiting > 100_000:  # stay under the service's max_waiting
            service.writer.flush(120)
    clock.advance(events[-1].ts + 1 - clock.now())
    service.writer.flush(120)
    return service


def snapshot_read(service: ShowService) -> object:
    """The window's refresh before views: a Snapshot plus copies of the rows it showed."""
    with service.lock:
        state = service.state
        snap = state.snapshot(service.now())
        q, low = state.queue, state.settings.low_stock_units
        rows = [(sku, q.products[sku].name, q.stock(sku), sku in q.on_shelf, q.explaining == sku,
                 q.is_sold_out(sku), q.is_low(sku, low)) for sku in q.order]
        return snap, rows, dict(state.checklist)


def timed(fn, service: ShowService, reps: int) -> float:
    t0 = time.perf_counter()
    for _ in range(reps):
        fn(service)
    return (time.perf_counter() - t0) / reps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=864_000)  # 12 hours at 20 a second
    parser.add_argument("--products", type=int, default=0)
    parser.add_argument("--blocks", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        service = build(Path(tmp) / "bench.db", args.events, args.products)
        products = len(service.view().queue)
        ours, base = [], []
        for _ in range(args.blocks):
            base.append(timed(snapshot_read, service, 20))
            ours.append(timed(ShowService.view, service, 20))
        service.writer.close()
        service.close()
    view_ms, base_ms = statistics.median(ours) * 1000, statistics.median(base) * 1000
    print(f"{args.events} events, {products} products: view {view_ms:.2f} ms, snapshot read {base_ms:.2f} ms "
          f"(medians of {args.blocks} blocks of 20)")
    print(f"RESULT views view_ms={view_ms:.2f} ratio={view_ms / base_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
