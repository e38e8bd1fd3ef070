"""Each alert fires when its rule says, and not before."""

from controlroom.core import alerts as a
from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.settings import ShowSettings

from .helpers import Driver


def codes(d):
    return {x.code for x in d.state.snapshot(d.clock.now()).alerts}


def test_slot_overrun_and_interaction_alerts():
    d = Driver()
    d.do(c.start)
    d.do(c.next_segment)
    d.clock.advance(299)
    assert a.SLOT_OVERRUN not in codes(d)
    d.clock.advance(2)
    assert a.SLOT_OVERRUN in codes(d)
    d.clock.advance(300)  # 600 s since the show's start
    assert a.INTERACTION_DUE in codes(d)
    d.clock.advance(300)
    assert a.INTERACTION_OVERDUE in codes(d) and a.INTERACTION_DUE not in codes(d)


def test_final_push_alert():
    d = Driver()
    d.do(c.start)
    d.do(c.jump, 4)
    assert a.FINAL_PUSH in codes(d)


def test_stock_alerts_and_oversell():
    d = Driver()
    d.do(c.start)
    d.do(c.set_shelf, "I1", True)
    d.feed(Event(ev.ORDER, d.clock.now(), product="I1", qty=1, value=699, ref="1"))
    assert a.LOW_STOCK in codes(d)
    d.feed(Event(ev.ORDER, d.clock.now(), product="I1", qty=4, value=699 * 4, ref="2"))
    assert a.SOLD_OUT in codes(d) and a.OVERSELL not in codes(d)
    d.feed(Event(ev.ORDER, d.clock.now(), product="I1", qty=1, value=699, ref="3"))
    assert a.OVERSELL in codes(d)


def test_viewer_drop_within_the_window():
    d = Driver(settings=ShowSettings(viewer_drop_percent=20, viewer_drop_window_minutes=5))
    d.do(c.start)
    t = d.clock.now()
    d.feed(Event(ev.VIEWERS, t, value=1000))
    d.clock.advance(60)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=850))
    assert a.VIEWER_DROP not in codes(d)
    d.clock.advance(60)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=790))
    assert a.VIEWER_DROP in codes(d)
    d.clock.advance(600)  # the peak is out of the window now, and the sample is stale
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=780))
    assert a.VIEWER_DROP not in codes(d)


def test_negative_comment_spike():
    d = Driver(settings=ShowSettings(negative_spike_per_minute=3))
    d.do(c.start)
    for i in range(3):
        d.feed(Event(ev.COMMENT, d.clock.now(), user=f"u{i}", text="假货", flag="negative"))
    assert a.NEGATIVE_SPIKE in codes(d)


def test_no_pacing_alerts_before_the_start_or_after_the_end():
    d = Driver()
    d.clock.advance(3600)
    assert codes(d) == set()  # pacing does not matter yet; the low I1 is not in play (test_alerts_in_play.py)
    d.do(c.start)
    d.clock.advance(1000)
    d.do(c.end_show)
    d.clock.advance(1000)
    assert not codes(d) & {a.SLOT_OVERRUN, a.INTERACTION_OVERDUE, a.FINAL_PUSH}
