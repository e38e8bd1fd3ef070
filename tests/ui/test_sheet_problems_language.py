"""A bad product sheet, a bad plan and a bad platform export imported through the window's
own import path (Data menu actions, the child process that reads the file, the mapping
dialog), in zh_CN and in en: every message shown is in the window's language, names the
row and the column (and our field), and carries nothing of the other language beyond the
user's own values, file names and column headers (issue 10, part 7)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QMessageBox

from controlroom.ui.i18n import Translations
from tests.ui.language_walk import CJK, foreign_words

pytestmark = pytest.mark.gui


@pytest.fixture(params=("zh_CN", "en"))
def window_in(request, qapp, qtbot, session, prefs, db_path):
    from controlroom.ui.window import MainWindow

    t = Translations()
    t.install(request.param)
    w = MainWindow(session, prefs, request.param, str(db_path))
    qtbot.addWidget(w)
    yield w
    w.close()
    t.install("en")
    t.remove()


@pytest.fixture
def boxes(monkeypatch):
    """The refusals the window shows: (text, detailed text) of each message box."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0)
    return shown


def write_csv(path, headers, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)
    return str(path)


def assert_in_language(window, lines: list[str], user_data: set[str]) -> None:
    assert lines
    for line in lines:
        if window.language == "zh_CN":
            assert CJK.search(line), line
        assert foreign_words(line, window.language, user_data) == [], line


PRODUCT_HEADERS = ["商品名称", "SKU", "类型", "价格", "库存", "卖点", "优惠"]


def test_a_bad_product_sheet_is_refused_in_the_windows_language(window_in, boxes, tmp_path):
    sheet = write_csv(tmp_path / "新品.csv", PRODUCT_HEADERS, [
        ["冰丝袖套", "X-1", "利润款", "free", 1, "", ""],
        ["", "X-2", "引流款", 9.9, 5, "", ""],
        ["真丝围巾", "X-3", "mystery", 59, 3, "", ""],
        ["防晒衣", "X-9", "利润款", 59, 3, "", ""],
        ["防晒衣 加大", "X-9", "利润款", 69, 3, "", ""],
    ])
    assert window_in.live_data.imports.import_products(sheet) is None
    (text, detail), = boxes
    lines = detail.splitlines()
    assert_in_language(window_in, [text, *lines], {"新品.csv", "free", "mystery", *PRODUCT_HEADERS})
    if window_in.language == "en":
        assert lines[0] == "新品.csv: row 2, column 价格 (price): 'free' is not a price ≥ 0"
        return
    assert lines == [
        "新品.csv：第 2 行，“价格”列：'free' 不是 ≥ 0 的价格",
        "新品.csv：第 3 行，“商品名称”列：名称为空",
        "新品.csv：第 4 行，“类型”列：未知的类型 'mystery'（请用 引流款/利润款/形象款）",
        "新品.csv：第 6 行，“SKU”列：'X-9' 与第 5 行重复",
    ]
    assert text == lines[0] + "（另有 3 条）"


def test_a_bad_plan_is_refused_in_the_windows_language(window_in, boxes, tmp_path):
    headers = ["类型", "标题", "时长", "商品"]
    sheet = write_csv(tmp_path / "流程.csv", headers, [
        ["开场", "欢迎", "soon", ""],
        ["产品讲解", "讲解", 5, ""],
        ["互动", "抽奖", 5, "NO-SUCH"],
        ["party", "抽奖", 5, ""],
    ])
    assert window_in.live_data.imports.import_plan(sheet) is None
    (text, detail), = boxes
    lines = detail.splitlines()
    assert_in_language(window_in, [text, *lines], {"流程.csv", "soon", "NO-SUCH", "party", *headers})
    if window_in.language == "en":
        assert lines[3] == "流程.csv: row 5, column 类型 (segment kind): 'party' is not a kind " \
                           "(opening/product/interaction/final push/closing/free)"
        return
    assert lines == [
        "流程.csv：第 2 行，“时长”列：'soon' 不是 0 到 600 之间的分钟数",
        "流程.csv：第 3 行，“商品”列：产品讲解环节需要指定商品",
        "流程.csv：第 4 行，“商品”列：'NO-SUCH' 既不是本场直播的 SKU，也不是本场的商品名称",
        "流程.csv：第 5 行，“类型”列：'party' 不是环节类型（开场/产品讲解/互动/逼单/结束语/自由）",
    ]


