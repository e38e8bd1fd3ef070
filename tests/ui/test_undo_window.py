"""Ctrl+Z in the real main window, by real keystrokes (offscreen): after each of F7, the
queue's shelf and explain keys (Ctrl+Shift+S, Ctrl+Shift+N), F8, F9, F10 the status JSON is back to what it was before the key — all of it: the window's
clock is a FakeClock that does not move between the keys, so the time figures must match
too. The status line says what was undone, the log shows the undo; F7 onto a product slot
explains, selects and shelves its product (the previous one off) and one Ctrl+Z puts it all
back; Ctrl+Z typed in a text field is the field's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from controlroom.core import events as ev

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def on_air(window, qtbot, clock):
    """Shown, active, the show started 40 s ago, focus in the queue on its second product."""
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    window.act_start.trigger()
    clock.advance(40)
    view = window.queue_panel.view
    view.selectRow(1)
    view.setFocus()
    return view


def top_of_log(window) -> str:
    m = window.log_panel.model
    return m.event_at(0).kind


@pytest.mark.parametrize("key, mods", [(Qt.Key.Key_F7, NONE), (Qt.Key.Key_S, CTRL_SHIFT), (Qt.Key.Key_N, CTRL_SHIFT),
                                       (Qt.Key.Key_F8, NONE), (Qt.Key.Key_F9, NONE), (Qt.Key.Key_F10, NONE)],
                         ids=["F7", "shelf", "explain", "F8", "F9", "F10"])
def test_a_key_then_ctrl_z_gives_the_status_before_the_key(window, qtbot, clock, key, mods):
    view = on_air(window, qtbot, clock)
    if key == Qt.Key.Key_F10:
        qtbot.keyClick(view, Qt.Key.Key_N, CTRL_SHIFT)  # the promo is the explained product's
    before = window.service.status()
    qtbot.keyClick(view, key, mods)
    assert window.service.status() != before  # the key did something
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.service.status() == before
    assert top_of_log(window) == ev.UNDONE
    assert window.statusBar().currentMessage().startswith("Undone: ")


def test_f7_onto_a_product_slot_is_one_step_and_one_ctrl_z_takes_it_all_back(window, qtbot, clock):
    view = on_air(window, qtbot, clock)
    qtbot.keyClick(view, Qt.Key.Key_F7)  # the opening → 冰丝防晒袖套
    first = window.service.state.plan.segments[1].product_sku
    view.selectRow(3)
    before = window.service.status()
    qtbot.keyClick(view, Qt.Key.Key_F7)  # → 竹纤维抽纸 24包
    second = window.service.state.plan.segments[2].product_sku
    q = window.service.state.queue
    assert (q.explaining, second in q.on_shelf, first in q.on_shelf) == (second, True, False)
    assert view.selected_sku() == second
    clock.advance(30)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    after = window.service.status()
    assert after["segment"]["elapsed_s"] == before["segment"]["elapsed_s"] + 30  # the 30 s count on slot 1
    moving = ("show_elapsed_s", "expected_end_s", "since_interaction_s", "ahead_behind_s", "segment")
    assert {k: v for k, v in after.items() if k not in moving} == {k: v for k, v in before.items() if k not in moving}
    assert (q.explaining, first in q.on_shelf, second in q.on_shelf) == (first, True, False)
    assert view.selected_sku() == first
    slot1, slot2 = (s.title for s in window.service.state.plan.segments[1:3])
    assert window.statusBar().currentMessage() == f"Undone: next segment ({slot1} → {slot2})"


def test_ctrl_z_with_nothing_to_undo_says_so_and_writes_nothing(window, qtbot, clock):
    view = on_air(window, qtbot, clock)
    rows = window.log_panel.model.rowCount()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == "Nothing to undo since the show started."
    assert window.log_panel.model.rowCount() == rows


def test_ctrl_z_in_a_text_field_is_the_fields_own(window, qtbot, clock):
    view = on_air(window, qtbot, clock)
    qtbot.keyClick(view, Qt.Key.Key_F9)
    note = window.log_panel.note
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)
    assert window.service.status()["undo"] == "interaction"


def test_the_settings_dialog_turns_auto_shelf_off(window, qtbot, clock):
    from controlroom.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.service, window)
    qtbot.addWidget(dialog)
    assert dialog.editors["auto_shelf"].isChecked()
    dialog.editors["auto_shelf"].setChecked(False)
    dialog.save()
    assert window.service.state.settings.auto_shelf is False
    view = on_air(window, qtbot, clock)
    qtbot.keyClick(view, Qt.Key.Key_F7)
    q = window.service.state.queue
    assert (q.explaining, q.on_shelf) == (window.service.state.plan.segments[1].product_sku, set())
    assert "on_air_off_shelf" in [a["code"] for a in window.service.status()["alerts"]]


def test_the_undo_is_said_and_logged_in_chinese(window, qtbot, clock):
    from controlroom.ui.i18n import Translations
    from controlroom.ui.log_panel import describe, kind_name

    view = on_air(window, qtbot, clock)
    qtbot.keyClick(view, Qt.Key.Key_F7)
    chinese = Translations()
    chinese.install("zh_CN")
    try:
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        opening, slot = (s.title for s in window.service.state.plan.segments[:2])
        assert window.statusBar().currentMessage() == f"已撤销：下一环节 ({opening} → {slot})"
        undone = window.log_panel.model.event_at(0)
        titles = window.log_panel.model.titles
        assert (kind_name(undone.kind), describe(undone, {}, titles)) == ("已撤销", f"下一环节  {slot}")
    finally:
        chinese.remove()
