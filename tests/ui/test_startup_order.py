"""Start-up order (bench/startup.py): the window is shown before the heavy parts are
imported (the store and its SQLAlchemy, the session and numpy, the charts' pyqtgraph, the
imports' sheets, the agency sync, the recap), and the charts wait until the show being
opened off the UI thread is in the window."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading

import pytest

# Not needed before the window is on screen: each loads later, where it is used.
HEAVY = ("sqlalchemy", "numpy", "pyqtgraph", "openpyxl", "alembic", "controlroom.models", "controlroom.store.db",
         "controlroom.store.repository", "controlroom.store.import_stage", "controlroom.services.show_service",
         "controlroom.services.sync", "controlroom.services.bulk_import", "controlroom.ui.session",
         "controlroom.ui.charts", "controlroom.ui.live_data.import_dialogs", "controlroom.sheets.xlsx_in",
         "controlroom.recap")

# The child notes what is imported at the main window's first Show event (inside show(),
# before the worker that opens the show starts), then waits for the show and exits.
CHILD = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
HEAVY = %r
seen = {}
class Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow) and not seen:
            seen["window"] = obj
            seen["at_show"] = sorted(m for m in sys.modules if m.startswith(HEAVY))
        return False
def look():
    w = seen.get("window")
    if w is not None and w.session is not None:
        print(json.dumps({"at_show": seen["at_show"], "title": w.session.service.view().info.title}), flush=True)
        os._exit(0)
app = QApplication(sys.argv[:1])
hook = Shown()
app.installEventFilter(hook)
poll = QTimer()
poll.timeout.connect(look)
poll.start(20)
from controlroom.app import main
main(sys.argv[1:])
"""


@pytest.mark.slow
def test_the_window_is_shown_before_the_heavy_modules_are_imported(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", CHILD % (HEAVY,), "--db", str(tmp_path / "s.db"), "--rehearsal"],
                         capture_output=True, text=True, timeout=120, check=False, env=env)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found["at_show"] == []
    assert found["title"]  # and the show came to the window all the same


def test_the_charts_wait_until_the_show_being_opened_is_in_the_window(qtbot, prefs, monkeypatch, tmp_path):
    from controlroom.ui import main
    from controlroom.ui.i18n import Translations

    go = threading.Event()
    real = main._open_session

    def held_open(args):
        go.wait(60)
        return real(args)

    monkeypatch.setattr(main, "_open_session", held_open)
    translations = Translations()
    manager = main.WindowManager(prefs, translations, None)
    try:
        window = manager.open(None)
        qtbot.addWidget(window)
        charts_when_set = []
        window.show_changed.connect(lambda service: charts_when_set.append(window._charts) if service else None)
        job = manager.open_in_background(argparse.Namespace(db=str(tmp_path / "o.db"), rehearsal=True))
        qtbot.wait(200)  # the event loop has run past the first show's timers
        assert window._charts is None  # held while the show is being opened
        go.set()
        qtbot.waitUntil(lambda: window._charts is not None, timeout=60_000)
        assert job.finished and window.session is not None
        assert charts_when_set == [None]  # the show first, then the charts
    finally:
        go.set()
        manager.close()
        translations.remove()


def test_a_show_the_user_opened_while_the_first_was_opening_stays(qtbot, prefs, monkeypatch, tmp_path):
    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository
    from controlroom.ui import main
    from controlroom.ui.i18n import Translations

    db = tmp_path / "two.db"
    engine = open_engine(db)
    repo = ShowRepository(engine)
    older = create_show(repo, "旧场 Older", 60, sample_products(), 1_767_225_600.0)
    create_show(repo, "新场 Newer", 60, sample_products(), 1_767_225_700.0)  # what start-up opens
    engine.dispose()
    go = threading.Event()
    real = main._open_session
    monkeypatch.setattr(main, "_open_session", lambda args: go.wait(60) and real(args))
    translations = Translations()
    manager = main.WindowManager(prefs, translations, None)
    try:
        window = manager.open(None)
        qtbot.addWidget(window)
        job = manager.open_in_background(argparse.Namespace(db=str(db), rehearsal=False))
        window.open_db_show(str(db), older)  # File > Open while the start-up show is still coming
        go.set()
        qtbot.waitUntil(lambda: job.finished, timeout=60_000)
        qtbot.waitUntil(lambda: window._charts is not None, timeout=60_000)
        assert window.session is not None and window.session.show_id == older
    finally:
        go.set()
        manager.close()
        translations.remove()
