"""Benchmark: the recap export of a 200,000-event show against a bare openpyxl loop.

Three child processes, so each memory figure starts clean:
1. make: a show of N events (simulator, automatic controller) in a fresh SQLite file;
2. ours: `export_recap` of that show as `controlroom recap` runs it (the log pass —
   replay, read, fold, Events rows — in a second process beside the writer,
   services/recap_pass.py; every sheet written) in a fresh process: its peak RSS growth
   (the writer's; the pass's process holds the fold, a few MB);
3. compare: ours again, in turns with the bare loop (this machine is noisy): the same
   rows, read back from our workbook beforehand (not timed), written
   with a bare write-only loop (`ws.append`; where a number format is set, one styled
   cell per column reused row after row) — the floor openpyxl itself sets. Also shown:
   the same loop with a new styled cell per value. Times are the best of `--repeat` runs.

openpyxl's own serialising is most of the time: installing lxml (which openpyxl then
uses) made no difference here (17.6 s with, 16.8 s without, one noisy run each).

Prints the figures, and last:  RESULT export ratio=<ours/bare> rss_mb=<growth>
Targets: ratio ≤ 1.2 (goal 1.1), growth ≤ 150 MB.

    python bench/export.py [--events 200000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EPOCH = dt.datetime(1899, 12, 30)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make(db: Path, events: int) -> dict:
    from controlroom.core import commands
    from controlroom.core.clock import FakeClock
    from controlroom.feeds.catalogue import sample_products
    from controlroom.feeds.rehearsal import AutoController
    from controlroom.feeds.simulator import RoomSimulator, room_context
    from controlroom.services.show_service import ShowService, create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository
    from controlroom.store.writer import FeedWriter

    repo = ShowRepository(open_engine(db))
    clock = FakeClock()
    sid = create_show(repo, "压测 Bench", 180, sample_products(), clock.now())
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, sid, clock)
    sim, controller = RoomSimulator(seed=1, audience=9000.0), AutoController(service, 1, lambda _line: None)
    taken = 0
    while taken < events and controller.act(clock.now()):
        clock.advance(1.0)
        batch = sim.step(clock.now(), room_context(service.state, clock.now()))
        taken += service.ingest(batch[: events - taken])
    if service.state.timer.status.value != "ended":
        service.run(commands.end_show)
    writer.flush()
    writer.close()
    return {"show": sid, "events": repo.count_events(sid)}


def ours(db: Path, out: Path) -> dict:
    """One export in a fresh process: its time and its peak RSS growth."""
    from controlroom.recap.workbook import export_recap
    from controlroom.services.recap_pass import reader_for
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    repo = ShowRepository(open_engine(db, create=False))
    sid = repo.latest_show_id()
    before = rss_mb()
    start = time.perf_counter()
    export_recap(repo, sid, out, reader=reader_for(db))
    return {"seconds": time.perf_counter() - start, "rss_growth_mb": peak_mb() - before, "rss_before_mb": before}


def _export_seconds(db: Path, out: Path) -> float:
    from controlroom.recap.workbook import export_recap
    from controlroom.services.recap_pass import reader_for
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    repo = ShowRepository(open_engine(db, create=False))
    start = time.perf_counter()
    export_recap(repo, repo.latest_show_id(), out, reader=reader_for(db))
    seconds = time.perf_counter() - start
    repo.engine.dispose()
    return seconds


def _plain(value: object) -> object:
    """A value read back as openpyxl turns it into Python, back to what we wrote."""
    if isinstance(value, dt.datetime):
        return (value - EPOCH).total_seconds() / 86400
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    return value


def read_rows(path: Path) -> list[tuple[str, list[list[tuple[object, str]]]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    sheets = []
    for ws in wb.worksheets:
        rows = [[(_plain(c.value), c.number_format if c.value is not None else "General") for c in row]
                for row in ws.iter_rows()]
        sheets.append((ws.title, rows))
    wb.close()
    return sheets


def _write_bare(sheets: list, out: Path, reuse: bool) -> None:
    """`reuse`: one styled cell per column and format, as our writer does (the floor);
    else a new styled cell per formatted value, as openpyxl's documentation shows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        styled: dict[tuple[int, str], object] = {}
        for row in rows:
            values = []
            for i, (value, fmt) in enumerate(row):
                if fmt == "General":
                    values.append(value)
                    continue
                cell = styled.get((i, fmt)) if reuse else None
                if cell is None:
                    cell = WriteOnlyCell(ws)
                    cell.number_format = fmt
                    if reuse:
                        styled[(i, fmt)] = cell
                cell.value = value
                values.append(cell)
            ws.append(values)
    wb.save(out)


def compare(db: Path, ours_out: Path, bare_out: Path, repeat: int) -> dict:
    """Ours and the bare loop taken in turns in one process (this machine is noisy),
    best of `repeat` each; the rows the bare loop writes are read beforehand and
    frozen out of the garbage collector's way."""
    sheets = read_rows(ours_out)
    gc.collect()
    gc.freeze()
    cells = sum(1 for _, rows in sheets for r in rows for v, _f in r if v is not None)
    best = {"ours": float("inf"), "floor": float("inf")}
    for _ in range(repeat):
        best["ours"] = min(best["ours"], _export_seconds(db, ours_out))
        start = time.perf_counter()
        _write_bare(sheets, bare_out, reuse=True)
        best["floor"] = min(best["floor"], time.perf_counter() - start)
    start = time.perf_counter()
    _write_bare(sheets, bare_out, reuse=False)
    return {**best, "naive": time.perf_counter() - start, "cells": cells}


def child(stage: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--stage", stage, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"bench: stage {stage} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=200_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--keep", type=Path, help="keep the database and workbooks in this folder")
    p.add_argument("--stage", choices=("make", "ours", "bare"), help=argparse.SUPPRESS)
    p.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.stage:
        paths = [Path(x) for x in a.paths]
        result = {"make": lambda: make(paths[0], a.events), "ours": lambda: ours(paths[0], paths[1]),
                  "bare": lambda: compare(paths[0], paths[1], paths[2], a.repeat)}[a.stage]()
        print(json.dumps(result))
        return
    folder = a.keep or Path(tempfile.mkdtemp(prefix="recap-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db, ours_out, bare_out = folder / "bench.db", folder / "ours.xlsx", folder / "bare.xlsx"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    made = child("make", "--events", str(a.events), str(db))
    print(f"made a show of {made['events']} events in {time.perf_counter() - start:.1f} s")
    mine = child("ours", str(db), str(ours_out))
    print(f"ours: export_recap   {mine['seconds']:7.2f} s   peak RSS growth {mine['rss_growth_mb']:6.1f} MB "
          f"(from {mine['rss_before_mb']:.0f} MB)   {ours_out.stat().st_size / 1e6:.1f} MB file   (fresh process)")
    got = child("bare", "--repeat", str(a.repeat), str(db), str(ours_out), str(bare_out))
    print(f"ours: export_recap    {got['ours']:7.2f} s   best of {a.repeat}, in turns with the bare loop")
    print(f"bare: write-only loop {got['floor']:7.2f} s   the same {got['cells']} cells and formats, "
          "one reused styled cell per column (the floor)")
    print(f"bare: write-only loop {got['naive']:7.2f} s   the same with a new styled cell per value "
          f"(ours/this = {got['ours'] / got['naive']:.2f})")
    print(f"RESULT export ratio={got['ours'] / got['floor']:.2f} rss_mb={mine['rss_growth_mb']:.0f}")


if __name__ == "__main__":
    main()
