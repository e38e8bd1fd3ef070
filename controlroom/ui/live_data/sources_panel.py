"""Live data sources in the window: the local API server (on/off, port, token with a
copy button), the JSON-lines file tail (choose, start, stop, what it read), and the
registry's connectors with their health lines (source_rows.py: simulator, TikTok, Douyin, OBS).

All run on their own threads against the open show; all stop when the show changes
or the window closes. Problems from the tail thread come back by signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from controlroom.feeds.config import ApiSettings, load_or_create_token
from controlroom.feeds.tail import FileTail, TailReader
from controlroom.services.intake import Intake
from controlroom.ui.live_data.lan_panel import LanPanel
from controlroom.ui.live_data.source_rows import ConnectorsGroup

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

STATS_REFRESH_MS = 1000  # how often the tail's counters are redrawn while it runs


class SourcesPanel(QWidget):
    """Attributes: service, server (ApiServer or None), tail (FileTail or None).
    Signals: problem(text) — a tail problem, emitted from the tail's thread."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: ShowService | None = None
        self.server = None
        self.tail: FileTail | None = None
        self.settings = ApiSettings()
        self.stats_timer = QTimer(self)
        self.stats_timer.setInterval(STATS_REFRESH_MS)
        self.stats_timer.timeout.connect(self.show_tail_stats)
        self.problem.connect(self._show_problem)
        self.connectors = ConnectorsGroup()
        box = QVBoxLayout(self)
        box.addWidget(self._server_group())
        self.views = LanPanel(self)  # the browser views: LAN setting, link, QR (lan_panel.py)
        box.addWidget(self.views)
        box.addWidget(self._tail_group())
        box.addWidget(self.connectors)
        box.addStretch(1)
        self.set_service(None)

    def _server_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Local API"))
        self.server_on = QCheckBox(self.tr("Take events over HTTP / WebSocket"))
        self.server_on.toggled.connect(self.toggle_server)
        self.port = QSpinBox(minimum=1024, maximum=65535, value=self.settings.port)
        self.token = QLineEdit(readOnly=True)
        self.copy_token = QPushButton(self.tr("Copy token"))
        self.copy_token.clicked.connect(self.copy_token_to_clipboard)
        self.server_status = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.copy_token)
        form = QFormLayout(group)
        form.addRow(self.server_on)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Token"), row)
        form.addRow(self.server_status)
        return group

    def _tail_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Follow a file (JSON lines)"))
        self.tail_path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_tail_file)
        self.from_start = QCheckBox(self.tr("Read the lines already in the file"))
        self.tail_button = QPushButton(self.tr("Start following"))
        self.tail_button.clicked.connect(self.toggle_tail)
        self.tail_status = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.tail_path, 1)
        row.addWidget(browse)
        form = QFormLayout(group)
        form.addRow(self.tr("File"), row)
        form.addRow(self.from_start)
        form.addRow(self.tail_button)
        form.addRow(self.tail_status)
        return group

    # -- the show ----------------------------------------------------------
    def set_service(self, service: ShowService | None) -> None:
        self.stop_all()
        self.service = service
        for w in (self.server_on, self.tail_button):
            w.setEnabled(service is not None)
        self.connectors.set_service(service)
        self.token.setText(load_or_create_token())

    def stop_all(self) -> None:
        self.connectors.stop_all()
        self.stop_tail()
        if self.server_on.isChecked():
            self.server_on.setChecked(False)  # stops the server through toggle_server
        self._stop_server()

    # -- server --------------------------------------------------------------
    def toggle_server(self, on: bool) -> None:
        if on:
            self._start_server()
        else:
            self._stop_server()
            self.server_status.setText(self.tr("Stopped"))

    def _start_server(self) -> None:
        from controlroom.feeds.api_server import ApiServer  # aiohttp only when used

        if self.service is None:
            self.server_on.setChecked(False)
            return
        server = ApiServer(Intake(self.service), self.token.text(), self.views.host(self.settings.host),
                           self.port.value(), self.settings, self.views.view_token, self.views.language())
        try:
            server.start()
        except OSError as exc:
            self.server_status.setText(str(exc))
            self.server_on.blockSignals(True)
            self.server_on.setChecked(False)
            self.server_on.blockSignals(False)
            return
        server.handlers.state_extra = self.connectors.state_extra
        self.server = server
        self.views.show_server(server)
        self.port.setEnabled(False)
        self.server_status.setText(self.tr("Listening on %1/api/v1/events").replace("%1", server.url))

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        self.views.show_server(None)
        self.port.setEnabled(True)

    def copy_token_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.token.text())
        self.server_status.setText(self.tr("Token copied"))

    # -- tail ----------------------------------------------------------------
    def choose_tail_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("File to follow"), "", self.tr("JSON lines (*.jsonl *.json *.log *.txt);;All files (*)")
        )
        if path:
            self.tail_path.setText(path)

    def toggle_tail(self) -> None:
        if self.tail is not None:
            self.stop_tail()
        else:
            self.start_tail()

    def start_tail(self) -> None:
        path = self.tail_path.text().strip()
        if self.service is None or not path:
            self.tail_status.setText(self.tr("Choose a file first"))
            return
        reader = TailReader(path, Intake(self.service), self.problem.emit, self.from_start.isChecked())
        self.tail = FileTail(reader, self.settings.tail_poll_s)
        self.tail.start()
        self.tail_button.setText(self.tr("Stop following"))
        self.tail_path.setEnabled(False)
        self.stats_timer.start()
        self.show_tail_stats()

    def stop_tail(self) -> None:
        self.stats_timer.stop()
        if self.tail is not None:
            self.tail.stop()
            self.show_tail_stats()
            self.tail = None
        self.tail_button.setText(self.tr("Start following"))
        self.tail_path.setEnabled(True)

    def show_tail_stats(self) -> None:
        if self.tail is None:
            return
        s = self.tail.reader.stats
        self.tail_status.setText(
            self.tr("%1 lines, %2 events taken, %3 duplicate orders, %4 bad lines skipped")
            .replace("%1", str(s.lines))
            .replace("%2", str(s.accepted))
            .replace("%3", str(s.duplicates))
            .replace("%4", str(s.bad))
        )

    def _show_problem(self, text: str) -> None:
        self.tail_status.setToolTip(text)
        self.tail_status.setText(self.tail_status.text().split("\n")[0] + "\n" + text)
