"""The words of the default plan and the checklist, per language: the playbook's titles
and notes are data once a show is created, so they are written in one language, the
one the show is created in (the window's; English from the CLI)."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "zh_CN")
DEFAULT_LANGUAGE = "en"  # the core and the CLI speak English


@dataclass(frozen=True)
class PlanWords:
    """Titles and notes of the default plan's segments (core/plan.py default_plan)."""

    opening: str
    opening_notes: str
    interaction: str
    interaction_notes: str
    final_push: str
    final_push_notes: str
    closing: str
    closing_notes: str
    explanation_arc: tuple[str, ...]


_PLAN_WORDS: dict[str, PlanWords] = {
    "en": PlanWords(
        opening="Opening", opening_notes="Catch attention within 5 minutes; name the theme",
        interaction="Interaction", interaction_notes="Lucky draw / gift bag / Q&A",
        final_push="Final push", final_push_notes="Lead the room to order",
        closing="Closing", closing_notes="Thank the audience; announce the next show",
        explanation_arc=("Pain point", "Show the product", "Key advantages", "Use scene", "Price reveal",
                         "Call to order"),
    ),
    "zh_CN": PlanWords(
        opening="开场", opening_notes="5分钟内抓住注意力、点明主题",
        interaction="互动", interaction_notes="抽奖/福袋/问答",
        final_push="逼单", final_push_notes="集中引导下单",
        closing="结束语", closing_notes="感谢观众，预告下一场",
        explanation_arc=("痛点引入", "产品展示", "核心优势", "使用场景", "价格揭秘", "下单引导"),
    ),
}


def plan_words(language: str = DEFAULT_LANGUAGE) -> PlanWords:
    """The default plan's words in `language` (English for a language we do not have)."""
    return _PLAN_WORDS.get(language, _PLAN_WORDS[DEFAULT_LANGUAGE])
