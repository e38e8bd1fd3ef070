"""A sheet problem is its English sentence (what the CLI prints) and also a code with
parameters and a place, kept when it is placed in a file and when it crosses processes."""

from __future__ import annotations

import io
import pickle

from controlroom.core.sheet_limits import PLAN_SHEET
from controlroom.core.sheet_problem import ENGLISH, SheetProblem, from_wire, placed, to_wire
from controlroom.core.sheet_rows import RowProblems, products_from_rows
from controlroom.sheets.transfer import FrameReader, write_frame

HEADERS = ["商品名称", "SKU", "类型", "价格", "库存"]


def test_a_problem_is_its_english_sentence_with_a_code_and_a_place():
    try:
        products_from_rows(HEADERS, [["A", "S1", "引流款", "abc", 1]])
    except RowProblems as exc:
        (p,) = exc.problems
    assert p == "row 2, column 价格: 'abc' is not a price ≥ 0"
    assert (p.code, p.row, p.column, p.field, p.params) == ("bad_price", 2, "价格", "price", {"value": "'abc'"})
    (q,) = placed([p], file="货品.csv", row=99)
    assert q == "货品.csv: row 2, column 价格: 'abc' is not a price ≥ 0" and q.code == "bad_price" and q.row == 2


def test_a_plain_sentence_placed_becomes_a_text_problem():
    (p,) = placed(["something else"], file="a.csv")
    assert p == "a.csv: something else" and p.code == "text" and p.params == {"text": "something else"}


def test_a_problem_crosses_the_reader_pipe_with_its_code():
    """The child that reads a sheet sends its refusal as plain values (the window's
    unpickler takes no classes); the window rebuilds the problem, code and all."""
    sent = SheetProblem("past_last_row", file="大表.xlsx", row=1048577, limit="1,048,576")
    out = io.BytesIO()
    write_frame(out, ("refused", [to_wire(sent), "a plain one"]))
    reader = FrameReader(PLAN_SHEET, "大表.xlsx")
    reader.feed(out.getvalue())
    got, plain = reader.refused
    assert got == sent and got.code == "past_last_row" and got.row == 1048577 and got.file == "大表.xlsx"
    assert plain == "a plain one"
    assert pickle.loads(pickle.dumps(sent)).code == "past_last_row"


def test_a_broken_wire_value_is_a_text_problem_not_a_crash():
    for junk in [("no_such_code", {}, {}), ("bad_price", {}, {"evil": 1}), 42, ("bad_price",)]:
        p = from_wire(junk)
        assert p.code == "text"


def test_every_english_template_formats_with_its_own_placeholders():
    import string

    for code, template in ENGLISH.items():
        names = {f for _, f, _, _ in string.Formatter().parse(template) if f} - {"field"}
        assert SheetProblem(code, **dict.fromkeys(names, "1"))
