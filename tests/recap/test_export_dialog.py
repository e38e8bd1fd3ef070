"""The window's export: a child process writes the workbook, the progress dialog follows it."""

from __future__ import annotations

import os

import openpyxl
import pytest

from controlroom.ui.export_dialog import RecapExport, default_name
from tests.recap.test_cli import small_show

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def exported(qtbot, repo, writer, clock, db_path, tmp_path):
    def run(show_id: int, name: str = "out.xlsx", cancel: bool = False) -> tuple[RecapExport, list]:
        export = RecapExport(None, str(db_path), show_id, tmp_path / name, "en")
        qtbot.addWidget(export.dialog)
        with qtbot.waitSignal(export.finished, timeout=120_000) as signal:
            export.start()
            if cancel:
                export.cancel()
        export.deleteLater()
        return export, signal.args

    return run


def test_exports_in_a_child_process(exported, repo, writer, clock, tmp_path):
    sid = small_show(repo, writer, clock, "A", 12.5)
    export, (ok, path, message) = exported(sid)
    assert (ok, message) == (True, "")
    assert path == str(tmp_path / "out.xlsx")
    assert export._pid and export._pid != os.getpid()
    assert export.dialog.isHidden()
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames[0] == "Summary"
    wb.close()


def test_a_failing_export_says_why(exported, repo, writer, clock, tmp_path):
    small_show(repo, writer, clock, "A", 1.0)
    _, (ok, _path, message) = exported(42)
    assert not ok and "no show 42" in message
    assert not (tmp_path / "out.xlsx").exists()


def test_cancel_leaves_no_file(exported, repo, writer, clock, tmp_path):
    sid = small_show(repo, writer, clock, "A", 1.0)
    _, (ok, _path, message) = exported(sid, cancel=True)
    assert not ok and "cancelled" in message
    assert not (tmp_path / "out.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_default_file_name_is_safe():
    assert default_name('a/b:c*"d', 3) == "a_b_c_d-3-recap.xlsx"  # English: no translator installed
    assert default_name("///", 1) == "show-1-recap.xlsx"


def test_dialog_speaks_chinese_with_its_translation(qtbot, qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from controlroom.ui.i18n import I18N_DIR

    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "recap_zh_CN.qm"))
    qapp.installTranslator(translator)
    try:
        export = RecapExport(None, "x.db", 1, tmp_path / "x.xlsx")
        qtbot.addWidget(export.dialog)
        assert export.dialog.labelText() == "正在导出复盘…"
        assert export.stage_text("saving") == "正在保存工作簿…"
        export.deleteLater()
    finally:
        qapp.removeTranslator(translator)
