"""Translations load and cover every string; the window starts from the command line's
arguments (rehearsal, latest show, empty database) and comes back after a restart."""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer

from controlroom.ui import i18n
from controlroom.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg.find("translation")
    return out


def test_every_window_string_has_a_chinese_translation():
    for (ctx, source), tr in messages(i18n.I18N_DIR / "controlroom_zh_CN.ts").items():
        assert tr is not None and tr.get("type") is None and (tr.text or "").strip(), (ctx, source)


def test_the_ts_file_holds_every_string_in_the_code(tmp_path):
    """lupdate over the code today finds nothing the shipped .ts lacks."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as ut
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.ts"
    subprocess.run([ut.tool("lupdate"), "-silent", "-locations", "none", *map(str, ut.sources()), "-ts", str(fresh)],
                   check=True, cwd=ROOT)
    missing = set(messages(fresh)) - set(messages(i18n.I18N_DIR / "controlroom_zh_CN.ts"))
    assert not missing, f"run scripts/update_translations.py: {sorted(missing)[:5]}"


def test_translator_loads_ours_and_qts_and_switches_back(qapp):
    t = Translations()
    try:
        loaded = t.install("zh_CN")
        assert any(p.endswith("controlroom_zh_CN.qm") for p in loaded)
        assert any("qtbase_zh_CN" in p for p in loaded)
        assert QCoreApplication.translate("MainWindow", "Start show") == "开始直播"
        assert QCoreApplication.translate("texts", "Traffic driver") == "引流款"
        t.install("en")
        assert QCoreApplication.translate("MainWindow", "Start show") == "Start show"
    finally:
        t.remove()


def test_language_switch_rebuilds_the_window_on_the_same_show(qtbot, session, prefs):
    from controlroom.ui.main import WindowManager

    translations = Translations()
    manager = WindowManager(prefs, translations, None)
    try:
        old = manager.open(session)
        qtbot.addWidget(old)
        old.request_language("zh_CN")
        new = manager.window
        qtbot.addWidget(new)
        assert new is not old and new.session is session
        assert new.act_start.text() == "开始直播"
        assert prefs.language() == "zh_CN"
        assert not old.isVisible()
    finally:
        manager.close()
        translations.remove()


def test_language_switch_keeps_every_dock_where_the_user_put_it(qtbot, session, prefs):
    """The live-data docks too (their names no longer come from their translated titles)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    from controlroom.ui.main import WindowManager

    translations = Translations()
    manager = WindowManager(prefs, translations, None)
    try:
        old = manager.open(session)
        qtbot.addWidget(old)
        qtbot.waitExposed(old)
        moved = {}
        for name in ("comments", "sources", "log"):
            dock = old.findChild(QDockWidget, name)
            old.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            moved[name] = old.dockWidgetArea(dock)
        old.request_language("zh_CN")
        new = manager.window
        qtbot.addWidget(new)
        qtbot.waitExposed(new)
        assert {n: new.dockWidgetArea(new.findChild(QDockWidget, n)) for n in moved} == moved
        assert set(moved.values()) == {Qt.DockWidgetArea.LeftDockWidgetArea}
    finally:
        manager.close()
        translations.remove()


def run_briefly(args: argparse.Namespace, monkeypatch, tmp_path, seconds: float = 0.3) -> tuple[int, list]:
    """run_window with a quit timer; returns its status and the windows it showed."""
    from PySide6.QtCore import QSettings

    from controlroom.ui import main
    from controlroom.ui.prefs import Prefs

    monkeypatch.setattr(main, "Prefs", lambda: Prefs(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat)))
    shown = []
    original = getattr(main.WindowManager.open, "original", main.WindowManager.open)  # not an earlier call's wrapper

    def open_and_note(self, session):
        w = original(self, session)

        def note_and_close():  # once the show was opened (off the UI thread) or declined
            if self.opening is not None:
                QTimer.singleShot(20, w, note_and_close)  # w as context: never called after w is gone
                return
            shown.append((w.service.state.info.title if w.service else None, w.service.show_id if w.service else None))
            w.close()

        QTimer.singleShot(int(seconds * 1000), w, note_and_close)
        return w

    open_and_note.original = original
    monkeypatch.setattr(main.WindowManager, "open", open_and_note)
    return main.run_window(args), shown


