"""Each panel through its model or its signals: queue, log, alerts, manual entry, checklist."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.alerts import Alert
from controlroom.core.events import Event
from controlroom.ui import theme
from controlroom.ui.alerts_panel import AlertsPanel
from controlroom.ui.checklist_panel import ChecklistPanel
from controlroom.ui.log_panel import FILTERS, LogModel
from controlroom.ui.queue_panel import (
    COL_EXPLAINING,
    COL_NAME,
    COL_SHELF,
    COL_STOCK,
    MIME,
    QueueModel,
)

pytestmark = pytest.mark.gui


def rows_of(service):
    return service.view().queue


# -- queue -------------------------------------------------------------------
def test_queue_rows_show_shelf_explaining_stock_and_sales(session, qtbot):
    service = session.service
    sku = service.state.queue.order[0]
    service.start()
    service.run(commands.set_shelf, sku, True)
    service.run(commands.explain, sku)
    service.run(commands.set_stock, sku, 3)
    model = QueueModel()
    model.set_rows(rows_of(service))
    assert model.data(model.index(0, COL_SHELF), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(0, COL_EXPLAINING)) == "●"
    assert model.data(model.index(0, COL_STOCK)) == "3"
    assert model.data(model.index(0, COL_STOCK), Qt.ItemDataRole.BackgroundRole).color() == theme.LOW_STOCK_BG
    service.run(commands.set_stock, sku, 0)
    with qtbot.waitSignal(model.dataChanged):
        model.set_rows(rows_of(service))
    assert model.data(model.index(0, COL_STOCK)) == model.tr("Sold out")
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.BackgroundRole).color() == theme.SOLD_OUT_BG


def test_queue_model_asks_and_never_changes_itself(session, qtbot):
    model = QueueModel()
    model.set_rows(rows_of(session.service))
    with qtbot.waitSignal(model.shelf_toggled) as toggled:
        model.setData(model.index(2, COL_SHELF), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert toggled.args == [model.rows[2].sku]
    assert not model.rows[2].on_shelf  # until the show log says so


def test_drag_and_drop_requests_a_move(session, qtbot):
    model = QueueModel()
    model.set_rows(rows_of(session.service))
    mime = model.mimeData([model.index(0, 0)])
    assert mime.hasFormat(MIME)
    with qtbot.waitSignal(model.moved) as moved:
        model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert moved.args == [model.rows[0].sku, 2]  # dropped before row 3: it becomes row 2
    assert not model.dropMimeData(QMimeData(), Qt.DropAction.MoveAction, 1, 0, QModelIndex())


# -- log ---------------------------------------------------------------------
def test_log_is_newest_first_filterable_and_bounded():
    model = LogModel(max_rows=5)
    t = 1_767_225_600.0
    model.add([Event(ev.SHOW_STARTED, t), Event(ev.VIEWERS, t + 1, value=5.0), Event(ev.COMMENT, t + 2, user="a", text="hi")])
    assert [model.event_at(i).kind for i in range(model.rowCount())] == [ev.COMMENT, ev.SHOW_STARTED]
    model.set_filter(FILTERS["comments"])
    assert model.rowCount() == 1
    model.add([Event(ev.NOTE, t + 3, text="n")])
    assert model.rowCount() == 1
    model.set_filter(None)
    model.add([Event(ev.COMMENT, t + 4 + i, text=str(i)) for i in range(6)])
    assert model.rowCount() == 5
    assert model.event_at(0).text == "5"
    assert "a: hi" not in [model.data(model.index(i, 2)) for i in range(5)]


def test_log_describes_events_with_names(session):
    model = LogModel()
    sku = session.service.state.queue.order[0]
    model.names = {sku: "冰丝防晒袖套"}
    model.add([Event(ev.ORDER, 1.0, product=sku, qty=2, value=19.8, flag=ev.FLAG_OVERSELL)])
    assert model.data(model.index(0, 2)) == "冰丝防晒袖套 ×2  ¥19.80  [oversell]"


def test_note_and_incident_in_one_step(window):
    window.log_panel.note.setText("主播喝水")
    window.log_panel._add_note()
    window.log_panel.incident_text.setText("黑屏 20 秒")
    window.log_panel._open_incident()
    window.refresh()
    assert window.service.state.incidents["INC-1"].text.endswith("黑屏 20 秒")
    assert window.log_panel.open_incidents.currentData() == "INC-1"
    window.log_panel._close_incident()
    assert window.service.state.incidents["INC-1"].closed_at is not None
    assert window.log_panel.note.text() == ""
    window.log_panel._add_note()  # empty: refused with a message, nothing logged
    assert window.statusBar().currentMessage() == "A note needs some text."


# -- alerts ------------------------------------------------------------------
def test_alerts_sorted_by_severity_and_beep_only_for_new_ones(qtbot, monkeypatch):
    panel = AlertsPanel()
    qtbot.addWidget(panel)
    panel.sound = True
    beeps = []
    monkeypatch.setattr("controlroom.ui.alerts_panel.QApplication.beep", lambda: beeps.append(1))
    low = Alert("low_stock", "warning", "面膜: 7 left", "A")
    out = Alert("sold_out", "critical", "耳机 sold out", "B")
    panel.show_alerts([low, out])
    assert panel.codes() == ["sold_out", "low_stock"]
    assert len(beeps) == 1
    panel.show_alerts([low, out])
    assert len(beeps) == 1
    panel.show_alerts([])
    assert panel.summary.text() == panel.tr("No alerts")


def test_window_shows_a_sold_out_alert(window):
    sku = window.service.state.queue.order[0]
    window.run(commands.set_stock, sku, 0)
    assert "sold_out" in window.alerts_panel.codes()


# -- manual entry ------------------------------------------------------------
def test_manual_entry_records_dashboard_figures(window):
    panel = window.manual_panel
    panel.online.setText("1,520")
    panel.gmv.setText("¥3560.50")
    panel.orders.setText("41")
    panel.submit()
    t = window.service.state.metrics.totals()
    assert (t.online, t.gmv, t.orders) == (1520.0, 3560.5, 41)
    assert panel.online.text() == ""


def test_manual_entry_bad_field_is_named_and_nothing_changes(window):
    panel = window.manual_panel
    before = window.service.state.last_event_id, window.service.state.metrics.totals()
    panel.online.setText("1500")
    panel.orders.setText("四十")
    panel.submit()
    assert panel.message.text().startswith(panel.tr("Orders total"))
    assert (window.service.state.last_event_id, window.service.state.metrics.totals()) == before
    panel.orders.setText("")
    panel.gmv.setText("100")
    panel.submit()
    panel.gmv.setText("50")
    panel.submit()
    assert panel.message.text().startswith("GMV: 50")  # the core's refusal: below what is recorded
    assert window.service.state.metrics.totals().gmv == 100.0


# -- checklist ---------------------------------------------------------------
def test_ticking_the_checklist_is_logged(window, qtbot):
    box = window.checklist_panel.boxes["cameras"]
    box.click()
    assert window.service.state.checklist == {"cameras": True}
    logged = list(window.service.repo.events(window.service.show_id, kinds=(ev.CHECKLIST_TICKED,)))
    assert [(e.ref, e.value) for e in logged] == [("cameras", 1.0)]
    assert "1" in window.checklist_panel.progress.text()


def test_checklist_panel_shows_the_log_state(qtbot):
    panel = ChecklistPanel()
    qtbot.addWidget(panel)
    panel.show_state({"network": True})
    assert panel.boxes["network"].isChecked() and not panel.boxes["team"].isChecked()


def test_old_rows_fall_off_the_end_under_a_filter(qtbot):
    model = LogModel(max_rows=4)
    t = 1_767_225_600.0
    model.set_filter(FILTERS["comments"])
    model.add([Event(ev.COMMENT, t, text="a"), Event(ev.NOTE, t + 1, text="n"), Event(ev.COMMENT, t + 2, text="b")])
    with qtbot.waitSignal(model.rowsRemoved):
        model.add([Event(ev.COMMENT, t + 3, text="c"), Event(ev.COMMENT, t + 4, text="d")])
    assert [model.event_at(i).text for i in range(model.rowCount())] == ["d", "c", "b"]

