"""Shows created before one-language plans (core/sample_words.py) hold bilingual default
titles ("开场 Opening") and explanation notes ("痛点引入 pain point") in their log. The log
is the truth and is never rewritten: these exact strings are worded in the language of
whoever displays them (the window's, the recap's), here, in one place. Anything else, a
title a user typed included, is shown as it is."""

from __future__ import annotations

from dataclasses import replace

from controlroom.core.plan import Plan
from controlroom.core.sample_words import PlanWords, plan_words

# The default plan's bilingual words before one-language plans (git: 0030485 … a0f3e15).
_LEGACY_TITLES = {
    "开场 Opening": "opening",
    "互动 Interaction": "interaction",
    "逼单 Final push": "final_push",
    "结束语 Closing": "closing",
}
_LEGACY_ARC = ("痛点引入 pain point", "产品展示 show the product", "核心优势 key advantages",
               "使用场景 use scene", "价格揭秘 price reveal", "下单引导 call to order")


def display_title(title: str, language: str) -> str:
    """`title` as shown in `language`: a legacy bilingual default in that language alone."""
    field_name = _LEGACY_TITLES.get(title)
    if field_name is None:
        return title
    words: PlanWords = plan_words(language)
    return str(getattr(words, field_name))


def display_notes(notes: str, language: str) -> str:
    """Notes as shown in `language`: each legacy bilingual explanation line in that language."""
    if not any(line in notes for line in _LEGACY_ARC):
        return notes
    arc = dict(zip(_LEGACY_ARC, plan_words(language).explanation_arc, strict=True))
    return "\n".join(arc.get(line, line) for line in notes.split("\n"))


def display_plan(plan: Plan, language: str) -> Plan:
    """A copy of `plan` with its legacy titles in `language` (for a recap; `plan` is untouched)."""
    return Plan([replace(s, title=display_title(s.title, language)) for s in plan.segments])
