"""Slot targets on hand-built shows (FakeClock) with known answers: the slot on air against
its targets, the show's money ahead/behind the plan, late orders, typed-in totals, the log's
plan_set with and without targets, and the default targets from a room's history."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from controlroom.core import commands as c
from controlroom.core import edit_log
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.show import status_dict
from controlroom.core.targets import AirRate, SalesTimeline, air_history, combine, default_targets
from tests.core.helpers import Driver, small_plan


def targeted_plan() -> Plan:
    plan = small_plan()
    plan.segments[1] = replace(plan.segments[1], gmv_target=1000.0, orders_target=10)  # slot1, 300 s
    plan.segments[3] = replace(plan.segments[3], gmv_target=600.0)  # slot2, 300 s
    return plan


def order(ts: float, value: float, sku: str = "T1", ref: str | None = None) -> Event:
    return Event(ev.ORDER, ts, user="u", product=sku, value=value, qty=1, ref=ref)


def test_the_slot_on_air_and_the_show_against_the_plan():
    d = Driver(targeted_plan())
    d.do(c.start)  # opening, no target
    d.clock.advance(100)
    d.feed(order(d.clock.now(), 50.0, ref="o1"))  # in the opening: no target, not counted
    d.clock.advance(200)
    d.do(c.next_segment)  # slot1 at 300 s
    t0 = d.clock.now()
    d.feed(order(t0 + 10, 120.5, ref="o2"), order(t0 + 20, 79.5, ref="o3"))
    d.clock.advance(60)  # 60 s of 300: a fifth of the slot
    out = status_dict(d.state.snapshot(d.clock.now()))["targets"]
    assert out["slot"] == {"gmv": 200.0, "orders": 2, "gmv_target": 1000.0, "orders_target": 10,
                           "gmv_left": 800.0, "orders_left": 8}
    assert out["show"] == {"expected_gmv": 200.0, "gmv": 200.0, "ahead_gmv": 0.0}
    d.clock.advance(90)  # 150 s: half the slot
    assert status_dict(d.state.snapshot(d.clock.now()))["targets"]["show"]["ahead_gmv"] == -300.0
    d.do(c.next_segment)  # interaction: slot1 counts its whole target now
    d.clock.advance(30)
    out = status_dict(d.state.snapshot(d.clock.now()))["targets"]
    assert out["slot"] == {"gmv": 0.0, "orders": 0, "gmv_target": None, "orders_target": None,
                           "gmv_left": None, "orders_left": None}
    assert out["show"] == {"expected_gmv": 1000.0, "gmv": 200.0, "ahead_gmv": -800.0}


def test_a_late_order_counts_in_the_run_of_its_time_and_a_pause_stops_the_pro_rating():
    d = Driver(targeted_plan())
    d.do(c.start)
    d.do(c.jump, 1)  # slot1
    t0 = d.clock.now()
    d.clock.advance(30)
    d.do(c.next_segment)  # the interaction
    d.clock.advance(30)
    d.feed(order(t0 + 5, 300.0, ref="late"))  # arrives now, stamped in slot1
    d.feed(order(t0 + 40, 1.0, ref="in-inter"))
    snap = d.state.snapshot(d.clock.now())
    assert status_dict(snap)["targets"]["show"] == {"expected_gmv": 1000.0, "gmv": 300.0, "ahead_gmv": -700.0}
    d.do(c.jump, 3)  # slot2: 600 target over 300 s
    d.clock.advance(150)
    d.do(c.pause)
    d.clock.advance(600)  # paused: its share stays a half
    assert status_dict(d.state.snapshot(d.clock.now()))["targets"]["show"]["expected_gmv"] == 1300.0


def test_a_typed_in_total_counts_its_orders_and_money_in_the_slot():
    d = Driver(targeted_plan())
    d.do(c.start)
    d.do(c.jump, 1)
    d.clock.advance(10)
    d.feed(Event(ev.ORDER, d.clock.now(), value=99.99, flag=ev.FLAG_MANUAL, data={"orders": 3}))
    slot = status_dict(d.state.snapshot(d.clock.now()))["targets"]["slot"]
    assert (slot["gmv"], slot["orders"]) == (99.99, 3)


def test_a_plan_without_targets_has_none_and_says_so():
    d = Driver()
    d.do(c.start)
    out = status_dict(d.state.snapshot(d.clock.now()))["targets"]
    assert out["has_targets"] is False and out["show"]["expected_gmv"] == 0.0


def test_targets_travel_in_plan_set_and_an_older_log_without_them_still_replays():
    plan = targeted_plan()
    e = edit_log.plan_set(1.0, plan)
    assert e.data["segments"][1]["gmv_target"] == 1000.0 and "gmv_target" not in e.data["segments"][0]
    d = Driver()
    d.state.apply(e)
    assert [(s.gmv_target, s.orders_target) for s in d.state.plan.segments][1] == (1000.0, 10)
    old = {"segments": [{"uid": "a", "kind": "free", "title": "x", "planned_s": 60.0, "product": None, "notes": ""}]}
    d.state.apply(Event(ev.PLAN_SET, 2.0, data=old))
    assert [(s.uid, s.gmv_target, s.orders_target) for s in d.state.plan.segments] == [("a", None, None)]
    bad = {"segments": [{**old["segments"][0], "gmv_target": -1}]}
    d.state.apply(Event(ev.PLAN_SET, 3.0, data=bad))  # a hand-edited log: left out, the plan stays
    assert [s.uid for s in d.state.plan.segments] == ["a"]


@pytest.mark.parametrize(("gmv", "orders", "why"), [
    (-1.0, None, "GMV target"), (float("nan"), None, "GMV target"), (float("inf"), None, "GMV target"),
    (None, -2, "order target"), (None, 1.5, "order target"), (True, None, "GMV target"),
])
def test_a_bad_target_is_refused_naming_the_segment(gmv, orders, why):
    seg = Segment(SegmentKind.FREE, "抽奖时间", 60.0, gmv_target=gmv, orders_target=orders)
    with pytest.raises(ValueError, match=f"抽奖时间.*{why}"):
        seg.validate()


def test_the_timeline_sums_between_times_with_late_orders_inserted():
    t = SalesTimeline()
    for ts, v in [(10, 1.0), (20, 2.0), (30, 4.0)]:
        t.add(order(ts, v))
    assert t.between(10, 30) == (2, 300)
    t.add(order(15, 8.0))
    t.add(order(5, 16.0))
    assert t.between(0, 100) == (5, 3100) and t.between(15, 20) == (1, 800) and t.between(31, 40) == (0, 0)


def test_air_history_counts_the_products_orders_while_its_slot_was_on_air():
    plan = small_plan()
    log = [Event(ev.SHOW_STARTED, 0.0), Event(ev.SEGMENT_STARTED, 0.0, ref="open"),
           Event(ev.SEGMENT_STARTED, 100.0, ref="slot1"),
           order(110, 9.9), order(150, 9.9), order(160, 59.0, sku="P1"),
           Event(ev.SEGMENT_STARTED, 220.0, ref="inter"), order(230, 9.9),
           Event(ev.SEGMENT_STARTED, 300.0, ref="slot1"), order(310, 9.9),
           Event(ev.SHOW_ENDED, 340.0)]
    rates = air_history(plan, log)
    assert rates == {"T1": AirRate(3, 160.0)}  # 120 s + 40 s on air, 3 orders of T1 then
    both = combine([rates, {"T1": AirRate(1, 80.0), "P1": AirRate(2, 60.0)}])
    assert both["T1"] == AirRate(4, 240.0)
    slot = plan.segments[1]  # 300 s of T1: 1 order a minute → 5 orders, ¥49.5
    assert default_targets(slot, 9.9, both) == (49.5, 5)
    assert default_targets(plan.segments[3], 59.0, {}) == (None, None)  # no history: left empty


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10_000), st.booleans()), max_size=40),
       st.integers(0, 55), st.integers(0, 55))
@settings(max_examples=300, deadline=None)
def test_the_timeline_agrees_with_plain_sums_whatever_the_arrival_order(items, start, end):
    """Orders in any order (late ones among them), asked at any moment: the running sums
    give what summing the orders stamped in [start, end) gives."""
    t, seen = SalesTimeline(), []
    for ts, amount, ask in items:
        t.add(order(float(ts), amount / 100))
        seen.append((ts, amount))
        if ask:  # questions between arrivals: the sums brought up to date, the span remembered
            t.between(0, 100)
            t.between(float(start), float(end))
    inside = [a for ts, a in seen if start <= ts < end]
    assert t.between(float(start), float(end)) == (len(inside), sum(inside))
