"""Active alerts, most severe first, with an optional sound cue when a new one appears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from controlroom.core.alerts import Alert
from controlroom.ui import texts, theme

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}


class AlertsPanel(QWidget):
    """Attributes: sound (bool: beep when a new warning or critical alert appears), beeps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sound = False
        self.beeps = 0
        self._keys: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout.addWidget(self.list)

    def show_alerts(self, alerts: list[Alert]) -> None:
        alerts = sorted(alerts, key=lambda a: SEVERITY_ORDER.get(a.severity, 3))
        keys = [(a.code, a.subject) for a in alerts]
        if keys == self._keys and self.list.count() == len(alerts):
            for i, a in enumerate(alerts):  # same alerts; their figures may have moved
                self.list.item(i).setText(texts.alert(a))
            return
        new = [a for a in alerts if (a.code, a.subject) not in self._keys and a.severity != "info"]
        self._keys = keys
        self.list.clear()
        for a in alerts:
            item = QListWidgetItem(texts.alert(a))
            item.setForeground(QBrush(theme.SEVERITY_COLOURS.get(a.severity, theme.SEVERITY_COLOURS["info"])))
            item.setData(Qt.ItemDataRole.UserRole, a.code)
            self.list.addItem(item)
        critical = sum(1 for a in alerts if a.severity == "critical")
        self.summary.setText(self.tr("No alerts") if not alerts else
                             self.tr("%1 alert(s), %2 critical").replace("%1", str(len(alerts))).replace("%2", str(critical)))
        theme.restyle(self.summary, theme.pill("white", "#c62828") if critical else "")
        if new and self.sound:
            self.beeps += 1
            QApplication.beep()

    def codes(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
