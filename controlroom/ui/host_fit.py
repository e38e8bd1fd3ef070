"""Text that fits its box on the host display: a font sized from the window's height,
shrunk (down to a floor) while the text would overflow, then elided with "…" — the box
never grows, so nothing runs off the screen whatever the product name or message."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel

ELLIPSIS = "…"
SHRINK_FLOOR = 0.7  # a long text shrinks to 70 % of its size before it is elided
WRAP = int(Qt.TextFlag.TextWordWrap)


def text_height(fm: QFontMetrics, text: str, width: int, lines: int) -> int:
    """The height `text` takes at `width` (wrapped when more than one line is allowed)."""
    if lines <= 1:
        return fm.height()
    return fm.boundingRect(QRect(0, 0, max(1, width), 100_000), WRAP, text).height()


def fits(fm: QFontMetrics, text: str, width: int, height: int, lines: int) -> bool:
    if lines <= 1:
        return fm.horizontalAdvance(text) <= width and fm.height() <= height
    return text_height(fm, text, width, lines) <= height and _widest_line(fm, text, width) <= width


def _widest_line(fm: QFontMetrics, text: str, width: int) -> int:
    return fm.boundingRect(QRect(0, 0, max(1, width), 100_000), WRAP, text).width()


def line_font(base: QFont, pixel_size: int, box_height: int, lines: int, bold: bool) -> QFont:
    """`base` at `pixel_size`, made smaller until `lines` lines fit `box_height`."""
    font = QFont(base)
    font.setBold(bold)
    size = max(8, pixel_size)
    font.setPixelSize(size)
    while size > 8 and QFontMetrics(font).lineSpacing() * lines > box_height:
        size -= 1
        font.setPixelSize(size)
    return font


def fit_label(label: QLabel, text: str, font: QFont, lines: int) -> None:
    """Set `text` on `label` (whose geometry is already set) in `font` or smaller, elided
    if even the floor size is too big. The label's `elided` property says whether it was;
    the full text is then its tooltip."""
    rect = label.contentsRect()
    width, height = rect.width(), rect.height()
    shown, size = text, font.pixelSize()
    floor = max(8, int(size * SHRINK_FLOOR))
    fitted = QFont(font)
    while size > floor and not fits(QFontMetrics(fitted), text, width, height, lines):
        size = max(floor, int(size * 0.93))
        fitted.setPixelSize(size)
    fm = QFontMetrics(fitted)
    if not fits(fm, text, width, height, lines):
        shown = elide(fm, text, width, height, lines)
    label.setFont(fitted)
    label.setWordWrap(lines > 1)
    label.setText(shown)
    label.setProperty("elided", shown != text)
    label.setToolTip(text if shown != text else "")


def elide(fm: QFontMetrics, text: str, width: int, height: int, lines: int) -> str:
    """The longest start of `text` that fits with "…" after it."""
    if lines <= 1:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    lo, hi = 0, len(text)
    while lo < hi:  # the largest n with text[:n] + "…" fitting
        mid = (lo + hi + 1) // 2
        if fits(fm, text[:mid].rstrip() + ELLIPSIS, width, height, lines):
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""
