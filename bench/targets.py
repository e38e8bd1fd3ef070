"""What the slot targets cost the live state: a 4-hour show with 100,000 orders (some
late), 200 segment runs and a target on every segment; the time of `target_progress`
(asked every refresh) against the rest of `ShowState.snapshot` in the same run, and of
folding the orders into the sales timeline against folding them into the show.

Run: python bench/targets.py [--orders N]
Prints the figures and last: RESULT targets progress_ms=<ms> ratio=<progress/snapshot> fold_ratio=<timeline/apply>
"""

from __future__ import annotations

import argparse
import random
import time

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowInfo, ShowState
from controlroom.core.targets import SalesTimeline, target_progress
from controlroom.feeds.catalogue import sample_products


def best(fn, repeat: int = 7, number: int = 20) -> float:
    """Seconds per call, the best of `repeat` rounds of `number` calls."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t) / number)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    products = sample_products()
    segments = [Segment(SegmentKind.PRODUCT, p.name, 72.0, p.sku, gmv_target=1000.0, orders_target=20)
                for p in products for _ in range(25)][:200]
    clock = FakeClock()
    state = ShowState.new(ShowInfo(1, "bench", clock.now()), Plan(segments), products, ShowSettings())
    for e in c.start(state, clock.now()):
        state.apply(e)
    orders = []
    step = 4 * 3600 / args.orders
    for n in range(args.orders):
        late = rng.random() < 0.05
        ts = clock.now() + n * step - (rng.uniform(0, 60) if late else 0)
        orders.append(Event(ev.ORDER, ts, user=f"u{n % 5000}", product=products[n % len(products)].sku,
                            value=rng.choice([9.9, 59.0, 129.0]), qty=1, ref=f"o{n}"))
    per_segment = args.orders // len(segments)
    t_apply = time.perf_counter()
    for i, e in enumerate(orders):
        if i and i % per_segment == 0 and i // per_segment < len(segments):
            clock.t = max(clock.t, e.ts)
            for m in c.next_segment(state, clock.now()):
                state.apply(m)
        state.apply(e)
    t_apply = time.perf_counter() - t_apply
    timeline = SalesTimeline()
    t_fold = time.perf_counter()
    for e in orders:
        timeline.add(e)
    timeline.between(0, float("inf"))
    t_fold = time.perf_counter() - t_fold
    now = clock.now()
    uid = state.pacing(now).segment.uid
    progress = best(lambda: target_progress(state.plan, state.timer, state.sales, now, uid))
    snapshot = best(lambda: state.snapshot(now))
    print(f"orders {args.orders}, runs {len(state.timer.runs)}; target_progress {progress * 1000:.3f} ms, "
          f"snapshot (with it) {snapshot * 1000:.3f} ms; timeline fold {t_fold:.2f} s, show fold {t_apply:.2f} s")
    print(f"RESULT targets progress_ms={progress * 1000:.3f} ratio={progress / snapshot:.3f} "
          f"fold_ratio={t_fold / t_apply:.3f}")


if __name__ == "__main__":
    main()
