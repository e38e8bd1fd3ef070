"""The room's usual: per minute of show time, what the room's previous shows did — online
viewers, GMV per minute and cumulative GMV — as a usual value and a band, and whether a
show now runs well below it. Pure: per-minute figures in, bands out.

Every definition is in docs/recap.md ("Against the room's usual"). The per-minute figures
come from the one feed fold (core/metrics.py, folded with minute 0 at the show's start, as
the recap folds it) and read it as the recap's Minute-by-minute sheet does
(core/recap.py `_minute_rows`): online is the minute's mean sample, carried forward over
minutes without one; GMV is the minute's integer cents.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from controlroom.core.metrics import Metrics, minute_of

ONLINE, GMV, GMV_TOTAL = "online", "gmv", "gmv_total"
QUARTILES_FROM = 4  # from this many shows the band is the middle half (25–75 %); below it, min–max


@dataclass(frozen=True)
class ShowMinutes:
    """One show's figures per minute of show time (minute k covers [k, k+1) minutes after its
    start), up to its end; its last, partial minute counts as it is.

    `online`: the minute's mean online viewers, carried forward; None before the first sample.
    `gmv_cents`: the minute's GMV in integer cents."""

    show_id: int
    title: str
    started_at: float
    online: tuple[float | None, ...]
    gmv_cents: tuple[int, ...]

    @property
    def minutes(self) -> int:
        return len(self.gmv_cents)

    @property
    def gmv_total_cents(self) -> tuple[int, ...]:
        """Cumulative GMV by the end of each minute."""
        return tuple(accumulate(self.gmv_cents))


def show_minutes(show_id: int, title: str, started_at: float, end: float, metrics: Metrics) -> ShowMinutes:
    """A show's minutes from its fold (`metrics.origin` = its start; `end`: its end, or its
    newest event when it never ended). Samples before the start carry into minute 0."""
    count = max(1, math.ceil((end - started_at) / 60.0))
    buckets = metrics.buckets
    online: float | None = None
    for m in sorted(k for k in buckets if k < 0):
        if buckets[m].online_n:
            online = buckets[m].online_mean
    onlines: list[float | None] = []
    gmv: list[int] = []
    for m in range(count):
        b = buckets.get(m)
        if b is not None and b.online_n:
            online = b.online_mean
        onlines.append(online)
        gmv.append(b.gmv_cents if b is not None else 0)
    return ShowMinutes(show_id, title, started_at, tuple(onlines), tuple(gmv))


@dataclass(frozen=True)
class Band:
    """The usual (median) and the band (low … high) of the values of `shows` shows."""

    usual: float
    low: float
    high: float
    shows: int


def band_of(values: Sequence[float]) -> Band | None:
    """Median and the 25–75 % range (inclusive quartiles) from QUARTILES_FROM values on;
    median and min–max below that; None without values."""
    if not values:
        return None
    v = sorted(values)
    if len(v) < QUARTILES_FROM:
        return Band(statistics.median(v), v[0], v[-1], len(v))
    q1, q2, q3 = statistics.quantiles(v, n=4, method="inclusive")
    return Band(q2, q1, q3, len(v))


@dataclass(frozen=True)
class Baseline:
    """Per minute of show time, a band for each figure (None where no previous show was on air
    then). `shows`: the shows it is made of, newest first. Money in cents."""

    shows: tuple[int, ...] = ()
    online: tuple[Band | None, ...] = ()
    gmv: tuple[Band | None, ...] = ()
    gmv_total: tuple[Band | None, ...] = ()
    totals: tuple[tuple[str, Band | None], ...] = ()  # the shows' totals: see TOTALS

    def band(self, figure: str, minute: int) -> Band | None:
        bands: tuple[Band | None, ...] = getattr(self, figure)
        return bands[minute] if 0 <= minute < len(bands) else None

    def total(self, name: str) -> Band | None:
        return dict(self.totals).get(name)

    @property
    def minutes(self) -> int:
        return len(self.gmv)


NO_BASELINE = Baseline()
TOTALS = ("gmv_cents", "avg_online", "minutes")  # a show's GMV, its mean of minute online, its length


def show_totals(s: ShowMinutes) -> dict[str, float]:
    """A show's totals as the recap's Summary defines them (avg_online: the mean of its
    minutes' online, minutes without a sample left out)."""
    sampled = [o for o in s.online if o is not None]
    return {"gmv_cents": float(sum(s.gmv_cents)), "avg_online": sum(sampled) / len(sampled) if sampled else 0.0,
            "minutes": float(s.minutes)}


