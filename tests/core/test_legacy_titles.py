"""Older shows' bilingual default titles and explanation notes are shown in one language,
the displayer's; every other title, one a user typed included, is shown as it is."""

from __future__ import annotations

import pytest

from controlroom.core.legacy_titles import display_notes, display_plan, display_title
from controlroom.core.plan import Plan, Segment, SegmentKind

LEGACY = {
    "开场 Opening": ("开场", "Opening"), "互动 Interaction": ("互动", "Interaction"),
    "逼单 Final push": ("逼单", "Final push"), "结束语 Closing": ("结束语", "Closing"),
}


@pytest.mark.parametrize("legacy", list(LEGACY))
def test_each_legacy_default_title_is_shown_in_the_displayers_language(legacy):
    zh, en = LEGACY[legacy]
    assert display_title(legacy, "zh_CN") == zh
    assert display_title(legacy, "en") == en


@pytest.mark.parametrize("title", ["开场 福利预告", "Opening", "开场", "开场 Opening ", "羊毛围巾 Scarf"])
def test_any_other_title_is_shown_as_it_is(title):
    assert display_title(title, "zh_CN") == title
    assert display_title(title, "en") == title


def test_legacy_explanation_lines_are_worded_and_the_rest_of_the_notes_kept():
    notes = "保暖不起球\n痛点引入 pain point\n产品展示 show the product\n下单引导 call to order"
    assert display_notes(notes, "en") == "保暖不起球\nPain point\nShow the product\nCall to order"
    assert display_notes(notes, "zh_CN") == "保暖不起球\n痛点引入\n产品展示\n下单引导"
    assert display_notes("自己写的备注", "en") == "自己写的备注"


def test_a_displayed_plan_is_a_copy_the_logged_plan_keeps_its_titles():
    plan = Plan([Segment(SegmentKind.OPENING, "开场 Opening", 300), Segment(SegmentKind.FREE, "抽奖", 60)])
    shown = display_plan(plan, "en")
    assert [s.title for s in shown.segments] == ["Opening", "抽奖"]
    assert [s.uid for s in shown.segments] == [s.uid for s in plan.segments]
    assert plan.segments[0].title == "开场 Opening"
