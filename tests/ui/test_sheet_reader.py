"""Big workbooks are read in a child process: the window's event loop keeps running."""

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from controlroom.core.sheet_limits import PLATFORM_EXPORT
from controlroom.sheets import csv_in
from controlroom.sheets.table import SheetError, read_rows
from controlroom.ui.sheet_reader import read_plan_responsive, read_products_responsive, read_rows_responsive


def workbook(path, n):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["时间", "在线人数", "成交金额"])
    for i in range(n):
        ws.append([f"2026-11-21 20:{i // 60 % 60:02d}:{i % 60:02d}", 1000 + i, 9.9 * i])
    wb.save(path)
    return path


def test_an_xlsx_is_read_in_a_child_while_the_event_loop_runs(qtbot, tmp_path):
    path = workbook(tmp_path / "big.xlsx", 20_000)
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        headers, rows = read_rows_responsive(path, parent)
    finally:
        timer.stop()
    assert (headers, rows) == read_rows(path, PLATFORM_EXPORT)
    assert len(rows) == 20_000
    assert ticks, "the UI's timers did not run while the workbook was read"


def test_a_broken_workbook_is_refused_with_its_name(qtbot, tmp_path):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SheetError, match="broken.xlsx"):
        read_rows_responsive(bad, None)


def test_csv_is_read_in_the_child_too(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    path.write_text("时间,在线人数\n20:00,5\n20:01,\"6\n备注\"\n", encoding="utf-8")

    def not_here(*args, **kwargs):
        raise AssertionError("the window read the CSV itself")

    monkeypatch.setattr(csv_in, "csv_rows", not_here)  # a tripwire in this process only
    assert read_rows_responsive(path, None) == (["时间", "在线人数"], [["20:00", "5"], ["20:01", "6\n备注"]])


def test_the_child_refuses_past_the_row_limit(qtbot, tmp_path):
    path = tmp_path / "orders.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("订单号,下单时间,实付金额\n")
        f.writelines(f"O{i},2026-01-01 20:00,9.9\n" for i in range(PLATFORM_EXPORT.max_rows + 1))
    with pytest.raises(SheetError) as info:
        read_rows_responsive(path, None)
    assert info.value.problems == ["orders.csv: row 200002: more than 200,000 rows of data; "
                                   "a platform export has at most 200,000"]


def test_every_problem_of_a_refusal_reaches_the_window(qtbot, tmp_path):
    wb = Workbook()
    wb.active.append(["商品名称", "SKU", "类型", "价格", "库存"])
    wb.active.append(["=A1", "S1", "利润款", "=1+1", 1])
    wb.save(tmp_path / "f.xlsx")
    with pytest.raises(SheetError) as info:
        read_products_responsive(tmp_path / "f.xlsx", None)
    assert [p.split(": ", 1)[1] for p in info.value.problems] == [
        "row 2, column 商品名称: a formula without a saved value; save the sheet in Excel (or paste values)",
        "row 2, column 价格: a formula without a saved value; save the sheet in Excel (or paste values)",
    ]


def test_products_and_plans_read_in_the_child(qtbot, tmp_path):
    from controlroom.feeds.catalogue import sample_products

    path = tmp_path / "plan.csv"
    path.write_text("类型,标题,时长,商品\n开场,欢迎,5,\n产品讲解,,4,无线降噪耳机\n", encoding="utf-8")
    plan = read_plan_responsive(path, None, sample_products())
    assert [s.product_sku for s in plan.segments] == [None, "SKU-2002"]
    path = tmp_path / "p.csv"
    path.write_text("商品名称,SKU,类型,价格,库存\n袖套,S1,引流款,9.9,100\n", encoding="utf-8")
    assert [p.sku for p in read_products_responsive(path, None)] == ["S1"]


def test_a_platform_export_is_read_whole_but_only_its_first_rows_kept(qtbot, tmp_path):
    """The mapping dialog shows a few rows and says how many there are; the rows themselves
    are mapped in a child of their own, so the window never holds them all."""
    from controlroom.sheets.transfer import FRAME_ROWS
    from controlroom.ui.sheet_reader import read_preview_responsive

    path = workbook(tmp_path / "big.xlsx", 2 * FRAME_ROWS + 5)
    headers, rows = read_rows(path, PLATFORM_EXPORT)
    assert read_preview_responsive(path, None, 8) == (headers, rows[:8], 2 * FRAME_ROWS + 5)


def test_the_preview_counts_against_the_row_limit_too(qtbot, tmp_path):
    """The window bounds what the child sends by the rows it counts, not the rows it keeps."""
    import dataclasses

    from controlroom.ui import sheet_reader

    path = workbook(tmp_path / "t.xlsx", 30)
    small = dataclasses.replace(PLATFORM_EXPORT, max_rows=20)  # the window's bound; the child reads within 200,000
    with pytest.raises(SheetError, match="more than 20 rows"):
        sheet_reader.read_preview_responsive(path, None, 8, small)
