"""The sources' health lines kept beside the database, so `controlroom status` (which runs
without the server) can show what a running `serve` is fed by.

`serve` rewrites `<db>.sources.json` every `WRITE_EVERY_S` (atomically: a temporary file
renamed over it) and removes it when it stops. `status` shows its lines only when the file
is for the same show and was written within `FRESH_S` of the wall clock; else no lines (no
serve is running, or it died: its sources are not feeding anything).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from controlroom.store.show_lock import database_file

WRITE_EVERY_S = 2.0
FRESH_S = 10.0
Lines = Callable[[], list[dict[str, Any]]]


def health_path(engine: Engine) -> Path | None:
    db = database_file(engine)
    return None if db is None else db.with_name(f"{db.name}.sources.json")


def read_health(path: Path | None, show_id: int, wall_now: float | None = None) -> list[dict[str, Any]]:
    """The health lines a running serve wrote for this show, or [] (none fresh, or unreadable)."""
    if path is None:
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    now = time.time() if wall_now is None else wall_now
    if not isinstance(raw, dict) or raw.get("show_id") != show_id:
        return []
    written = raw.get("written_at")
    if not isinstance(written, (int, float)) or not 0 <= now - written <= FRESH_S:
        return []
    lines = raw.get("sources")
    return [x for x in lines if isinstance(x, dict)] if isinstance(lines, list) else []


class HealthFile:
    """Writes the lines every few seconds on a thread of its own, best effort (a disk
    that cannot take it costs the status command its lines, never the show)."""

    def __init__(self, path: Path | None, show_id: int, lines: Lines, every_s: float = WRITE_EVERY_S) -> None:
        self.path = path
        self.show_id = show_id
        self.lines = lines
        self.every_s = every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.path is None:
            return
        self.write()
        self._thread = threading.Thread(target=self._run, name="source-health-file", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self.write()

    def write(self) -> None:
        if self.path is None:
            return
        body = {"show_id": self.show_id, "pid": os.getpid(), "written_at": time.time(), "sources": self.lines()}
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5.0)
        self._thread = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)
