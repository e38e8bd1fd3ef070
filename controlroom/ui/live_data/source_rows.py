"""The registry's connectors in the window: one row each (its options, start / stop, a
health line in its state's colour: events/min, last event age, errors, the last problem).

The local API and the file tail keep their own groups above (token, file chooser); the
other sources of `feeds/sources.py` REGISTRY are listed here. They run on their own
threads; the rows only read their health once a second. All stop on a show change or
when the window closes (`set_service`, `stop_all`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from controlroom.feeds.sources import OPTIONS, REGISTRY, SourceContext, SourceHealth, SourceSet
from controlroom.services.intake import Intake

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

HEALTH_REFRESH_MS = 1000
# The API and the tail have the panel's own groups; a rehearsal show already plays the
# simulated room (ui/session.py), and a real show must never get made-up viewers and orders.
NOT_LISTED = ("api", "tail", "simulator")
STATE_COLOURS = {"stopped": "#808080", "starting": "#b07d00", "connected": "#2e7d32", "stalled": "#c77700",
                 "failed": "#c62828"}
# The options offered in the window (others stay for the command line).
translate = QCoreApplication.translate
WINDOW_OPTIONS = {"tiktok": ("unique_id",), "douyin": ("url", "format"),
                  "obs": ("url", "password")}


def source_title(name: str) -> str:
    titles = {"tiktok": translate("SourceRows", "TikTok LIVE"),
              "douyin": translate("SourceRows", "Douyin comment relay"), "obs": translate("SourceRows", "OBS stream health")}
    return titles.get(name, name)


def option_label(option: str) -> str:
    labels = {"unique_id": translate("SourceRows", "Room @handle"), "url": translate("SourceRows", "WebSocket URL"),
              "format": translate("SourceRows", "Relay format"), "password": translate("SourceRows", "Password")}
    return labels.get(option, option)


def state_text(state: str) -> str:
    names = {"stopped": translate("SourceRows", "Stopped"), "starting": translate("SourceRows", "Starting"), "connected": translate("SourceRows", "Connected"),
             "stalled": translate("SourceRows", "Stalled: nothing coming in"), "failed": translate("SourceRows", "Failed")}
    return names.get(state, state)


def health_line(h: SourceHealth) -> str:
    age = "–" if h.last_event_age_s is None else translate("SourceRows", "%1 s ago").replace("%1", f"{h.last_event_age_s:.0f}")
    line = (translate("SourceRows", "%1 · %2 events/min · last event %3 · %4 errors").replace("%1", state_text(h.state))
            .replace("%2", f"{h.events_per_min:.0f}").replace("%3", age).replace("%4", str(h.errors)))
    return f"{line}\n{h.detail}" if h.detail else line


class SourceRow(QWidget):
    """One connector: its option fields, a start/stop button, its health line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for option in WINDOW_OPTIONS.get(name, tuple(OPTIONS.get(name, {}))):
            edit = QLineEdit()
            if option == "password":
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[option] = edit
            form.addRow(option_label(option), edit)
        self.button = QPushButton(translate("SourceRows", "Start"))
        self.health = QLabel(state_text("stopped"), wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.health, 1)
        form.addRow(row)

    def options(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self.fields.items() if e.text().strip()}

    def show_health(self, h: SourceHealth | None) -> None:
        running = h is not None
        self.button.setText(translate("SourceRows", "Stop") if running else translate("SourceRows", "Start"))
        for edit in self.fields.values():
            edit.setEnabled(not running)
        state = h.state if h is not None else "stopped"
        self.health.setText(health_line(h) if h is not None else state_text("stopped"))
        self.health.setStyleSheet(f"color: {STATE_COLOURS.get(state, '#808080')}")


class ConnectorsGroup(QGroupBox):
    """Attributes: rows (name → SourceRow), running (a SourceSet over the open show, or None).
    Signals: problem(text) — from a source's thread."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("SourceRows", "Connectors"), parent)
        self.running: SourceSet | None = None
        self.rows: dict[str, SourceRow] = {}
        form = QFormLayout(self)
        for name in REGISTRY:
            if name in NOT_LISTED:
                continue
            row = self.rows[name] = SourceRow(name)
            row.button.clicked.connect(lambda _checked=False, n=name: self.toggle(n))
            form.addRow(QLabel(f"<b>{source_title(name)}</b>"))
            form.addRow(row)
        self.timer = QTimer(self)
        self.timer.setInterval(HEALTH_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def set_service(self, service: ShowService | None) -> None:
        self.stop_all()
        self.running = None
        if service is not None:
            ctx = SourceContext(service, Intake(service), service.clock, self.problem.emit)
            self.running = SourceSet(ctx)
        for row in self.rows.values():
            row.button.setEnabled(service is not None)
        self.refresh()

    def toggle(self, name: str) -> None:
        if self.running is None:
            return
        if name in self.running.sources:
            self.running.stop(name)
        else:
            self.running.start(name, self.rows[name].options())
            self.timer.start()
        self.refresh()

    def stop_all(self) -> None:
        self.timer.stop()
        if self.running is not None:
            self.running.stop_all()
        self.refresh()

    def state_extra(self) -> dict[str, list[dict[str, object]]]:
        """The connectors' health for the local API's /api/v1/state (called on the server's thread)."""
        running = self.running
        return {"sources": [h.as_dict() for h in running.health()] if running is not None else []}

    def refresh(self) -> None:
        lines = {h.name: h for h in self.running.health()} if self.running is not None else {}
        for name, row in self.rows.items():
            row.show_health(lines.get(name))
