"""The default plan follows the playbook: opening, slots, interactions, final push, closing."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from controlroom.core.plan import SegmentKind, default_plan
from controlroom.core.products import Product, Role
from controlroom.core.sample_words import plan_words
from controlroom.core.settings import ShowSettings
from controlroom.feeds.catalogue import sample_products


def gaps_between_interactions(plan):
    """Seconds of show between the end of one interaction (or the start) and the next."""
    gaps, since = [], 0.0
    for start, seg in zip(plan.offsets(), plan.segments):
        if seg.kind in (SegmentKind.INTERACTION, SegmentKind.FINAL_PUSH):
            gaps.append(start - since)
            since = start + seg.planned_s
    return gaps


def test_two_hour_plan_shape():
    plan = default_plan(120, sample_products())
    kinds = [s.kind for s in plan.segments]
    assert kinds[0] == SegmentKind.OPENING and plan.segments[0].planned_s == 300
    assert kinds[-2:] == [SegmentKind.FINAL_PUSH, SegmentKind.CLOSING]
    assert plan.segments[-2].planned_s == 600
    assert plan.total_s() == pytest.approx(120 * 60)
    slots = [s for s in plan.segments if s.kind == SegmentKind.PRODUCT]
    assert all(180 <= s.planned_s <= 300 + 59 for s in slots)
    assert all(g <= 15 * 60 for g in gaps_between_interactions(plan))


def test_traffic_drivers_come_first():
    products = [
        Product("P1", "profit", Role.PROFIT, 10, 5),
        Product("T1", "traffic", Role.TRAFFIC, 1, 5),
        Product("I1", "image", Role.IMAGE, 100, 5),
    ]
    plan = default_plan(60, products)
    first_slot = next(s for s in plan.segments if s.kind == SegmentKind.PRODUCT)
    assert first_slot.product_sku == "T1"


def test_product_slot_notes_carry_the_explanation_arc():
    plan = default_plan(60, sample_products(), words=plan_words("zh_CN"))
    slot = next(s for s in plan.segments if s.kind == SegmentKind.PRODUCT)
    assert "痛点引入" in slot.notes and "下单引导" in slot.notes


@pytest.mark.parametrize("lang, other_script", [("en", r"[\u3400-\u9fff]"), ("zh_CN", r"[A-Za-z]{2,}")])
def test_default_plan_is_in_one_language(lang, other_script):
    """No bilingual titles ("开场 Opening"): titles and notes are in the show's language only."""
    plan = default_plan(60, [Product("T1", "", Role.TRAFFIC, 1, 5)], words=plan_words(lang))
    texts = [s.title for s in plan.segments if s.kind != SegmentKind.PRODUCT] + [s.notes for s in plan.segments]
    assert len(texts) > 5 and not [t for t in texts if re.search(other_script, t.replace("Q&A", ""))]
    assert [s.title for s in plan.segments][0] == plan_words(lang).opening


def test_default_plan_speaks_english_by_default():
    assert default_plan(60, sample_products()).segments[0].title == "Opening"


def test_a_show_too_short_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="too short"):
        default_plan(10, sample_products())


def test_settings_shape_the_plan():
    s = ShowSettings(slot_max_minutes=4, slot_warn_minutes=3, interaction_alarm_minutes=12)
    plan = default_plan(90, sample_products(), s)
    slots = [x for x in plan.segments if x.kind == SegmentKind.PRODUCT]
    assert max(x.planned_s for x in slots[:-1]) == 240
    assert all(g <= 12 * 60 for g in gaps_between_interactions(plan))


@settings(max_examples=60, deadline=None)
@given(minutes=st.integers(min_value=20, max_value=720), n=st.integers(min_value=0, max_value=8))
def test_any_plan_fills_the_show_and_keeps_the_interaction_cadence(minutes, n):
    plan = default_plan(minutes, sample_products()[:n])
    assert plan.total_s() == pytest.approx(minutes * 60)
    assert all(g <= 15 * 60 + 1e-6 for g in gaps_between_interactions(plan))
    for seg in plan.segments:
        seg.validate()
