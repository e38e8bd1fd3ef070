"""The queue's "Sells out" column: about how many minutes a product on shelf has left at its
current order rate, repainted only when those minutes change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.ui.queue_panel import COL_GMV, COL_SELLOUT, COL_SHELF, COL_SOLD, COL_STOCK, QueueModel

pytestmark = pytest.mark.gui


def orders(service, clock, n: int, every: float, sku: str) -> None:
    start = len(service.state.order_ids)
    for i in range(n):
        clock.advance(every)
        service.ingest([Event(ev.ORDER, clock.now(), user=f"u{i}", product=sku, qty=1, value=9.9,
                              ref=f"o{start + i}")])


def test_the_column_says_about_how_many_minutes_and_repaints_only_its_cell(session, clock, qtbot):
    service = session.service
    first, second = service.state.queue.order[:2]
    service.start()
    service.run(commands.set_shelf, first, True)
    service.run(commands.set_stock, first, 60)
    orders(service, clock, 30, 2, first)  # 30 left at 30 a minute
    model = QueueModel()
    model.set_rows(service.view().queue)
    about = model.tr("≈ %1 min")
    assert model.data(model.index(0, COL_SELLOUT)) == about.replace("%1", "1")
    assert model.data(model.index(1, COL_SELLOUT)) == ""  # off shelf: no forecast
    assert model.headerData(COL_SELLOUT, Qt.Orientation.Horizontal) == model.tr("Sells out")

    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column())))
    clock.advance(5)  # the rate hardly moves: the same minute, nothing repainted
    model.set_rows(service.view().queue)
    assert changed == []
    clock.advance(25)  # 15 orders in the last minute: 30 left at 15 a minute
    model.set_rows(service.view().queue)
    assert model.data(model.index(0, COL_SELLOUT)) == about.replace("%1", "2")
    assert changed == [(0, COL_SELLOUT, 0, COL_SELLOUT)]
    changed.clear()
    orders(service, clock, 1, 1, first)  # an order: stock, sold and GMV; still about 2 minutes
    model.set_rows(service.view().queue)
    assert model.data(model.index(0, COL_SELLOUT)) == about.replace("%1", "2")
    assert changed == [(0, COL_STOCK, 0, COL_STOCK), (0, COL_SOLD, 0, COL_GMV)]
    changed.clear()
    service.run(commands.set_shelf, second, True)  # no order yet: no forecast, the shelf cell only
    model.set_rows(service.view().queue)
    assert changed == [(1, COL_SHELF, 1, COL_SHELF)]



def test_a_column_widens_when_a_changed_cell_needs_more_room(session, qtbot):
    """The columns fit their contents without re-measuring the table at every change: a
    cell whose text grows widens its column; the others keep their width."""
    from controlroom.ui.queue_panel import COL_PRICE, QueuePanel

    service = session.service
    sku = service.state.queue.order[0]
    panel = QueuePanel()
    qtbot.addWidget(panel)
    panel.show()
    service.run(commands.set_stock, sku, 5)
    panel.show_rows(service.view().queue)
    view = panel.view
    narrow, price = view.columnWidth(COL_STOCK), view.columnWidth(COL_PRICE)
    service.run(commands.set_stock, sku, 1_234_567_890)
    panel.show_rows(service.view().queue)
    assert view.columnWidth(COL_STOCK) > narrow
    assert view.columnWidth(COL_STOCK) >= view.sizeHintForColumn(COL_STOCK)
    assert view.columnWidth(COL_PRICE) == price


def test_a_sale_does_not_measure_the_whole_table_again(session, qtbot):
    """Under ResizeToContents every dataChanged asked every cell for its size (thousands of
    data() calls for one sale, 12 ms for 40 rows); now only the changed cells are asked."""
    from controlroom.ui.queue_panel import QueueView

    class Counting(QueueModel):
        calls = 0

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            Counting.calls += 1
            return super().data(index, role)

    service = session.service
    sku = service.state.queue.order[0]
    service.start()
    service.run(commands.set_shelf, sku, True)
    model = Counting()
    view = QueueView(model)
    qtbot.addWidget(view)
    view.show()
    model.set_rows(service.view().queue)
    qtbot.wait(10)
    cells = model.rowCount() * model.columnCount()
    Counting.calls = 0
    service.ingest([Event(ev.ORDER, service.now(), product=sku, qty=1, value=9.9, ref="one")])
    model.set_rows(service.view().queue)
    # Measuring the table asks each cell some 15 roles (1,184 calls for 80 cells before);
    # the changed cells' sizes and repaint: under two calls a cell of the table (96).
    assert 0 < Counting.calls < 2 * cells
