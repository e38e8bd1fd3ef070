"""End to end in the real main window (offscreen): start, advance, shelf, charts and
log follow, host message, guarded shortcuts, end-show confirmation, crash recovery."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.pacing import ShowStatus
from controlroom.ui.queue_panel import COL_SHELF
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.gui


def kinds_in_log(window) -> list[str]:
    m = window.log_panel.model
    return [m.event_at(i).kind for i in range(m.rowCount())]


def test_start_advance_and_the_timer_panel_follows(window, clock):
    window.act_start.trigger()
    assert window.service.state.timer.status == ShowStatus.RUNNING
    clock.advance(65)
    window.refresh()
    assert window.timer_panel.countdown.text() == "03:55"  # the 5-minute opening, 65 s in
    window.act_next.trigger()
    seg = window.service.state.pacing(clock.now()).segment
    assert window.timer_panel.title.text() == seg.title
    assert window.act_start.text() == window.tr("Pause")
    # onto a product slot: the move brought its product on shelf and explained (one action)
    assert kinds_in_log(window)[:4] == [ev.EXPLAINING_STARTED, ev.PRODUCT_ON_SHELF, ev.SEGMENT_STARTED,
                                        ev.SEGMENT_STARTED]


def test_toggle_shelf_through_the_model_and_by_keystroke(window, qtbot):
    model, view = window.queue_panel.model, window.queue_panel.view
    sku = model.rows[0].sku
    assert model.setData(model.index(0, COL_SHELF), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert sku in window.service.state.queue.on_shelf
    assert model.rows[0].on_shelf
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    view.selectRow(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert sku not in window.service.state.queue.on_shelf
    assert kinds_in_log(window)[:2] == [ev.PRODUCT_OFF_SHELF, ev.PRODUCT_ON_SHELF]


def test_reorder_by_keyboard_saves_the_new_queue(window, qtbot):
    view = window.queue_panel.view
    first, second = (r.sku for r in window.queue_panel.model.rows[:2])
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.service.state.queue.order[:2] == [second, first]
    assert window.service.repo.load_show(window.service.show_id).queue.order[:2] == [second, first]
    assert view.selected_sku() == first


def test_feed_events_reach_the_charts_and_the_log(window, clock):
    window.act_start.trigger()
    sku = window.service.state.queue.order[0]
    window.run(commands.set_shelf, sku, True)
    for _ in range(3):
        clock.advance(5)
        window.service.ingest([ev.Event(ev.VIEWERS, clock.now(), value=800.0, qty=1000),
                               ev.Event(ev.ORDER, clock.now(), user="u1", product=sku, qty=1, value=9.9,
                                        ref=f"o{clock.now()}")])
    window.refresh()
    window.charts_panel.redraw()
    window.log_panel.filter.setCurrentIndex(window.log_panel.filter.findData("all"))  # orders: not the default view
    _x, y = window.charts_panel.curves["online"].getData()
    assert list(y) == [800.0, 800.0, 800.0]
    _, gmv = window.charts_panel.curves["gmv_total"].getData()
    assert gmv[-1] == pytest.approx(19.8)  # the third order's second is still open
    assert kinds_in_log(window)[0] == ev.ORDER
    assert window.timer_panel.kpis["gmv"].text() == "¥29.70"


def test_host_message_goes_to_the_log_and_the_host_display(window):
    window.timer_panel.host_text.setText("还有两分钟，上福袋")
    window.timer_panel.host_blink.setChecked(True)
    window.timer_panel._send()
    assert window.service.state.host_message == "还有两分钟，上福袋"
    display = window.host_display
    assert display is not None
    assert display.labels["message"].text() == "还有两分钟，上福袋"
    assert display.blink_timer.isActive()
    assert kinds_in_log(window)[0] == ev.HOST_MESSAGE


def test_guarded_shortcut_does_not_fire_from_a_text_field(window, qtbot):
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    window.act_start.trigger()
    note = window.log_panel.note
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_F7)
    assert window.service.state.pacing(window.service.now()).index == 0
    assert window.guard.blocked == 1
    view = window.queue_panel.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert window.service.state.pacing(window.service.now()).index == 1


def test_end_show_asks_first(window, monkeypatch):
    window.act_start.trigger()
    monkeypatch.setattr(window, "confirm", lambda *_a: False)
    window.act_end.trigger()
    assert window.service.state.timer.status == ShowStatus.RUNNING
    monkeypatch.setattr(window, "confirm", lambda *_a: True)
    window.act_end.trigger()
    assert window.service.state.timer.status == ShowStatus.ENDED
    assert not window.act_next.isEnabled()


def test_a_refused_command_is_a_status_message_not_a_crash(window):
    window.act_start.trigger()
    assert not window.run(commands.previous_segment)
    assert window.statusBar().currentMessage() == "This is the first segment."


def test_restart_returns_to_the_running_show(window, session, clock, db_path, prefs, qtbot):
    from controlroom.ui.window import MainWindow

    window.act_start.trigger()
    window.act_next.trigger()
    clock.advance(42)
    window.timer_panel.host_text.setText("收到")
    window.timer_panel._send()
    session.writer.flush()
    before = window.timer_panel.countdown.text()
    again = ShowSession(str(db_path), session.show_id, clock)  # as after a crash: a new process reads the log
    w2 = MainWindow(again, prefs)
    qtbot.addWidget(w2)
    assert w2.timer_panel.countdown.text() == before
    assert w2.timer_panel.title.text() == window.timer_panel.title.text()
    assert w2.service.state.host_message == "收到"
    assert kinds_in_log(w2)[0] == ev.HOST_MESSAGE
    w2.close()


def test_extension_hooks(window, session, db_path, clock):
    seen = []
    window.show_changed.connect(seen.append)
    assert window.menu("data") is window.menu("data")
    assert isinstance(window.menu("data"), QMenu)
    dock = window.add_dock(QLabel("x"), "Live data")
    assert isinstance(dock, QDockWidget)
    assert dock.toggleViewAction() in window.menu("view").actions()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index(window.menu("data").title()) < menus.index(window.menu("view").title())
    other = ShowSession(str(db_path), session.show_id, clock)
    window.set_session(other)
    assert seen == [other.service]
    assert window.service is other.service


def test_export_is_enabled_once_the_show_is_on_air_with_the_exporter(window, monkeypatch):
    import controlroom.ui.window as win

    monkeypatch.setattr(win, "export_available", lambda: True)
    window._last_status = None
    window.refresh()
    assert not window.act_export.isEnabled()  # nothing to recap before the start
    monkeypatch.setattr(window, "confirm", lambda *_a: True)
    window.act_start.trigger()
    assert window.act_export.isEnabled()  # during the show: a snapshot up to now
    window.act_end.trigger()
    assert window.act_export.isEnabled()


def test_opening_the_show_already_open_loses_nothing(window, session, clock):
    """Recent shows lists the open show first: choosing it must not rebuild the show from
    a log the writer has not caught up with (the feed's last 250 ms would vanish)."""
    window.act_start.trigger()
    sku = window.service.state.queue.order[0]
    window.run(commands.set_shelf, sku, True)
    clock.advance(5)
    window.service.ingest([ev.Event(ev.ORDER, clock.now(), user="u1", product=sku, qty=1, value=9.9, ref="o1")])
    window.open_db_show(session.url, session.show_id)
    window.service.writer.flush()
    assert window.service.status()["totals"]["orders"] == 1
    assert window.service.repo.load_show(session.show_id).snapshot(clock.now()).totals.orders == 1


def test_charts_of_an_ended_show_show_its_last_minutes_not_today(window, clock):
    """Opening yesterday's show: "last 15 minutes" means the show's last 15 minutes."""
    window.act_start.trigger()
    for _ in range(10):
        clock.advance(60)
        window.service.ingest([ev.Event(ev.VIEWERS, clock.now(), value=500.0, qty=600)])
    ended_at = clock.now()
    window.service.end()
    clock.advance(2 * 86400)
    charts = window.charts_panel
    charts.redraw(force=True)
    (x0, x1), _ = charts.plots["online"].viewRange()
    assert x0 <= ended_at - 60 and x1 >= ended_at
    assert x1 < ended_at + 3600


def test_export_suggests_a_file_named_after_the_show(window, monkeypatch):
    from controlroom.ui import export_dialog

    offered = []
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName",
                        lambda _parent, _caption, path, _filter: (offered.append(path), ("", ""))[1])
    window.export_recap()
    assert offered and "测试场 Test show" in offered[0]