def baseline_of(history: Sequence[ShowMinutes]) -> Baseline:
    """The band of each minute over the shows on air at that minute."""
    if not history:
        return NO_BASELINE
    length = max(s.minutes for s in history)
    cumulative = [s.gmv_total_cents for s in history]

    def bands(pick: Callable[[int, int], float | None]) -> tuple[Band | None, ...]:
        return tuple(band_of([v for v in (pick(i, m) for i in range(len(history))) if v is not None])
                     for m in range(length))

    def on_air(values: Sequence[float | None] | Sequence[int], m: int) -> float | None:
        return values[m] if m < len(values) else None

    totals = [show_totals(s) for s in history]
    return Baseline(
        shows=tuple(s.show_id for s in history),
        online=bands(lambda i, m: on_air(history[i].online, m)),
        gmv=bands(lambda i, m: on_air(history[i].gmv_cents, m)),
        gmv_total=bands(lambda i, m: on_air(cumulative[i], m)),
        totals=tuple((name, band_of([t[name] for t in totals])) for name in TOTALS),
    )


# -- below the usual, live --------------------------------------------------------
@dataclass(frozen=True)
class Shortfall:
    """`figure` (ONLINE or GMV_TOTAL) is `percent` below the usual of `shows` shows at `minute`."""

    figure: str
    percent: int
    minute: int
    shows: int
    actual: float
    usual: float


def below_usual(base: Baseline | None, m: Metrics, started_at: float, now: float, percent: float,
                hold_minutes: float) -> list[Shortfall]:
    """What runs more than `percent` below the usual now and has for `hold_minutes`: every
    UTC minute of the live fold from `hold_minutes` back to now is below (so one sample, or
    one quiet minute, does not fire it). Nothing without a baseline, a percent, or before the
    show has run that long."""
    if base is None or not base.shows or percent <= 0:
        return []
    hold = max(1, math.ceil(hold_minutes))
    now_minute = minute_of(now)
    if 60 * (now_minute - hold) < started_at:
        return []
    keep = 1 - percent / 100
    span = range(now_minute - hold, now_minute + 1)
    out = []
    online = _online_short(base, m, started_at, now, keep, span)
    if online is not None:
        out.append(online)
    gmv = _gmv_short(base, m, started_at, now, keep, span)
    if gmv is not None:
        out.append(gmv)
    return out


def _online_short(base: Baseline, m: Metrics, t0: float, now: float, keep: float, span: range) -> Shortfall | None:
    for u in span:
        b = m.buckets.get(u)
        peak = b.online_max if b is not None and b.online_n else None
        if peak is None and u != span[-1]:
            return None  # a minute without a sample cannot say the room held low
        usual = base.band(ONLINE, int((60 * u + 30 - t0) // 60))
        if usual is None or usual.usual <= 0 or (peak is not None and peak >= keep * usual.usual):
            return None
    minute = int((now - t0) // 60)
    band = base.band(ONLINE, minute)
    if band is None or band.usual <= 0 or m.online >= keep * band.usual:
        return None
    return Shortfall(ONLINE, round(100 * (1 - m.online / band.usual)), minute, band.shows, m.online, band.usual)


def _gmv_short(base: Baseline, m: Metrics, t0: float, now: float, keep: float, span: range) -> Shortfall | None:
    """Cumulative GMV since the start's minute by time τ, against the usual by the last whole
    minute of show time before τ (the comparison never asks more of the show than the usual had)."""
    first = minute_of(t0)
    total, recent = 0, []  # one pass over the minutes; then only those of the span (and after) again
    for k, b in m.buckets.items():
        if k >= first:
            total += b.gmv_cents
            if k > span[0]:
                recent.append((k, b.gmv_cents))
    last = None
    for u in span:
        tau = min(60.0 * (u + 1), now)
        done = total - sum(c for k, c in recent if k > u)
        usual = base.band(GMV_TOTAL, int((tau - t0) // 60) - 1)
        if usual is None or usual.usual <= 0 or done >= keep * usual.usual:
            return None
        last = (done, usual)
    if last is None:
        return None
    done, usual = last
    return Shortfall(GMV_TOTAL, round(100 * (1 - done / usual.usual)), int((now - t0) // 60), usual.shows,
                     done, usual.usual)
