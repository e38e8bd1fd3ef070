"""The charts' buffers: appended as events arrive (any thread), read by the display timer.

Per-sample online viewers; per second: cumulative GMV and orders, and GMV and orders
over the last 60 s ("per minute", rolling). Arrays are preallocated and grow by
doubling, so an append is O(1) and the display reads slices without copying.
"""

from __future__ import annotations

import threading
from collections import deque

import numpy as np

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.ui.chart_gaps import NoDataMinutes, break_lines

RATE_WINDOW_S = 60  # "per minute" is the rolling sum over this many seconds
INITIAL_CAPACITY = 4096
ENVELOPE_S = 60  # the coarse copy keeps each minute's lowest and highest point


class Series:
    """A growable (x, y) float64 series."""

    def __init__(self, capacity: int = INITIAL_CAPACITY) -> None:
        self._x = np.empty(capacity)
        self._y = np.empty(capacity)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        if self.n == len(self._x):
            self._x = np.concatenate([self._x, np.empty(len(self._x))])
            self._y = np.concatenate([self._y, np.empty(len(self._y))])
        self._x[self.n] = x
        self._y[self.n] = y
        self.n += 1

    def extend(self, xs: np.ndarray, ys: np.ndarray) -> None:
        need = self.n + len(xs)
        if need > len(self._x):
            size = max(need, 2 * len(self._x))
            self._x = np.concatenate([self._x[: self.n], np.empty(size - self.n)])
            self._y = np.concatenate([self._y[: self.n], np.empty(size - self.n)])
        self._x[self.n : need] = xs
        self._y[self.n : need] = ys
        self.n = need

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x[: self.n], self._y[: self.n]

    def last(self) -> float:
        return float(self._y[self.n - 1]) if self.n else 0.0


