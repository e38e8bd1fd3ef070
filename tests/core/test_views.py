"""The window's views (core/views.py): what a RoomView holds, that it is frozen, and that
it never changes when the show goes on — unlike the Snapshot, which holds the live queue."""

from __future__ import annotations

import dataclasses

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.edit_log import product_updated
from controlroom.core.events import Event
from controlroom.core.products import Role
from controlroom.core.views import Health, edit_source, interaction_rates, next_incident_ref, room_view
from tests.core.helpers import Driver


def order(d: Driver, sku: str, qty: int, ref: str, value: float = 10.0) -> Event:
    return Event(ev.ORDER, d.clock.now(), user=f"u-{ref}", product=sku, qty=qty, value=value, ref=ref)


def a_show_under_way() -> Driver:
    d = Driver()
    d.do(c.start)
    d.do(c.next_segment)
    d.do(c.set_shelf, "T1", True)
    d.do(c.explain, "T1")
    d.do(c.mark_promo, "T1")
    d.do(c.mark_promo, "T1")
    d.do(c.set_stock, "P1", 4)
    d.do(c.open_incident, "technical: stutter", "INC-1")
    d.do(c.tick_checklist, "network", True)
    d.feed(order(d, "T1", 3, "o1", 29.7), Event(ev.VIEWERS, d.clock.now(), value=800.0))
    return d


def test_rows_hold_what_the_queue_shows_for_each_product():
    d = a_show_under_way()
    view = room_view(d.state, d.clock.now(), Health())
    rows = {r.sku: r for r in view.queue}
    assert [r.sku for r in view.queue] == ["T1", "P1", "I1"]
    t1, p1 = rows["T1"], rows["P1"]
    assert (t1.name, t1.role, t1.price, t1.promo, t1.selling_points) == ("防晒袖套", Role.TRAFFIC, 9.9, "半价", "凉感")
    assert (t1.stock_left, t1.sold, t1.gmv, t1.on_shelf, t1.explaining, t1.promo_count) == (97, 3, 29.7, True, True, 2)
    assert (p1.stock_left, p1.low, p1.sold_out, p1.on_shelf, p1.promo_count) == (4, True, False, False, 0)
    assert view.explaining == "T1" and view.product("T1") is t1 and view.product(None) is None
    assert [(i.ref, i.text) for i in view.open_incidents] == [("INC-1", "technical: stutter")]
    assert dict(view.checklist) == {"network": True}
    assert view.info.started_at == d.state.timer.started_at and view.info.ended_at is None
    assert [r.uid for r in view.runs] == ["open", "slot1"] and view.runs[-1].ended_at is None
    assert view.titles()["slot1"] == "防晒袖套" and view.names()["I1"] == "围巾"
    snap = d.state.snapshot(d.clock.now())
    assert (view.totals, list(view.alerts), view.pacing.remaining_s) == (snap.totals, snap.alerts, snap.pacing.remaining_s)
    q, low = d.state.queue, d.state.settings.low_stock_units
    for stock in (0, 1, low, low + 1):  # low and sold out by the queue's own rules
        d.do(c.set_stock, "I1", stock)
        row = room_view(d.state, d.clock.now(), Health()).product("I1")
        assert (row.stock_left, row.low, row.sold_out) == (stock, q.is_low("I1", low), q.is_sold_out("I1"))


def test_a_view_never_changes_when_the_show_goes_on():
    d = a_show_under_way()
    now = d.clock.now()
    view, snap = room_view(d.state, now, Health()), d.state.snapshot(now)
    seen, snap_stock = repr(view), snap.queue.stock("T1")
    d.clock.advance(30)
    d.feed(order(d, "T1", 5, "o2"))
    d.do(c.set_shelf, "T1", False)
    d.do(c.close_incident, "INC-1")
    d.do(c.tick_checklist, "network", False)
    d.do(c.mark_promo, "T1")
    old = d.state.queue.products["P1"]
    d.state.apply(product_updated(d.clock.now(), old, dataclasses.replace(old, name="新面膜", price=49.0)))
    assert repr(view) == seen  # every row, mapping and segment as it was
    assert snap.queue.stock("T1") != snap_stock  # the Snapshot's queue is the live one
    later = room_view(d.state, d.clock.now(), Health())
    assert later.product("T1").stock_left == 92 and not later.product("T1").on_shelf
    assert later.product("P1").name == "新面膜" and later.open_incidents == ()


def test_a_view_cannot_be_written_to():
    d = a_show_under_way()
    view = room_view(d.state, d.clock.now(), Health())
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.host_message = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        view.queue[0].stock_left = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        view.checklist["network"] = False  # type: ignore[index]
    view.pacing.segment.title = "changed in the view"  # a copy: the plan is not touched
    assert d.state.plan.segments[1].title == "防晒袖套"


def test_an_edit_source_is_a_copy_of_the_plan_and_products():
    d = a_show_under_way()
    source = edit_source(d.state)
    plan, products = source.plan(), source.product_list()
    plan.segments[0].title = "改"
    products[0].price = 1.0
    assert d.state.plan.segments[0].title == "开场" and d.state.queue.products["T1"].price == 9.9
    assert source.plan().segments[0].title == "开场" and [p.sku for p in products] == ["T1", "P1", "I1"]
    assert source.started and source.usage.live == {"T1": "is on air"}
    assert source.usage.stock_history == {"T1", "P1"} and source.planned_minutes == 30


def test_the_next_incident_ref_skips_refs_taken_by_anyone():
    assert next_incident_ref({}) == "INC-1"
    assert next_incident_ref({"INC-1": 0, "api-7": 0}) == "INC-3"
    assert next_incident_ref({"INC-2": 0}) == "INC-3"
    assert next_incident_ref({"INC-1", "INC-2", "INC-3"}) == "INC-4"


def test_interaction_rates_are_the_metrics_per_minute():
    d = a_show_under_way()
    t0 = d.clock.now()
    for minute in range(5):
        d.clock.advance(60)
        d.feed(Event(ev.VIEWERS, d.clock.now(), value=100.0 + minute),
               Event(ev.COMMENT, d.clock.now(), user=f"c{minute}", text="好"))
    m, window = d.state.metrics, d.state.settings.viewer_drop_window_minutes
    rates = interaction_rates(m, window, None, d.clock.now())
    assert [r for _, r in rates] == [m.interaction_rate(window, now=k * 60.0 + 59) for k, _ in rates]
    assert rates[0][0] == min(m.buckets) and rates[-1][0] == int(d.clock.now() // 60)
    assert interaction_rates(m, window, rates[-2][0], d.clock.now()) == rates[-2:]
    assert rates[0][0] == int(t0 // 60)


def test_health_says_when_the_window_must_warn():
    assert not Health.of({"unsaved": 12, "unavailable": None, "set_aside": 0}).troubled
    assert Health.of({"unsaved": 12, "unavailable": "the disk is full", "set_aside": 0}).troubled
    assert Health.of({"unsaved": 0, "unavailable": None, "set_aside": 2}, "/x.jsonl") == Health(0, None, 2, "/x.jsonl")


def test_after_the_end_no_product_is_shown_as_being_explained():
    d = a_show_under_way()
    assert room_view(d.state, d.clock.now(), Health()).explaining == "T1"
    d.do(c.end_show)
    view = room_view(d.state, d.clock.now(), Health())
    assert view.explaining is None and not any(r.explaining for r in view.queue)
    assert view.product("T1").on_shelf  # the shelf is as it was left: the platform's, until taken down
