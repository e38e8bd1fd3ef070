"""Rolling metrics over a known feed, checked against figures worked out by hand."""

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.manual import manual_entry
from controlroom.core.metrics import minute_of

from .helpers import Driver

T0 = 1_767_225_600.0  # a whole UTC minute


def test_totals_from_a_known_feed():
    d = Driver()
    d.do(c.set_shelf, "P1", True)
    feed = [
        Event(ev.VIEWERS, T0 + 0, value=100, qty=100),
        Event(ev.VIEWERS, T0 + 30, value=300, qty=250),
        Event(ev.VIEWERS, T0 + 60, value=200, qty=400),
        Event(ev.COMMENT, T0 + 5, user="a", text="hi"),
        Event(ev.COMMENT, T0 + 6, user="a", text="again"),
        Event(ev.LIKE, T0 + 7, qty=10),
        Event(ev.SHARE, T0 + 8, user="b"),
        Event(ev.FOLLOW, T0 + 61, user="c"),
        Event(ev.ORDER, T0 + 62, user="a", product="P1", qty=1, value=59.0, ref="o1"),
        Event(ev.ORDER, T0 + 63, user="a", product="P1", qty=2, value=118.0, ref="o2"),
        Event(ev.ORDER, T0 + 64, user="d", product="P1", qty=1, value=59.0, ref="o3"),
    ]
    d.feed(*feed)
    t = d.state.metrics.totals()
    assert t.online == 200 and t.peak_online == 300 and t.views == 400
    assert (t.comments, t.likes, t.shares, t.follows) == (2, 10, 1, 1)
    assert t.orders == 3 and t.gmv == pytest.approx(236.0) and t.buyers == 2
    assert t.avg_order_value == pytest.approx(236 / 3)
    assert t.conversion == pytest.approx(2 / 400)
    # Little's law: area under the online curve (minute means × 60 s) ÷ entries.
    assert t.dwell_s == pytest.approx((200 * 60 + 200 * 60) / 400)
    # interactors in minute 0: a (comment ×2), anonymous like, b (share) → 3; minute 1: c → 1
    b0, b1 = (d.state.metrics.buckets[minute_of(T0) + i] for i in (0, 1))
    assert (b0.interactors, b1.interactors) == (3, 1)
    rate = d.state.metrics.interaction_rate(2, now=T0 + 70)
    assert rate == pytest.approx((3 + 1) / (200 + 200))


def test_empty_metrics_are_zero_not_errors():
    t = Driver().state.metrics.totals()
    assert (t.orders, t.gmv, t.conversion, t.dwell_s, t.interaction_rate, t.avg_order_value) == (0, 0, 0, 0, 0, 0)


def test_manual_entry_brings_totals_to_the_dashboard_figures():
    d = Driver()
    d.feed(*manual_entry(d.state, T0, online=1500, gmv_total=1000.0, orders_total=10))
    t = d.state.metrics.totals()
    assert (t.online, t.gmv, t.orders) == (1500, 1000.0, 10)
    d.feed(*manual_entry(d.state, T0 + 60, gmv_total=1500.0, orders_total=14))
    t = d.state.metrics.totals()
    assert (t.gmv, t.orders) == (1500.0, 14)
    assert d.state.queue.total_oversells() == 0


@pytest.mark.parametrize("kwargs,field", [
    ({"online": -5}, "online"), ({"gmv_total": 10.0}, "GMV"), ({"orders_total": 1}, "orders"),
])
def test_manual_entry_refuses_bad_or_lower_totals(kwargs, field):
    d = Driver()
    d.feed(*manual_entry(d.state, T0, gmv_total=100.0, orders_total=5))
    with pytest.raises(ValueError, match=field):
        manual_entry(d.state, T0 + 1, **kwargs)
