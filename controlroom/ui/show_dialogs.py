"""Dialogs to create a show (the default plan over a product sheet or the sample
catalogue) and to open one from a database."""

from __future__ import annotations

import time

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.clock import MAX_REHEARSAL_SPEED, SpeedClock, SystemClock
from controlroom.core.pacing import ShowStatus
from controlroom.core.sample_words import plan_words
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.store.clock_anchor import clock_anchor_path
from controlroom.store.db import StoreError, db_url, open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui import fmt, prefs, texts
from controlroom.ui.i18n import current_language
from controlroom.ui.session import REHEARSAL_ROOM, ShowSession

SHEET_FILTER = "Product sheets (*.xlsx *.csv)"


class NewShowDialog(QDialog):
    """Attributes: session (the new show's ShowSession once accepted), error (QLabel)."""

    def __init__(self, parent: QWidget | None, db: str | None) -> None:
        super().__init__(parent)
        self.db = db
        self.session: ShowSession | None = None
        self.setWindowTitle(self.tr("New show"))
        form = QFormLayout()
        self.title = QLineEdit(self.tr("Live show %1").replace("%1", time.strftime("%m-%d")))
        self.minutes = QSpinBox()
        self.minutes.setRange(20, 24 * 60)
        self.minutes.setValue(prefs.DEFAULT_REHEARSAL_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.sheet = QLineEdit()
        self.sheet.setPlaceholderText(self.tr("empty: the sample catalogue"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.sheet, 1)
        row.addWidget(browse)
        self.rehearsal = QCheckBox(self.tr("Rehearsal: the simulator plays the audience"))
        self.speed = QDoubleSpinBox()
        self.speed.setRange(1.0, MAX_REHEARSAL_SPEED)
        self.speed.setDecimals(0)
        self.speed.setValue(1.0)
        self.speed.setSuffix(self.tr("× faster"))
        self.speed.setToolTip(self.tr("Training: the timer, the cues and the simulated room run this many times faster"))
        self.speed.setEnabled(False)
        self.rehearsal.toggled.connect(self.speed.setEnabled)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Planned length"), self.minutes)
        form.addRow(self.tr("Product sheet"), row)
        form.addRow("", self.rehearsal)
        form.addRow(self.tr("Rehearsal speed"), self.speed)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Product sheet"), "", SHEET_FILTER)
        if path:
            self.sheet.setText(path)

    def create(self) -> None:
        """Make the show (one transaction) and open it; a bad sheet changes nothing."""
        title = self.title.text().strip()
        if not title:
            self.error.setText(self.tr("Title: please give the show a title."))
            return
        try:
            products = self._products()
            repo = ShowRepository(open_engine(self.db))
            room = REHEARSAL_ROOM if self.rehearsal.isChecked() else ""
            sid = create_show(repo, title, float(self.minutes.value()), products, time.time(), room=room,
                              words=plan_words(current_language()))
            repo.engine.dispose()
            self.session = self._open(sid)
        except (ValueError, StoreError) as exc:
            self.error.setText(texts.error(str(exc)))
            return
        self.accept()

    def _open(self, sid: int) -> ShowSession:
        """A rehearsal runs on the simulator from its first second, at its speed."""
        if not self.rehearsal.isChecked():
            return ShowSession(self.db, sid)
        speed = self.speed.value()
        clock = SpeedClock(SystemClock(anchor_path=clock_anchor_path()), speed) if speed != 1.0 else None
        return ShowSession(self.db, sid, clock, rehearsal_seed=1, language=current_language())

    def _products(self) -> list:
        path = self.sheet.text().strip()
        if not path:
            return sample_products(current_language())
        from controlroom.ui.sheet_reader import read_products_responsive

        return read_products_responsive(path, self)


def _where(url: str) -> str:
    """A database as the user knows it: the file's path for SQLite, else its URL."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def _state(value: str) -> str:
    """A show's state (ShowStatus's value) in the window's language."""
    try:
        return texts.status(ShowStatus(value))
    except ValueError:
        return value


class OpenShowDialog(QDialog):
    """Attributes: chosen ((db, show id) once accepted), table."""

    def __init__(self, parent: QWidget | None, db: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open show"))
        self.resize(720, 420)
        self.db = db_url(db)
        self.chosen: tuple[str, int] | None = None
        self.where = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("#"), self.tr("Title"), self.tr("Created"), self.tr("State"), self.tr("GMV")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _i: self.choose())
        other = QPushButton(self.tr("Other database…"))
        other.clicked.connect(self._other_db)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.load(self.db)

    def load(self, db: str) -> None:
        self.db = db
        self.where.setText(self.tr("Database: %1").replace("%1", _where(db)))
        self.table.setRowCount(0)
        try:
            engine = open_engine(db, create=False)
        except StoreError as exc:
            self.where.setText(str(exc))
            return
        try:
            shows = ShowRepository(engine).list_shows()
        finally:
            engine.dispose()
        for s in reversed(shows):
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = [str(s.id), s.title, time.strftime("%Y-%m-%d %H:%M", time.localtime(s.created_at)),
                     _state(s.state), fmt.money(s.gmv)]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if shows:
            self.table.selectRow(0)

    def _other_db(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Database"), "", "SQLite (*.db *.sqlite);;*")
        if path:
            self.load(db_url(path))

    def choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = (self.db, int(self.table.item(rows[0].row(), 0).text()))
            self.accept()
