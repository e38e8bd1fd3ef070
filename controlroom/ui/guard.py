"""Keeps time-critical shortcuts from firing while the user types in a text field.

Qt asks the focus widget first with a ShortcutOverride event; accepting it hands the key
to the widget instead of the shortcut. Buttons and menus still trigger the actions.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def is_text_field(widget: QObject | None) -> bool:
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        return not getattr(widget, "isReadOnly", lambda: False)()
    return isinstance(widget, QComboBox) and widget.isEditable()


class ShortcutGuard(QObject):
    """Attributes: sequences (the guarded key sequences), blocked (how many were held back)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.sequences: set[QKeySequence] = set()
        self.blocked = 0

    def guard(self, sequence: QKeySequence) -> None:
        self.sequences.add(QKeySequence(sequence))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_text_field(watched):
            key = event  # type: ignore[assignment]
            assert isinstance(key, QKeyEvent)
            pressed = QKeySequence(key.keyCombination())
            if pressed in self.sequences:
                key.accept()
                self.blocked += 1
        return False
