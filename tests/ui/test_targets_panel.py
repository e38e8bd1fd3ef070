"""The timer panel shows the slot on air against its targets and the show's money against
the plan, from the room view (the fold): nothing without targets, green on pace, amber behind."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QAction

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan
from controlroom.ui.timer_panel import TimerPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot):
    p = TimerPanel([QAction("x")])
    qtbot.addWidget(p)
    return p


def test_the_slot_and_the_show_against_their_targets(panel, session, clock):
    service = session.service
    service.start()
    panel.show_view(service.view())
    assert (panel.slot_target.text(), panel.money_vs_plan.text()) == ("—", "—")  # no targets in the plan
    plan = service.state.plan
    i, slot = next((i, s) for i, s in enumerate(plan.segments) if s.product_sku)
    segments = list(plan.segments)
    segments[i] = replace(slot, gmv_target=1000.0, orders_target=10)
    service.update_plan(Plan(segments))
    service.run(commands.jump, i)
    service.run(commands.set_shelf, slot.product_sku, True)
    clock.advance(slot.planned_s / 2)  # half the slot: ¥500 and 5 orders expected by now
    service.ingest([Event(ev.ORDER, clock.now(), user="b", product=slot.product_sku, value=300.0, ref="o1")])
    panel.show_view(service.view())
    assert panel.slot_target.text() == "¥300.00 / ¥1,000.00  ·  1 / 10 orders"
    assert panel.money_vs_plan.text() == "−¥200.00"
    assert "#ef6c00" in panel.slot_target.styleSheet() and "#ef6c00" in panel.money_vs_plan.styleSheet()
    service.ingest([Event(ev.ORDER, clock.now(), user=f"c{n}", product=slot.product_sku, value=100.0, ref=f"p{n}")
                    for n in range(5)])
    panel.show_view(service.view())
    assert panel.slot_target.text() == "¥800.00 / ¥1,000.00  ·  6 / 10 orders"
    assert panel.money_vs_plan.text() == "+¥300.00"
    assert "#2e7d32" in panel.slot_target.styleSheet() and "#2e7d32" in panel.money_vs_plan.styleSheet()