def test_rehearsal_starts_a_fresh_show_with_the_simulated_room(qapp, monkeypatch, tmp_path):
    db = str(tmp_path / "r.db")
    status, shown = run_briefly(argparse.Namespace(db=db, rehearsal=True), monkeypatch, tmp_path)
    assert status == 0 and len(shown) == 1
    assert shown[0][0].startswith(QCoreApplication.translate("main", "Rehearsal %1").split("%1")[0])
    status, again = run_briefly(argparse.Namespace(db=db, rehearsal=False), monkeypatch, tmp_path)
    assert again[0][1] == shown[0][1]  # the most recent show


def test_an_empty_database_offers_a_new_show(qapp, monkeypatch, tmp_path):
    from controlroom.ui import main

    asked = []
    monkeypatch.setattr(main, "offer_new_show", lambda db: asked.append(db))
    _status, shown = run_briefly(argparse.Namespace(db=str(tmp_path / "e.db"), rehearsal=False), monkeypatch, tmp_path)
    assert asked == [str(tmp_path / "e.db")]
    assert shown == [(None, None)]


@pytest.mark.slow
def test_start_up_imports_nothing_of_the_recap(tmp_path):
    code = (
        "import sys, argparse; from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QTimer;"
        "app = QApplication([]); import controlroom.ui.main as m;"
        "QTimer.singleShot(300, lambda: [w.close() for w in app.topLevelWidgets()]);"
        f"m.run_window(argparse.Namespace(db={str(tmp_path / 's.db')!r}, rehearsal=True));"
        "print(sorted(k for k in sys.modules if k.startswith(('openpyxl', 'controlroom.recap', 'controlroom.ui.export'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_window_keeps_to_the_tests_config_folder(window, private_config):
    """The live-data tools' token and keyword lists go to the test's folder, not the user's."""
    assert (private_config / "api_token").exists()


def test_a_resumed_rehearsal_room_carries_on_where_it_was(tmp_path):
    """After a crash the simulated room resumes: the audience does not fall to zero (a false
    'viewers down 96 %' alert) and its orders are not dropped as repeats of earlier ids."""
    from controlroom.core import commands
    from controlroom.core.clock import FakeClock
    from controlroom.ui.session import ShowSession, new_rehearsal

    clock = FakeClock(1_767_225_600.0)
    db = str(tmp_path / "r.db")
    first = new_rehearsal(db, "彩排", 120, clock=clock)
    first.service.start()
    for sku in first.service.state.queue.order[:3]:
        first.service.run(commands.set_shelf, sku, True)
    for _ in range(20 * 60):
        clock.advance(1.0)
        first.tick_feed()
    before = first.service.status()["totals"]
    first.close()
    again = ShowSession(db, first.show_id, clock)
    try:
        for _ in range(30):
            clock.advance(1.0)
            again.tick_feed()
        assert again.service.status()["totals"]["online"] > before["online"] * 0.7
        for _ in range(5 * 60):
            clock.advance(1.0)
            again.tick_feed()
        assert again.service.status()["totals"]["orders"] > before["orders"]
    finally:
        again.close()


def test_sigterm_closes_the_window_cleanly_and_flushes_the_log(tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    db = tmp_path / "term.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "CONTROLROOM_CONFIG_DIR": str(tmp_path / "cr")}
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "--db", str(db), "--rehearsal"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        feed = 0
        while time.monotonic() < deadline and feed == 0:  # the simulated room is feeding the show
            time.sleep(0.5)
            if db.exists():
                try:
                    with sqlite3.connect(db) as conn:
                        feed = conn.execute("SELECT COUNT(*) FROM events WHERE kind = 'viewers'").fetchone()[0]
                except sqlite3.OperationalError:
                    pass
        assert feed > 0, "the window never started feeding its rehearsal"
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err  # quit like the close button, not killed by the signal
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
