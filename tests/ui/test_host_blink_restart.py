"""After a restart (a new process over the same SQLite file) the host display comes back
blinking with the message it had, the window's field and Blink box say so, and the replayed
state equals the live one; Ctrl+Z of a later message brings back the blinking one."""

from __future__ import annotations

import pytest

from controlroom.core.show import status_dict
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.gui


def send(window, text: str, blink: bool) -> None:
    window.timer_panel.host_text.setText(text)
    window.timer_panel.host_blink.setChecked(blink)
    window.timer_panel._send()


def test_a_blinking_message_blinks_again_after_a_restart(window, session, clock, db_path, prefs, qtbot):
    from controlroom.ui.window import MainWindow

    window.act_start.trigger()
    window.toggle_host_display()  # open: it is reopened after the restart
    send(window, "还有两分钟，上福袋", True)
    clock.advance(5)
    session.writer.flush()
    live = status_dict(window.service.state.snapshot(clock.now()))
    again = ShowSession(str(db_path), session.show_id, clock)  # as after a crash: a new process reads the log
    w2 = MainWindow(again, prefs)
    qtbot.addWidget(w2)
    try:
        assert status_dict(w2.service.state.snapshot(clock.now())) == live
        display = w2.host_display
        assert display is not None and display.isVisible()
        assert display.message_text() == "还有两分钟，上福袋"
        assert display.blink and display.blink_timer.isActive()
        assert w2.timer_panel.host_text.text() == "还有两分钟，上福袋"
        assert w2.timer_panel.host_blink.isChecked()
    finally:
        w2.close()
        again.close()


def test_undo_of_a_message_brings_back_the_blinking_one(window, clock):
    window.act_start.trigger()
    send(window, "上福袋", True)
    clock.advance(3)
    send(window, "讲价格", False)
    window.refresh()
    assert not window.host_display.blink_timer.isActive()
    assert not window.timer_panel.host_blink.isChecked()
    window.act_undo.trigger()
    window.refresh()
    assert window.host_display.message_text() == "上福袋"
    assert window.host_display.blink_timer.isActive()
    assert window.timer_panel.host_text.text() == "上福袋"
    assert window.timer_panel.host_blink.isChecked()
