"""Product sheet rows: Chinese or English headers; every problem named by row and column."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from controlroom.core.products import Role
from controlroom.core.sheet_rows import RowProblems, products_from_rows

ZH = ["商品名称", "SKU", "类型", "价格", "库存", "卖点", "优惠"]
EN = ["name", "sku", "role", "price", "stock"]


def test_chinese_headers():
    ps = products_from_rows(ZH, [["面膜", "P1", "利润款", "59", "20", "补水", "满减"], ["袖套", 1001, "引流款", 9.9, 100.0, None, None]])
    assert [(p.sku, p.role, p.price, p.stock) for p in ps] == [("P1", Role.PROFIT, 59.0, 20), ("1001", Role.TRAFFIC, 9.9, 100)]
    assert ps[0].promo == "满减"


def test_english_headers_in_any_order_and_case():
    ps = products_from_rows(["Stock", "Price", "Role", "SKU", "Name"], [[5, "¥1,299.00", "image", "W1", "Watch"]])
    assert ps[0].price == 1299.0 and ps[0].role == Role.IMAGE and ps[0].stock == 5


@pytest.mark.parametrize("row,where", [
    (["", "P1", "利润款", 1, 1], "row 2, column 商品名称"),
    (["a", "", "利润款", 1, 1], "row 2, column SKU"),
    (["a", "P1", "爆款", 1, 1], "row 2, column 类型"),
    (["a", "P1", "利润款", "free", 1], "row 2, column 价格"),
    (["a", "P1", "利润款", -1, 1], "row 2, column 价格"),
    (["a", "P1", "利润款", 1, 1.5], "row 2, column 库存"),
    (["a", "P1", "利润款", 1, "nan"], "row 2, column 库存"),
])
def test_a_bad_row_is_named(row, where):
    with pytest.raises(RowProblems) as info:
        products_from_rows(ZH[:5], [row])
    assert where in str(info.value)


def test_every_problem_is_listed_and_nothing_returned():
    rows = [["a", "P1", "利润款", 1, 1], ["b", "P1", "利润款", 1, 1], ["c", "P3", "?", 1, 1]]
    with pytest.raises(RowProblems) as info:
        products_from_rows(ZH[:5], rows)
    assert len(info.value.problems) == 2
    assert "row 3" in info.value.problems[0] and "repeats row 2" in info.value.problems[0]
    assert "row 4" in info.value.problems[1]


def test_missing_columns_are_named():
    with pytest.raises(RowProblems, match="missing column stock"):
        products_from_rows(["商品名称", "SKU", "类型", "价格"], [["a", "b", "利润款", 1]])


cell = st.one_of(st.none(), st.text(max_size=8), st.integers(-5, 10**6), st.floats(allow_nan=True), st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cell, min_size=0, max_size=7), max_size=6))
def test_any_rows_give_products_or_named_problems_never_a_crash(rows):
    try:
        ps = products_from_rows(ZH, rows)
    except RowProblems as exc:
        assert exc.problems and all(p.startswith(("row ", "the sheet")) for p in exc.problems)
    else:
        assert len(ps) == len(rows)
        for p in ps:
            p.validate()


@pytest.mark.parametrize("row, problem", [
    (["名" * 201, "P1", "利润款", 1, 1], "row 2, column 商品名称: the name is 201 characters long; at most 200"),
    (["a", "P" * 65, "利润款", 1, 1], "row 2, column SKU: the SKU is 65 characters long; at most 64"),
    (["冰丝\n袖套", "P1", "利润款", 1, 1], "row 2, column 商品名称: the name has a line break; a name is one line"),
    (["袖套", "P\u20281", "利润款", 1, 1], "row 2, column SKU: the SKU has a line break; a SKU is one line"),
    (["a", "P1", "利润款", 1, 1, "点" * 2001], "row 2, column 卖点: the text is 2,001 characters long; at most 2,000"),
    (["a", "P1", "利润款", 1, 1, "", "惠" * 501], "row 2, column 优惠: the text is 501 characters long; at most 500"),
])
def test_text_past_its_field_limit_or_a_broken_line_is_named(row, problem):
    with pytest.raises(RowProblems) as info:
        products_from_rows(ZH, [row])
    assert info.value.problems == [problem]


def test_selling_points_keep_their_line_breaks():
    (p,) = products_from_rows(ZH, [["袖套", "P1", "利润款", 1, 1, "凉感\nUPF50+", "第一行\r\n第二行"]])
    assert (p.selling_points, p.promo) == ("凉感\nUPF50+", "第一行\r\n第二行")
