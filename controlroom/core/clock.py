"""Clocks: the only way time enters the core. Times are UTC epoch seconds (float)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...


class SystemClock:
    """Wall-clock UTC, advanced by the monotonic clock between re-anchorings.

    Small wall-clock corrections (NTP steps of a second) do not make the timer jitter.
    But the monotonic clock stands still while a laptop sleeps, and the show's log and
    every other process use wall time: when the two disagree by more than `resync_s`,
    the clock follows the wall clock again.
    """

    def __init__(
        self,
        resync_s: float = 2.0,
        wall: Callable[[], float] = time.time,
        mono: Callable[[], float] = time.monotonic,
    ) -> None:
        self._resync = resync_s
        self._wall, self._mono = wall, mono
        self._anchor()

    def _anchor(self) -> None:
        self._wall0, self._mono0 = self._wall(), self._mono()

    def now(self) -> float:
        t = self._wall0 + (self._mono() - self._mono0)
        if abs(self._wall() - t) > self._resync:
            self._anchor()
            return self._wall0
        return t


class ScaledClock:
    """A clock that runs `speed` times faster than real time, from `start`."""

    def __init__(self, speed: float, start: float | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._start = time.time() if start is None else start
        self._mono0 = time.monotonic()

    def now(self) -> float:
        return self._start + (time.monotonic() - self._mono0) * self.speed


class FakeClock:
    """A clock for tests: it moves only when told to."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t
