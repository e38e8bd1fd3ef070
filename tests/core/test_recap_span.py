"""One definition of "after the end" (core/show_span.py) and one sold-out rule
(core/queue.py sold_out_since), the same in the live queue and in the recap."""

from __future__ import annotations

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.recap import RecapFold, recap_of
from controlroom.core.recap_figures import P_SOLD_OUT
from controlroom.core.show_span import EndWatch, ended_at, is_after_end

from .helpers import Driver


def _sell(d: Driver, sku: str, qty: int, ref: str) -> None:
    price = d.state.queue.products[sku].price
    d.feed(Event(ev.ORDER, d.clock.now(), user=f"b-{ref}", product=sku, qty=qty, value=price * qty, ref=ref))


def test_after_the_end_is_strictly_later_than_the_first_show_ended():
    log = [Event(ev.SHOW_STARTED, 0.0), Event(ev.SHOW_ENDED, 100.0), Event(ev.SHOW_ENDED, 200.0)]
    assert ended_at(log) == 100.0  # a second end (a hand-edited log) changes nothing
    assert ended_at(log[:1]) is None
    assert not is_after_end(100.0, 100.0) and is_after_end(100.001, 100.0)
    assert not is_after_end(1e12, None)  # not ended: nothing is after the end


def test_the_end_watch_classifies_a_log_in_time_order():
    watch = EndWatch()
    log = [Event(ev.ORDER, 99.0), Event(ev.SHOW_ENDED, 100.0), Event(ev.ORDER, 100.0), Event(ev.LIKE, 100.5),
           Event(ev.SHOW_ENDED, 101.0)]
    assert [watch.after_end(e) for e in log] == [False, False, False, True, True]
    assert watch.ended_at == 100.0


def test_the_recap_fold_says_which_events_came_after_the_end():
    d = Driver()
    d.do(c.start)
    d.do(c.set_shelf, "T1", True)
    d.at(60)
    _sell(d, "T1", 1, "in")
    d.do(c.end_show)
    _sell(d, "T1", 1, "at-end")
    d.at(1)
    _sell(d, "T1", 2, "late")
    fold = RecapFold(d.state)
    flags = [fold.add(e) for e in d.log]
    assert flags == [False] * (len(d.log) - 1) + [True]
    recap = fold.finish()
    assert (recap.kpis.orders, recap.after_end.orders, recap.after_end.quantity) == (2, 1, 2)
    stock = next(p for p in recap.products if p.sku == "T1").stock_end
    assert stock == 100 - 2  # at the show's end: the late order is not the show's


def test_sold_out_resets_on_restock_in_the_recap_as_in_the_queue():
    d = Driver()
    d.do(c.start)
    d.do(c.set_shelf, "I1", True)
    d.at(10)
    _sell(d, "I1", 5, "a")  # all five: sold out
    first = d.clock.now()
    d.at(10)
    d.do(c.set_stock, "I1", 3)  # restocked: no longer sold out
    d.at(10)
    _sell(d, "I1", 3, "b")  # sold out again
    again = d.clock.now()
    d.at(10)
    d.do(c.end_show)
    queue_says = d.state.queue.sales["I1"].sold_out_at
    product = next(p for p in recap_of(d.state, d.log).products if p.sku == "I1")
    assert product.sold_out_at == queue_says == again
    assert product.sold_out_times == [first, again]
    problems = [p.ts for p in recap_of(d.state, d.log).problems if p.code == P_SOLD_OUT]
    assert problems == [first, again]  # each sell-out is a problem, restocked or not


def test_a_product_restocked_before_the_end_is_not_sold_out_in_either():
    d = Driver()
    d.do(c.start)
    d.do(c.set_shelf, "I1", True)
    d.at(10)
    _sell(d, "I1", 5, "a")
    d.at(10)
    d.do(c.set_stock, "I1", 2)
    d.do(c.end_show)
    product = next(p for p in recap_of(d.state, d.log).products if p.sku == "I1")
    assert product.sold_out_at is None and d.state.queue.sales["I1"].sold_out_at is None
    assert product.stock_end == 2
