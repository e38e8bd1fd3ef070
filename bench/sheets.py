"""Benchmark: reading a 100,000-row platform export, against a bare openpyxl loop.

Child processes, so each memory figure starts clean:
1. ours: `read_rows(path, PLATFORM_EXPORT)` (zip check, streamed cells, limits);
   bare: `load_workbook(read_only=True, data_only=True)` and `list(iter_rows(values_only=True))`,
   the old reader. In turns (this machine is noisy); times are the best of `--repeat`.
2. the zip bomb (2 MB packed, ~670 MB of sheet XML): our refusal's time and memory.
3. the window's side: the longest single stall of `FrameReader.feed` taking the child's
   frames one by one, against unpickling the same rows as one blob (the old transfer).

Prints the figures, and last:
    RESULT sheets read_ratio=<ours/bare> rss_ratio=<ours/bare> stall_ratio=<frame/blob> bomb_rss_mb=<growth>

    python bench/sheets.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
from controlroom.core.sheet_limits import PLATFORM_EXPORT
from controlroom.sheets.table import SheetError, read_rows
from openpyxl import load_workbook
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
try:
    if kind == "ours":
        headers, rows = read_rows(path, PLATFORM_EXPORT)
    else:
        wb = load_workbook(path, read_only=True, data_only=True)
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        wb.close()
    outcome = len(rows)
except SheetError as exc:
    outcome = str(exc)
seconds = time.perf_counter() - t
growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"seconds": seconds, "rss_mb": growth, "outcome": outcome}))
"""


def make_export(path: Path, n: int) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["订单号", "下单时间", "商品名称", "数量", "实付金额", "买家昵称", "地址", "备注"])
    start = dt.datetime(2026, 1, 1, 20, 0)
    for i in range(n):
        ws.append([f"O{i:08d}", start + dt.timedelta(seconds=i), f"商品{i % 50}", 1 + i % 3, 9.9 * (i % 7),
                   f"买家{i}", "浙江省杭州市", None])
    wb.save(path)
    return path


def child(kind: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def window_stall(path: Path) -> tuple[float, float]:
    """(longest feed of one frame, unpickling all rows as one blob), seconds."""
    from controlroom.core.sheet_limits import PLATFORM_EXPORT
    from controlroom.sheets.transfer import FrameReader

    data = subprocess.run([sys.executable, "-m", "controlroom.sheets.dump", "--kind", "platform", str(path)],
                          capture_output=True, check=True).stdout
    reader = FrameReader(PLATFORM_EXPORT, path.name)
    longest, i = 0.0, 0
    while i < len(data):
        n = int.from_bytes(data[i:i + 4], "big") + 4
        t = time.perf_counter()
        reader.feed(data[i:i + n])
        longest = max(longest, time.perf_counter() - t)
        i += n
    blob = pickle.dumps((reader.headers, reader.rows), protocol=pickle.HIGHEST_PROTOCOL)
    t = time.perf_counter()
    pickle.loads(blob)
    return longest, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.sheets.bombs import zip_bomb

    with tempfile.TemporaryDirectory() as tmp:
        export = make_export(Path(tmp) / "orders.xlsx", args.rows)
        runs: dict[str, list[dict]] = {"ours": [], "bare": []}
        for _ in range(args.repeat):
            for kind in runs:
                runs[kind].append(child(kind, export))
        best = {k: min(r["seconds"] for r in v) for k, v in runs.items()}
        rss = {k: min(r["rss_mb"] for r in v) for k, v in runs.items()}
        for kind in runs:
            print(f"{kind:5} {args.rows:,} rows: best {best[kind]:.2f} s, peak RSS growth {rss[kind]:.0f} MB")
        bomb = child("ours", zip_bomb(Path(tmp) / "bomb.xlsx"))
        print(f"bomb  refused in {bomb['seconds'] * 1000:.1f} ms, RSS growth {bomb['rss_mb']:.1f} MB: {bomb['outcome']}")
        longest, blob = window_stall(export)
        print(f"window: longest frame {longest * 1000:.1f} ms, one blob {blob * 1000:.0f} ms")
    print(f"RESULT sheets read_ratio={best['ours'] / best['bare']:.2f} rss_ratio={rss['ours'] / rss['bare']:.2f} "
          f"stall_ratio={longest / blob:.3f} bomb_rss_mb={bomb['rss_mb']:.1f}")


if __name__ == "__main__":
    main()
