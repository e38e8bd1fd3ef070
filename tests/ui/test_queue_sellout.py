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

