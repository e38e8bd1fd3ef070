"""Minutes with no data break the charts' lines (NaN points, curves that skip them)
instead of a flat or interpolated value drawn across them: in the buffers, live and
after a reload from the log, and in the real window's curves."""

from __future__ import annotations

import math

import numpy as np
import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.ui.chart_gaps import NoDataMinutes
from controlroom.ui.charts_data import ChartData

T0 = 1_767_225_600.0  # on a whole minute


def _nan_minutes(x: np.ndarray, y: np.ndarray) -> set[int]:
    return {int(v // 60 - T0 // 60) for v, w in zip(x, y, strict=True) if math.isnan(w)}


def _viewers(t: float, value: float = 100.0) -> Event:
    return Event(ev.VIEWERS, T0 + t, value=value)


def test_a_silent_minute_gets_a_nan_point_in_every_series():
    d = ChartData()
    d.add([_viewers(10), _viewers(70, 120.0)])  # minutes 0 and 1
    d.add([_viewers(250, 90.0)])  # minute 4: minutes 2 and 3 had nothing
    x, y = d.online.view()
    assert _nan_minutes(x, y) == {2}  # one point at the gap's start breaks the line
    assert list(y[np.isfinite(y)]) == [100.0, 120.0, 90.0]
    for name in ("gmv_total", "orders_total", "gmv_rate", "orders_rate"):
        gx, gy = getattr(d, name).view()
        assert _nan_minutes(gx, gy) == {2}, name
    assert d.no_data.gaps == [(T0 // 60 + 2, T0 // 60 + 3)]
    assert np.isnan(d.online.envelope.view()[1]).any()  # the whole-show (coarse) view breaks too


def test_a_minute_with_only_a_comment_or_a_join_is_data():
    d = ChartData()
    d.add([_viewers(10), Event(ev.COMMENT, T0 + 70, user="u", text="好"), Event(ev.JOIN, T0 + 130, user="v"),
           _viewers(190)])
    for name in ChartData.SERIES:
        assert not np.isnan(getattr(d, name).view()[1]).any(), name
    assert d.no_data.gaps == []


def test_the_clock_passing_a_silent_minute_breaks_the_points_drawn_in_it():
    d = ChartData()
    d.add([_viewers(10)])
    for t in range(11, 200, 7):  # the display settles the open second as the clock moves on
        d.settle(T0 + t)
    x, y = d.gmv_rate.view()
    assert _nan_minutes(x, y) == {1, 2}  # minute 3 is still going: not judged yet
    assert not np.isnan(y[x < T0 + 60]).any()


def test_a_late_event_never_reopens_a_gap():
    m = NoDataMinutes()
    assert m.seen(T0) is None
    assert m.seen(T0 + 200) == (T0 // 60 + 1, T0 // 60 + 2)
    assert m.seen(T0 + 70) is None  # out of order: minute 1 stays judged
    assert m.passed_to(int(T0 // 60) + 6) == (T0 // 60 + 4, T0 // 60 + 5)
    assert m.passed_to(int(T0 // 60) + 7) == (T0 // 60 + 6, T0 // 60 + 6)
    assert m.gaps == [(T0 // 60 + 1, T0 // 60 + 2), (T0 // 60 + 4, T0 // 60 + 6)]


@pytest.mark.gui
def test_the_window_draws_the_gap_and_a_reload_keeps_it(window, clock):
    clock.t = T0
    window.act_start.trigger()
    window.service.ingest([Event(ev.VIEWERS, T0 + 5, value=800.0), Event(ev.VIEWERS, T0 + 65, value=820.0)])
    clock.t = T0 + 245  # minutes 2 and 3: no viewer sample, no feed event at all
    window.service.ingest([Event(ev.VIEWERS, T0 + 245, value=300.0)])
    window.run(commands.note, "a note is no feed data")
    window.charts_panel.redraw(force=True)
    curve = window.charts_panel.curves["online"]
    x, y = curve.getData()
    assert _nan_minutes(x, y) == {2}
    assert list(y[np.isfinite(y)]) == [800.0, 820.0, 300.0]
    assert curve.opts["connect"] == "finite" and not curve.opts["skipFiniteCheck"]
    reloaded = ChartData()
    reloaded.load(window.session.repo, window.service.show_id)
    assert _nan_minutes(*reloaded.online.view()) == {2}
