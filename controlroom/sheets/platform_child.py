"""`python -m controlroom.sheets.platform_child`: a platform export mapped to events in a child process.

The window reads the request — the file, the confirmed `PlatformSpec` and the show's
catalogue (`core.platform_rows.Catalogue`), pickled — on stdin, so the mapping (every row
parsed and checked: seconds of pure Python for 200,000 rows) never holds the window's GIL.
The file is read again here and must be the file the window read (its digest is the
import's key). Out, as frames (`sheets.transfer`): ("count", n), ("events", [row tuples]) of at most
EVENT_FRAME events in the mapping's order, then ("done", n); or ("refused", problems) and
exit status 2. A row tuple is EVENT_FIELDS, `data` as JSON text (what the log stores).
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from controlroom.core.events import Event
from controlroom.core.platform_rows import mapped_rows
from controlroom.core.sheet_limits import PLATFORM_EXPORT
from controlroom.core.sheet_problem import SheetProblem, placed, to_wire
from controlroom.core.sheet_rows import RowProblems
from controlroom.sheets.table import SheetError, read_rows
from controlroom.sheets.transfer import write_frame

EVENT_FRAME = 2_000
EVENT_FIELDS = ("kind", "ts", "user", "product", "value", "qty", "ref", "text", "flag", "data")


def file_key(path: Path) -> str:
    """The key `sheets.platform_import.export_from_rows` gives a file: its content names it."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha1").hexdigest()[:12]


def event_fields(e: Event) -> tuple[Any, ...]:
    data = json.dumps(e.data, ensure_ascii=False) if e.data else None
    return (e.kind, e.ts, e.user, e.product, e.value, e.qty, e.ref, e.text, e.flag, data)


def mapped(request: dict[str, Any]) -> list[Event]:
    """The file's events; SheetError naming every bad row (or the file changed since it was read)."""
    path, spec, catalogue = Path(request["path"]), request["spec"], request["catalogue"]
    headers, rows = read_rows(path, PLATFORM_EXPORT)
    if file_key(path) != spec.file_key:
        raise SheetError([SheetProblem("file_changed", file=path.name)])
    try:
        return mapped_rows(catalogue, headers, rows, spec).events
    except RowProblems as exc:
        raise SheetError(placed(exc.problems, file=path.name)) from None


def main() -> int:
    out = sys.stdout.buffer
    request = pickle.load(sys.stdin.buffer)  # from the window that started this child: trusted
    try:
        events = mapped(request)
    except SheetError as exc:
        write_frame(out, ("refused", [to_wire(p) for p in exc.problems]))
        return 2
    write_frame(out, ("count", len(events)))
    for start in range(0, len(events), EVENT_FRAME):
        write_frame(out, ("events", [event_fields(e) for e in events[start : start + EVENT_FRAME]]))
    write_frame(out, ("done", len(events)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
