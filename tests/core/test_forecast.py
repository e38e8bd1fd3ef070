"""The sell-out forecast on constructed order streams (core/forecast.py): steady, a change of
pace, bursty, one big order, sold out, restocked; no recent orders; bounded memory; the same
rate whatever order the orders arrive in."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.forecast import KEEP_S, PRUNE_BATCH, OrderRates, unit_cap
from controlroom.core.show import status_dict

from .helpers import Driver

SKU = "T1"  # 100 in stock (tests/core/helpers.py)


class Stream:
    """A running show with T1 on shelf, fed orders on the driver's FakeClock."""

    def __init__(self, stock: int = 100) -> None:
        self.d = Driver()
        self.d.do(c.start)
        self.d.do(c.set_shelf, SKU, True)
        if stock != 100:
            self.d.do(c.set_stock, SKU, stock)
        self.n = 0

    def order(self, qty: int = 1, sku: str = SKU) -> None:
        self.n += 1
        self.d.feed(Event(ev.ORDER, self.d.clock.now(), user=f"u{self.n}", product=sku, qty=qty, value=9.9 * qty,
                          ref=f"o{self.n}"))

    def steady(self, seconds: int, every: int, qty: int = 1) -> None:
        """One order of `qty` every `every` seconds, for `seconds` (the clock moves first)."""
        for _ in range(seconds // every):
            self.d.clock.advance(every)
            self.order(qty)

    def wait(self, seconds: float) -> None:
        self.d.clock.advance(seconds)

    @property
    def now(self) -> float:
        return self.d.clock.now()

    def rate(self, sku: str = SKU) -> float | None:
        return self.d.state.rates.rate(sku, self.now)

    def status(self) -> dict:
        return status_dict(self.d.state.snapshot(self.now))

    def forecast(self, sku: str = SKU) -> int | None:
        return self.status()["forecast"][sku]

    def stock(self, sku: str = SKU) -> int:
        return self.d.state.queue.stock(sku)


def test_a_steady_stream_gives_its_rate_and_the_seconds_the_stock_left_lasts():
    s = Stream()
    s.steady(300, every=6)  # 10 orders a minute for 5 minutes: 50 sold, 50 left
    assert s.stock() == 50
    assert s.rate() == pytest.approx(10 / 60)
    assert s.forecast() == 300  # 50 units at 10 a minute


def test_a_faster_pace_shows_fully_within_a_minute_and_a_slower_one_mostly():
    s = Stream(stock=1000)
    s.steady(300, every=6)  # 10 a minute
    s.steady(60, every=2)  # then 30 a minute, for one minute
    assert s.rate() == pytest.approx(30 / 60)
    s.steady(60, every=10)  # then 6 a minute, for one minute
    assert s.rate() == pytest.approx(6 / 60)
    s.steady(60, every=30)  # then 2 a minute: one minute in, the window reaches back to the 5th order
    old, new = 6 / 60, 2 / 60
    assert abs(s.rate() - new) < abs(s.rate() - old) / 2  # far nearer the new pace than the old
    s.steady(240, every=30)
    assert s.rate() == pytest.approx(new, rel=0.15)


def test_bunches_of_orders_a_few_seconds_long_are_averaged_over_the_minute():
    """The host's countdown ("3, 2, 1, 上链接") brings three orders in two seconds every 15 s:
    12 a minute. The rate stays at 12 a minute at every second, between the bunches too."""
    s = Stream(stock=1000)
    rates = []
    for second in range(1, 301):
        s.wait(1)
        if second % 15 in (0, 1, 2):
            s.order()
        if second > 60:
            rates.append(s.rate())
    assert min(rates) == pytest.approx(12 / 60) and max(rates) == pytest.approx(12 / 60)


def test_one_big_order_does_not_throw_the_forecast():
    s = Stream(stock=200)
    s.steady(300, every=6)  # 10 a minute: 150 left
    assert s.forecast() == 900
    s.order(qty=50)  # one buyer takes 50: counted as 3 (3 × the median order, 1)
    assert s.stock() == 100
    uncapped = 100 / ((10 + 50) / 60)  # what counting the 50 units as pace would say: 100 s
    assert s.forecast() == round(100 / ((10 + 3) / 60))  # 462 s, where the pace alone says 600
    assert s.forecast() > 4 * uncapped
    s.steady(60, every=6)  # a minute later the big order has left the window
    assert s.forecast() == 540  # 90 left at 10 a minute


def test_a_first_order_that_is_big_counts_as_three_units():
    s = Stream()
    s.order(qty=40)
    assert s.rate() == pytest.approx(3 / 300)  # one order, no other in 5 minutes: the long window


def test_a_room_where_every_order_is_big_counts_every_unit():
    s = Stream(stock=10_000)
    s.steady(120, every=6, qty=10)  # 20 orders of 10: the median is 10, the cap 30
    assert s.rate() == pytest.approx(100 / 60)


def test_a_flash_sale_counts_the_window_s_orders_at_the_mean_of_its_last_50():
    s = Stream(stock=100_000)
    for _ in range(120):  # 10 orders a second for two minutes, of 1 and 2 units in turn
        s.wait(1)
        for i in range(10):
            s.order(qty=1 + i % 2)
    assert s.rate() == pytest.approx(600 * 1.5 / 60)


def test_sold_out_is_zero_and_a_restock_gives_a_forecast_again():
    s = Stream(stock=30)
    s.steady(150, every=6)  # 25 sold, 5 left at 10 a minute
    assert s.forecast() == 30
    s.steady(30, every=6)
    assert s.stock() == 0 and s.forecast() == 0
    s.order()  # an order on a sold-out product: an oversell, stock below zero, still 0
    assert s.stock() == -1 and s.forecast() == 0
    s.d.do(c.set_stock, SKU, 61)  # stock_adjusted up: 61 left
    assert s.forecast() == round(61 / (11 / 60))  # the last minute's pace, its 11 orders (the oversell too)
    s.steady(60, every=6)
    assert s.forecast() == 306  # 51 left at 10 a minute


def test_no_recent_order_is_no_forecast_and_only_products_on_shelf_have_one():
    s = Stream()
    assert s.status()["forecast"] == {SKU: None}  # on shelf, nothing sold yet
    s.steady(60, every=6)
    s.order(sku="P1")  # P1 is off shelf: flagged, counted, and no forecast for it
    assert set(s.status()["forecast"]) == {SKU}
    s.wait(299)
    assert s.forecast() is not None  # the last order is 299 s old: the long window holds it
    s.wait(1)
    assert s.forecast() is None
    s.d.do(c.set_shelf, "P1", True)
    assert s.status()["forecast"] == {SKU: None, "P1": None}  # P1's order is 300 s old
    s.d.do(c.set_shelf, SKU, False)
    assert s.status()["forecast"] == {"P1": None}


def test_unknown_and_manual_orders_carry_no_pace():
    s = Stream()
    s.d.feed(Event(ev.ORDER, s.now, product="nope", qty=1, value=1, ref="x"),
             Event(ev.ORDER, s.now, product=SKU, qty=5, value=10, ref="m", flag=ev.FLAG_MANUAL))
    assert s.rate() is None


def test_unit_cap_is_three_times_the_median_padded_with_one_unit_orders():
    assert unit_cap([]) == 3
    assert unit_cap([50]) == 3
    assert unit_cap([2, 2, 2]) == 6  # 1, 1, 2, 2, 2
    assert unit_cap([3, 3, 3, 3, 3, 3]) == 9
    assert unit_cap([1, 2, 2, 1, 1, 2]) == 5  # median 1.5 → 4.5 → 5


def test_memory_holds_what_the_window_needs_of_a_six_hour_show_of_100k_orders():
    rates, rng, t0, hours = OrderRates(), random.Random(3), 1_767_261_600.0, 6
    for i in range(100_000):
        ts = t0 + i * hours * 3600 / 100_000 - rng.uniform(0, 60)  # up to a minute late
        rates.add(Event(ev.ORDER, ts, product=f"S{i % 20}", qty=1, ref=f"o{i}"))
    kept = sum(len(v) for v in rates.orders.values())
    in_keep = 100_000 * (KEEP_S + 60) / (hours * 3600)  # the orders of the last KEEP_S (and a minute late)
    assert kept <= in_keep + 20 * PRUNE_BATCH < 7500  # older ones dropped in batches


ORDERS = st.lists(st.tuples(st.integers(0, 1800), st.integers(1, 60), st.sampled_from(["A", "B"]),
                            st.sampled_from([None, ev.FLAG_OFF_SHELF, ev.FLAG_MANUAL])), max_size=60)


@settings(max_examples=200, deadline=None)
@given(orders=ORDERS, seed=st.integers(0, 10**6), at=st.lists(st.integers(0, 2100), min_size=1, max_size=5))
def test_the_rate_does_not_depend_on_the_order_the_orders_arrive_in(orders, seed, at):
    """Live, orders arrive late and out of order; replayed, they come in time order."""
    events = [Event(ev.ORDER, 1000.0 + ts + 0.5, product=sku, qty=qty, flag=flag) for ts, qty, sku, flag in orders]
    live, replayed = OrderRates(), OrderRates()
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    for e in shuffled:
        live.add(e)
    for e in sorted(events, key=lambda e: e.ts):
        replayed.add(e)
    for t in at:
        for sku in ("A", "B"):
            assert live.rate(sku, 1000.0 + t) == replayed.rate(sku, 1000.0 + t)
