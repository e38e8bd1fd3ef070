"""The byte side of the file tail: the complete lines of a followed file, numbered as an
editor numbers them, through rotation, truncation and rewrites.

`FollowedFile.read()` returns the lines completed since the last call (at most
READ_BYTES a call; `caught_up` says whether the end was reached). Behind our back:
- rotated (the path names another file): the old one is read to its end first, and
  its unterminated last line is taken (that file is finished); then the new one from
  its start;
- truncated (smaller than our position) or rewritten in place (truncated and written
  again between two reads, perhaps longer than before): size alone cannot tell the
  second, so we keep the file's first HEAD_BYTES and the TAIL_BYTES just before our
  position as we read them, and compare them with the file before every read. Either
  way the new content is read from its start. A rewrite that keeps every byte compared
  (the same lines with more after them) is an append, and is read as one.
A line longer than MAX_LINE_BYTES comes out once, as a Line with a `problem`, and its
rest is dropped up to its newline.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, NamedTuple

Problem = Callable[[str], None]
MAX_LINE_BYTES = 1024 * 1024  # a line longer than this is garbage, not an event
READ_BYTES = 1024 * 1024
HEAD_BYTES = 4096
TAIL_BYTES = 512


class Line(NamedTuple):  # a tuple: one is made per line, and a frozen dataclass costs thrice as much
    number: int  # 1-based, in its file
    raw: bytes  # without the newline
    start: int  # byte offset in its file
    problem: str | None = None  # why this cannot be an event, found before decoding it


class FollowedFile:
    """Attributes: path, reopened (rotations, truncations and rewrites seen), caught_up."""

    def __init__(self, path: Path, on_problem: Problem, from_start: bool) -> None:
        self.path = path
        self.on_problem = on_problem
        self.reopened = 0
        self.caught_up = False
        # A file that exists when the tail starts is followed from its end (like tail -f)
        # unless from_start; one that appears later (or after a rotation) is read whole.
        self._whole = from_start
        self._file: IO[bytes] | None = None
        self._ino: tuple[int, int] | None = None
        self._finished = False  # rotated away and read to its end: the next read switches
        self._reset()

    def _reset(self) -> None:
        self._offset = 0  # bytes read from the current file
        self._buffer = b""  # the unterminated line after the last newline
        self._line_no = 0
        self._dropping = False  # inside an over-long line, dropping up to its newline
        self._head = b""  # the file's first HEAD_BYTES, as we read them
        self._tail = b""  # the TAIL_BYTES before _offset

    @property
    def position(self) -> int:
        """Where the next line of the current file starts."""
        return self._offset - len(self._buffer)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def read(self) -> list[Line]:
        if self._finished:
            self._finished = False
            self.close()
            self.reopened += 1
            self._whole = True
        if self._file is None and not self._open():
            self._whole = True
            self.caught_up = True
            return []
        assert self._file is not None
        lines = self._check_rewritten()
        chunk = self._file.read(READ_BYTES)
        lines += self._split(chunk)
        if len(chunk) < READ_BYTES:  # at the end for now: has the path moved on to a new file?
            lines += self._check_rotated()
            self.caught_up = not self._finished
        else:
            self.caught_up = False
        return lines

    # -- opening ---------------------------------------------------------------
    def _open(self) -> bool:
        try:
            f = open(self.path, "rb")  # noqa: SIM115 - kept open across reads, closed in close()
        except OSError:
            return False
        st = os.fstat(f.fileno())
        self._file, self._ino = f, (st.st_dev, st.st_ino)
        self._reset()
        if not self._whole:
            self._skip_to_end(st.st_size)
        return True

    def _skip_to_end(self, size: int) -> None:
        """Start after the last complete line, counting the lines before it (so reported
        numbers are the file's own); a line being written now is read once it ends."""
        assert self._file is not None
        last_newline = -1
        while self._offset < size:
            chunk = self._file.read(min(READ_BYTES, size - self._offset))
            if not chunk:
                break
            self._line_no += chunk.count(b"\n")
            found = chunk.rfind(b"\n")
            if found >= 0:
                last_newline = self._offset + found
            self._remember(chunk)
        partial = self._offset - (last_newline + 1)
        if partial > MAX_LINE_BYTES:
            self._line_no += 1  # that line was too long before we came: not ours to report
            self._dropping = True
        elif partial:
            self._file.seek(last_newline + 1)
            self._buffer = self._file.read(partial)

    # -- what happened to the file ---------------------------------------------
    def _check_rewritten(self) -> list[Line]:
        assert self._file is not None
        size = os.fstat(self._file.fileno()).st_size
        if size >= self._offset and self._same_bytes():
            return []
        torn = []
        if self._buffer:
            torn.append(Line(self._line_no + 1, self._buffer, self.position, "cut off when the file was rewritten"))
        how = "truncated" if size < self._offset else "rewritten"
        self.on_problem(f"{self.path.name} was {how}: reading it again from the start")
        self.reopened += 1
        self._file.seek(0)
        self._reset()
        return torn

    def _same_bytes(self) -> bool:
        """Are the bytes we kept still where we read them?"""
        assert self._file is not None
        try:
            self._file.seek(0)
            if self._file.read(len(self._head)) != self._head:
                return False
            self._file.seek(self._offset - len(self._tail))
            return self._file.read(len(self._tail)) == self._tail
        finally:
            self._file.seek(self._offset)

    def _check_rotated(self) -> list[Line]:
        try:
            st = os.stat(self.path)
        except OSError:
            return []  # gone for now (being rotated?): keep reading the file we have
        if (st.st_dev, st.st_ino) == self._ino:
            return []
        assert self._file is not None
        self._finished = True
        lines = self._split(self._file.read())  # what was appended before the rename
        if self._buffer:  # the old file is complete: its unterminated last line is an event
            self._line_no += 1
            lines.append(Line(self._line_no, self._buffer, self.position))
            self._buffer = b""
        return lines

    # -- lines -----------------------------------------------------------------
    def _split(self, chunk: bytes) -> list[Line]:
        start = self.position
        data = self._buffer + chunk
        self._remember(chunk)
        *complete, rest = data.split(b"\n")
        if complete and self._dropping:  # the end of an over-long line, already reported
            start += len(complete[0]) + 1
            del complete[0]
            self._dropping = False
        out: list[Line] = []
        number = self._line_no
        for raw in complete:  # the hot loop of a backlog: kept to the bare minimum
            number += 1
            out.append(Line(number, raw, start) if len(raw) <= MAX_LINE_BYTES else _too_long(number, start))
            start += len(raw) + 1
        if self._dropping:
            rest = b""
        elif len(rest) > MAX_LINE_BYTES:
            number += 1
            out.append(_too_long(number, start))
            self._dropping, rest = True, b""
        self._line_no, self._buffer = number, rest
        return out

    def _remember(self, chunk: bytes) -> None:
        """Move our position past `chunk`, keeping the bytes a rewrite check compares."""
        if len(self._head) < HEAD_BYTES:
            self._head += chunk[: HEAD_BYTES - len(self._head)]
        self._tail = chunk[-TAIL_BYTES:] if len(chunk) >= TAIL_BYTES else (self._tail + chunk)[-TAIL_BYTES:]
        self._offset += len(chunk)


def _too_long(number: int, start: int) -> Line:
    return Line(number, b"", start, f"a line longer than {MAX_LINE_BYTES} bytes")
