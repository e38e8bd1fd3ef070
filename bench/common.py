"""Helpers the benchmarks share: mixed feed events made deterministically."""

from __future__ import annotations

import random

from controlroom.core import events as ev
from controlroom.core.events import Event


def mixed_feed(n: int, start: float = 1_767_225_600.0, seed: int = 1) -> list[Event]:
    """n feed events of every kind, ~20 a second, with the columns each kind uses."""
    rng = random.Random(seed)
    out: list[Event] = []
    for i in range(n):
        ts = start + i / 20.0
        r = rng.random()
        if r < 0.45:
            out.append(Event(ev.COMMENT, ts, user=f"u{rng.randrange(50000)}", text="主播好，这个多少钱？"))
        elif r < 0.70:
            out.append(Event(ev.LIKE, ts, qty=rng.randrange(1, 30)))
        elif r < 0.80:
            out.append(Event(ev.VIEWERS, ts, value=float(rng.randrange(500, 3000)), qty=i))
        elif r < 0.88:
            out.append(Event(ev.FOLLOW, ts, user=f"u{rng.randrange(50000)}"))
        elif r < 0.93:
            out.append(Event(ev.SHARE, ts, user=f"u{rng.randrange(50000)}"))
        elif r < 0.96:
            out.append(Event(ev.GIFT, ts, user=f"u{rng.randrange(50000)}", qty=1, value=1.0, text="小心心"))
        else:
            out.append(Event(ev.ORDER, ts, user=f"u{rng.randrange(50000)}", product="SKU-2001", qty=1,
                             value=59.0, ref=f"B-{i}"))
    return out
