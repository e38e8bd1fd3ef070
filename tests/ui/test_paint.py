"""The charts paint, and painting does not corrupt None's reference count (the
PySide6 6.12 trap on Python 3.11, design.md)."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QTimer

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.ui.charts import ChartsPanel

pytestmark = pytest.mark.gui


class Host:
    def __init__(self, session):
        self.session = session
        self.service = session.service
        self.prefs = None


def test_painting_a_plot_keeps_none_refcount(qtbot, session, clock):
    service = session.service
    service.start()
    sku = service.state.queue.order[0]
    service.run(commands.set_shelf, sku, True)
    for _ in range(120):
        clock.advance(1)
        service.ingest([Event(ev.VIEWERS, clock.now(), value=1000.0 + clock.now() % 7)])
    panel = ChartsPanel(Host(session))
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.redraw(force=True)
    for _ in range(5):  # warm up: the first paints fill caches
        panel.graphs.grab()
    losses = []
    for _ in range(3):  # pyqtgraph may free a cache holding None once: a broken binding loses every time
        gc.collect()
        before = sys.getrefcount(None)
        for _ in range(20):
            panel.graphs.grab()
        gc.collect()
        losses.append(before - sys.getrefcount(None))
    # A broken binding loses a reference on every painter call: hundreds per frame.
    assert min(losses) < 20, losses
    assert panel.frames == 1
    assert len(panel.markers.data) == 1
    panel.timer.stop()


def test_display_timer_runs_at_a_fixed_rate_and_skips_unchanged_frames(qtbot, session):
    panel = ChartsPanel(Host(session))
    qtbot.addWidget(panel)
    assert isinstance(panel.timer, QTimer) and panel.timer.isActive()
    session.service.ingest([Event(ev.VIEWERS, session.service.now(), value=10.0)])
    panel.redraw()
    panel.redraw()
    assert panel.frames == 1
    panel.close()
    assert not panel.timer.isActive()
