"""Big workbooks are read in a child process: the window's event loop keeps running."""

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from controlroom.core.sheet_limits import PLATFORM_EXPORT
from controlroom.sheets.table import SheetError, read_rows
from controlroom.ui.sheet_reader import read_rows_responsive


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


def test_csv_is_read_in_process(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("时间,在线人数\n20:00,5\n", encoding="utf-8")
    assert read_rows_responsive(path, None) == (["时间", "在线人数"], [["20:00", "5"]])
