"""A show created by an earlier version holds bilingual default titles ("开场 Opening") and
explanation notes in its log. In zh_CN and in en, the timer panel, the host display, the plan
editor and the recap word them in that language alone, through a whole run of the show,
and the log keeps them as they were written."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel

from controlroom.core.sample_words import PlanWords
from controlroom.feeds.catalogue import sample_products
from controlroom.recap.texts import Texts
from controlroom.recap.workbook import export_recap
from controlroom.services.show_service import create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui.plan_editor import PlanEditor
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.gui

# What the default plan wrote before one-language plans (git show 0030485:controlroom/core/plan.py).
OLD_WORDS = PlanWords(
    opening="开场 Opening", opening_notes="5分钟内抓住注意力、点明主题",
    interaction="互动 Interaction", interaction_notes="抽奖/福袋/问答",
    final_push="逼单 Final push", final_push_notes="集中引导下单",
    closing="结束语 Closing", closing_notes="感谢观众，预告下一场",
    explanation_arc=("痛点引入 pain point", "产品展示 show the product", "核心优势 key advantages",
                     "使用场景 use scene", "价格揭秘 price reveal", "下单引导 call to order"),
)
LEGACY = ("开场 Opening", "互动 Interaction", "逼单 Final push", "结束语 Closing", "pain point")
SHOWN = {"zh_CN": {"开场", "互动", "逼单", "结束语"}, "en": {"Opening", "Interaction", "Final push", "Closing"}}


@pytest.fixture
def old_show(tmp_path, clock, lang):
    db = tmp_path / "old.db"
    engine = open_engine(db)
    sid = create_show(ShowRepository(engine), "老场次", 60, sample_products(lang), clock.now(), words=OLD_WORDS)
    engine.dispose()
    s = ShowSession(str(db), sid, clock)
    yield s
    s.close()


def _texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel)] + [w.toolTip() for w in widget.findChildren(QLabel)]


def _no_legacy(texts: list[str]) -> None:
    leaks = [t for t in texts if any(old in t for old in LEGACY)]
    assert not leaks


def test_the_timer_panel_and_the_host_display_word_old_titles_in_the_ui_language(old_show, prefs, qtbot, clock, lang):
    from controlroom.ui.window import MainWindow

    w = MainWindow(old_show, prefs)
    qtbot.addWidget(w)
    try:
        w.act_start.trigger()
        display = w.ensure_host_display()
        titles = set()
        for _ in w.service.view().plan:  # every segment in turn, the last included
            clock.advance(30)
            w.refresh()
            display.show_view(w.service.view())
            titles.add(w.timer_panel.title.text())
            _no_legacy(_texts(w.timer_panel) + _texts(display))
            w.act_next.trigger()
        assert SHOWN[lang] <= titles
    finally:
        w.close()
    logged = {s.title for s in old_show.repo.load_show(old_show.show_id).plan.segments}
    assert {"开场 Opening", "互动 Interaction", "逼单 Final push", "结束语 Closing"} <= logged  # the log as written


def test_the_plan_editor_words_them_and_saving_leaves_them_as_logged(old_show, qtbot, lang):
    editor = PlanEditor(old_show.service)
    qtbot.addWidget(editor)
    model = editor.segments
    col_title, col_notes = model.columns.index("title"), model.columns.index("notes")
    shown = [model.data(model.index(r, col_title)) for r in range(model.rowCount())]
    notes = [model.data(model.index(r, col_notes)) for r in range(model.rowCount())]
    assert SHOWN[lang] <= set(shown)
    _no_legacy(shown + notes)
    assert model.setData(model.index(0, col_title), shown[0])  # committed as shown: nothing changes
    assert editor.draft.segments[0].title == "开场 Opening"
    editor.close()


def test_the_recap_words_them_in_its_language(old_show, tmp_path, lang):
    service = old_show.service
    service.start()
    service.next()
    old_show.writer.flush()
    out = tmp_path / "recap.xlsx"
    export_recap(old_show.repo, old_show.show_id, out, lang=lang, utc_offset_s=0)
    wb = openpyxl.load_workbook(out, read_only=True)
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
             if isinstance(v, str)]
    wb.close()
    _no_legacy(cells)
    timeline = Texts(lang)("sheet.timeline")
    assert timeline in wb.sheetnames
    assert SHOWN[lang] <= set(cells)
