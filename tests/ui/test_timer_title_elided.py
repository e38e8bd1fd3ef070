"""A long segment title (a product slot named after a 200-character product) stays on one
line in the timer panel, ends in "…" with the whole title in the tooltip, and leaves the
panel's size hint as a short title does, at 1280×720 and 1920×1080."""

from __future__ import annotations

import pytest

from controlroom.core.products import Product, Role
from controlroom.services.show_service import create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.gui

LONG_NAME = ("超长商品名称测试" * 25)[:200]


def _window(tmp_path, clock, prefs, qtbot, name: str, size: tuple[int, int]):
    from controlroom.ui.window import MainWindow

    db = tmp_path / f"{len(name)}.db"
    engine = open_engine(db)
    product = Product("SKU-1", name, Role.PROFIT, 99.0, 50, "卖点", "")
    sid = create_show(ShowRepository(engine), "标题测试", 60, [product], clock.now())
    engine.dispose()
    session = ShowSession(str(db), sid, clock)
    w = MainWindow(session, prefs)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    w.act_start.trigger()
    w.act_next.trigger()  # onto the product slot: its title is the product's name
    w.refresh()
    qtbot.waitUntil(lambda: w.timer_panel.title.text() == name)
    return w, session


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_200_character_title_stays_one_line_and_moves_nothing(tmp_path, clock, prefs, qtbot, size):
    panels, tips = {}, {}
    for name in ("短名", LONG_NAME):
        w, session = _window(tmp_path, clock, prefs, qtbot, name, size)
        panel = w.timer_panel
        panels[name] = (panel.sizeHint(), panel.title.height(), panel.next.height())
        assert panel.title.height() < 2 * panel.title.fontMetrics().height()  # one line
        assert panel.title.width() <= panel.width()
        tips[name] = (panel.title.toolTip(), panel.title.shown_text())
        w.close()
        session.close()
    assert panels["短名"] == panels[LONG_NAME]
    assert tips["短名"] == ("", "短名")
    tip, shown = tips[LONG_NAME]
    assert tip == LONG_NAME and shown.endswith("…") and len(shown) < len(LONG_NAME)


@pytest.mark.parametrize("text", ["Welcome\nfree gift at 20:00", "欢迎\r\n今晚八点抽奖", "one\u2028two"])
def test_a_title_with_line_breaks_is_one_line_with_the_whole_title_in_the_tooltip(qtbot, text):
    """A plan imported from a spreadsheet may hold a line break in a title (Alt+Enter in a cell)."""
    from controlroom.ui.elided_label import ElidedLabel

    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(600, label.sizeHint().height())
    label.setText(text)
    label.show()
    shown = label.shown_text()
    assert not any(c in shown for c in "\n\r\u2028") and shown.split() == text.split()
    assert label.toolTip() == text and label.height() == label.sizeHint().height()
