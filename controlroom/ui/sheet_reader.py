"""Read a spreadsheet without freezing the window: .xlsx in a child process, with a
cancellable busy dialog while the event loop keeps running (timer, charts, feeds)."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QProcess, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from controlroom.sheets.table import SheetError, read_rows


def tr(text: str) -> str:
    return QCoreApplication.translate("SheetReader", text)


def read_rows_responsive(path: str | Path, parent: QWidget | None) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) as `sheets.table.read_rows` gives them; SheetError when refused or cancelled."""
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        return read_rows(p)  # csv is read by C code in a blink
    proc = QProcess(parent)
    proc.setProgram(sys.executable)
    proc.setArguments(["-m", "controlroom.sheets.dump", str(p)])
    dialog = QProgressDialog(tr("Reading %1…").replace("%1", p.name), tr("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    proc.finished.connect(loop.quit)
    proc.errorOccurred.connect(loop.quit)
    dialog.canceled.connect(proc.kill)
    proc.start()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    return _result(proc, p)


def _result(proc: QProcess, p: Path) -> tuple[list[str], list[list[Any]]]:
    out = bytes(proc.readAllStandardOutput().data())
    err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace").strip()
    ok = proc.exitStatus() == QProcess.ExitStatus.NormalExit and proc.exitCode() == 0
    proc.deleteLater()
    if not ok:
        raise SheetError([err.splitlines()[-1] if err else tr("%1: reading was cancelled").replace("%1", p.name)])
    return pickle.loads(out)  # our own child's output
