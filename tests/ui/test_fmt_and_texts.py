"""Formatting and the core's codes in words."""

from __future__ import annotations

import pytest

from controlroom.core import alerts as al
from controlroom.core.alerts import Alert
from controlroom.ui import fmt, texts


@pytest.mark.parametrize(("seconds", "text"), [(0, "00:00"), (59.2, "01:00"), (299.9, "05:00"), (3725, "1:02:05")])
def test_countdown_rounds_up_while_counting_down(seconds, text):
    assert fmt.countdown(seconds) == text


def test_overrun_counts_up_with_a_plus():
    assert fmt.countdown(-83.4) == "+01:23"
    assert fmt.signed(-130) == "-02:10"
    assert fmt.signed(5) == "+00:05"


def test_money_and_counts():
    assert fmt.money(9.9) == "¥9.90"
    assert fmt.money(81374.4) == "¥81,374"
    assert fmt.count(1346.6) == "1,347"
    assert fmt.percent(0.0234) == "2.3%"


def test_alert_and_error_sentences_are_reworded_for_translation(qapp):
    assert texts.alert(Alert(al.LOW_STOCK, "warning", "面膜: 7 left", "SKU", {"a": "面膜", "b": "7"})) == "面膜: only 7 left"
    assert texts.alert(Alert(al.SOLD_OUT, "critical", "耳机 sold out", "SKU", {"a": "耳机"})) == "耳机 sold out"
    assert texts.alert(Alert(al.SOLD_OUT, "critical", "no params: the English sentence")) == "no params: the English sentence"
    assert texts.alert(Alert("other", "info", "as it is")) == "as it is"
    assert texts.error("this is the first segment") == "This is the first segment."
    assert texts.error("something new") == "something new"


def test_every_alert_the_core_raises_is_worded_from_its_parameters():
    from controlroom.core import commands as c
    from controlroom.core import events as ev
    from controlroom.core.events import Event
    from controlroom.core.settings import ShowSettings
    from tests.core.helpers import Driver

    d = Driver(settings=ShowSettings(negative_spike_per_minute=1))
    d.do(c.start)
    d.do(c.next_segment)
    d.do(c.set_shelf, "I1", True)
    d.do(c.set_shelf, "P1", True)
    d.feed(Event(ev.ORDER, d.clock.now(), product="I1", qty=9, value=1, ref="o"),
           Event(ev.ORDER, d.clock.now(), product="P1", qty=12, value=1, ref="p"))
    d.clock.advance(840)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=1000))
    d.clock.advance(60)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=100),
           Event(ev.COMMENT, d.clock.now(), user="u", text="假货", flag="negative"))
    codes = set()
    for a in d.state.snapshot(d.clock.now()).alerts:
        worded = texts.alert(a)
        assert "{" not in worded and worded != "", a
        assert a.code in texts._ALERT_TEMPLATES
        codes.add(a.code)
    assert codes >= {al.SLOT_OVERRUN, al.INTERACTION_OVERDUE, al.SOLD_OUT, al.OVERSELL, al.VIEWER_DROP, al.LOW_STOCK,
                     al.NEGATIVE_SPIKE}


def test_every_logged_kind_has_a_name_and_the_edits_say_what_changed(qapp):
    """The edit kinds used to show as their raw ids (plan_set, product_updated, …)."""
    from dataclasses import replace

    from controlroom.core import edit_log
    from controlroom.core import events as ev
    from controlroom.core.plan import Plan
    from controlroom.recap.texts import EVENT_KINDS
    from controlroom.ui.log_panel import NOT_LOGGED, describe, kind_name
    from tests.core.helpers import PRODUCTS, small_plan

    for kind in (ev.FEED_KINDS - NOT_LOGGED) | ev.OPERATOR_KINDS:
        assert kind_name(kind) != kind, kind
    assert set(EVENT_KINDS["zh_CN"]) >= ev.FEED_KINDS | ev.OPERATOR_KINDS
    mask = PRODUCTS[1]
    cheaper = replace(mask, price=49.0, stock=30)
    lines = {
        "plan": describe(edit_log.plan_set(0, small_plan()), {}, {}),
        "added": describe(edit_log.product_added(0, mask), {}, {}),
        "updated": describe(edit_log.product_updated(0, mask, cheaper), {}, {}),
        "removed": describe(edit_log.product_removed(0, mask), {}, {}),
        "ordered": describe(edit_log.products_ordered(0, ["P1", "T1", "I1"]), {}, {}),
        "settings": describe(edit_log.settings_changed(0, {"low_stock_units": 3}), {}, {}),
        "empty plan": describe(edit_log.plan_set(0, Plan([])), {}, {}),
    }
    assert lines == {
        "plan": "6 segments", "added": "面膜  ¥59.00  stock 20", "updated": "面膜: price ¥59.00 → ¥49.00; stock 20 → 30",
        "removed": "面膜", "ordered": "3 products in a new order", "settings": "Low stock at (units) = 3",
        "empty plan": "0 segments",
    }


def test_a_segment_title_that_repeats_its_kind_is_said_once():
    from controlroom.core.plan import SegmentKind
    from controlroom.ui import texts

    assert texts.kind_and_title(SegmentKind.OPENING, "Opening") == "Opening"
    assert texts.kind_and_title(SegmentKind.OPENING, "") == "Opening"
    assert texts.kind_and_title(SegmentKind.PRODUCT, "Scarf") == "Product slot · Scarf"