def test_a_bad_platform_export_is_refused_in_the_windows_language(window_in, boxes, qtbot, tmp_path):
    headers = ["订单号", "下单时间", "商品", "数量", "实付金额"]
    export = write_csv(tmp_path / "订单导出.csv", headers, [
        ["", "20:05", "SKU-1001", 1, 9.9],
        ["A2", "tea time", "SKU-1001", 1, 9.9],
        ["A3", "20:07", "SKU-1001", 0, 5],
        ["A4", "20:08", "SKU-1001", 1, "cheap"],
        ["A5", "20:09", "SKU-1001", 1, ""],
        ["A5", "20:09", "SKU-1001", 1, 5],
        ["A5", "20:10", "SKU-1001", 1, 5],
    ])
    dialog = window_in.live_data.imports.import_platform(export)
    qtbot.addWidget(dialog)
    dialog.do_import()  # off the UI thread (ui/background.py): the refusal comes back by signal
    qtbot.waitUntil(dialog.problems.isVisible, timeout=20000)
    lines = dialog.problems.toPlainText().splitlines()
    assert boxes == []
    assert_in_language(window_in, lines, {"订单导出.csv", "cheap", "tea time", "A5", *headers})
    if window_in.language == "en":
        assert lines[2] == "订单导出.csv: row 3, column 下单时间 (the time): 'tea time' is not a time " \
                           "(use 2026-01-01 20:05 or 20:05)"
        return
    assert lines == [
        "未导入任何内容：",
        "订单导出.csv：第 2 行，“订单号”列：订单号为空",
        "订单导出.csv：第 3 行，“下单时间”列：'tea time' 不是时间（请写成 2026-01-01 20:05 或 20:05）",
        "订单导出.csv：第 4 行，“数量”列：数量为 0 不算订单",
        "订单导出.csv：第 5 行，“实付金额”列：'cheap' 不是 ≥ 0 的数",
        "订单导出.csv：第 6 行，“实付金额”列：金额为空",
        "订单导出.csv：第 8 行，“订单号”列：订单 'A5' 与第 7 行重复",
    ]


def test_a_file_the_reader_refuses_comes_back_from_it_in_the_windows_language(window_in, boxes, tmp_path):
    """The child process refuses it: its problem crosses the pipe with its code."""
    broken = tmp_path / "平台.xlsx"
    broken.write_bytes(b"not a zip at all")
    assert window_in.live_data.imports.import_platform(str(broken)) is None
    (text, detail), = boxes
    assert text == detail
    assert_in_language(window_in, [text], {"平台.xlsx"})
    if window_in.language == "zh_CN":
        assert text == "平台.xlsx：不是 .xlsx 工作簿（文件格式不对）；请用 Excel 重新保存"
    else:
        assert text == "平台.xlsx: not an .xlsx workbook (it is not a zip file); save it again from Excel"


def test_the_plan_editors_product_sheet_import_is_refused_in_the_windows_language(window_in, qtbot, session, tmp_path):
    from controlroom.ui.plan_editor import PlanEditor

    editor = PlanEditor(session.service)
    qtbot.addWidget(editor)
    before = [p.sku for p in editor.draft.products]
    sheet = write_csv(tmp_path / "补货.csv", ["name", "sku", "role", "price", "stock"], [["口红", "L1", "利润款", "abc", 5]])
    editor.import_sheet(sheet)
    assert [p.sku for p in editor.draft.products] == before
    text = editor.message.text()
    assert_in_language(window_in, [text], {"补货.csv", "abc", "price"})
    expected = {"zh_CN": "补货.csv：第 2 行，价格（“price”列）：'abc' 不是 ≥ 0 的价格",
                "en": "补货.csv: row 2, column price: 'abc' is not a price ≥ 0"}
    assert text == expected[window_in.language]
