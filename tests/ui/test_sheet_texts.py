"""Sheet problems in the window's language: every code has a template (the core's own
English sentence) with a Chinese translation, our field names are translated, the row,
the sheet's header and the user's value are kept; an unknown code keeps its English."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from controlroom.core.sheet_problem import ENGLISH, SheetProblem
from controlroom.sheets.errors import SheetError
from controlroom.ui import sheet_texts
from controlroom.ui.i18n import Translations
from tests.ui.language_walk import CJK, foreign_words

ZH_TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "controlroom_zh_CN.ts"


@pytest.fixture
def zh(qapp):
    t = Translations()
    t.install("zh_CN")
    yield
    t.install("en")
    t.remove()


def _zh_catalogue() -> dict[str, str]:
    tree = ET.parse(ZH_TS)
    for context in tree.iter("context"):
        if context.findtext("name") == sheet_texts.CONTEXT:
            return {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    return {}


def _placeholders(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def _sample(code: str, **where) -> SheetProblem:
    return SheetProblem(code, **where, **dict.fromkeys(_placeholders(ENGLISH[code]) - {"field"}, "7"))


def test_every_code_has_the_cores_template_and_a_chinese_translation():
    assert set(sheet_texts.TEMPLATES) == set(ENGLISH)
    assert all(sheet_texts.TEMPLATES[c] == ENGLISH[c] for c in ENGLISH if c not in sheet_texts.OWN_WORDING)
    for code in sheet_texts.OWN_WORDING:  # its own wording, the same parameters
        assert _placeholders(sheet_texts.TEMPLATES[code]) == _placeholders(ENGLISH[code])
    catalogue = _zh_catalogue()
    sources = [*sheet_texts.TEMPLATES.values(), *(w for words in sheet_texts.WORDS.values() for w in words.values())]
    for source in sources:
        tr = catalogue.get(source)
        assert tr is not None and tr.get("type") is None and tr.text, source
        assert CJK.search(tr.text) or source in ("{text}", "SKU", "GMV"), source


def test_every_code_reads_as_chinese(zh):
    """Each code with numbers for its parameters, at a row and a column of the sheet:
    Chinese, the row and the header kept, no English word of ours."""
    for code in ENGLISH:
        if code == "text":
            continue
        p = _sample(code, file="商品表.csv", row=12, column="价格", field="price")
        text = sheet_texts.problem(p)
        assert text.startswith("商品表.csv：第 12 行，“价格”列：") and CJK.search(text[20:]), (code, text)
        assert foreign_words(text, "zh_CN") == [], (code, text)


def test_the_field_is_named_beside_a_header_that_does_not_say_it(zh):
    p = SheetProblem("bad_stock", row=3, column="qty", field="stock", value="'lots'")
    assert sheet_texts.problem(p) == "第 3 行，库存（“qty”列）：'lots' 不是 ≥ 0 的整数"
    missing = SheetProblem("missing_column", row=1, field="selling_points", names="卖点/selling_points")
    assert sheet_texts.problem(missing) == "第 1 行：缺少“卖点”列（卖点/selling_points）"
    empty = SheetProblem("bad_price", row=4, column="价格", field="price", value=repr(None))
    assert sheet_texts.problem(empty) == "第 4 行，“价格”列：（空） 不是 ≥ 0 的价格"


def test_a_refusal_says_how_many_more(zh):
    exc = SheetError([_sample("empty_amount", row=2, column="金额", field="amount"),
                      _sample("zero_quantity", row=3, column="数量", field="quantity")])
    assert sheet_texts.refusal(exc) == "第 2 行，“金额”列：金额为空（另有 1 条）"


def test_an_unknown_code_or_a_plain_sentence_keeps_its_english(zh, monkeypatch):
    p = SheetProblem("bad_price", row=3, column="价格", field="price", value="'x'")
    monkeypatch.delitem(sheet_texts.TEMPLATES, "bad_price")
    assert sheet_texts.problem(p) == "row 3, column 价格: 'x' is not a price ≥ 0"
    assert sheet_texts.problem("a sentence from elsewhere") == "a sentence from elsewhere"


def test_the_english_window_says_what_the_command_line_says(qapp):
    p = SheetProblem("bad_price", file="a.csv", row=3, column="price", field="price", value="'x'")
    assert sheet_texts.problem(p) == str(p) == "a.csv: row 3, column price: 'x' is not a price ≥ 0"


def test_every_code_reads_as_english_in_the_english_window(qapp):
    for code in ENGLISH:
        p = _sample(code, file="products.csv", row=12, column="price", field="price")
        text = sheet_texts.problem(p)
        assert text.startswith("products.csv: row 12, column price: ") and not CJK.search(text), (code, text)
