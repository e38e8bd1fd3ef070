"""The product queue: shelves, explaining, stock and the orders nobody expected."""

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.events import Event

from .helpers import Driver


def order(d, sku, qty=1, ref=None, amount=None, buyer="b1"):
    price = d.state.queue.products[sku].price if sku in d.state.queue.products else 1.0
    e = Event(ev.ORDER, d.clock.now(), user=buyer, product=sku, qty=qty,
              value=amount if amount is not None else price * qty, ref=ref)
    d.feed(e)
    return e


def test_shelf_toggle_and_explaining():
    d = Driver()
    d.do(c.toggle_shelf, "T1")
    assert d.state.queue.on_shelf == {"T1"}
    d.do(c.explain, "T1")
    assert d.state.queue.explaining == "T1"
    d.clock.advance(60)
    d.do(c.toggle_shelf, "T1")
    assert d.state.queue.on_shelf == set() and d.state.queue.explaining is None
    (start, end), = d.state.queue.shelf_times["T1"]
    assert end - start == 60
    assert d.do(c.set_shelf, "T1", False) == []  # already off: nothing logged


def test_orders_decrement_stock_and_count_sales():
    d = Driver()
    d.do(c.set_shelf, "P1", True)
    e = order(d, "P1", qty=3)
    assert e.flag is None
    q = d.state.queue
    assert q.stock("P1") == 17
    assert q.sales["P1"].orders == 1 and q.sales["P1"].quantity == 3 and q.sales["P1"].gmv == pytest.approx(177)


def test_unexpected_orders_are_counted_and_flagged_never_dropped():
    d = Driver()
    off = order(d, "P1", ref="A")  # off shelf
    unknown = order(d, "NOPE", ref="B")
    d.do(c.set_shelf, "I1", True)
    too_many = order(d, "I1", qty=6, ref="C")  # 5 in stock
    sold_out = order(d, "I1", qty=1, ref="D")
    assert [off.flag, unknown.flag, too_many.flag, sold_out.flag] == [
        ev.FLAG_OFF_SHELF, ev.FLAG_UNKNOWN_PRODUCT, ev.FLAG_OVERSELL, ev.FLAG_SOLD_OUT]
    q = d.state.queue
    assert q.total_oversells() == 4
    assert q.stock("I1") == -2  # oversold: visible, not hidden
    assert d.state.metrics.totals().orders == 4


def test_a_repeated_order_id_counts_once():
    d = Driver()
    d.do(c.set_shelf, "T1", True)
    order(d, "T1", ref="X1")
    order(d, "T1", ref="X1")
    assert d.state.queue.sales["T1"].orders == 1
    assert d.state.metrics.totals().orders == 1


def test_orders_may_name_the_product_instead_of_the_sku():
    d = Driver()
    d.do(c.set_shelf, "P1", True)
    e = order(d, "面膜")
    assert e.product == "P1" and e.flag is None


def test_low_stock_sold_out_and_restock():
    d = Driver()
    d.do(c.set_shelf, "I1", True)
    order(d, "I1", qty=4)
    q = d.state.queue
    assert q.is_low("I1", 10) and not q.is_sold_out("I1")
    d.clock.advance(30)
    order(d, "I1", qty=1)
    assert q.is_sold_out("I1") and q.sales["I1"].sold_out_at == d.clock.now()
    d.do(c.set_stock, "I1", 10, "restock")
    assert q.stock("I1") == 10 and q.sales["I1"].sold_out_at is None
    ev_ = d.log[-1]
    assert ev_.kind == ev.STOCK_ADJUSTED and ev_.qty == 10 and ev_.value == 10


@pytest.mark.parametrize("stock", [-1, 2.5, "7"])
def test_bad_stock_is_refused_and_nothing_logged(stock):
    d = Driver()
    with pytest.raises(CommandError, match="I1"):
        d.do(c.set_stock, "I1", stock)
    assert d.log == [] and d.state.queue.stock("I1") == 5


def test_unknown_sku_commands_are_refused():
    d = Driver()
    with pytest.raises(CommandError, match="NOPE"):
        d.do(c.toggle_shelf, "NOPE")
