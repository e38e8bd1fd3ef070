"""Benchmark: refusing a platform export whose every row is bad (each problem a
SheetProblem: code, parameters, place), against mapping the same number of good rows to
events, in the same run and in turns (this machine is noisy); times are the best of
`--repeat`. Pure core: no files, no processes.

Prints the figures, and last:
    RESULT sheet_problems refuse_ratio=<all bad / all good>

    python bench/sheet_problems.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from controlroom.core.plan import Plan
from controlroom.core.platform_rows import ORDERS, PlatformSpec, platform_events
from controlroom.core.settings import ShowSettings
from controlroom.core.sheet_rows import RowProblems
from controlroom.core.show import ShowInfo, ShowState

HEADERS = ["订单号", "下单时间", "商品", "数量", "实付金额"]
SPEC = PlatformSpec(ORDERS, {"order_id": 0, "time": 1, "product": 2, "quantity": 3, "amount": 4},
                    dt.timezone.utc, dt.date(2026, 12, 1))


def timed(state: ShowState, rows: list[list]) -> tuple[float, int]:
    """Seconds, and how many problems (0 when it was imported)."""
    start = time.perf_counter()
    try:
        platform_events(state, HEADERS, rows, SPEC)
        problems = 0
    except RowProblems as exc:
        problems = len(exc.problems)
    return time.perf_counter() - start, problems


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    state = ShowState.new(ShowInfo(1, "bench", 0.0), Plan(), [], ShowSettings())
    good = [[f"o{i}", "20:05", "SKU-1", 1, 9.9] for i in range(args.rows)]
    bad = [[f"o{i}", "20:05", "SKU-1", 1, "free"] for i in range(args.rows)]
    best = {"good": float("inf"), "bad": float("inf")}
    for _ in range(args.repeat):
        for name, rows in (("good", good), ("bad", bad)):
            seconds, problems = timed(state, rows)
            assert problems == (args.rows if name == "bad" else 0)
            best[name] = min(best[name], seconds)
    print(f"{args.rows:,} good rows mapped: {best['good']:.3f} s; {args.rows:,} bad rows refused: {best['bad']:.3f} s")
    print(f"RESULT sheet_problems refuse_ratio={best['bad'] / best['good']:.2f}")


if __name__ == "__main__":
    main()
