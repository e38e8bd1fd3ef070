"""Read a spreadsheet without freezing the window: every sheet (.xlsx and .csv) is read in
a child process, with a cancellable busy dialog while the event loop keeps running
(timer, charts, feeds). The child refuses a sheet past its kind's limits as it reads;
the window takes its rows in small frames as they arrive and stops the child if it
sends more than those limits allow."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QProcess, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from controlroom.core.plan import Plan
from controlroom.core.products import Product
from controlroom.core.sheet_limits import PLAN_SHEET, PLATFORM_EXPORT, PRODUCT_SHEET, SheetLimits
from controlroom.core.sheet_problem import SheetProblem
from controlroom.sheets.table import SheetError
from controlroom.sheets.transfer import FrameReader
from controlroom.ui.background import frozen_heap

TAKE_BYTES = 256 * 1024  # of the child's output parsed per turn of the event loop (a few ms)


def tr(text: str) -> str:
    return QCoreApplication.translate("SheetReader", text)


def read_rows_responsive(
    path: str | Path, parent: QWidget | None, limits: SheetLimits = PLATFORM_EXPORT
) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows) as `sheets.table.read_rows` gives them; SheetError when refused or cancelled."""
    return _read(Path(path), parent, FrameReader(limits, Path(path).name))


def read_preview_responsive(
    path: str | Path, parent: QWidget | None, keep: int, limits: SheetLimits = PLATFORM_EXPORT
) -> tuple[list[str], list[list[Any]], int]:
    """(headers, the first `keep` rows, how many rows) of a sheet read whole in the child,
    within `limits`, as `read_rows_responsive` (for a platform export, which is then mapped
    in a child of its own: the window never holds its 200,000 rows)."""
    reader = _FirstRows(limits, Path(path).name, keep)
    headers, rows = _read(Path(path), parent, reader)
    return headers, rows, reader.count


class _FirstRows(FrameReader):
    """A FrameReader that keeps the first rows only, and counts (and bounds) them all."""

    def __init__(self, limits: SheetLimits, name: str, keep: int) -> None:
        super().__init__(limits, name)
        self.keep, self.count = keep, 0

    def _take(self, tag: Any, body: Any) -> None:
        if tag != "rows":
            super()._take(tag, body)
            return
        self.count += len(body)
        if self.count > self.limits.max_rows:
            raise self._refuse("reader_rows", limit=f"{self.limits.max_rows:,}")
        self.rows.extend(body[: max(0, self.keep - len(self.rows))])


def _read(p: Path, parent: QWidget | None, reader: FrameReader) -> tuple[list[str], list[list[Any]]]:
    if not p.is_file():
        raise SheetError([SheetProblem("no_file", file=str(p))])
    proc = QProcess(parent)
    proc.setProgram(sys.executable)
    proc.setArguments(["-m", "controlroom.sheets.dump", "--kind", reader.limits.kind, str(p)])
    overflow: list[SheetError] = []
    taken: list[bool] = []

    def take_output() -> None:
        if taken:
            return  # a turn scheduled before the end: everything was taken already
        if overflow:
            proc.readAllStandardOutput()  # already refused: drop the rest
            return
        try:  # a slice at a time: frames that piled up while the window was busy never stall it
            reader.feed(bytes(proc.read(TAKE_BYTES).data()))
        except SheetError as exc:
            overflow.append(exc)
            proc.kill()
            return
        if proc.bytesAvailable():
            QTimer.singleShot(0, take_output)  # the rest after the events waiting meanwhile

    proc.readyReadStandardOutput.connect(take_output)
    with frozen_heap():  # thousands of frames unpickled: never a full collection of the window's objects
        _run(proc, p, parent)
        while proc.bytesAvailable() and not overflow:  # what the child wrote last
            take_output()
            QCoreApplication.processEvents()
    taken.append(True)
    return _result(proc, p, reader, overflow)


def read_products_responsive(path: str | Path, parent: QWidget | None) -> list[Product]:
    from controlroom.sheets.products import products_in

    return products_in(path, *read_rows_responsive(path, parent, PRODUCT_SHEET))


def read_plan_responsive(path: str | Path, parent: QWidget | None, products: list[Product]) -> Plan:
    from controlroom.sheets.plan_io import plan_in

    return plan_in(path, *read_rows_responsive(path, parent, PLAN_SHEET), products)


def _run(proc: QProcess, p: Path, parent: QWidget | None) -> None:
    """Start the child and run the event loop (with a busy dialog) until it has ended."""
    dialog = QProgressDialog(tr("Reading %1…").replace("%1", p.name), tr("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    proc.finished.connect(loop.quit)  # also after a crash or a kill
    proc.errorOccurred.connect(lambda e: loop.quit() if e == QProcess.ProcessError.FailedToStart else None)
    dialog.canceled.connect(proc.kill)
    proc.start()
    if proc.state() != QProcess.ProcessState.NotRunning:
        loop.exec()
    dialog.close()
    dialog.deleteLater()


def _result(
    proc: QProcess, p: Path, reader: FrameReader, overflow: list[SheetError]
) -> tuple[list[str], list[list[Any]]]:
    err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace").strip()
    proc.deleteLater()
    if overflow:
        raise overflow[0]
    if reader.refused is not None:
        raise SheetError(reader.refused)
    if not reader.done or reader.headers is None:
        raise SheetError([err.splitlines()[-1] if err else tr("%1: reading was cancelled").replace("%1", p.name)])
    return reader.headers, reader.rows
