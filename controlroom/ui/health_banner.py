"""The red banner at the top of the window while the show log cannot write, or after some
events could not be stored: the controller must know, and know that nothing is lost."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar, QWidget

from controlroom.core.views import Health
from controlroom.ui import texts

STYLE = "QLabel { color: white; background: #c62828; font-weight: bold; padding: 6px 10px; }"


class WrappingLabel(QLabel):
    """A word-wrapped label as tall as its text needs at the width it is given (a plain
    one asks a toolbar for the height of a narrow column)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.heightForWidth(max(self.width(), 120)))  # may narrow, growing taller

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height follows the new width


class HealthBanner(QToolBar):
    """A fixed bar above the panels and docks, shown only while `Health.troubled`.
    Attributes: label (its text)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("health-banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not something to hide from the View menu
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.label = WrappingLabel()
        self.label.setStyleSheet(STYLE)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the rescue path, copied
        self.addWidget(self.label)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self._health: Health | None = None
        self.setVisible(False)

    def show_health(self, health: Health | None) -> None:
        """Show `health` (None: no show is open). Redraws only when it changed."""
        if health == self._health:
            return
        self._health = health
        text = texts.log_trouble(health) if health is not None and health.troubled else ""
        if text != self.label.text():
            self.label.setText(text)
            self.label.updateGeometry()
        self.setVisible(bool(text))
