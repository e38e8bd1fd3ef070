"""Importing a product sheet into a running show: preview and apply, against reading the sheet.

Run: .venv/bin/python bench/edits.py [--products N]
Prints the figures and last: RESULT import seconds=<apply> ratio=<apply/read>
The baseline is reading and validating the same sheet (read_products), which every
import does anyway; preview and apply are the merge rules, the events committed in one
transaction, and the fold. The replay line is load_show after the import (N edit events).
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.feeds.catalogue import sample_products
from controlroom.services import editing
from controlroom.services.show_service import ShowService, create_show
from controlroom.sheets.products import read_products
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter


def running_show(path: Path) -> ShowService:
    repo = ShowRepository(open_engine(path))
    clock = FakeClock()
    service = ShowService(repo, FeedWriter(repo.engine), create_show(repo, "bench", 120, sample_products(), clock.now()),
                          clock)
    service.start()
    service.next()
    service.run(c.set_shelf, "SKU-1001", True)
    service.ingest([ev.Event(ev.ORDER, clock.now(), user=f"u{i}", product="SKU-1001", qty=1, value=9.9, ref=f"o{i}")
                    for i in range(100)])
    return service


def write_sheet(path: Path, n: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["商品名称", "SKU", "类型", "价格", "库存", "卖点", "优惠"])
        w.writerows([[p.name, p.sku, p.role.value, p.price - 1, p.stock + 50, "", ""] for p in sample_products()])
        w.writerows([[f"商品{i}", f"SKU-N{i:05d}", "利润款", 10 + i % 90, 20, "卖点", ""] for i in range(n)])


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=4000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sheet_path = Path(tmp) / "sheet.csv"
        write_sheet(sheet_path, args.products)
        service = running_show(Path(tmp) / "show.db")
        read_s, sheet = min((timed(lambda: read_products(sheet_path)) for _ in range(3)), key=lambda r: r[0])
        preview_s, preview = timed(lambda: editing.preview_products(service, sheet))
        apply_s, done = timed(lambda: editing.import_products(service, sheet, preview))
        service.writer.flush()
        replay_s, _state = timed(lambda: service.repo.load_show(service.show_id))
        print(f"sheet of {len(sheet)} rows read in {read_s:.3f} s")
        print(f"preview {preview_s:.3f} s ({done.summary()})")
        print(f"apply {apply_s:.3f} s ({len(done.events)} events), replay after {replay_s:.3f} s")
        service.writer.close()
        service.close()
        print(f"RESULT import seconds={apply_s:.3f} ratio={apply_s / read_s:.2f}")


if __name__ == "__main__":
    main()
