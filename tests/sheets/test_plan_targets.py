"""The plan sheet's two optional target columns: a round trip through Excel keeps every
segment's targets (empty stays empty), Chinese and English headers are recognised, and a bad
target is refused naming its row and column, with nothing imported."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.products import Product, Role
from controlroom.sheets.plan_io import read_plan, write_plan
from controlroom.sheets.table import SheetError

PRODUCTS = [Product("CUP", "保温杯", Role.PROFIT, 59.0, 100)]


def xlsx(path, headers, rows):
    wb = Workbook()
    for r in [headers, *rows]:
        wb.active.append(r)
    wb.save(path)
    return path


def test_targets_round_trip_through_excel(tmp_path):
    plan = Plan([
        Segment(SegmentKind.OPENING, "开场", 300.0, uid="a"),
        Segment(SegmentKind.PRODUCT, "保温杯", 600.0, "CUP", uid="b", gmv_target=5900.5, orders_target=100),
        Segment(SegmentKind.FINAL_PUSH, "逼单", 300.0, uid="c", gmv_target=0.0),
        Segment(SegmentKind.CLOSING, "结束", 60.0, uid="d", orders_target=3),
    ])
    path = write_plan(tmp_path / "plan.xlsx", plan)
    headers = [c.value for c in load_workbook(path).worksheets[0][1]]
    assert "目标GMV(元) GMV target" in headers and "目标订单数 order target" in headers
    back = read_plan(path, PRODUCTS)
    assert [(s.uid, s.gmv_target, s.orders_target) for s in back.segments] == [
        ("a", None, None), ("b", 5900.5, 100), ("c", 0.0, None), ("d", None, 3)]


@pytest.mark.parametrize(("gmv_header", "orders_header"), [
    ("目标GMV", "目标订单"), ("GMV目标", "单量目标"), ("gmv target", "order target"), ("目标成交额", "订单目标"),
])
def test_target_headers_in_either_language(tmp_path, gmv_header, orders_header):
    path = xlsx(tmp_path / "p.xlsx", ["类型", "时长", "商品", gmv_header, orders_header],
                [["产品讲解", 10, "保温杯", "¥1,200.50", 20], ["结束语", 2, None, None, ""]])
    plan = read_plan(path, PRODUCTS)
    assert [(s.gmv_target, s.orders_target) for s in plan.segments] == [(1200.5, 20), (None, None)]


def test_a_plan_without_target_columns_has_no_targets(tmp_path):
    path = xlsx(tmp_path / "p.xlsx", ["类型", "时长", "商品"], [["产品讲解", 10, "保温杯"]])
    assert [(s.gmv_target, s.orders_target) for s in read_plan(path, PRODUCTS).segments] == [(None, None)]


def test_bad_targets_are_refused_naming_row_and_column_and_nothing_is_imported(tmp_path):
    rows = [["产品讲解", 10, "保温杯", 100, 5],
            ["产品讲解", 10, "保温杯", -5, 5],  # row 3: a negative GMV target
            ["产品讲解", 10, "保温杯", 100, 2.5],  # row 4: half an order
            ["结束语", 2, None, "很多", None]]  # row 5: not a number
    path = xlsx(tmp_path / "p.xlsx", ["类型", "时长", "商品", "目标GMV", "目标订单数"], rows)
    with pytest.raises(SheetError) as info:
        read_plan(path, PRODUCTS)
    text = "\n".join(info.value.problems)
    assert len(info.value.problems) == 3
    assert "row 3, column 目标GMV" in text and "-5" in text
    assert "row 4, column 目标订单数" in text and "2.5" in text
    assert "row 5, column 目标GMV" in text and "很多" in text
    assert "row 2" not in text


@pytest.mark.parametrize("value", ["inf", "nan", 1e12, True])
def test_an_endless_or_huge_target_is_refused(tmp_path, value):
    path = xlsx(tmp_path / "p.xlsx", ["类型", "时长", "目标GMV"], [["自由", 10, value]])
    with pytest.raises(SheetError, match="row 2, column 目标GMV"):
        read_plan(path, PRODUCTS)
