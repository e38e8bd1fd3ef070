"""The plan editor and the settings dialog: edits through their models, a bad row or a
bad sheet named in a message with nothing saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.plan import SegmentKind
from controlroom.ui.plan_editor import PlanEditor
from controlroom.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def editor(qtbot, session):
    e = PlanEditor(session.service)
    qtbot.addWidget(e)
    return e


def saved_plan(session):
    """The plan as a fresh replay of the log sees it."""
    return session.repo.load_show(session.show_id).plan


def test_edit_add_move_and_apply_a_segment(editor, session):
    seg = editor.segments
    assert seg.setData(seg.index(0, 2), "7.5", EDIT)
    assert seg.setData(seg.index(0, 1), "开场 福利预告", EDIT)
    row = editor.draft.add_segment(0)
    editor.draft.move(editor.draft.segments, row, -1)
    assert editor.apply()
    plan = saved_plan(session)
    assert plan.segments[1].title == "开场 福利预告" and plan.segments[1].planned_s == 450.0
    assert plan.segments[0].kind == SegmentKind.FREE
    assert session.service.state.plan.segments[1].title == "开场 福利预告"
    assert ev.PLAN_EDITED in [e.kind for e in session.repo.events(session.show_id)]


def test_bad_cells_are_refused_and_named(editor, qtbot):
    seg, prod = editor.segments, editor.products
    with qtbot.waitSignal(seg.problem) as problem:
        assert not seg.setData(seg.index(2, 2), "abc", EDIT)
    assert problem.args[0].startswith("Row 3, Minutes")
    assert not seg.setData(seg.index(2, 2), "-5", EDIT)
    assert not prod.setData(prod.index(0, 3), "free", EDIT)
    assert not prod.setData(prod.index(0, 4), "-1", EDIT)
    assert not prod.setData(prod.index(1, 0), prod.draft.products[0].sku, EDIT)  # duplicate SKU
    assert prod.setData(prod.index(0, 2), "形象款", EDIT)
    assert prod.data(prod.index(0, 2)) == "Image item"


def test_renaming_a_sku_carries_its_segments(editor, session):
    old = editor.draft.products[0].sku
    slots = [i for i, s in enumerate(editor.draft.segments) if s.product_sku == old]
    assert editor.products.setData(editor.products.index(0, 0), "SKU-NEW", EDIT)
    assert all(editor.draft.segments[i].product_sku == "SKU-NEW" for i in slots)
    assert editor.apply()
    assert session.service.state.queue.order[0] == "SKU-NEW"


def test_an_invalid_draft_saves_nothing(editor, session):
    before = [s.uid for s in saved_plan(session).segments]
    editor.draft.segments[1].product_sku = None  # a product slot without its product
    editor.draft.segments[1].kind = SegmentKind.PRODUCT
    assert not editor.apply()
    assert "Segment row 2" in editor.message.text()
    assert [s.uid for s in saved_plan(session).segments] == before


def test_on_air_segment_and_used_product_cannot_be_removed(qtbot, session):
    session.service.start()
    e = PlanEditor(session.service)
    qtbot.addWidget(e)
    with pytest.raises(ValueError, match="on air"):
        e.draft.remove_segment(0)
    used = next(i for i, p in enumerate(e.draft.products) if any(s.product_sku == p.sku for s in e.draft.segments))
    with pytest.raises(ValueError, match="used by segment"):
        e.draft.remove_product(used)
    with pytest.raises(ValueError):
        e.draft.default(60, session.service.state.settings)


def test_product_sheet_import_all_or_nothing(editor, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,sku,role,price,stock\n口红,L1,利润款,abc,5\n", encoding="utf-8")
    before = [p.sku for p in editor.draft.products]
    editor.import_sheet(str(bad))
    assert "row 2" in editor.message.text().lower() or "行" in editor.message.text()
    assert [p.sku for p in editor.draft.products] == before
    good = tmp_path / "good.csv"
    good.write_text("name,sku,role,price,stock\n口红,L1,利润款,89,5\n", encoding="utf-8")
    editor.import_sheet(str(good))
    # before the start the sheet sets the queue; products the plan uses are kept
    assert [p.sku for p in editor.draft.products] == ["L1", *before]
    assert "1 products added" in editor.message.text()
    assert editor.apply()


def test_the_editor_refuses_what_the_service_would(qtbot, session):
    """A product that has sold keeps its SKU and its stock; one on shelf stays; and the
    same refusals come from the service for a draft made before the sale."""
    service = session.service
    stale = PlanEditor(service)  # opened before the sale
    qtbot.addWidget(stale)
    service.start()
    sku = service.state.queue.order[0]
    service.run(commands.set_shelf, sku, True)
    service.ingest([ev.Event(ev.ORDER, service.now(), user="u", product=sku, qty=2, value=10.0, ref="o1")])
    e = PlanEditor(service)
    qtbot.addWidget(e)
    prod = e.products
    with qtbot.waitSignal(prod.problem) as problem:
        assert not prod.setData(prod.index(0, 0), "SKU-NEW", EDIT)
    assert problem.args[0] == f"{sku} is on shelf: its SKU cannot change."
    with qtbot.waitSignal(prod.problem) as problem:
        assert not prod.setData(prod.index(0, 4), str(service.state.queue.products[sku].stock + 50), EDIT)
    assert "set its stock in the queue" in problem.args[0]
    assert stale.products.setData(stale.products.index(0, 0), "SKU-NEW", EDIT)  # it did not know
    assert not stale.apply()
    assert stale.message.text() == f"{sku} is on shelf: take it off shelf before removing it."
    assert service.state.queue.order[0] == sku and service.state.queue.stock(sku) == service.state.queue.products[sku].stock - 2


def test_settings_dialog_saves_every_figure_or_none(qtbot, session):
    d = SettingsDialog(session.service)
    qtbot.addWidget(d)
    assert set(d.editors) == set(session.service.state.settings.to_dict())
    d.editors["interaction_remind_minutes"].setValue(8)
    d.save()
    assert session.service.state.settings.interaction_remind_minutes == 8
    d2 = SettingsDialog(session.service)
    qtbot.addWidget(d2)
    d2.editors["slot_warn_minutes"].setValue(9)  # above slot_max_minutes (5)
    d2.save()
    assert "slot_warn_minutes" in d2.message.text()
    assert session.service.state.settings.slot_warn_minutes == 3.0
