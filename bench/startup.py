"""Start-up: `controlroom --db NEW --rehearsal` (the README's first command) and
`controlroom --db EXISTING` (the most recent show), against a child that imports the same
libraries (PySide6, pyqtgraph, numpy, SQLAlchemy with its ORM and SQLite dialect,
platformdirs) and shows an empty QMainWindow. Two moments of ours: the window shown (it
opens before the show is loaded, ui/main.py), and the show on screen (the window has its
session and has drawn its title from the show's view). Both are compared with the
baseline's window; the CPU time the child spent (time.process_time) until then too, which
the machine's load moves less than wall time. Runs alternate; medians are compared. It
also checks that nothing of the recap (openpyxl, controlroom.recap) was imported when the
window showed.

Run: /tmp/venv/bin/python bench/startup.py [--runs N]
Prints the figures and last: RESULT startup ratio=<rehearsal window/baseline>
on_screen_ratio=<rehearsal show on screen/baseline> cpu_ratio=<the same in CPU time>
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
from typing import NamedTuple

# Each child prints a line when its first main window has been shown ("shown"), one when
# the show is on screen ("onscreen"; at once for the baseline), then exits.
HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class _Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow) and not _state:
            _state.append(obj)
            QTimer.singleShot(0, _report)
        return False
def _report():
    recap = sorted(m for m in sys.modules if m.startswith(("openpyxl", "controlroom.recap", "controlroom.ui.export")))
    print("shown", ",".join(recap) or "-", time.process_time(), flush=True)
    _poll.start(5)
def _show_on_screen(w):
    return getattr(w, "session", None) is not None and w.windowTitle() not in ("", "ControlRoom")
def _look():
    w = _state[0]
    if _show_on_screen(w):
        _poll.stop()
        w.repaint()  # what the next paint event would draw: the show's panels
        print("onscreen", time.process_time(), flush=True)
        os._exit(0)
_state = []
_app = QApplication.instance() or QApplication(sys.argv[:1])
_poll = QTimer()
_poll.timeout.connect(_look)
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
_show_on_screen = lambda w: True
import numpy, pyqtgraph, sqlalchemy, sqlalchemy.orm, sqlalchemy.dialects.sqlite, platformdirs
w = QMainWindow()
w.resize(1600, 1000)
w.show()
_app.exec()
"""


class Launch(NamedTuple):
    window_s: float  # wall time from launch to the window shown
    on_screen_s: float  # ... to the show on screen
    window_cpu_s: float  # the child's CPU time at those moments
    on_screen_cpu_s: float
    recap: str  # what of the recap was imported when the window showed ("-": nothing)


def launch(code: str, args: list[str], env: dict[str, str]) -> Launch:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    shown: tuple[float, str, float] | None = None
    for line in proc.stdout:
        words = line.split()
        if words[:1] == ["shown"]:
            shown = (time.perf_counter() - t0, words[1], float(words[2]))
        elif words[:1] == ["onscreen"] and shown is not None:
            on_screen = time.perf_counter() - t0
            proc.wait(timeout=30)
            return Launch(shown[0], on_screen, shown[2], float(words[1]), shown[1])
    raise SystemExit(f"child never showed the show: {proc.stderr.read() if proc.stderr else ''}")


def stale_bytecode() -> int:
    """Our modules whose bytecode is missing or older than the source: each is compiled at
    every start when PYTHONDONTWRITEBYTECODE is set (as on these machines)."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent / "controlroom"
    stale = 0
    for source in root.rglob("*.py"):
        cached = Path(importlib.util.cache_from_source(str(source)))
        stale += not cached.is_file() or cached.stat().st_mtime < source.stat().st_mtime
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    runs: dict[str, list[Launch]] = {"baseline": [], "rehearsal": [], "latest": []}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp, "HOME": tmp}
        existing = str(Path(tmp) / "existing.db")
        launch(OURS, ["--db", existing, "--rehearsal"], env)  # warms the disk cache too
        for i in range(args.runs):
            runs["baseline"].append(launch(BASELINE, [], env))
            runs["rehearsal"].append(launch(OURS, ["--db", str(Path(tmp) / f"new{i}.db"), "--rehearsal"], env))
            runs["latest"].append(launch(OURS, ["--db", existing], env))
    med = {k: Launch(*(statistics.median(getattr(r, f) for r in v) for f in Launch._fields[:4]), "")
           for k, v in runs.items()}
    for k, v in runs.items():
        for field, cpu in (("window_s", "window_cpu_s"), ("on_screen_s", "on_screen_cpu_s")):
            xs = [getattr(r, field) for r in v]
            print(f"{k:10s} {field:12s} median {statistics.median(xs) * 1000:6.0f} ms   min {min(xs) * 1000:6.0f}   "
                  f"max {max(xs) * 1000:6.0f}   cpu {getattr(med[k], cpu) * 1000:6.0f} ms"
                  f"   (n={len(xs)})")
    print(f"bytecode: {stale_bytecode()} of our modules without current .pyc (scripts/setup.sh compiles them)")
    recap = {r.recap for v in runs.values() for r in v} - {"-"}
    print(f"recap modules imported at start-up: {', '.join(sorted(recap)) or 'none'}")
    base = med["baseline"]
    for k in ("rehearsal", "latest"):
        m = med[k]
        print(f"{k}: window ratio {m.window_s / base.window_s:.2f}, show on screen ratio "
              f"{m.on_screen_s / base.window_s:.2f}; CPU: window {m.window_cpu_s / base.window_cpu_s:.2f}, "
              f"on screen {m.on_screen_cpu_s / base.window_cpu_s:.2f}")
    m = med["rehearsal"]
    print(f"RESULT startup ratio={m.window_s / base.window_s:.2f} on_screen_ratio={m.on_screen_s / base.window_s:.2f} "
          f"cpu_ratio={m.on_screen_cpu_s / base.window_cpu_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
