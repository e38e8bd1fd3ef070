"""Start-up: launch to first window shown, `controlroom --db NEW --rehearsal` (the README's
first command) and `controlroom --db EXISTING` (the most recent show), against a child
that imports the same libraries (PySide6, pyqtgraph, numpy, SQLAlchemy with its ORM and
SQLite dialect, platformdirs)
and shows an empty QMainWindow. Runs alternate; medians are compared. It also checks
that nothing of the recap (openpyxl, controlroom.recap) was imported when the window showed.

Run: /tmp/venv/bin/python bench/startup.py [--runs N]
Prints the figures and last: RESULT startup ratio=<ours/baseline>
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each child prints one line when its first main window has been shown, then exits.
HOOK = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class _Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
            QTimer.singleShot(0, _report)
        return False
def _report():
    recap = sorted(m for m in sys.modules if m.startswith(("openpyxl", "controlroom.recap", "controlroom.ui.export")))
    print("shown", ",".join(recap) or "-", flush=True)
    os._exit(0)
_app = QApplication.instance() or QApplication(sys.argv[:1])
_filter = _Shown()
_app.installEventFilter(_filter)
"""

OURS = HOOK + """
from controlroom.app import main
main(sys.argv[1:])
"""

# The same libraries, as the app uses them: SQLAlchemy's ORM (the models are declarative)
# and its SQLite dialect (which itself pulls in asyncio) are parts of SQLAlchemy we need.
BASELINE = HOOK + """
import numpy, pyqtgraph, sqlalchemy, sqlalchemy.orm, sqlalchemy.dialects.sqlite, platformdirs
w = QMainWindow()
w.resize(1600, 1000)
w.show()
_app.exec()
"""


def launch(code: str, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from launch to the child's 'shown' line, and what of the recap it had."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - t0
            proc.wait(timeout=30)
            return elapsed, line.split()[1]
    raise SystemExit(f"child never showed a window: {proc.stderr.read() if proc.stderr else ''}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"baseline": [], "rehearsal": [], "latest": []}
    recap: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp, "HOME": tmp}
        existing = str(Path(tmp) / "existing.db")
        launch(OURS, ["--db", existing, "--rehearsal"], env)  # warms the disk cache too
        for i in range(args.runs):
            times["baseline"].append(launch(BASELINE, [], env)[0])
            t, mods = launch(OURS, ["--db", str(Path(tmp) / f"new{i}.db"), "--rehearsal"], env)
            times["rehearsal"].append(t)
            recap.add(mods)
            t, mods = launch(OURS, ["--db", existing], env)
            times["latest"].append(t)
            recap.add(mods)
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in times.items():
        print(f"{k:10s} median {med[k] * 1000:6.0f} ms   min {min(v) * 1000:6.0f}   max {max(v) * 1000:6.0f}   (n={len(v)})")
    print(f"recap modules imported at start-up: {', '.join(sorted(recap - {'-'})) or 'none'}")
    print(f"open the most recent show: ratio {med['latest'] / med['baseline']:.2f}")
    print(f"RESULT startup ratio={med['rehearsal'] / med['baseline']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
