"""Minutes with no data, drawn as gaps: a clock minute in which no feed event arrived (no
viewer sample, no comment, no order…) breaks the charts' lines instead of drawing a flat
or interpolated value across it (docs/recap.md, "Minutes with no data").

`NoDataMinutes` follows the feed events as the chart buffers take them; once a minute is
known to have had none (a later minute brought data, or the clock passed it), the points
of every series inside it become NaN, or a NaN point is added where it had none, and the
curves (`break_at_gaps`) skip non-finite points.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import numpy as np


class _Series(Protocol):
    n: int

    def view(self) -> tuple[np.ndarray, np.ndarray]: ...

    def append(self, x: float, y: float) -> None: ...


class NoDataMinutes:
    """Clock minutes (ts // 60, as the live fold's) with feed data, and the gaps between them."""

    def __init__(self) -> None:
        self.last: int | None = None  # the latest minute with data
        self.checked_to: int | None = None  # minutes before this one are judged
        self.gaps: list[tuple[int, int]] = []  # (first, last) minutes without data

    def seen(self, ts: float) -> tuple[int, int] | None:
        """A feed event at `ts`: the gap it closes, if any (a late event never reopens one)."""
        minute = int(ts // 60)
        gap = self.passed_to(minute)
        if self.last is None or minute > self.last:
            self.last = minute
        self.checked_to = minute if self.checked_to is None else max(self.checked_to, minute)
        return gap

    def passed_to(self, minute: int) -> tuple[int, int] | None:
        """The minutes since the latest with data, before `minute`, that are now known to
        have had none (the clock, or a new event, is at `minute`)."""
        if self.last is None:
            return None
        first = self.last + 1 if self.checked_to is None else max(self.last + 1, self.checked_to)
        if minute - 1 < first:
            return None
        self.checked_to = minute
        if self.gaps and self.gaps[-1][1] == first - 1:  # the same gap, grown
            gap = (self.gaps[-1][0], minute - 1)
            self.gaps[-1] = gap
            return (first, minute - 1)
        self.gaps.append((first, minute - 1))
        return (first, minute - 1)


def break_lines(series: Iterable[_Series], first: int, last: int) -> None:
    """NaN over minutes first … last in each series: its points there, or one new point at
    the gap's start when it has none there (the series then ends in the gap)."""
    a, b = first * 60.0, (last + 1) * 60.0
    for s in series:
        x, y = s.view()
        i0, i1 = int(np.searchsorted(x, a)), int(np.searchsorted(x, b))
        if i1 > i0:
            y[i0:i1] = np.nan
        elif i0 == s.n:
            s.append(a, np.nan)


def break_at_gaps(curve: Any) -> None:
    """A curve that leaves out non-finite points (the gaps) instead of assuming none."""
    curve.opts["connect"] = "finite"
    curve.setSkipFiniteCheck(False)
