"""Opening a show (creating the rehearsal, replaying the log, loading the charts, reading
the log panel's rows) runs off the UI thread: the window is shown and its event loop
answers meanwhile, and the show arrives in it when ready."""

from __future__ import annotations

import argparse
import threading

from PySide6.QtCore import QTimer

from tests.ui.test_i18n_and_main import run_briefly

WAIT_S = 30


def test_the_window_answers_while_the_show_is_opened(qapp, monkeypatch, tmp_path):
    from controlroom.ui import main

    answered = threading.Event()
    seen = {}
    real = main._open_session

    opening = threading.Event()

    def slow_open(args):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        opening.set()
        seen["loop ran"] = answered.wait(WAIT_S)  # set by a timer of the UI thread: only if its loop runs now
        return real(args)

    probe = QTimer()
    probe.timeout.connect(lambda: answered.set() if opening.is_set() else None)
    probe.start(10)
    monkeypatch.setattr(main, "_open_session", slow_open)
    try:
        status, shown = run_briefly(argparse.Namespace(db=str(tmp_path / "o.db"), rehearsal=True), monkeypatch,
                                    tmp_path)
    finally:
        probe.stop()
    assert status == 0
    assert seen == {"worker": True, "loop ran": True}
    assert shown[0][1] is not None  # and the show came to the window


def test_a_show_that_cannot_be_opened_is_said_and_the_window_quits_with_2(qapp, monkeypatch, tmp_path):
    from controlroom.ui import main

    said = []
    monkeypatch.setattr(main.QMessageBox, "critical", lambda _p, _t, text: said.append(text))

    def refuse(args):
        raise ValueError("the database is from a newer ControlRoom")

    monkeypatch.setattr(main, "_open_session", refuse)
    status, shown = run_briefly(argparse.Namespace(db=str(tmp_path / "o.db"), rehearsal=True), monkeypatch, tmp_path,
                                seconds=30)
    assert status == 2 and said == ["the database is from a newer ControlRoom"]
