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
    assert texts.alert(Alert(al.LOW_STOCK, "warning", "面膜: 7 left", "SKU")) == "面膜: only 7 left"
    assert texts.alert(Alert(al.SOLD_OUT, "critical", "耳机 sold out", "SKU")) == "耳机 sold out"
    assert texts.alert(Alert("other", "info", "as it is")) == "as it is"
    assert texts.error("this is the first segment") == "This is the first segment."
    assert texts.error("something new") == "something new"
