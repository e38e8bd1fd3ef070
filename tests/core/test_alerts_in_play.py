"""Stock alerts only for products in play: on shelf, explained, sold by a segment of the
plan, or already sold. The rest of the catalogue stays quiet, before the start and during."""

from controlroom.core import alerts as a
from controlroom.core import commands as c
from controlroom.core.settings import ShowSettings

from .helpers import Driver


def stock_alerts(d):
    return {(x.code, x.subject) for x in d.state.snapshot(d.clock.now()).alerts if x.code in (a.LOW_STOCK, a.SOLD_OUT)}


def test_a_low_product_off_shelf_and_not_in_the_plan_raises_nothing_until_it_is_put_on_shelf():
    d = Driver()  # I1 (围巾) has 5 in stock, below the default 10; no segment sells it
    assert stock_alerts(d) == set()
    d.do(c.start)
    assert stock_alerts(d) == set()
    d.do(c.set_shelf, "I1", True)
    assert stock_alerts(d) == {(a.LOW_STOCK, "I1")}
    d.do(c.set_shelf, "I1", False)
    assert stock_alerts(d) == set()
    d.do(c.explain, "I1")
    assert stock_alerts(d) == {(a.LOW_STOCK, "I1")}


def test_a_product_the_plan_sells_is_in_play_before_the_start():
    d = Driver(settings=ShowSettings(low_stock_units=25))  # P1 (20 left) is sold by segment slot2
    assert stock_alerts(d) == {(a.LOW_STOCK, "P1")}
