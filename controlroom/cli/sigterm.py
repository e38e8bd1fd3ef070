"""SIGTERM as a clean stop for the commands that write: never in the middle of a write.

While `sigterm_stops()` is in force, SIGTERM only raises a flag (`terminated()`), which
the command polls at points where stopping is safe: serve and tail between batches,
rehearse between simulated seconds, import after its one write. Inside `abortable()`
(reading and checking a sheet, before anything is written) it raises `Terminated` at
once instead, so a long read is not waited for. Signal handlers belong to the main
thread; in any other thread (tests calling `main()` from one) this does nothing.
The flag is a plain attribute, polled, never waited on: a handler that took a lock
(an Event's) could deadlock against the code it interrupted.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

EXIT_STATUS = 128 + signal.SIGTERM  # what a shell reports for a process SIGTERM ended


class Terminated(BaseException):
    """SIGTERM came where stopping at once is safe. A BaseException, like
    KeyboardInterrupt, so that no `except Exception` of a reader swallows it."""


class _Flags:
    requested = False
    abortable = False


_flags = _Flags()


def _on_term(_sig: int, _frame: object) -> None:
    _flags.requested = True
    if _flags.abortable:
        _flags.abortable = False
        raise Terminated()


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def sigterm_stops() -> Iterator[None]:
    """From here to the end of the block SIGTERM asks the command to stop (even one that
    comes before the command starts to poll) instead of killing it."""
    if not _main_thread():
        yield
        return
    _flags.requested = _flags.abortable = False
    previous = signal.signal(signal.SIGTERM, _on_term)
    try:
        yield
    finally:
        _flags.abortable = False
        signal.signal(signal.SIGTERM, previous)


def terminated() -> bool:
    return _flags.requested


@contextmanager
def abortable() -> Iterator[None]:
    """Nothing is written inside: a SIGTERM (also one that came before) raises Terminated."""
    if _flags.requested:
        raise Terminated()
    _flags.abortable = _main_thread() and signal.getsignal(signal.SIGTERM) is _on_term
    if _flags.requested:  # it came between the look above and the line before
        _flags.abortable = False
        raise Terminated()
    try:
        yield
    finally:
        _flags.abortable = False
