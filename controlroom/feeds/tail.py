"""Follow a JSON-lines file another tool writes (one event per line, docs/events.md).

`TailReader.poll()` does one step: read what was appended, hand complete lines on.
It notices a rotated file (same path, new file: reopened from its start, after the
old one is drained, its last line taken even without a newline) and a truncated one
(size below our position: read again from the start). A half-written last line waits
for its newline. `FileTail` runs polls on
a thread. A bad line is reported through `on_problem` and skipped; it never stops the
tail. Each line is its own all-or-nothing unit; good lines of one poll are submitted
together, and if that batch is refused (an incident closed twice ...) the lines are
retried one by one so only the bad one is lost.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from controlroom.core.events import Event
from controlroom.core.feed_schema import FeedError, parse_event
from controlroom.feeds.config import ApiSettings
from controlroom.services.intake import Intake

Problem = Callable[[str], None]
MAX_LINE_BYTES = 1024 * 1024  # a line longer than this is garbage, not an event


@dataclass
class TailStats:
    lines: int = 0
    accepted: int = 0
    duplicates: int = 0
    bad: int = 0
    reopened: int = 0


class TailReader:
    """Attributes: path, stats, position (bytes read from the current file)."""

    def __init__(
        self, path: str | Path, intake: Intake, on_problem: Problem | None = None, from_start: bool = False
    ) -> None:
        self.path = Path(path)
        self.intake = intake
        self.on_problem = on_problem or (lambda _msg: None)
        self.stats = TailStats()
        self._from_start = from_start
        self._was_missing = False
        self._file: IO[bytes] | None = None
        self._ino: tuple[int, int] | None = None
        self._buffer = b""
        self._line_no = 0
        self.position = 0

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def poll(self) -> int:
        """Read and submit what is new; returns how many lines were handled."""
        if self._file is None:
            # A file that exists when the tail starts is followed from its end (like
            # tail -f) unless from_start; one that appears later is read whole.
            opened = self._open(at_end=not (self._from_start or self._was_missing))
            self._was_missing = not opened
            if not opened:
                return 0
        handled = self._drain()
        current = self._stat()
        if current is None:
            return handled
        if current[0] != self._ino:  # rotated: finish the old file (drained above), start the new one
            if self._buffer.strip():  # the old file is complete: its unterminated last line is an event
                handled += 1
                last, self._buffer = self._buffer, b""
                self._submit([last])
            self.close()
            self.stats.reopened += 1
            if self._open(at_end=False):
                handled += self._drain()
        elif current[1] < self.position:  # truncated in place
            self.on_problem(f"{self.path.name} was truncated: reading it again from the start")
            self.stats.reopened += 1
            assert self._file is not None
            self._file.seek(0)
            self.position, self._buffer, self._line_no = 0, b"", 0
            handled += self._drain()
        return handled

    def _stat(self) -> tuple[tuple[int, int], int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino), st.st_size

    def _open(self, at_end: bool) -> bool:
        try:
            f = open(self.path, "rb")  # noqa: SIM115 - kept open across polls, closed in close()
        except OSError:
            return False
        st = os.fstat(f.fileno())
        self._file, self._ino = f, (st.st_dev, st.st_ino)
        self._buffer, self._line_no = b"", 0
        self.position = f.seek(0, os.SEEK_END) if at_end else 0
        return True

    def _drain(self) -> int:
        assert self._file is not None
        chunk = self._file.read()
        if not chunk:
            return 0
        self.position += len(chunk)
        data = self._buffer + chunk
        *lines, self._buffer = data.split(b"\n")
        if len(self._buffer) > MAX_LINE_BYTES:
            self._bad(self._line_no + len(lines) + 1, f"a line longer than {MAX_LINE_BYTES} bytes: skipped")
            self._buffer = b""
        self._submit(lines)
        return len(lines)

    def _submit(self, lines: list[bytes]) -> None:
        good: list[tuple[int, Event]] = []
        now = self.intake.service.now()
        for raw in lines:
            self._line_no += 1
            self.stats.lines += 1
            if not raw.strip():
                continue
            try:
                good.append((self._line_no, parse_event(json.loads(raw.decode("utf-8-sig")), now)))
            except (ValueError, FeedError) as exc:  # FeedError is a ValueError; so is JSON's
                self._bad(self._line_no, _why(exc))
        if good:
            self._ingest(good)

    def _ingest(self, good: list[tuple[int, Event]]) -> None:
        try:
            self._count(self.intake.submit([e for _, e in good]))
            return
        except FeedError as exc:
            if len(good) == 1:
                self._bad(good[0][0], str(exc.at(None)))
                return
        for line_no, e in good:
            try:
                self._count(self.intake.submit([e]))
            except FeedError as exc:
                self._bad(line_no, str(exc.at(None)))

    def _count(self, receipt) -> None:
        self.stats.accepted += receipt.accepted
        self.stats.duplicates += receipt.duplicates

    def _bad(self, line_no: int, why: str) -> None:
        self.stats.bad += 1
        self.on_problem(f"{self.path.name} line {line_no}: {why} (skipped)")


def _why(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON at column {exc.colno}: {exc.msg}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(exc)


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
                try:
                    self.reader.poll()
                except Exception as exc:  # noqa: BLE001 - a tail must outlive any one failure
                    self.reader.on_problem(f"{self.reader.path.name}: {exc.__class__.__name__}: {exc}")
                self._stop.wait(self.poll_s)
        finally:
            self.reader.close()
