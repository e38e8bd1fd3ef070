"""On a 1280×720 laptop (the window's own area 1280×656) the timer panel leaves the charts
room to be read, in Chinese and English: every plot is tall enough for 0 and a second y
label apart (the KPIs sit caption beside value, two rows instead of four; the plots' titles
take their text's height, not 30 px). Before: 0 px (zh_CN) and 18 px (en) per plot."""

from __future__ import annotations

import pytest

from controlroom.ui.charts import Y_TICK_SPACING_PX
from tests.ui.test_layout import open_window

pytestmark = pytest.mark.gui


def test_every_plot_has_room_for_two_y_labels_at_1280x720(qtbot, lang, session, prefs, clock):
    w = open_window(qtbot, session, prefs, (1280, 656))
    w.act_start.trigger()
    w.act_next.trigger()
    clock.advance(90)
    w.refresh()
    qtbot.wait(50)
    heights = {name: plot.getViewBox().height() for name, plot in w._charts.plots.items()}
    assert min(heights.values()) >= Y_TICK_SPACING_PX, heights  # 0 and one more label, apart
