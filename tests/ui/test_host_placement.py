"""Where the host display opens and that it comes back: never over the controls when a
second screen exists, beside them (not at 0,0) on one screen, where it was after a restart
or a crash — with the last message, in the display and in the window's message field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from controlroom.core import commands
from controlroom.core.pacing import ShowStatus
from controlroom.ui.host_placement import Screen, place
from controlroom.ui.prefs import HostPlacement
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.gui

LAPTOP = Screen("eDP-1", QRect(0, 0, 1366, 738))
TV = Screen("HDMI-1", QRect(1366, 0, 1920, 1080))


def test_with_a_second_screen_it_opens_full_screen_on_the_screen_without_the_controls():
    on_laptop = place([LAPTOP, TV], main_window=QRect(0, 0, 1366, 738))
    assert on_laptop.screen == 1 and on_laptop.full_screen and on_laptop.geometry == TV.available
    # The controls on the big screen: the host display goes to the laptop's.
    on_tv = place([LAPTOP, TV], main_window=QRect(1400, 50, 1600, 1000))
    assert on_tv.screen == 0 and not on_tv.geometry.intersects(QRect(1400, 50, 1600, 1000))


def test_on_one_screen_it_opens_as_a_window_in_the_corner_not_at_the_origin():
    where = place([LAPTOP], main_window=QRect(0, 0, 1366, 738))
    assert where.screen == 0 and not where.full_screen
    assert where.geometry.topLeft().toTuple() != (0, 0)
    assert LAPTOP.available.contains(where.geometry)
    assert where.geometry.right() < LAPTOP.available.right() and where.geometry.top() > 0


def test_it_reopens_where_it_was_and_on_its_screen_while_that_screen_is_there():
    saved = QRect(1500, 100, 960, 540)
    where = place([LAPTOP, TV], QRect(0, 0, 1366, 738), "HDMI-1", saved, saved_full_screen=True)
    assert (where.screen, where.geometry, where.full_screen) == (1, saved, True)
    # The TV is gone: first-open rules again (one screen: the corner).
    alone = place([LAPTOP], QRect(0, 0, 1366, 738), "HDMI-1", saved, True)
    assert alone.screen == 0 and not alone.full_screen and LAPTOP.available.contains(alone.geometry)


def test_a_saved_place_hanging_off_its_screen_is_moved_back_onto_it():
    where = place([LAPTOP], QRect(0, 0, 800, 600), "eDP-1", QRect(1000, 500, 800, 450))
    assert LAPTOP.available.contains(where.geometry) and where.geometry.size().toTuple() == (800, 450)


def _saved(prefs) -> HostPlacement:
    return prefs.host_placement()


def test_a_new_window_reopens_the_host_display_where_it_was_with_the_message(window, session, clock, db_path,
                                                                              prefs, qtbot):
    from controlroom.ui.window import MainWindow

    window.act_start.trigger()
    window.toggle_host_display()
    display = window.host_display
    qtbot.waitExposed(display)
    display.setGeometry(QRect(120, 90, 600, 340))
    qtbot.waitUntil(lambda: _saved(prefs).geometry == (120, 90, 600, 340))
    window.timer_panel.host_text.setText("还有两分钟，上福袋")
    window.timer_panel._send()
    session.writer.flush()
    assert _saved(prefs).open
    # As after a crash: a new process reads the log and the same preferences.
    again = ShowSession(str(db_path), session.show_id, clock)
    w2 = MainWindow(again, prefs)
    qtbot.addWidget(w2)
    assert w2.host_display is not None and w2.host_display.isVisible()
    qtbot.waitExposed(w2.host_display)
    assert w2.host_display.geometry() == QRect(120, 90, 600, 340)
    assert w2.host_display.message_text() == "还有两分钟，上福袋"
    assert w2.timer_panel.host_text.text() == "还有两分钟，上福袋"
    w2.close()


def test_closed_by_hand_it_stays_closed_but_closed_with_the_window_it_comes_back(window, prefs, qtbot):
    window.toggle_host_display()
    qtbot.waitExposed(window.host_display)
    window.toggle_host_display()  # Ctrl+H again: the controller put it away
    assert not _saved(prefs).open
    window.toggle_host_display()
    assert _saved(prefs).open
    window.close()  # quitting closes it too, but it was open: it comes back next time
    assert _saved(prefs).open


def test_full_screen_is_remembered(window, prefs, qtbot):
    window.host_full_screen()
    qtbot.waitUntil(lambda: window.host_display.isFullScreen())
    assert _saved(prefs).full_screen and _saved(prefs).open
    window.host_full_screen()
    qtbot.waitUntil(lambda: not window.host_display.isFullScreen())
    assert not _saved(prefs).full_screen


def test_the_message_field_follows_the_log_but_never_overwrites_a_draft(window, qtbot):
    field = window.timer_panel.host_text
    window.act_start.trigger()
    window.run(commands.host_message, "上福袋")
    window.refresh()
    assert field.text() == "上福袋"
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setText("下一个讲耳机")
    window.run(commands.host_message, "")
    window.refresh()
    assert field.text() == "下一个讲耳机"
    assert window.service.view().status == ShowStatus.RUNNING


def test_a_language_switch_keeps_the_host_display_open_where_it_was(qtbot, session, prefs):
    from controlroom.ui.i18n import Translations
    from controlroom.ui.main import WindowManager

    translations = Translations()
    manager = WindowManager(prefs, translations, None)
    try:
        old = manager.open(session)
        qtbot.addWidget(old)
        old.toggle_host_display()
        qtbot.waitExposed(old.host_display)
        old.host_display.setGeometry(QRect(150, 60, 500, 300))
        qtbot.waitUntil(lambda: _saved(prefs).geometry == (150, 60, 500, 300))
        old.request_language("zh_CN")
        new = manager.window
        qtbot.addWidget(new)
        assert new.host_display is not None and new.host_display.isVisible()
        assert new.host_display.geometry() == QRect(150, 60, 500, 300)
        assert _saved(prefs).open
    finally:
        manager.close()
        translations.remove()
