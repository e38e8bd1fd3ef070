"""The window's Export recap: choose a file, export in a child process, follow it in a progress dialog.

openpyxl holds the GIL (in a thread it made a 40 ms chart frame take ~900 ms), so the
workbook is written by `python -m controlroom recap ... --progress` in its own
process; this dialog only reads its progress lines (recap/runner.py) and stays
responsive. Cancel kills the child; the workbook is only renamed into place when
complete, so a cancelled or failed export leaves no half-written file.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from controlroom.recap.runner import command, environment, parse_line, partial_path

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class RecapExport(QObject):
    """One export run in a child process.

    Signals:
        finished(ok, path, message): the child ended; `message` says why when not ok.
    """

    finished = Signal(bool, str, str)

    def __init__(self, parent: QWidget | None, db_url: str, show_id: int, out: Path, language: str = "zh_CN") -> None:
        super().__init__(parent)
        self.out = out
        self._argv = command(show_id, out, language)
        self._pid = 0
        self._buffer = b""
        self._done_path: str | None = None
        self._cancelled = False
        self.process = QProcess(self)
        env = QProcessEnvironment()
        for key, value in environment(db_url).items():  # the URL (a password, maybe) never on argv
            env.insert(key, value)
        self.process.setProcessEnvironment(env)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self.dialog = QProgressDialog(self.tr("Exporting the recap…"), self.tr("Cancel"), 0, 100, parent)
        self.dialog.setWindowTitle(self.tr("Export recap"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.dialog.show()
        self.process.start(self._argv[0], self._argv[1:])
        self._pid = int(self.process.processId() or 0)

    def cancel(self) -> None:
        if self.process.state() == QProcess.ProcessState.NotRunning:
            return
        self._cancelled = True
        self.process.kill()

    def stage_text(self, stage: str) -> str:
        return {
            "reading": self.tr("Reading the show…"),
            "events": self.tr("Going through the show log…"),
            "sheets": self.tr("Writing the sheets…"),
            "saving": self.tr("Saving the workbook…"),
            "done": self.tr("Done"),
        }.get(stage, stage)

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            report = parse_line(raw.decode("utf-8", "replace"))
            if report is None:
                continue
            self.dialog.setValue(report.percent)
            self.dialog.setLabelText(self.stage_text(report.stage))
            if report.path is not None:
                self._done_path = report.path

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        self.dialog.reset()
        self.dialog.hide()
        ok = code == 0 and status == QProcess.ExitStatus.NormalExit and self._done_path is not None
        if ok:
            self.finished.emit(True, self._done_path or str(self.out), "")
            return
        if self._pid:
            partial_path(self.out, self._pid).unlink(missing_ok=True)
        self.finished.emit(False, str(self.out), self._failure_text())

    def _failure_text(self) -> str:
        if self._cancelled:
            return self.tr("The export was cancelled; no file was written.")
        err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace").strip()
        last = err.splitlines()[-1] if err else self.tr("the export process stopped")
        return self.tr("The recap could not be written: %1").replace("%1", last)

    def written_text(self, path: str) -> str:
        """What the user is told once the workbook is in place."""
        return self.tr("The recap was written to %1").replace("%1", path)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.dialog.hide()
            self.finished.emit(False, str(self.out), self.tr("The export process could not start."))


def default_name(title: str, show_id: int, snapshot_at: str | None = None) -> str:
    """The suggested file name: the show's title made safe, its id, "recap" in the window's
    language; during the show "…-recap-to-1405.xlsx" (a snapshot up to 14:05)."""
    safe = _UNSAFE.sub("_", title).strip(" ._") or QCoreApplication.translate("RecapExport", "show")
    word = QCoreApplication.translate("RecapExport", "recap")
    snapshot = QCoreApplication.translate("RecapExport", "-to-{t}").format(t=snapshot_at.replace(":", "")) if snapshot_at else ""
    return f"{safe}-{show_id}-{word}{snapshot}.xlsx"


def choose_file(parent: QWidget | None, title: str, show_id: int, snapshot_at: str | None = None) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("RecapExport", "Export recap"),
        str(Path.home() / default_name(title, show_id, snapshot_at)), "Excel (*.xlsx)",
    )
    if not path:
        return None
    out = Path(path)
    return out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")


def export_recap(
    parent: QWidget | None, db_url: str, show_id: int, language: str = "zh_CN", title: str = "",
    snapshot_at: str | None = None,
) -> RecapExport | None:
    """The window's action: ask where, then export; tell the user how it went. During the
    show (`snapshot_at`, the time of day now) the workbook is a snapshot up to the log's
    last event, labelled as such, and the show goes on."""
    out = choose_file(parent, title or "recap", show_id, snapshot_at)
    if out is None:
        return None
    run = RecapExport(parent, db_url, show_id, out, language)
    run.finished.connect(lambda ok, path, message: _tell(parent, run, ok, path, message))
    run.start()
    return run


def _tell(parent: QWidget | None, run: RecapExport, ok: bool, path: str, message: str) -> None:
    # RecapExport's context: `run.tr(...)` here would be looked up as "RecapExport" at run
    # time but extracted by lupdate as "run", so the translation was never found
    title = QCoreApplication.translate("RecapExport", "Export recap")
    if ok:
        box = QMessageBox(QMessageBox.Icon.Information, title, run.written_text(path), parent=parent)
    else:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): the window keeps running
    run.deleteLater()
