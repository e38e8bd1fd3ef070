"""Runs the real app (`python -m controlroom ARGS`, unchanged) and, beside it, writes where
a few of its widgets are on the screen to the JSON file named by CONTROLROOM_WIDGET_MAP,
every 300 ms, so an xdotool test can click them. It only reads geometry: nothing of the
app is replaced."""

from __future__ import annotations

import json
import os
import runpy
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

import controlroom.ui.main as main
from controlroom.ui.queue_panel import COL_NAME

MAP = Path(os.environ["CONTROLROOM_WIDGET_MAP"])
written = 0


def centre(widget: QWidget, rect=None) -> list[int]:
    point = (rect or widget.rect()).center()
    glob = widget.mapToGlobal(point)
    return [glob.x(), glob.y()]


def write_map(window) -> None:
    global written
    written += 1
    buttons = {b.defaultAction(): b for b in window.timer_panel.buttons}
    view = window.queue_panel.view
    focus = QApplication.focusWidget()
    found = {
        "written": written,
        "visible": window.isVisible(),
        "show": window.session is not None,  # the window is shown before its show is opened (ui/main.py)
        "interaction_button": centre(buttons[window.act_interaction]),
        "queue_row_1": centre(view.viewport(), view.visualRect(view.model().index(1, COL_NAME))),
        "focus": type(focus).__name__ if focus is not None else None,
    }
    part = MAP.with_suffix(".part")
    part.write_text(json.dumps(found))
    part.replace(MAP)


original_open = main.WindowManager.open


def open_and_map(self, session):
    window = original_open(self, session)
    timer = QTimer(window)
    timer.timeout.connect(lambda: write_map(window))
    timer.start(300)
    return window


main.WindowManager.open = open_and_map
sys.argv = ["controlroom", *sys.argv[1:]]
runpy.run_module("controlroom", run_name="__main__")
