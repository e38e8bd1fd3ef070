"""The same keys under Xvfb and openbox, in the Chinese window (the language chosen in the
window's settings, as a Chinese user has it): just after the window is activated, Space,
Enter and a typed sentence do not start the show; F5 does."""

from __future__ import annotations

import pytest

from controlroom.core import events as ev
from tests.x11.test_keys_under_a_window_manager import INTERACTION, STRAY, App, wait_for, x_display  # noqa: F401

pytestmark = pytest.mark.slow


@pytest.fixture
def chinese_app(x_display, tmp_path):  # noqa: F811 - the module's fixture
    settings = tmp_path / "config" / "ControlRoom" / "ControlRoom.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
    running = App(x_display, tmp_path)
    yield running
    running.stop()


def test_space_and_enter_after_activation_do_not_start_the_chinese_window(chinese_app):
    app = chinese_app
    def chinese_title() -> bool:  # the title names the show once it is open (off the UI thread)
        return any("\u4e00" <= ch <= "\u9fff" for ch in app.xdo("getwindowname", app.window))

    wait_for(chinese_title, "the window's Chinese title")  # the window is in Chinese
    activate = ["windowactivate", "--sync", app.window]
    # Stray keys, then F5, then the F9 marker: had a Space or Enter started the show, F5
    # would have paused it (show_paused in the log).
    assert app.step(activate, *STRAY, ["key", "F5"]) == [ev.SHOW_STARTED, ev.SEGMENT_STARTED, INTERACTION]
    assert app.status()["state"] == "running"
    assert app.stop() == 0