def test_an_incident_can_be_opened_whatever_refs_a_feed_used(window):
    """A feed may open incidents with its own ids (incident_id "INC-2"): the window's next
    ref must be a free one, not a refusal on every try."""
    window.act_start.trigger()
    window.service.run(commands.open_incident, "推流工具: 断流", "INC-2")
    window.log_panel.incident_text.setText("黑屏")
    window.log_panel._open_incident()
    assert len(window.service.state.incidents) == 2
    assert window.log_panel.incident_text.text() == ""


def test_closing_a_show_lets_another_process_write_to_it(session, db_path):
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from controlroom.core.clock import SystemClock\n"
        "from controlroom.services.show_service import ShowService\n"
        "from controlroom.store.db import open_engine\n"
        "from controlroom.store.repository import ShowRepository\n"
        "from controlroom.store.show_lock import ShowLockError\n"
        "from controlroom.store.writer import FeedWriter\n"
        "repo = ShowRepository(open_engine(sys.argv[1]))\n"
        "w = FeedWriter(repo.engine)\n"
        "try:\n"
        "    ShowService(repo, w, int(sys.argv[2]), SystemClock()).close()\n"
        "except ShowLockError:\n"
        "    sys.exit(3)\n"
        "finally:\n"
        "    w.close()\n"
    )

    def other_process_can_open():
        done = subprocess.run([sys.executable, "-c", probe, str(db_path), str(session.show_id)],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode in (0, 3), done.stderr
        return done.returncode == 0

    assert not other_process_can_open()  # the window's session holds the show
    session.close()
    assert other_process_can_open()