class Envelope(Series):
    """Per ENVELOPE_S bucket, the lowest then the highest value: what a peak-downsampled
    whole-show view draws anyway, kept up to date in O(1) per point."""

    def __init__(self) -> None:
        super().__init__(capacity=1024)
        self._bucket: int | None = None

    def add(self, x: float, y: float) -> None:
        bucket = int(x // ENVELOPE_S)
        if bucket != self._bucket:
            self._bucket = bucket
            start = bucket * ENVELOPE_S
            self.append(start, y)
            self.append(start + ENVELOPE_S / 2, y)
            return
        lo, hi = self.n - 2, self.n - 1
        self._y[lo] = min(self._y[lo], y)
        self._y[hi] = max(self._y[hi], y)


class EnvelopedSeries(Series):
    """A series with its envelope beside it."""

    def __init__(self, capacity: int = INITIAL_CAPACITY) -> None:
        super().__init__(capacity)
        self.envelope = Envelope()

    def append(self, x: float, y: float) -> None:
        super().append(x, y)
        self.envelope.add(x, y)


class ChartData:
    """Attributes: online, gmv_total, orders_total, gmv_rate, orders_rate (Series);
    version (bumped on every change, so the display skips unchanged frames)."""

    SERIES = ("online", "gmv_total", "orders_total", "gmv_rate", "orders_rate")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.online = EnvelopedSeries()
        self.gmv_total = EnvelopedSeries()
        self.orders_total = EnvelopedSeries()
        self.gmv_rate = EnvelopedSeries()
        self.orders_rate = EnvelopedSeries()
        self.version = 0
        self._sec: int | None = None
        self._sec_gmv = 0.0
        self._sec_orders = 0
        self._gmv = 0.0
        self._orders = 0
        self._window: deque[tuple[int, float, int]] = deque()
        self._win_gmv = 0.0
        self._win_orders = 0
        self.no_data = NoDataMinutes()  # minutes without any feed event break the lines (chart_gaps.py)

    def add(self, events: list[Event]) -> None:
        with self.lock:
            for e in events:
                self._add(e)
            self.version += 1

    def _add(self, e: Event) -> None:
        kind = e.kind
        if kind not in (ev.VIEWERS, ev.ORDER) and kind not in ev.INTERACTION_KINDS:
            if kind == ev.JOIN:
                self._data_at(e.ts)
            return
        sec = int(e.ts)
        if self._sec is None:
            self._sec = sec
        elif sec > self._sec:
            self._close_second(sec)
        self._data_at(e.ts)
        if kind == ev.VIEWERS:
            self.online.append(e.ts, float(e.value or 0.0))
        elif kind == ev.ORDER:
            self._sec_gmv += float(e.value or 0.0)
            manual = e.flag == ev.FLAG_MANUAL
            self._sec_orders += int((e.data or {}).get("orders", 0)) if manual else 1

    def settle(self, now: float) -> None:
        """Close the open second once `now` is past it (quiet moments, the end of a replay)."""
        with self.lock:
            if self._sec is not None and int(now) > self._sec:
                self._close_second(int(now))
                self._no_data_until(now)
                self.version += 1

    def _close_second(self, new_sec: int) -> None:
        """Record the finished second and move on to `new_sec`."""
        sec = self._sec if self._sec is not None else new_sec
        self._gmv += self._sec_gmv
        self._orders += self._sec_orders
        self._window.append((sec, self._sec_gmv, self._sec_orders))
        self._win_gmv += self._sec_gmv
        self._win_orders += self._sec_orders
        while self._window and self._window[0][0] <= sec - RATE_WINDOW_S:
            _, g, o = self._window.popleft()
            self._win_gmv -= g
            self._win_orders -= o
        x = float(sec)
        self.gmv_total.append(x, self._gmv)
        self.orders_total.append(x, float(self._orders))
        self.gmv_rate.append(x, max(0.0, self._win_gmv))
        self.orders_rate.append(x, float(self._win_orders))
        self._sec, self._sec_gmv, self._sec_orders = new_sec, 0.0, 0

    def _data_at(self, ts: float) -> None:
        gap = self.no_data.seen(ts)
        if gap is not None:
            break_lines(self._gap_series(), *gap)

    def _no_data_until(self, now: float) -> None:
        gap = self.no_data.passed_to(int(now // 60))
        if gap is not None:
            break_lines(self._gap_series(), *gap)

    def _gap_series(self) -> list[Series]:
        """Every series, then their envelopes (a NaN point added to a series reaches its envelope)."""
        fine = [getattr(self, name) for name in self.SERIES]
        return fine + [s.envelope for s in fine]

    def load(self, repo: object, show_id: int) -> None:
        """Fill from the log (opening a show, or after a crash): the feed's events, as live."""
        events = repo.events(show_id, kinds=tuple(sorted(ev.FEED_KINDS)))  # type: ignore[attr-defined]
        batch: list[Event] = []
        for e in events:
            batch.append(e)
            if len(batch) >= 10_000:
                self.add(batch)
                batch = []
        self.add(batch)
        if self._sec is not None:
            self.settle(self._sec + 1)

    def views(self, coarse: bool = False) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Every series, or (coarse) their per-minute envelopes, as array views."""
        with self.lock:
            if coarse:
                return {name: getattr(self, name).envelope.view() for name in self.SERIES}
            return {name: getattr(self, name).view() for name in self.SERIES}

    def online_at(self, ts: np.ndarray) -> np.ndarray:
        x, y = self.online.view()
        finite = np.isfinite(y)  # not the no-data gaps' NaN points
        x, y = x[finite], y[finite]
        if not len(x):
            return np.zeros(len(ts))
        return np.interp(ts, x, y)


# -- baseline (issue 13): the room's usual behind the live curves (core/baseline.py) --
# Which plot draws which figure, and where a minute of show time sits on its time axis: online
# is a minute's mean (its middle); GMV per minute is what the rolling 60 s sum reads at the
# minute's end, and cumulative GMV is the total by then.
BASELINE_PLOTS = {"online": "online", "gmv": "gmv_rate", "gmv_total": "gmv_total"}
_BASELINE_X_S = {"online": 30.0, "gmv": 60.0, "gmv_total": 60.0}
_BASELINE_SCALE = {"online": 1.0, "gmv": 0.01, "gmv_total": 0.01}  # money: cents → ¥


def baseline_band(base: object, started_at: float, figure: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x, low, usual, high) of `figure`'s band over the show's time axis, the show started at
    `started_at`; minutes without a band (no previous show on air then) are left out."""
    bands = getattr(base, figure, ())
    kept = [(m, b) for m, b in enumerate(bands) if b is not None]
    scale = _BASELINE_SCALE[figure]
    x = np.array([started_at + 60.0 * m + _BASELINE_X_S[figure] for m, _ in kept], dtype=float)
    low = np.array([b.low * scale for _, b in kept], dtype=float)
    usual = np.array([b.usual * scale for _, b in kept], dtype=float)
    high = np.array([b.high * scale for _, b in kept], dtype=float)
    return x, low, usual, high
