"""Rows from the child process that reads a sheet (`sheets.dump`) to the window, in frames.

The child writes small frames as it reads — ("header", texts), ("rows", [...]) of at
most a few thousand rows, then ("done", n) or ("refused", problems) — so the window
unpickles a little at a time between events instead of one big blob on the UI thread.
The window's `FrameReader` bounds what it accepts by the same limits the child reads
with (rows, and bytes derived from the text and cell limits), and unpickles only plain
values and dates: whatever the child sends, it cannot hold more than that.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle
import struct
from typing import IO, Any

from controlroom.core.sheet_limits import SheetLimits
from controlroom.core.sheet_problem import SheetProblem, from_wire
from controlroom.sheets.errors import SheetError

_LENGTH = struct.Struct(">I")
MAX_FRAME_BYTES = 16 * 1024 * 1024
# A frame is sent when it reaches any of these.
FRAME_ROWS = 2_000
FRAME_CELLS = 20_000
FRAME_CHARS = 1_000_000
_SAFE = {("datetime", name): getattr(dt, name) for name in ("datetime", "date", "time", "timedelta", "timezone")}


def write_frame(out: IO[bytes], frame: tuple[str, Any]) -> None:
    data = pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(data)) + data)
    out.flush()


class RowFramer:
    """The child's side: collects rows and writes a frame whenever one is full."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.rows: list[list[Any]] = []
        self.cells = self.chars = self.sent = 0

    def add(self, row: list[Any]) -> None:
        self.rows.append(row)
        self.cells += len(row)
        self.chars += sum(len(c) for c in row if isinstance(c, str))
        if len(self.rows) >= FRAME_ROWS or self.cells >= FRAME_CELLS or self.chars >= FRAME_CHARS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            write_frame(self.out, ("rows", self.rows))
            self.sent += len(self.rows)
        self.rows, self.cells, self.chars = [], 0, 0


def transfer_bound(limits: SheetLimits) -> int:
    """The most bytes a sheet within `limits` takes as frames, generously: 3 a character
    (UTF-8), 24 a filled cell (a pickled date), 2 a blank one, 8 a row, and 4 frames more."""
    return (limits.max_text_chars * 3 + limits.max_cells * 24 + limits.max_area * 2 + limits.max_rows * 8
            + 4 * MAX_FRAME_BYTES)


class _ValuesOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE:
            return _SAFE[(module, name)]
        raise pickle.UnpicklingError(f"{module}.{name} is not a sheet value")


class FrameReader:
    """The window's side: `feed` it the child's output as it arrives; `result` at the end."""

    def __init__(self, limits: SheetLimits, name: str) -> None:
        self.limits, self.name = limits, name
        self.buffer = bytearray()
        self.received = 0
        self.headers: list[str] | None = None
        self.rows: list[list[Any]] = []
        self.done = False
        self.refused: list[str] | None = None

    def feed(self, data: bytes) -> None:
        """Take in output; SheetError when it goes past the limits (then stop the child)."""
        self.received += len(data)
        if self.received > transfer_bound(self.limits):
            raise self._refuse("reader_too_much", limit=f"{transfer_bound(self.limits):,}")
        self.buffer += data
        while len(self.buffer) >= _LENGTH.size:
            (length,) = _LENGTH.unpack_from(self.buffer)
            if length > MAX_FRAME_BYTES:
                raise self._refuse("reader_frame", size=f"{length:,}")
            if len(self.buffer) < _LENGTH.size + length:
                return
            frame = bytes(self.buffer[_LENGTH.size:_LENGTH.size + length])
            del self.buffer[:_LENGTH.size + length]
            try:
                tag, body = _ValuesOnly(io.BytesIO(frame)).load()
            except Exception as exc:  # whatever a broken child wrote: one refusal
                raise self._refuse("reader_broken", detail=exc.__class__.__name__) from None
            self._take(tag, body)

    def _take(self, tag: Any, body: Any) -> None:
        if tag == "header":
            self.headers = list(body)
        elif tag == "rows":
            self.rows.extend(body)
            if len(self.rows) > self.limits.max_rows:
                raise self._refuse("reader_rows", limit=f"{self.limits.max_rows:,}")
        elif tag == "done":
            self.done = True
        elif tag == "refused":
            self.refused = [from_wire(p) for p in body]

    def _refuse(self, code: str, **params: Any) -> SheetError:
        return SheetError([SheetProblem(code, file=self.name, **params)])
