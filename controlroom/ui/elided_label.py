"""A one-line label for names of any length (a segment's title, a product's name): what does
not fit ends in "…", the whole text is in the tooltip, and its size hint does not grow with
the text, so a 200-character title never wraps nor widens the panel it is in."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

HINT_CHARS = 12  # the width it asks for: the layout gives it the rest of the row


class ElidedLabel(QLabel):
    """`text()` is the whole text; the label paints as much as fits on one line."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._tip()

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._tip()

    def shown_text(self) -> str:
        """What is painted: the text on one line (its line breaks as spaces: a title from a
        spreadsheet cell may hold some), elided to the label's width."""
        line = " ".join(self.text().splitlines())
        return self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        m = self.contentsMargins()
        height = max(fm.height() + m.top() + m.bottom(), self.minimumHeight())
        return QSize(fm.averageCharWidth() * HINT_CHARS + m.left() + m.right(), height)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, hint.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        align = self.alignment() | Qt.AlignmentFlag.AlignVCenter
        self.style().drawItemText(painter, self.contentsRect(), int(align), self.palette(), self.isEnabled(),
                                  self.shown_text(), QPalette.ColorRole.WindowText)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tip()

    def _tip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")
