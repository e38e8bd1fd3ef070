"""Formatting for the window: clock times, signed durations, money, counts."""

from __future__ import annotations

import math
import time


def clock(seconds: float) -> str:
    """m:ss (or h:mm:ss), negative with a leading minus: the countdown's text."""
    sign = "-" if seconds < 0 else ""
    s = math.floor(abs(seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{sec:02d}" if h else f"{sign}{m:02d}:{sec:02d}"


def countdown(remaining_s: float) -> str:
    """Remaining time counts down to 0:00, then up as overrun ("+01:23")."""
    if remaining_s >= 0:
        return clock(math.ceil(remaining_s))
    return "+" + clock(-remaining_s)


def signed(seconds: float) -> str:
    return ("+" if seconds >= 0 else "-") + clock(abs(seconds))


def wall(ts: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(ts))


def money(value: float) -> str:
    return f"¥{value:,.2f}" if value < 10_000 else f"¥{value:,.0f}"


def count(value: float) -> str:
    return f"{round(value):,}"


def percent(ratio: float) -> str:
    return f"{ratio * 100:.1f}%"
