"""The host display as a window: where it opens (host_placement), full screen or not,
and remembering all that (prefs.HostPlacement) as it changes, so that after a restart —
or a crash — of the main window it reopens where it was."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from controlroom.ui.host_placement import Screen, place
from controlroom.ui.prefs import HostPlacement, Prefs

GEOMETRY_SETTLE_MS = 300


class HostWindow(QWidget):
    """A top-level window that remembers its placement in `placement_prefs` (None: it
    does not). Closing it by hand (its close button) remembers it closed; closing it
    with the main window does not, so it comes back with the next one."""

    def __init__(self, parent: QWidget | None, placement_prefs: Prefs | None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.placement_prefs = placement_prefs
        self._remembering = False  # only once it has been placed: the first resize is ours
        # A drag moves it many times a second: its geometry is written once it rests.
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.setInterval(GEOMETRY_SETTLE_MS)
        self._geometry_timer.timeout.connect(self.remember)

    def open_placed(self, main_window: QRect) -> None:
        """Show where it was, else off the main window's screen, else beside the controls."""
        saved = self.placement_prefs.host_placement() if self.placement_prefs else HostPlacement()
        screens = QGuiApplication.screens()
        where = place([Screen(s.name(), s.availableGeometry()) for s in screens], main_window, saved.screen,
                      QRect(*saved.geometry) if saved.geometry else None, saved.full_screen)
        self._remembering = False
        self.setScreen(screens[where.screen])
        self.setGeometry(where.geometry)
        if where.full_screen:
            self.showFullScreen()
        else:
            self.showNormal()
        self._remembering = True
        self.remember()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.remember()

    def hide_by_hand(self) -> None:
        self.hide()
        self.remember(is_open=False)

    def remember(self, is_open: bool | None = None) -> None:
        """Write where it is now (its normal geometry, even while full screen)."""
        if self.placement_prefs is None or not self._remembering:
            return
        old = self.placement_prefs.host_placement()
        rect = self.normalGeometry() if self.isFullScreen() else self.geometry()
        geometry = (rect.x(), rect.y(), rect.width(), rect.height()) if rect.isValid() else old.geometry
        screen = self.screen().name() if self.screen() is not None else old.screen
        placement = HostPlacement(self.isVisible() if is_open is None else is_open, screen, geometry,
                                  self.isFullScreen())
        if placement != old:
            self.placement_prefs.set_host_placement(placement)

    # Qt tells us of every change: opening, closing and full screen are remembered at
    # once (a crash may follow), a new geometry once it has rested.
    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._geometry_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._geometry_changed()

    def _geometry_changed(self) -> None:
        if self._remembering and not self.isFullScreen():
            self._geometry_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.remember()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.remember()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # its own close button, not the main window closing it
            self.remember(is_open=False)
        self._remembering = False
        self._geometry_timer.stop()
        super().closeEvent(event)
