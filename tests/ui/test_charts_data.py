"""Chart buffers: appended on arrival, per-second roll-up, rolling per-minute sums."""

from __future__ import annotations

import threading

import pytest

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.ui.charts_data import RATE_WINDOW_S, ChartData, Series

T0 = 1_767_225_600.0


def order(ts: float, value: float) -> Event:
    return Event(ev.ORDER, ts, user="u", product="SKU-1", qty=1, value=value, ref=f"o{ts}-{value}")


def test_series_grows_past_its_capacity_and_keeps_every_point():
    s = Series(capacity=4)
    for i in range(10):
        s.append(float(i), float(i * i))
    s.extend(__import__("numpy").arange(10.0, 20.0), __import__("numpy").zeros(10))
    x, y = s.view()
    assert len(x) == 20 and x[9] == 9.0 and y[9] == 81.0 and x[-1] == 19.0


def test_orders_roll_up_per_second_into_cumulative_and_rolling_sums():
    d = ChartData()
    d.add([order(T0, 10.0), order(T0 + 0.5, 5.0), order(T0 + 1, 1.0)])
    d.add([Event(ev.LIKE, T0 + 2, qty=3)])  # any later event closes the second before it
    x, y = d.gmv_total.view()
    assert list(x) == [T0, T0 + 1] and list(y) == [15.0, 16.0]
    assert list(d.orders_total.view()[1]) == [2.0, 3.0]
    assert list(d.gmv_rate.view()[1]) == [15.0, 16.0]


def test_the_rolling_minute_forgets_what_is_older_than_the_window():
    d = ChartData()
    d.add([order(T0, 100.0)])
    d.add([Event(ev.LIKE, T0 + s) for s in range(1, RATE_WINDOW_S + 3)])
    rate = d.gmv_rate.view()[1]
    assert rate[0] == 100.0 and rate[RATE_WINDOW_S - 1] == 100.0 and rate[RATE_WINDOW_S] == 0.0
    assert d.gmv_total.last() == 100.0


def test_manual_totals_count_their_orders_and_viewers_are_per_sample():
    d = ChartData()
    manual = Event(ev.ORDER, T0, value=500.0, qty=4, ref="m1", flag=ev.FLAG_MANUAL, data={"orders": 4})
    d.add([manual, Event(ev.VIEWERS, T0 + 0.2, value=900.0), Event(ev.VIEWERS, T0 + 5, value=950.0)])
    assert list(d.online.view()[1]) == [900.0, 950.0]
    assert d.orders_total.last() == 4.0 and d.gmv_total.last() == 500.0
    assert d.online_at(__import__("numpy").array([T0 + 2.6]))[0] == pytest.approx(925.0)


def test_adding_from_another_thread_is_safe_and_every_event_counts():
    d = ChartData()

    def feed(offset: int) -> None:
        for s in range(200):
            d.add([Event(ev.VIEWERS, T0 + s, value=float(offset))])

    threads = [threading.Thread(target=feed, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert d.online.n == 800


def test_load_replays_viewers_and_orders_from_the_log(session):
    sku = session.service.state.queue.order[0]
    session.service.start()
    session.service.run(__import__("controlroom.core.commands", fromlist=["x"]).set_shelf, sku, True)
    now = session.service.now()
    session.service.ingest([Event(ev.VIEWERS, now + 1, value=700.0), order(now + 1, 9.9), Event(ev.LIKE, now + 3)])
    session.writer.flush()
    fresh = ChartData()
    fresh.load(session.repo, session.show_id)
    assert list(fresh.online.view()[1]) == [700.0]
    assert fresh.gmv_total.last() == pytest.approx(9.9)
