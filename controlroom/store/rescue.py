"""The rescue file: feed rows the log could not take, kept as JSON lines so none is silently lost.

One object a line: the row's fields (store/rows.py ROW_KEYS) and the `reason` it was not
stored. Rows are appended whole or not at all (a failed write is cut back), and fsynced: the
file is the last copy. Several places may be given: the first that takes the rows keeps them
(a full disk refuses the file beside the database as it refused the database).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from controlroom.store.rows import ROW_KEYS

log = logging.getLogger(__name__)


def keep(paths: Path | Sequence[Path], rows: list[tuple[Any, ...]], why: str) -> Path | None:
    """Append `rows` to the first of `paths` that takes them all; that path, or None (logged)."""
    data = "".join(json.dumps({"reason": why, **dict(zip(ROW_KEYS, r))}, ensure_ascii=True) + "\n"
                   for r in rows).encode("ascii")
    for path in [paths] if isinstance(paths, Path) else paths:
        try:
            _append(Path(path), data)
            return Path(path)
        except OSError as exc:
            log.error("cannot keep %d rows in %s: %s", len(rows), path, exc)
    return None


def _append(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        start = os.fstat(fd).st_size
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, start)  # no half line for whoever reads the file
            raise
    finally:
        os.close(fd)
