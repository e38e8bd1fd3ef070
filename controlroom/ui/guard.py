"""Keeps the show safe from stray keys in the main window: time-critical shortcuts do not
fire while the user types in a text field, Space and Enter never press a button, and
Escape leaves a text field, handing the keys back to the show.

Qt asks the focus widget first with a ShortcutOverride event; accepting it hands the key
to the widget instead of the shortcut. Buttons and menus still trigger the actions by mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# The keys that press a focused button (or tick a focused check box) in Qt.
PRESSING_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select})
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def is_text_field(widget: QObject | None) -> bool:
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return not getattr(widget, "isReadOnly", lambda: False)()
    return isinstance(widget, QComboBox) and widget.isEditable()


def main_window_of(widget: QWidget) -> QWidget:
    """The window `widget` belongs to, a floating dock counting as part of its main window."""
    window = widget.window()
    while isinstance(window, QDockWidget) and window.parentWidget() is not None:
        window = window.parentWidget().window()
    return window


def hand_back(widget: QWidget) -> None:
    """Move the keyboard focus from `widget` to its (main) window, so the show's keys act at once."""
    window = main_window_of(widget)
    if widget.hasFocus() or widget.window().focusWidget() is widget:
        if window is not widget.window():
            window.activateWindow()
        window.setFocus(Qt.FocusReason.OtherFocusReason)


class ShortcutGuard(QObject):
    """Watches every key event of the application (an application event filter) and acts
    only on those meant for widgets of its parent window; dialogs keep their own keys.
    Attributes: sequences (the guarded key sequences), blocked (how many were held back),
    swallowed (Space/Enter presses kept from a button)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.sequences: set[QKeySequence] = set()
        self.blocked = 0
        self.swallowed = 0

    def guard(self, sequence: QKeySequence) -> None:
        self.sequences.add(QKeySequence(sequence))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and is_text_field(watched):
            key = event  # type: ignore[assignment]
            assert isinstance(key, QKeyEvent)
            if QKeySequence(key.keyCombination()) in self.sequences:
                key.accept()
                self.blocked += 1
            return False
        if kind not in KEY_EVENTS or not self._in_window(watched):
            return False
        key = event  # type: ignore[assignment]
        assert isinstance(key, QKeyEvent)
        if isinstance(watched, QAbstractButton) and key.key() in PRESSING_KEYS:
            self.swallowed += kind == QEvent.Type.KeyPress
            return True  # a button is pressed with the mouse or its declared shortcut only
        if kind == QEvent.Type.KeyPress and key.key() == Qt.Key.Key_Escape and is_text_field(watched) \
                and not key.modifiers():
            hand_back(watched)  # type: ignore[arg-type]
            return True
        return False

    def _in_window(self, watched: QObject) -> bool:
        """Part of the main window, floating docks included; not a dialog over it."""
        return isinstance(watched, QWidget) and main_window_of(watched) is self.window
