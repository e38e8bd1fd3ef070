"""The main window on a laptop (offscreen, the real window over a rehearsal show): at
1280×720 and 1366×768 every control is inside the window and no two docks overlap, the
window can be shorter than 620 px, nothing moves when the show starts, the geometry and
the dock layout come back on the next start; and the calm before the start: no promo
counters, no stock alert for what is not in play, charts on sensible axes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.pacing import ShowStatus
from controlroom.core.products import Product, Role
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.ui.log_panel import DEFAULT_FILTER, FILTERS
from controlroom.ui.prefs import Prefs
from controlroom.ui.session import ShowSession, new_rehearsal

pytestmark = pytest.mark.gui

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
# 1280×720 and 1366×768 screens less a 32 px panel and a 32 px title bar: the window's own area.
LAPTOPS = [(1280, 720 - 64), (1366, 768 - 64)]


@pytest.fixture
def rehearsal(tmp_path, clock):
    s = new_rehearsal(str(tmp_path / "rehearsal.db"), "彩排 Rehearsal", 120, clock=clock)
    s.feed = None  # the room stands still: the test moves the clock
    yield s
    s.close()


@pytest.fixture
def crowded(db_path, clock):
    """200 products with a promo (a 60-minute plan sells only a few); the last has 3 left."""
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    products = sample_products() + [Product(f"X-{i:03d}", f"加长名字的测试商品 第{i}号", Role.PROFIT, 19.9, 500,
                                            promo="满99减20") for i in range(191)]
    products.append(Product("LOW-1", "库存很少的围巾", Role.IMAGE, 99.0, 3, promo="第二件半价"))
    engine = open_engine(db_path)
    sid = create_show(ShowRepository(engine), "两百个商品", 60, products, clock.now())
    engine.dispose()
    s = ShowSession(str(db_path), sid, clock)
    yield s
    s.close()


def open_window(qtbot, session, prefs, size=None):
    from controlroom.ui.window import MainWindow

    w = MainWindow(session, prefs)
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    with qtbot.waitExposed(w):
        w.show()
    qtbot.waitUntil(lambda: w._charts is not None)
    if size is not None:
        w._size_docks()
    qtbot.wait(50)
    return w


def in_window(w, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())


def in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def visible_controls(w, root: QWidget) -> list[QWidget]:
    return [c for c in root.findChildren(QWidget) if isinstance(c, CONTROLS) and c.isVisibleTo(w) and c.isVisible()
            and not in_scroll_area(c) and c.window() is w and not c.objectName().startswith("qt_")]  # Qt's own parts


@pytest.mark.parametrize("size", LAPTOPS)
def test_every_control_is_inside_the_window_and_no_docks_overlap(qtbot, crowded, prefs, clock, size):
    """The worst case: 200 products with a promo, the show on air (cues and counters showing)."""
    w = open_window(qtbot, crowded, prefs, size)
    w.act_start.trigger()
    clock.advance(2)
    w.refresh()
    qtbot.wait(50)
    assert (w.width(), w.height()) == size
    window_rect = w.rect()
    docks = [d for d in w.findChildren(QDockWidget) if d.isVisible() and not d.visibleRegion().isEmpty()]  # not a tab behind
    areas = [(w.centralWidget(), in_window(w, w.centralWidget()))] + [(d, in_window(w, d)) for d in docks]
    for widget, rect in areas:
        assert window_rect.contains(rect), f"{widget.objectName() or widget} at {rect} is outside {window_rect}"
    for i, (a, ra) in enumerate(areas):
        for b, rb in areas[i + 1:]:
            assert not ra.intersects(rb), f"{a.objectName()} {ra} overlaps {b.objectName()} {rb}"
    for _area, _rect in areas:
        for control in visible_controls(w, _area):
            rect = in_window(w, control)
            assert _rect.contains(rect), f"{control} ({control.objectName()}) at {rect} sticks out of {_rect}"
            if not isinstance(control, QAbstractItemView):  # a table scrolls; a field must not be squashed
                assert control.height() >= control.minimumSizeHint().height(), f"{control} squashed"
    names = [w.log_panel.note, w.log_panel.incident_text, w.log_panel.open_incidents, w.queue_panel.search,
             w.timer_panel.host_text, *w.timer_panel.buttons]
    for control in names:  # the note/incident row and every show control, reachable
        assert control.isVisible() and window_rect.contains(in_window(w, control)), control


def test_the_window_can_be_shorter_than_a_720p_screen_with_a_panel(qtbot, rehearsal, prefs):
    w = open_window(qtbot, rehearsal, prefs, (1280, 720))
    assert w.minimumSizeHint().height() <= 620
    assert w.minimumSizeHint().width() <= 1280


def test_the_queue_shows_more_than_seven_rows_at_720p(qtbot, rehearsal, prefs):
    w = open_window(qtbot, rehearsal, prefs, (1280, 720))
    view = w.queue_panel.view
    assert view.viewport().height() // view.rowHeight(0) > 7


def test_nothing_moves_when_the_show_starts(qtbot, rehearsal, prefs, clock):
    w = open_window(qtbot, rehearsal, prefs, (1280, 720))
    w.refresh()
    qtbot.wait(20)
    before = (w.centralWidget().geometry(), w.timer_panel.countdown.geometry(), w.timer_panel.buttons[0].geometry(),
              w.docks["log"].geometry())
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_F5)
    assert w.service.view().pacing.status == ShowStatus.RUNNING
    clock.advance(5)
    w.refresh()
    qtbot.wait(20)
    after = (w.centralWidget().geometry(), w.timer_panel.countdown.geometry(), w.timer_panel.buttons[0].geometry(),
             w.docks["log"].geometry())
    assert after == before
    assert w.timer_panel.interaction_cue.isVisible()  # what appeared took the room kept for it


def test_geometry_and_dock_layout_come_back_on_the_next_start(qtbot, rehearsal, tmp_path, clock):
    ini = str(tmp_path / "layout.ini")
    first = open_window(qtbot, rehearsal, Prefs(QSettings(ini, QSettings.Format.IniFormat)))
    first.resize(700, 640)
    first.move(30, 40)
    first.docks["checklist"].raise_()
    first.docks["log"].setFloating(False)
    first.docks["charts"].hide()  # a layout no default would give
    qtbot.wait(20)
    saved_geometry, log_rect = first.geometry(), first.docks["log"].geometry()
    first.close()
    second_session = ShowSession(rehearsal.url, rehearsal.show_id, clock)
    second_session.feed = None
    try:
        second = open_window(qtbot, second_session, Prefs(QSettings(ini, QSettings.Format.IniFormat)))
        assert second.geometry().size() == saved_geometry.size()
        assert not second.docks["charts"].isVisible()
        assert second.docks["log"].geometry() == log_rect
        second.close()
    finally:
        second_session.close()


def test_a_saved_layout_bigger_than_every_screen_is_ignored(qtbot, rehearsal, tmp_path):
    ini = str(tmp_path / "big.ini")
    first = open_window(qtbot, rehearsal, Prefs(QSettings(ini, QSettings.Format.IniFormat)), (3000, 2000))
    first.close()
    prefs = Prefs(QSettings(ini, QSettings.Format.IniFormat))
    assert prefs.window_geometry()
    from controlroom.ui.window import MainWindow

    second = MainWindow(None, prefs)
    qtbot.addWidget(second)
    with qtbot.waitExposed(second):
        second.show()
    screen = second.screen().availableGeometry()
    assert second.width() <= screen.width() and second.height() <= screen.height()
    second.close()


def test_the_log_shows_the_controllers_events_by_default(window, clock):
    window.act_start.trigger()
    window.service.ingest([ev.Event(ev.COMMENT, clock.now(), user=f"u{i}", text="好看") for i in range(50)])
    window.run(commands.mark_interaction)
    window.refresh()
    panel = window.log_panel
    assert panel.filter.currentData() == DEFAULT_FILTER
    kinds = [panel.model.event_at(i).kind for i in range(panel.model.rowCount())]
    assert ev.COMMENT not in kinds
    assert kinds[:2] == [ev.INTERACTION_MARKED, ev.SEGMENT_STARTED]
    panel.filter.setCurrentIndex(panel.filter.findData("comments"))
    assert panel.model.rowCount() == 50
    assert FILTERS["controller"] >= {ev.NOTE, ev.INCIDENT_OPENED, ev.HOST_MESSAGE, ev.PRODUCT_ON_SHELF}


def test_the_queue_search_finds_a_sku_and_selects_it(window):
    panel = window.queue_panel
    sku = panel.model.rows[5].sku
    panel.search.setText(sku.lower())
    shown = [r for r in range(panel.model.rowCount()) if not panel.view.isRowHidden(r)]
    assert shown == [5]
    assert panel.view.selected_sku() == sku
    panel.search.setText(panel.model.rows[2].name[:3])
    assert not panel.view.isRowHidden(2)
    panel.search.clear()
    assert not any(panel.view.isRowHidden(r) for r in range(panel.model.rowCount()))


def test_calm_before_the_start_and_one_promo_line_after(qtbot, crowded, prefs, clock):
    w = open_window(qtbot, crowded, prefs, (1280, 720))
    w.refresh()
    view = w.service.view()
    assert "LOW-1" not in {seg.product_sku for seg in view.plan}
    assert w.timer_panel.promos.text() == ""  # no red "×0" for 200 products
    assert not [a for a in view.alerts if a.subject == "LOW-1"]
    assert "LOW-1" not in w.alerts_panel.codes() and not w.alerts_panel.codes()
    height = w.timer_panel.promos.height()
    w.act_start.trigger()
    clock.advance(2)
    w.refresh()
    text = w.timer_panel.promos.text()
    assert "×0" in text and "+" in text and text.count("×") < 20  # the first few, then "… +N more"
    assert w.timer_panel.promos.height() == height
    w.run(commands.set_shelf, "LOW-1", True)
    w.refresh()
    assert [a.code for a in w.service.view().alerts if a.subject == "LOW-1"] == ["low_stock"]


def test_an_empty_show_has_sensible_chart_axes(qtbot, rehearsal, prefs):
    w = open_window(qtbot, rehearsal, prefs, (1280, 720))
    charts = w.charts_panel
    charts.redraw(force=True)
    assert charts.plots["online"].viewRange()[1] == [0.0, 10.0]
    assert charts.plots["gmv_total"].viewRange()[1] == [0.0, 1.0]
    for plot in charts.plots.values():
        low, high = plot.viewRange()[1]
        assert low == 0.0 and high >= 1.0


def test_quick_replies_show_the_link_number_on_air(qtbot, window):
    panel = window.live_data.comments
    panel.update_rate()
    texts = [panel.replies.item(i).text() for i in range(panel.replies.count())]
    assert texts and not [t for t in texts if "{n}" in t]
    sku = window.queue_panel.model.rows[2].sku
    window.run(commands.explain, sku)
    panel.update_rate()
    assert any("3号链接" in panel.replies.item(i).text() for i in range(panel.replies.count()))
