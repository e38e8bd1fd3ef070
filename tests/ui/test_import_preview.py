"""The window's product-sheet import: Data › Import product sheet shows what will change
per SKU, applies on Apply, and asks again if the show changed in between."""

from __future__ import annotations

import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from tests.cli.test_cli import write_sheet

pytestmark = pytest.mark.gui


def cells(dialog) -> list[list[str]]:
    t = dialog.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


@pytest.fixture
def on_air(window, clock):
    """The show running, SKU-1001 on air and on shelf, 2 sold."""
    service = window.service
    service.start()
    service.next()
    service.run(commands.set_shelf, "SKU-1001", True)
    service.ingest([ev.Event(ev.ORDER, clock.now(), user="u", product="SKU-1001", qty=2, value=19.8, ref="o1")])
    window.refresh()
    return service


def test_the_preview_lists_each_sku_and_apply_merges(qtbot, window, on_air, tmp_path):
    sheet = tmp_path / "p.csv"
    write_sheet(sheet, [["袖套 改名", "SKU-1001", "引流款", 8.8, 600, "", ""], ["新品", "NEW-1", "利润款", 5, 10, "", ""]])
    before = on_air.status()
    dialog = window.live_data.imports.import_products(str(sheet))
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    rows = {(r[0], r[1]): r for r in cells(dialog)}
    assert rows["updated", "SKU-1001"][3] == "price 9.9 → 8.8"
    assert rows["refused", "SKU-1001"][4] == "SKU-1001 is on air: its name and role stay as they are."
    assert ("added", "NEW-1") in rows and rows["kept", "SKU-3002"][4] == "Not in the sheet."
    assert "added 1" in dialog.summary.text() and on_air.status() == before  # nothing yet
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    after = on_air.status()
    assert after["on_shelf"] == before["on_shelf"] and after["stock"]["SKU-1001"] == 598
    assert on_air.state.queue.products["SKU-1001"].price == 8.8 and "NEW-1" in after["stock"]
    window.refresh()
    assert "NEW-1" in [r.sku for r in window.queue_panel.model.rows]


def test_a_change_between_preview_and_apply_is_shown_before_anything_is_applied(qtbot, window, on_air, tmp_path):
    sheet = tmp_path / "p.csv"
    write_sheet(sheet, [["围巾", "SKU-3001", "形象款", 599, 30, "", ""]])
    dialog = window.live_data.imports.import_products(str(sheet))
    qtbot.addWidget(dialog)
    assert [r[0] for r in cells(dialog)].count("refused") == 0
    on_air.run(commands.set_shelf, "SKU-3001", True)  # meanwhile, on shelf
    n = on_air.repo.count_events(on_air.show_id)
    dialog.apply_button.click()
    assert dialog.isVisible() and "changed since this preview" in dialog.message.text()
    assert on_air.repo.count_events(on_air.show_id) == n
    assert [r[0] for r in cells(dialog)].count("refused") == 1  # the name change, now refused
    dialog.apply_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert on_air.state.queue.products["SKU-3001"].name == "真丝围巾 礼盒装"
    assert on_air.state.queue.products["SKU-3001"].price == 599.0


def test_a_refused_sheet_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.detailedText()) or 0)
    sheet = tmp_path / "bad.csv"
    write_sheet(sheet, [["x", "X1", "利润款", "free", 1, "", ""]])
    assert window.live_data.imports.import_products(str(sheet)) is None
    assert "row 2, column 价格" in shown[0]
