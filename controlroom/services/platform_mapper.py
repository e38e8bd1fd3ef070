"""The window's side of a platform export mapped in a child process (sheets/platform_child.py).

`ChildMapper(path, spec, catalogue)` starts the child and yields its events in batches as
they arrive; reading the pipe blocks without the GIL, so while the child parses and checks
200,000 rows the window's threads run. Its output is taken as plain values only (no class
is unpickled), bounded per frame, and anything else is one refusal naming the file.
"""

from __future__ import annotations

import io
import json
import pickle
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from controlroom.core.events import Event
from controlroom.core.platform_rows import MAX_ROWS, Catalogue, PlatformSpec
from controlroom.core.sheet_problem import SheetProblem, from_wire
from controlroom.sheets.platform_child import EVENT_FIELDS
from controlroom.sheets.table import SheetError
from controlroom.sheets.transfer import MAX_FRAME_BYTES

_LENGTH = struct.Struct(">I")


class _PlainValues(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")


class ChildMapper:
    """One mapping child; use as a context manager (the child is stopped on the way out)."""

    def __init__(self, path: str | Path, spec: PlatformSpec, catalogue: Catalogue) -> None:
        self.path = Path(path)
        self.total: int | None = None  # events the child will send, once it said so
        self._data: dict[str, dict[str, Any]] = {}
        request = pickle.dumps({"path": str(self.path), "spec": spec, "catalogue": catalogue})
        # Its stderr goes to a file, not a pipe: a child that wrote more than a pipe holds
        # before it ended would block on it, and this reader on its stdout, for ever.
        self._errors = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "controlroom.sheets.platform_child"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors,
        )
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(request)
            self.proc.stdin.close()
        except OSError:
            pass  # it died at once: said when its output is read

    def __enter__(self) -> ChildMapper:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._errors.close()

    def batches(self) -> Iterator[list[Event]]:
        """The events in the mapping's order; SheetError when the child refused the file
        (every bad row named) or broke."""
        sent = 0
        while True:
            tag, body = self._frame()
            if tag == "count" and isinstance(body, int) and 0 <= body <= 2 * MAX_ROWS:
                self.total = body
            elif tag == "events" and isinstance(body, list):
                batch = [self._event(t) for t in body]
                sent += len(batch)
                if self.total is None or sent > self.total:
                    raise self._broken("more events than announced")
                yield batch
            elif tag == "done" and body == sent == self.total:
                return
            elif tag == "refused" and isinstance(body, list):
                raise SheetError([from_wire(p) for p in body])
            else:
                raise self._broken(f"unexpected {str(tag)[:20]!r}")

    def _frame(self) -> tuple[Any, Any]:
        out = self.proc.stdout
        assert out is not None
        head = out.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            raise self._broken(self._last_error() or "ended early")
        (length,) = _LENGTH.unpack(head)
        if length > MAX_FRAME_BYTES:
            raise self._broken(f"a frame of {length:,} bytes")
        data = out.read(length)
        try:
            tag, body = _PlainValues(io.BytesIO(data)).load()
        except Exception as exc:  # whatever a broken child wrote: one refusal
            raise self._broken(exc.__class__.__name__) from None
        return tag, body

    def _event(self, fields: Any) -> Event:
        if not isinstance(fields, tuple) or len(fields) != len(EVENT_FIELDS):
            raise self._broken("not an event")
        kind, ts, user, product, value, qty, ref, text, flag, data = fields
        return Event(kind, ts, user, product, value, qty, ref, text, flag, self._decoded(data))

    def _decoded(self, data: Any) -> dict[str, Any] | None:
        """The event's data; the same few texts recur (the source, the file), decoded once."""
        if data is None:
            return None
        known = self._data.get(data)
        if known is None:
            known = json.loads(data)
            if len(self._data) < 1000:
                self._data[data] = known
        return dict(known) if isinstance(known, dict) else known

    def _last_error(self) -> str:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._errors.seek(0)
        err = self._errors.read().decode("utf-8", "replace").strip()
        return err.splitlines()[-1][:200] if err else ""

    def _broken(self, detail: str) -> SheetError:
        return SheetError([SheetProblem("reader_broken", file=self.path.name, detail=detail)])
