"""Follow a JSON-lines file another tool writes (one event per line, docs/events.md).

`TailReader.poll()` does one step: take the lines completed since the last poll
(tail_source.FollowedFile: rotation, truncation and rewrites), decode and validate each
on its own, and submit the good ones together. Nothing one line does costs another:
- any error while decoding or validating a line (broken JSON, nesting deep enough to
  raise RecursionError, text SQLite cannot store) makes that line bad: reported through
  `on_problem` with its line number, counted, skipped;
- a batch refused for one event (an incident closed twice ...) loses that event only:
  the refusal names it, it is reported, the rest is submitted again;
- while the database cannot write (StoreUnavailable: nothing was stored) the lines are
  held, with our position before them, and sent again after `retry_after_s` (bounded),
  with one message per outage; nothing more is read meanwhile, so they go in, in order,
  exactly once when it writes again.
`FileTail` runs polls on a thread, and one more when stopped.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from controlroom.core import feed_json
from controlroom.core.events import Event
from controlroom.core.feed_schema import FeedError, parse_event
from controlroom.feeds.config import ApiSettings
from controlroom.feeds.tail_source import FollowedFile, Line, Problem
from controlroom.services.intake import Intake, Receipt
from controlroom.store.errors import StoreUnavailable

READS_PER_POLL = 4  # of READ_BYTES each: a backlog is read over several polls, so a stop never waits long
DEFAULT_RETRY_S = 2.0  # when the database gives no usable retry_after_s
MAX_RETRY_S = 5.0  # never wait longer than this to try a database that said "later"


@dataclass
class TailStats:
    lines: int = 0
    accepted: int = 0
    duplicates: int = 0
    bad: int = 0
    reopened: int = 0
    held: int = 0  # good lines waiting for the database to write again
    outages: int = 0  # times the database could not write
    queued: int = 0  # lines taken whose commit timed out: queued for the log, not sent again


class Held(NamedTuple):
    """A good line decoded, not yet in the log."""

    number: int
    start: int
    event: Event


class TailReader:
    """Attributes: path, stats, position (bytes of the current file handled: in the log or reported)."""

    def __init__(
        self,
        path: str | Path,
        intake: Intake,
        on_problem: Problem | None = None,
        from_start: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = Path(path)
        self.intake = intake
        self.on_problem = on_problem or (lambda _msg: None)
        self.stats = TailStats()
        self.source = FollowedFile(self.path, self.on_problem, from_start)
        self._monotonic = monotonic
        self._held: list[Held] = []
        self._one_by_one = False  # a refusal that names no event: find it line by line
        self._retry_at = 0.0
        self._outage_since: float | None = None

    @property
    def position(self) -> int:
        return self._held[0].start if self._held else self.source.position

    def held_lines(self) -> tuple[int, int] | None:
        """The first and last line numbers still waiting for the database, if any."""
        return (self._held[0].number, self._held[-1].number) if self._held else None

    def close(self) -> None:
        self.source.close()

    def poll(self, reads: int = READS_PER_POLL) -> int:
        """Deliver what is held, then read and submit what is new (at most `reads` reads);
        returns how many lines were read."""
        if self._held and (self._monotonic() < self._retry_at or not self._deliver()):
            return 0
        read = 0
        for _ in range(reads):
            lines = self.source.read()
            self.stats.reopened = self.source.reopened
            read += len(lines)
            self._take(lines)
            if self._held or self.source.caught_up:
                break
        return read

    # -- one line at a time --------------------------------------------------
    def _take(self, lines: list[Line]) -> None:
        now = self.intake.service.now()
        for line in lines:
            self.stats.lines += 1
            if line.problem is not None:
                self._bad(line.number, line.problem)
                continue
            if not line.raw.strip():
                continue
            try:
                event = decode_line(line.raw, now)
            except Exception as exc:  # noqa: BLE001 - whatever one line does costs only that line
                self._bad(line.number, _why(exc))
                continue
            self._held.append(Held(line.number, line.start, event))
        if self._held:
            self._deliver()

    def _deliver(self) -> bool:
        """Submit the held events, oldest first; False if the database cannot write now."""
        while self._held:
            size = 1 if self._one_by_one else len(self._held)
            group = self._held[:size]
            try:
                receipt = self.intake.submit([h.event for h in group])
            except StoreUnavailable as exc:
                if exc.queued:  # taken and queued: the writer stores them when it can; never again
                    del self._held[:size]
                    self.stats.queued += size
                self._wait(exc)
                return False
            except FeedError as exc:  # nothing of the batch was stored; the refusal names the event
                at = 0 if size == 1 else exc.index
                if at is None or not 0 <= at < size:
                    self._one_by_one = True
                    continue
                self._bad(self._held.pop(at).number, str(exc.at(None)))
                continue
            except Exception as exc:  # noqa: BLE001 - an unforeseen refusal: find its line alone
                if size > 1:
                    self._one_by_one = True
                    continue
                self._bad(self._held.pop(0).number, f"{exc.__class__.__name__}: {exc}")
                continue
            del self._held[:size]
            self._count(receipt)
        self._one_by_one = False
        self.stats.held = 0
        self._writes_again()
        return True

    def _wait(self, exc: StoreUnavailable) -> None:
        wait = exc.retry_after_s if isinstance(exc.retry_after_s, (int, float)) else DEFAULT_RETRY_S
        wait = DEFAULT_RETRY_S if not math.isfinite(wait) else min(max(wait, 0.0), MAX_RETRY_S)
        now = self._monotonic()
        self._retry_at = now + wait
        self.stats.held = len(self._held)
        if self._outage_since is None:
            self._outage_since = now
            self.stats.outages += 1
            held = f"lines {self._held[0].number}-{self._held[-1].number}" if self._held else "no lines"
            self.on_problem(
                f"{self.path.name}: the database cannot write ({exc.reason}): holding {held} "
                f"and reading no further; trying again in {wait:g} s"
            )

    def _writes_again(self) -> None:
        if self._outage_since is not None:
            took = self._monotonic() - self._outage_since
            self._outage_since = None
            self.on_problem(f"{self.path.name}: the database writes again after {took:.0f} s: the held lines are in")

    def _count(self, receipt: Receipt) -> None:
        self.stats.accepted += receipt.accepted
        self.stats.duplicates += receipt.duplicates

    def _bad(self, line_no: int, why: str) -> None:
        self.stats.bad += 1
        self.on_problem(f"{self.path.name} line {line_no}: {why} (skipped)")


def decode_line(raw: bytes, now: float) -> Event:
    """One line → one Event. Raises whatever the line makes the decoder raise."""
    value = feed_json.loads(raw)
    if b"\\u" in raw:  # strict UTF-8 decoding refuses encoded surrogates: only an escape makes one
        _refuse_lone_surrogates(value)
    return parse_event(value, now)


def _refuse_lone_surrogates(value: Any) -> None:
    """"\\ud800" is valid JSON, but no UTF-8 text: SQLite would refuse the row, and with
    it the writer's whole batch. (The schema refuses any value that is not flat.)"""
    if not isinstance(value, dict):
        return
    for name, field in value.items():
        for text in (name, field):
            if isinstance(text, str):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    shown = name.encode("utf-8", "backslashreplace").decode("ascii", "replace")
                    raise FeedError("holds a lone surrogate (\\ud800-\\udfff), which is not text", shown) from None


def _why(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON at column {exc.colno}: {exc.msg}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply to be an event"
    if isinstance(exc, ValueError):  # FeedError included
        return str(exc)
    return f"{exc.__class__.__name__}: {exc}"


class FileTail:
    """A TailReader polled on its own thread until `stop()`."""

    def __init__(self, reader: TailReader, poll_s: float | None = None) -> None:
        self.reader = reader
        self.poll_s = ApiSettings().tail_poll_s if poll_s is None else poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="file-tail", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._poll()
                self._stop.wait(self.poll_s)
            self._poll(reads=1)  # what was written just before the stop (one read: stop is prompt)
        finally:
            self.reader.close()

    def _poll(self, reads: int = READS_PER_POLL) -> None:
        try:
            self.reader.poll(reads)
        except Exception as exc:  # noqa: BLE001 - a tail must outlive any one failure
            self.reader.on_problem(f"{self.reader.path.name}: {exc.__class__.__name__}: {exc}")
