"""The plan editor's target columns: typed targets saved with the plan, a bad one refused
naming row and column; "Fill targets" from the room's earlier show (read off the UI thread),
never over a typed target, leaving a product without history empty and saying so; a slot
given a product takes its default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.feeds.catalogue import sample_products
from controlroom.ui.plan_editor import PlanEditor

pytestmark = pytest.mark.gui
EDIT = Qt.ItemDataRole.EditRole
GMV_COL, ORDERS_COL = 4, 5


@pytest.fixture
def editor(qtbot, session):
    e = PlanEditor(session.service)
    qtbot.addWidget(e)
    return e


def earlier_show(session, clock, sku: str) -> None:
    """Yesterday's show of the same title: `sku` on air for 5 minutes, 10 orders of it (2 a minute),
    and one order of another product meanwhile (not counted)."""
    repo = session.repo
    t = clock.now() - 86_400
    plan = Plan([Segment(SegmentKind.PRODUCT, "slot", 300.0, sku, uid="y1"),
                 Segment(SegmentKind.CLOSING, "end", 60.0, uid="y2")])
    show = repo.create_show("测试场 Test show", 6, plan, sample_products(), session.service.state.settings,
                            created_at=t - 100)
    log = [Event(ev.SHOW_STARTED, t), Event(ev.SEGMENT_STARTED, t, ref="y1")]
    log += [Event(ev.ORDER, t + 10 + 25 * n, user=f"b{n}", product=sku, value=1.0, ref=f"o{n}") for n in range(10)]
    log += [Event(ev.ORDER, t + 20, user="x", product="OTHER", value=5.0, ref="x1"),
            Event(ev.SEGMENT_STARTED, t + 300, ref="y2"), Event(ev.SHOW_ENDED, t + 360)]
    repo.append(show, log)


def test_typed_targets_are_saved_and_a_bad_one_is_named(editor, session, qtbot):
    seg = editor.segments
    assert seg.headerData(GMV_COL, Qt.Orientation.Horizontal) == "GMV target (¥)"
    assert seg.setData(seg.index(1, GMV_COL), "¥1,500.5", EDIT) and seg.setData(seg.index(1, ORDERS_COL), "20", EDIT)
    with qtbot.waitSignal(seg.problem) as problem:
        assert not seg.setData(seg.index(2, ORDERS_COL), "2.5", EDIT)
    assert problem.args[0].startswith("Row 3, Order target")
    for bad in ("-1", "nan", "inf", "很多"):
        assert not seg.setData(seg.index(2, GMV_COL), bad, EDIT)
    assert editor.apply()
    saved = session.repo.load_show(session.show_id).plan.segments[1]
    assert (saved.gmv_target, saved.orders_target) == (1500.5, 20)
    assert seg.setData(seg.index(1, GMV_COL), "", EDIT)  # cleared: no target
    assert editor.apply()
    assert session.repo.load_show(session.show_id).plan.segments[1].gmv_target is None


def test_fill_targets_from_the_rooms_earlier_show(editor, session, clock, qtbot):
    slots = [i for i, s in enumerate(editor.draft.segments) if s.kind == SegmentKind.PRODUCT]
    sku = editor.draft.segments[slots[0]].product_sku
    price = next(p.price for p in editor.draft.products if p.sku == sku)
    earlier_show(session, clock, sku)
    typed = next(i for i in slots[1:] if editor.draft.segments[i].product_sku == sku) if any(
        editor.draft.segments[i].product_sku == sku for i in slots[1:]) else None
    if typed is not None:
        assert editor.segments.setData(editor.segments.index(typed, ORDERS_COL), "3", EDIT)
    editor.fill_targets()
    qtbot.waitUntil(lambda: editor.rates is not None, timeout=10_000)
    first = editor.draft.segments[slots[0]]
    minutes = first.planned_s / 60
    assert first.orders_target == round(2 * minutes) and first.gmv_target == pytest.approx(round(2 * minutes) * price)
    if typed is not None:  # a typed target is kept, the other one not filled in behind it
        assert (editor.draft.segments[typed].orders_target, editor.draft.segments[typed].gmv_target) == (3, None)
    others = [i for i in slots if editor.draft.segments[i].product_sku != sku]
    assert all(editor.draft.segments[i].orders_target is None for i in others)
    assert f"{len(others)} slots left empty" in editor.message.text()
    row = editor.draft.add_segment(len(editor.draft.segments) - 1)
    assert editor.segments.setData(editor.segments.index(row, 0), SegmentKind.PRODUCT.value, EDIT)
    assert editor.segments.setData(editor.segments.index(row, 3), sku, EDIT)
    assert editor.draft.segments[row].orders_target == 10  # a new 5-minute slot: 2 a minute
    assert editor.apply()
    assert session.repo.load_show(session.show_id).plan.segments[slots[0]].orders_target == round(2 * minutes)


def test_no_history_leaves_every_target_empty(editor, qtbot):
    editor.fill_targets()
    qtbot.waitUntil(lambda: editor.rates is not None, timeout=10_000)
    assert all(s.gmv_target is None and s.orders_target is None for s in editor.draft.segments)
    assert "left empty" in editor.message.text()
