"""The sell-out alert (sellout_soon): a product on shelf that sells out within
`sellout_alert_minutes` at the current rate; not for products off shelf, not before the
start nor after the end, not once sold out (that is SOLD_OUT)."""

from __future__ import annotations

from controlroom.core import alerts as a
from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.settings import ShowSettings

from .helpers import Driver
from .test_forecast import SKU, Stream


def sellout(d: Driver) -> list[a.Alert]:
    return [x for x in d.state.snapshot(d.clock.now()).alerts if x.code == a.SELLOUT_SOON]


def test_the_alert_fires_when_the_forecast_reaches_the_setting_and_says_the_minutes():
    s = Stream(stock=101)
    s.steady(300, every=6)  # 10 a minute, 51 left: 306 s
    assert s.forecast() == 306 and sellout(s.d) == []
    s.steady(6, every=6)  # 50 left: 300 s, the default 5 minutes
    [alert] = sellout(s.d)
    assert (alert.subject, alert.severity, alert.params) == (SKU, "warning", {"a": "防晒袖套", "b": "5"})
    assert alert.message == "防晒袖套 sells out in about 5 min"
    assert "sellout_soon" in [x["code"] for x in s.status()["alerts"]]


def test_the_setting_moves_the_alert_and_zero_turns_it_off():
    s = Stream(stock=80)
    s.d.state.settings = ShowSettings(sellout_alert_minutes=2)
    s.steady(300, every=6)  # 30 left: 180 s
    assert sellout(s.d) == []
    s.steady(60, every=6)  # 20 left: 120 s
    assert [x.params["b"] for x in sellout(s.d)] == ["2"]
    s.d.state.settings = ShowSettings(sellout_alert_minutes=0)
    assert sellout(s.d) == []


def test_no_alert_for_a_product_off_shelf_even_when_it_sells_fast():
    s = Stream()
    for _ in range(10):  # P1 (20 in stock) is off shelf: its orders are flagged and counted
        s.wait(3)
        s.order(sku="P1")
    assert s.stock("P1") == 10
    assert "P1" not in s.status()["forecast"] and sellout(s.d) == []
    s.d.do(c.set_shelf, "P1", True)  # on shelf, the same orders: 10 left at 10 a minute
    assert s.forecast("P1") == 60
    assert [x.subject for x in sellout(s.d)] == ["P1"]


def test_sold_out_raises_sold_out_not_sells_out_soon():
    s = Stream(stock=12)
    s.steady(60, every=6)  # 2 left at 10 a minute: 12 s
    assert [x.subject for x in sellout(s.d)] == [SKU]
    s.steady(12, every=6)
    codes = [x.code for x in s.d.state.snapshot(s.now).alerts if x.subject == SKU]
    assert a.SOLD_OUT in codes and a.SELLOUT_SOON not in codes


def test_none_before_the_start_or_after_the_end_and_on_while_paused():
    d = Driver()
    d.do(c.set_shelf, SKU, True)  # on shelf before the start; orders come in early
    for i in range(30):
        d.clock.advance(2)
        d.feed(Event(ev.ORDER, d.clock.now(), product=SKU, qty=1, value=9.9, ref=f"o{i}"))
    assert d.state.snapshot(d.clock.now()).forecast[SKU] is not None
    assert sellout(d) == []
    d.do(c.start)
    assert [x.subject for x in sellout(d)] == [SKU]  # 70 left at 30 a minute: 140 s
    d.do(c.toggle_pause)
    assert [x.subject for x in sellout(d)] == [SKU]  # the stream goes on while the segment's timer stops
    d.do(c.end_show)
    assert sellout(d) == []
