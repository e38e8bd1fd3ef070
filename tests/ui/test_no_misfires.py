"""Real keystrokes into the real window (offscreen): Space, Enter and typing never act on
the show wherever the focus is; Enter and Escape leave the fields; a dialog's key never
lands in a field; Ctrl+Q on a running show asks and stays by default; the F1 list is
complete, names no state and is not modal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication

from controlroom.core import events as ev
from controlroom.core.pacing import ShowStatus
from controlroom.ui.guard import is_text_field
from controlroom.ui.queue_panel import COL_EXPLAINING, COL_SHELF, EXPLAIN_KEY, SHELF_KEY

pytestmark = pytest.mark.gui
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SENTENCE = "see the new one, it sells fast"  # s and e were the queue's old keys


@pytest.fixture
def shown(window, qtbot):
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def operator_events(window) -> list[tuple[str, str]]:
    service = window.service
    return [(e.kind, e.product) for e in service.repo.events(service.show_id, kinds=tuple(sorted(ev.OPERATOR_KINDS)))]


def snapshot(window) -> tuple[dict, list]:
    return window.service.status(), operator_events(window)


def stray_keys(qtbot, widget) -> None:
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
        qtbot.keyClick(widget, key)
    qtbot.keyClicks(widget, SENTENCE)


def test_the_window_opens_with_the_keys_on_itself_and_stray_keys_do_nothing(shown, qtbot):
    focus = QApplication.focusWidget()
    assert focus is shown  # not 开始直播, not a field
    before = snapshot(shown)
    stray_keys(qtbot, focus)
    assert snapshot(shown) == before
    assert shown.service.view().status == ShowStatus.PLANNED
    qtbot.keyClick(focus, Qt.Key.Key_F5)
    assert shown.service.view().status == ShowStatus.RUNNING


def test_no_button_of_the_window_is_pressed_by_space_enter_or_typing(shown, qtbot):
    shown.act_start.trigger()
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in shown.timer_panel.buttons)
    buttons = [b for b in shown.findChildren(QAbstractButton) if b.isVisibleTo(shown) and b.isEnabled()]
    assert len(buttons) > len(shown.timer_panel.buttons)  # the log's, the checklist's, manual entry's too
    before = snapshot(shown)
    for button in buttons:
        button.setFocus()  # forced: whatever a user could do with Tab
        stray_keys(qtbot, button)
    assert snapshot(shown) == before


def test_the_queue_ignores_typing_and_acts_on_its_declared_keys(shown, qtbot):
    shown.act_start.trigger()
    model, view = shown.queue_panel.model, shown.queue_panel.view
    view.setCurrentIndex(model.index(1, COL_SHELF))  # Space here used to tick the shelf box
    view.setFocus()
    sku = view.selected_sku()
    before = snapshot(shown)
    stray_keys(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_E)
    assert snapshot(shown) == before
    assert view.selected_sku() == sku  # typing did not move the selection either
    assert SHELF_KEY in model.headerData(COL_SHELF, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert EXPLAIN_KEY in model.headerData(COL_EXPLAINING, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL_SHIFT)
    assert operator_events(shown)[len(before[1]):] == [(ev.PRODUCT_ON_SHELF, sku), (ev.EXPLAINING_STARTED, sku)]


def test_enter_sends_the_message_and_the_show_keys_work_at_once(shown, qtbot):
    shown.act_start.trigger()
    field = shown.timer_panel.host_text
    field.setFocus()
    field.setText("还有两分钟，上福袋")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert operator_events(shown)[-1] == (ev.HOST_MESSAGE, None)
    assert not field.hasFocus()
    assert QApplication.focusWidget() is shown
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F7)
    assert shown.service.view().pacing.index == 1


def test_escape_leaves_every_text_field_and_changes_nothing(shown, qtbot):
    fields = [shown.timer_panel.host_text, shown.log_panel.note, shown.log_panel.incident_text,
              shown.manual_panel.online, shown.manual_panel.gmv, shown.manual_panel.orders]
    before = snapshot(shown)
    for field in fields:
        field.setFocus()
        field.setText("12")
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert not field.hasFocus()
        assert field.text() == "12"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)  # disabled before the start: nothing
    assert snapshot(shown) == before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert shown.service.view().status == ShowStatus.RUNNING


def test_a_confirmation_never_opens_over_a_focused_field(shown, qtbot):
    shown.act_start.trigger()
    field = shown.timer_panel.host_text
    field.setFocus()
    field.setText("下一个")
    seen = {}

    def look_and_say_no() -> None:
        seen["focus"] = shown.focusWidget()
        box = QApplication.activeModalWidget()
        seen["box"] = box is not None
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look_and_say_no)
    shown.act_end.trigger()
    assert seen["box"]
    assert not is_text_field(seen["focus"])  # a "y" typed before the box is up goes nowhere
    assert field.text() == "下一个"
    assert shown.service.view().status == ShowStatus.RUNNING


def answer_quit_question(qtbot, answer, seen: dict) -> None:
    def act() -> None:
        box = QApplication.activeModalWidget()
        seen.setdefault("boxes", []).append(box is not None)
        if box is None:
            return
        seen["default"] = box.defaultButton().text()
        if isinstance(answer, str):
            next(b for b in box.buttons() if b.text() == answer).click()
        else:
            qtbot.keyClick(box, answer)
    QTimer.singleShot(0, act)


def press_ctrl_q(qtbot, window, answer, seen: dict) -> None:
    window.activateWindow()  # back from the question box (offscreen does not do it by itself)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    answer_quit_question(qtbot, answer, seen)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_on_a_running_show_asks_and_stays_by_default(shown, qtbot):
    shown.act_start.trigger()
    seen: dict = {}
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        press_ctrl_q(qtbot, shown, key, seen)
        assert shown.isVisible() and shown.session is not None
    assert seen["boxes"] == [True, True]
    assert seen["default"] == shown.tr("Stay")
    press_ctrl_q(qtbot, shown, shown.tr("Quit anyway"), seen)
    assert not shown.isVisible() and shown.session is None


def test_ctrl_q_before_the_start_closes_without_asking(shown, qtbot):
    seen: dict = {}
    answer_quit_question(qtbot, Qt.Key.Key_Escape, seen)
    qtbot.keyClick(shown, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not shown.isVisible()
    qtbot.waitUntil(lambda: "boxes" in seen)
    assert seen["boxes"] == [False]


def test_the_shortcut_list_is_complete_names_no_state_and_is_not_modal(shown, qtbot):
    shown.act_start.trigger()
    assert shown.act_start.text() == shown.tr("Pause")
    qtbot.keyClick(shown, Qt.Key.Key_F1)
    dialog = shown.shortcuts_dialog
    assert dialog.isVisible() and not dialog.isModal() and QApplication.activeModalWidget() is None
    listed = dialog.table.text()
    keyed = [a for a in shown.findChildren(type(shown.act_start)) if not a.shortcut().isEmpty()]
    expected = {"F1", "F5", "F6", "F7", "F8", "F9", "F10", "Ctrl+Shift+E", "Ctrl+H", "Ctrl+Shift+F", "Ctrl+E",
                "Ctrl+Q", SHELF_KEY, EXPLAIN_KEY}
    assert expected <= {a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in keyed}
    for action in keyed:
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in listed
    assert "F5</b></td><td>&nbsp;&nbsp;Start / Pause<" in listed
    assert ">&nbsp;&nbsp;Pause<" not in listed
    qtbot.keyClick(dialog, Qt.Key.Key_F9)  # a show key while the list is open still acts
    assert operator_events(shown)[-1] == (ev.INTERACTION_MARKED, None)


def test_the_control_buttons_show_their_keys(shown):
    labels = {b.defaultAction(): b.text() for b in shown.timer_panel.buttons}
    assert labels[shown.act_next] == f"{shown.act_next.text()}  F7"
    shown.act_start.trigger()
    start_button = next(b for b in shown.timer_panel.buttons if b.defaultAction() is shown.act_start)
    assert start_button.text() == f"{shown.tr('Pause')}  F5"  # the state, and still the key
    assert "F5" in start_button.toolTip()


def test_a_floating_panel_is_still_part_of_the_window(shown, qtbot):
    for name in ("manual", "checklist"):
        shown.docks[name].setFloating(True)
    shown.docks["checklist"].show()
    before = snapshot(shown)
    box = next(b for b in shown.checklist_panel.findChildren(QAbstractButton))
    box.setFocus()
    stray_keys(qtbot, box)
    assert snapshot(shown) == before  # no tick logged
    field = shown.manual_panel.online
    shown.docks["manual"].show()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert shown.focusWidget() is shown
