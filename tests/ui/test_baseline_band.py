"""The room's usual in the window (issue 13): the charts draw the band of three rehearsals
behind the fourth's live curves, set once (not on every display tick), and the below-usual
alert is worded from its code in English and Chinese."""

from __future__ import annotations

import pytest

from controlroom.core import alerts as al
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter
from controlroom.ui import texts
from controlroom.ui.i18n import Translations
from controlroom.ui.session import ShowSession
from tests.usual_shows import DAY, MINUTES, T0, drive, open_show, three_rehearsals


@pytest.fixture
def fourth(db_path, clock):
    """Three rehearsals of the room, then a fourth opened in a window's session."""
    engine = open_engine(db_path)
    repo, writer = ShowRepository(engine), FeedWriter(engine)
    three_rehearsals(repo, writer, clock)
    created = open_show(repo, writer, clock, 4 * DAY)
    sid = created.show_id
    created.close()
    writer.close()
    engine.dispose()
    s = ShowSession(str(db_path), sid, clock)
    assert s.service.usual.wait(30)
    yield s
    s.close()


def test_the_charts_draw_the_usual_as_a_band_once(qtbot, fourth, prefs, clock):
    from controlroom.ui.window import MainWindow

    window = MainWindow(fourth, prefs)
    qtbot.addWidget(window)
    start = T0 + 4 * DAY
    clock.t = start
    fourth.service.start()
    assert fourth.service.usual.wait(30)
    drive(fourth.service, clock, start, 3 * 60, 400, 300)
    panel = window.charts_panel
    panel.redraw(force=True)
    bands = panel.baseline
    low, usual, high = bands.items["online"]
    x, y = usual.getData()
    assert len(x) == MINUTES and x[0] == start + 30 and set(y) == {1000.0}
    assert set(low.getData()[1]) == {900.0} and set(high.getData()[1]) == {1100.0}
    assert list(bands.items["gmv_total"][1].getData()[1][:2]) == [12.0, 24.0]
    top = panel.plots["online"].viewRange()[1][1]
    assert top >= 1100.0  # the y range shows the band, not only the live 400
    drawn = bands.key
    for _ in range(6):
        panel.tick()
    assert bands.key is drawn and bands.draw(fourth.service.usual.baseline, start) is False
    window.close()


def test_the_alert_is_worded_in_both_languages(qapp):
    a = al.Alert(al.BELOW_USUAL_ONLINE, "warning", "online 60% below your last 3 shows at minute 10", "online",
                 {"a": "60", "b": "3", "c": "10"})
    g = al.Alert(al.BELOW_USUAL_GMV, "warning", "GMV 40% below your last 3 shows at minute 10", "gmv_total",
                 {"a": "40", "b": "3", "c": "10"})
    assert texts.alert(a) == "Online 60% below your last 3 shows at minute 10"
    t = Translations()
    try:
        t.install("zh_CN")
        assert texts.alert(a) == "在线人数比最近 3 场同一时段（第 10 分钟）低 60%"
        assert texts.alert(g) == "成交额比最近 3 场同一时段（第 10 分钟）低 40%"
    finally:
        t.remove()
