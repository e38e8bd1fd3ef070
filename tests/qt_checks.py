"""The leftover check every Qt test runs: no window open, no QTimer running and no feed
thread alive once a test is over (import the fixture into a conftest or test module)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

FEED_THREADS = ("api-server", "file-tail")


@pytest.fixture(autouse=True)
def no_leftovers(qapp):
    """Set up before qtbot, so this check runs after qtbot has closed its widgets."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    timers = [t for w in QApplication.topLevelWidgets() for t in w.findChildren(QTimer) if t.isActive()]
    for w in visible:
        w.close()
    assert not visible, f"windows left open: {visible}"
    assert not timers, f"timers left running: {[t.parent() for t in timers]}"
    assert not [t.name for t in threading.enumerate() if t.name in FEED_THREADS], "feed threads left running"
