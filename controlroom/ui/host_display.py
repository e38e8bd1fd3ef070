"""The host display: a second top-level window for a second screen, readable from 3 m —
a huge countdown coloured by phase, what is on air, the product and its promo, what is
next, and a message line the controller sets (optionally blinking)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from controlroom.core.pacing import ShowStatus
from controlroom.core.views import RoomView
from controlroom.ui import fmt, prefs, texts, theme

BACKGROUND = "#101418"
FOREGROUND = "#f5f5f5"
MESSAGE_COLOUR = "#ffeb3b"
# Fractions of the window height: the countdown's font pixel size, and the text lines'.
COUNTDOWN_FRACTION = 0.34
LINE_FRACTIONS = {"segment": 0.055, "product": 0.06, "points": 0.04, "promo": 0.05, "next": 0.04, "message": 0.065}


class HostDisplay(QWidget):
    """Attributes: labels (name → QLabel), countdown (QLabel), blink_timer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Host display"))
        self.setStyleSheet(f"background: {BACKGROUND}; color: {FOREGROUND};")
        self.resize(1280, 720)
        self.labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self._label("segment"))
        self.countdown = QLabel("--:--")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.countdown, 1)
        for name in ("product", "points", "promo", "next", "message"):
            layout.addWidget(self._label(name))
        self.labels["promo"].setStyleSheet("color: #ffca28;")
        self.blink = False
        self._blink_on = True
        self.blink_timer = QTimer(self)
        self.blink_timer.setInterval(prefs.BLINK_MS)
        self.blink_timer.timeout.connect(self._toggle_blink)
        self._colour = theme.IDLE_COLOUR
        self._fitted_length = 0
        self._apply_sizes()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.labels[name] = label
        return label

    # -- sizes ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        h = max(1, self.height())
        for name, fraction in LINE_FRACTIONS.items():
            font = QFont(self.labels[name].font())
            font.setPixelSize(max(10, int(h * fraction)))
            font.setBold(name in ("segment", "product", "message"))
            self.labels[name].setFont(font)
        self._fit_countdown()

    def _fit_countdown(self) -> None:
        """As big as the height allows, unless the text would not fit the width."""
        h, w = max(1, self.height()), max(1, self.width() - 48)
        font = QFont(self.countdown.font())
        font.setBold(True)
        size = int(h * COUNTDOWN_FRACTION)
        font.setPixelSize(size)
        text = self.countdown.text() or "00:00"
        width = QFontMetrics(font).horizontalAdvance(text)
        if width > w * 0.95:
            font.setPixelSize(max(10, int(size * w * 0.95 / width)))
        self._fitted_length = len(text)
        self.countdown.setFont(font)

    def _set_countdown(self, text: str) -> None:
        self.countdown.setText(text)
        if len(text) != self._fitted_length:
            self._fit_countdown()

    def digit_height(self) -> int:
        """Height of the countdown's digits in pixels (the 3-metre rule: ≥ 1/5 of the window)."""
        return QFontMetrics(self.countdown.font()).tightBoundingRect("0123456789").height()

    # -- content -------------------------------------------------------------
    def show_view(self, view: RoomView) -> None:
        p = view.pacing
        seg = p.segment
        if seg is None:
            self.labels["segment"].setText(view.info.title if p.status != ShowStatus.ENDED else texts.status(p.status))
            self._set_countdown(fmt.clock(p.planned_total_s) if p.status == ShowStatus.PLANNED else "--:--")
        else:
            paused = f"  ({texts.status(p.status)})" if p.status == ShowStatus.PAUSED else ""
            self.labels["segment"].setText(f"{texts.segment_kind(seg.kind)} · {seg.title}{paused}")
            self._set_countdown(fmt.countdown(p.remaining_s))
        self._colour = theme.countdown_colour(p.phase, p.status)
        theme.restyle(self.countdown, f"color: {self._colour};")
        product = view.product(seg.product_sku) if seg else None
        product = product or view.product(view.explaining)
        self.labels["product"].setText(f"{product.name}   {fmt.money(product.price)}" if product else "")
        self.labels["points"].setText(product.selling_points if product else "")
        self.labels["promo"].setText(self.tr("Repeat: %1").replace("%1", product.promo) if product and product.promo else "")
        nxt = p.next_segment
        self.labels["next"].setText(self.tr("Next: %1").replace("%1", nxt.title) if nxt else "")
        self.set_message(view.host_message, self.blink)

    def set_message(self, text: str, blink: bool) -> None:
        label = self.labels["message"]
        if label.text() != text:
            label.setText(text)
        self.blink = blink and bool(text)
        if self.blink and not self.blink_timer.isActive():
            self.blink_timer.start()
        elif not self.blink and self.blink_timer.isActive():
            self.blink_timer.stop()
            self._blink_on = True
        self._style_message()

    def _toggle_blink(self) -> None:
        self._blink_on = not self._blink_on
        self._style_message()

    def _style_message(self) -> None:
        fg, bg = (BACKGROUND, MESSAGE_COLOUR) if self._blink_on else (MESSAGE_COLOUR, BACKGROUND)
        has_text = bool(self.labels["message"].text())
        theme.restyle(self.labels["message"], f"color: {fg}; background: {bg};" if has_text else "")

    # -- screen --------------------------------------------------------------
    def open_on_second_screen(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setScreen(screens[1])
            self.move(screens[1].availableGeometry().topLeft())
        self.show()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:
        self.blink_timer.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
