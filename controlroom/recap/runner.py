"""The export as a child process: its command line and the progress lines it prints.

openpyxl is pure Python and holds the GIL (a thread made a 40 ms chart frame take
~900 ms), so the window runs `python -m controlroom recap ... --progress` and reads
these lines from its stdout. Qt-free, shared by the CLI and the dialog.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

# The database reaches the child in its environment, never on its command line: a server
# URL may carry a password, and any user of the machine can read a process's argv (`ps`).
DB_ENV = "CONTROLROOM_DB"  # the same name store/db.py reads when no --db is given
PROGRESS = "PROGRESS"
DONE = "DONE"


@dataclass(frozen=True)
class Report:
    """One line from the child: progress (percent, stage) or done (path)."""

    percent: int
    stage: str
    path: str | None = None


def command(show_id: int, out: Path, lang: str, utc_offset_h: float | None = None) -> list[str]:
    """argv for the child (the same interpreter); the database goes in `environment()`."""
    argv = [sys.executable, "-m", "controlroom", "recap", "--show", str(show_id),
            "-o", str(out), "--lang", lang, "--progress"]
    if utc_offset_h is not None:
        argv += ["--utc-offset", str(utc_offset_h)]
    return argv


def environment(db: str) -> dict[str, str]:
    """The child's environment: this process's, with the database URL in DB_ENV."""
    return {**os.environ, DB_ENV: db}


def partial_path(path: Path, pid: int) -> Path:
    """Where process `pid` writes the workbook before renaming it into place (same
    folder, so the rename is atomic); the dialog removes it after a cancel."""
    return path.with_name(f".{path.name}.{pid}.partial")


def progress_line(fraction: float, stage: str) -> str:
    return f"{PROGRESS} {round(100 * max(0.0, min(1.0, fraction)))} {stage}"


def done_line(path: Path) -> str:
    return f"{DONE} {path}"


def parse_line(line: str) -> Report | None:
    """A progress or done line, or None for anything else (the child's other output)."""
    head, _, rest = line.strip().partition(" ")
    if head == DONE and rest:
        return Report(100, "done", rest)
    if head == PROGRESS:
        percent, _, stage = rest.partition(" ")
        if percent.isdigit():
            return Report(min(100, int(percent)), stage)
    return None
