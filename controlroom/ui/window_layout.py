"""The main window's size and dock layout: opened at a size that fits the screen it is on,
its docks in proportions that suit that size, and the user's geometry and dock layout
remembered across starts (QSettings via Prefs) unless they no longer fit the screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDockWidget, QScrollArea, QWidget

# The window as it opens on a big screen; smaller screens get their available area.
PREFERRED_SIZE = (1600, 1000)
# Room left for the window manager's frame and title bar when the window fills a screen.
FRAME_ALLOWANCE = (16, 40)
# Below this window height the charts and the log share the bottom row more tightly.
COMPACT_HEIGHT = 860
STATE_VERSION = 2  # bump when the docks change: an old saved layout is then ignored


def available(window: Any) -> QRect:
    """The available area (without panels) of the screen the window is, or will be, on."""
    screen: QScreen | None = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED_SIZE)


def fitting_size(area: QRect) -> tuple[int, int]:
    """The preferred size, shrunk to the area minus the frame."""
    width = min(PREFERRED_SIZE[0], area.width() - FRAME_ALLOWANCE[0])
    height = min(PREFERRED_SIZE[1], area.height() - FRAME_ALLOWANCE[1])
    return max(width, 320), max(height, 240)


def fits(rect: QRect) -> bool:
    """A saved window frame lies within the available area of some screen now attached."""
    return any(s.availableGeometry().contains(rect) for s in QGuiApplication.screens())


def place(window: Any) -> bool:
    """Before the first show: the saved geometry when it still fits a screen, else a size
    that fits the screen, centred; a size the caller set (resize) is kept. Returns whether
    the saved geometry was used."""
    if window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return False
    saved = window.prefs.window_geometry()
    if saved and window.restoreGeometry(QByteArray(saved)) and fits(window.frameGeometry()):
        return True
    area = available(window)
    width, height = fitting_size(area)
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + max(0, (area.height() - height - FRAME_ALLOWANCE[1]) // 2))
    return False


def restore_docks(window: Any) -> bool:
    """At the first show (every dock exists by then): the saved dock layout, if any."""
    saved = window.prefs.window_state()
    return bool(saved) and window.restoreState(QByteArray(saved), STATE_VERSION)


def save(window: Any) -> None:
    """The geometry and dock layout, for the next start."""
    window.prefs.set_window_layout(bytes(window.saveGeometry().data()), bytes(window.saveState(STATE_VERSION).data()))


def size_docks(window: Any) -> None:
    """Initial proportions for the window's real size: the timer keeps its height (its
    controls must all show), the queue takes the upper right, the charts and the log share
    what is left below, the log wide enough for its incident row."""
    docks, w, h = window.docks, window.width(), window.height()
    compact = h < COMPACT_HEIGHT
    window.resizeDocks([docks["queue"]], [int(w * (0.47 if compact else 0.45))], Qt.Orientation.Horizontal)
    log_share = 0.5 if compact else 0.38
    window.resizeDocks([docks["charts"], docks["log"]], [int(w * (1 - log_share)), int(w * log_share)],
                       Qt.Orientation.Horizontal)
    central = window.centralWidget().minimumSizeHint().height()
    bottom = max(h - central - window.menuBar().height() - 12, int(h * 0.3))
    window.resizeDocks([docks["charts"]], [bottom if compact else int(h * 0.42)], Qt.Orientation.Vertical)
    window.resizeDocks([docks["queue"], docks["alerts"]], [int(h * (0.55 if compact else 0.34)), int(h * 0.16)],
                       Qt.Orientation.Vertical)


def add_dock(window: Any, widget: QWidget, title: str, area: Qt.DockWidgetArea | None, name: str | None,
             scrolled: bool) -> QDockWidget:
    """MainWindow.add_dock: without an area the dock joins the tabs beside the alerts, in a
    scroll area, so tools added later never squeeze the queue or the charts."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name or f"dock-{title}")
    if scrolled or (area is None and "manual" in getattr(window, "docks", {})):
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(widget)
        dock.setWidget(scroll)
    else:
        dock.setWidget(widget)
    window.addDockWidget(area or Qt.DockWidgetArea.RightDockWidgetArea, dock)
    docks = getattr(window, "docks", {})
    if area is None and "manual" in docks:
        window.tabifyDockWidget(docks["manual"], dock)
        docks["alerts"].raise_()
    window.menu("view").addAction(dock.toggleViewAction())
    return dock
