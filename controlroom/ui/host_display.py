"""The host display: a second top-level window for a second screen, readable from 3 m —
the wall clock, the show time left, what is on air and its huge countdown coloured by
phase, the interaction and final-push cues, the product with its price, selling points
and promo, what is next, the controller's message; after the end, that the show ended
and how long it ran. Every size comes from the window's height (host_fit): it fits any
screen, and a long text shrinks, then elides, never runs off."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from controlroom.core import alerts as al
from controlroom.core.pacing import ShowStatus
from controlroom.core.views import RoomView
from controlroom.ui import fmt, prefs, texts, theme
from controlroom.ui.host_fit import fit_label, line_font
from controlroom.ui.host_window import HostWindow

BACKGROUND = "#101418"
FOREGROUND = "#f5f5f5"
MESSAGE_COLOUR = "#ffeb3b"
PROMO_COLOUR = "#ffca28"
OVER_COLOUR = "#ef5350"
MUTED_COLOUR = "#b0bec5"
PRICE_COLOUR = "#80deea"
# The rows top to bottom: (name, share of the height); the countdown takes what is left.
ROWS = (("top", 0.075), ("cues", 0.065), ("countdown", 0.0), ("product", 0.08),
        ("points", 0.09), ("promo", 0.065), ("next", 0.055), ("message", 0.12))
# Each text label: (row, font pixel size as a share of the height, lines, bold).
LABELS = {
    "clock": ("top", 0.05, 1, True), "segment": ("top", 0.05, 1, True), "remaining": ("top", 0.05, 1, True),
    "interaction": ("cues", 0.042, 1, True), "final_push": ("cues", 0.042, 1, True),
    "product": ("product", 0.058, 1, True), "price": ("product", 0.058, 1, True), "points": ("points", 0.04, 2, False),
    "promo": ("promo", 0.045, 1, False), "next": ("next", 0.04, 1, False), "message": ("message", 0.05, 2, True),
}
INSET = {"message": 0.1}  # of the row's height, left empty above the label
MARGIN = 0.02  # of the height, above and below; the sides get 2.5 % of the width
COUNTDOWN_WIDTH = 0.95
SIDE_SHARE = 0.3  # the clock and the show time each take at most this share of the top row


class HostDisplay(HostWindow):
    """Attributes: labels (name → QLabel), countdown (QLabel), blink_timer."""

    def __init__(self, parent: QWidget | None = None, placement_prefs: prefs.Prefs | None = None) -> None:
        super().__init__(parent, placement_prefs)
        self.setWindowTitle(self.tr("Host display"))
        self.setStyleSheet(f"background: {BACKGROUND}; color: {FOREGROUND};")
        self.labels: dict[str, QLabel] = {name: self._label(name) for name in LABELS}
        self.labels["price"].setStyleSheet(f"color: {PRICE_COLOUR};")
        self.countdown = QLabel("--:--", self)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._texts: dict[str, str] = dict.fromkeys(LABELS, "")
        self._boxes: dict[str, QRect] = {}
        self._fonts: dict[str, QFont] = {}
        self._fitted: dict[str, tuple[str, QRect]] = {}
        self.blink = False
        self._blink_on = True
        self.blink_timer = QTimer(self)
        self.blink_timer.setInterval(prefs.BLINK_MS)
        self.blink_timer.timeout.connect(self._toggle_blink)
        self._colour = theme.IDLE_COLOUR
        self._fitted_countdown: tuple[str, QRect] | None = None
        self.resize(1280, 720)
        self._lay_out()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"host-{name}")
        label.setTextFormat(Qt.TextFormat.PlainText)  # a product name is never markup
        align = {"clock": Qt.AlignmentFlag.AlignLeft, "remaining": Qt.AlignmentFlag.AlignRight,
                 "price": Qt.AlignmentFlag.AlignLeft}
        label.setAlignment(align.get(name, Qt.AlignmentFlag.AlignHCenter) | Qt.AlignmentFlag.AlignVCenter)
        return label

    # -- sizes ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        """Rows from the height, fonts from the rows; then every text fitted to its box."""
        h, w = max(1, self.height()), max(1, self.width())
        side, top = max(8, int(w * 0.025)), int(h * MARGIN)
        inner_w = w - 2 * side
        fixed = sum(int(h * share) for _, share in ROWS)
        rows: dict[str, QRect] = {}
        y = top
        for name, share in ROWS:
            height = int(h * share) if share else max(1, h - 2 * top - fixed)
            rows[name] = QRect(side, y, inner_w, height)
            y += height
        scale = min(h, int(w / 1.4))  # a tall narrow window: sizes from its width instead
        # The message's yellow bar keeps clear of the line above it.
        self._boxes = {name: rows[row].adjusted(0, int(rows[row].height() * INSET.get(name, 0.0)), 0, 0)
                       for name, (row, *_rest) in LABELS.items()}
        for name, (_row, share, lines, bold) in LABELS.items():
            self._fonts[name] = line_font(self.font(), int(scale * share), self._boxes[name].height(), lines, bold)
        self._rows = rows
        self.countdown.setGeometry(rows["countdown"])
        self._fitted.clear()
        self._fitted_countdown = None
        self._fit_all()

    def _fit_all(self) -> None:
        self._place_top_row()
        self._place_cues()
        self._place_product_row()
        for name in ("points", "promo", "next", "message"):
            self.labels[name].setGeometry(self._boxes[name])
        for name in LABELS:
            self._fit(name)
        self._fit_countdown()

    def _place_top_row(self) -> None:
        row = self._rows["top"]
        gap = max(8, row.height() // 3)
        widths = {}
        for name in ("clock", "remaining"):
            advance = QFontMetrics(self._fonts[name]).horizontalAdvance(self._texts[name]) + 4
            widths[name] = min(advance, int(row.width() * SIDE_SHARE)) if self._texts[name] else 0
        self.labels["clock"].setGeometry(QRect(row.left(), row.top(), widths["clock"], row.height()))
        self.labels["remaining"].setGeometry(QRect(row.right() + 1 - widths["remaining"], row.top(),
                                                   widths["remaining"], row.height()))
        middle_left = row.left() + widths["clock"] + gap
        middle_w = row.width() - widths["clock"] - widths["remaining"] - 2 * gap
        self.labels["segment"].setGeometry(QRect(middle_left, row.top(), max(1, middle_w), row.height()))

    def _place_product_row(self) -> None:
        """The name (shrunk or elided as it must) and the price beside it, whole, centred together."""
        row = self._rows["product"]
        gap = row.height() // 2 if self._texts["price"] else 0
        price_w = QFontMetrics(self._fonts["price"]).horizontalAdvance(self._texts["price"]) + 4 if self._texts["price"] else 0
        name_w = min(QFontMetrics(self._fonts["product"]).horizontalAdvance(self._texts["product"]) + 4,
                     row.width() - price_w - gap)
        x = row.left() + (row.width() - name_w - gap - price_w) // 2
        self.labels["product"].setGeometry(QRect(x, row.top(), max(1, name_w), row.height()))
        self.labels["price"].setGeometry(QRect(x + name_w + gap, row.top(), price_w, row.height()))

    def _place_cues(self) -> None:
        """The cue pills side by side, centred; each as wide as its text (at most half the row)."""
        row = self._rows["cues"]
        shown = [n for n in ("interaction", "final_push") if self._texts[n]]
        gap = row.height() // 2
        widths = {n: min(QFontMetrics(self._fonts[n]).horizontalAdvance(self._texts[n]) + row.height(),
                         (row.width() - gap) // 2) for n in shown}
        x = row.left() + (row.width() - sum(widths.values()) - gap * max(0, len(shown) - 1)) // 2
        for name in ("interaction", "final_push"):
            if name in widths:
                self.labels[name].setGeometry(QRect(x, row.top() + 2, widths[name], row.height() - 4))
                x += widths[name] + gap
            self.labels[name].setVisible(name in widths)

    def _fit(self, name: str) -> None:
        label, text = self.labels[name], self._texts[name]
        key = (text, label.geometry())
        if self._fitted.get(name) == key:
            return
        self._fitted[name] = key
        fit_label(label, text, self._fonts[name], LABELS[name][2])

    def _fit_countdown(self) -> None:
        """As big as its box allows, unless the text would not fit the width."""
        box = self.countdown.geometry()
        text = self.countdown.text() or "00:00"
        shape = "".join("0" if c.isdigit() else c for c in text)  # digits are all as wide
        if self._fitted_countdown == (shape, box):
            return
        self._fitted_countdown = (shape, box)
        font = QFont(self.font())
        font.setBold(True)
        size = max(10, int(box.height() * 0.86))
        font.setPixelSize(size)
        while size > 10 and QFontMetrics(font).height() > box.height():
            size -= 2
            font.setPixelSize(size)
        width = QFontMetrics(font).horizontalAdvance(text)
        if width > box.width() * COUNTDOWN_WIDTH:
            font.setPixelSize(max(10, int(size * box.width() * COUNTDOWN_WIDTH / width)))
        self.countdown.setFont(font)

    def _set_countdown(self, text: str) -> None:
        self.countdown.setText(text)
        self._fit_countdown()

    def digit_height(self) -> int:
        """Height of the countdown's digits in pixels (the 3-metre rule: ≥ 1/5 of the window)."""
        return QFontMetrics(self.countdown.font()).tightBoundingRect("0123456789").height()

    # -- content -------------------------------------------------------------
    def show_view(self, view: RoomView) -> None:
        p = view.pacing
        texts_now = dict.fromkeys(LABELS, "")
        texts_now["clock"] = fmt.wall(view.now)
        if p.status == ShowStatus.ENDED:
            self._ended(view, texts_now)
        else:
            self._on_air(view, texts_now)
        texts_now["message"] = self.labels["message"].property("full") or ""
        self._show_texts(texts_now)
        self.set_message(view.host_message, view.host_blink)  # the log's: after a restart too

    def _on_air(self, view: RoomView, out: dict[str, str]) -> None:
        p = view.pacing
        seg = p.segment
        if seg is None:
            out["segment"] = view.info.title
            self._set_countdown(fmt.clock(p.planned_total_s) if p.status == ShowStatus.PLANNED else "--:--")
        else:
            paused = f"  ({texts.status(p.status)})" if p.status == ShowStatus.PAUSED else ""
            out["segment"] = f"{texts.kind_and_title(seg.kind, seg.title)}{paused}"
            self._set_countdown(fmt.countdown(p.remaining_s))
        self._colour = theme.countdown_colour(p.phase, p.status)
        theme.restyle(self.countdown, f"color: {self._colour};")
        out["remaining"] = self._show_time_left(view)
        out.update(self._cues(view))
        product = (view.product(seg.product_sku) if seg else None) or view.product(view.explaining)
        if product is not None:
            out["product"], out["price"] = product.name, fmt.money(product.price)
            out["points"] = product.selling_points
            if product.promo:
                out["promo"] = self.tr("Repeat (×%2): %1").replace("%1", product.promo).replace(
                    "%2", str(product.promo_count))
        nxt = p.next_segment
        out["next"] = self.tr("Next: %1").replace("%1", texts.segment_title(nxt.title)) if nxt else ""
        target = self._target(view) if view.settings.host_show_targets else ""
        if target:  # first: when the row is too long, "next" is what gets elided
            out["next"] = f"{target}   ·   {out['next']}" if out["next"] else target

    def _target(self, view: RoomView) -> str:
        """The slot's GMV and orders against its targets (the per-show setting host_show_targets)."""
        slot = view.targets.slot if view.targets is not None else None
        if slot is None:
            return ""
        parts = []
        if slot.gmv_target is not None:
            parts.append(f"{fmt.money(slot.gmv_cents / 100)} / {fmt.money(slot.gmv_target)}")
        if slot.orders_target is not None:
            parts.append(self.tr("%1 / %2 orders").replace("%1", fmt.count(slot.orders)).replace(
                "%2", fmt.count(slot.orders_target)))
        return self.tr("Target: %1").replace("%1", "  ".join(parts)) if parts else ""

    def _ended(self, view: RoomView, out: dict[str, str]) -> None:
        """No segment, no countdown, no product: the show ended, when, and how long it ran."""
        p = view.pacing
        out["segment"] = view.info.title
        self._set_countdown(self.tr("Show ended"))
        self._colour = theme.IDLE_COLOUR
        theme.restyle(self.countdown, f"color: {MUTED_COLOUR};")
        theme.restyle(self.labels["remaining"], "")
        out["product"] = self.tr("Show length %1 (planned %2)").replace("%1", fmt.clock(p.show_elapsed_s)).replace(
            "%2", fmt.clock(p.planned_total_s))
        if view.info.ended_at is not None:
            out["remaining"] = self.tr("Ended at %1").replace("%1", fmt.wall(view.info.ended_at)[:5])

    def _show_time_left(self, view: RoomView) -> str:
        p = view.pacing
        if p.status == ShowStatus.PLANNED:
            return ""
        left = p.planned_total_s - p.show_elapsed_s
        over = left < 0
        theme.restyle(self.labels["remaining"], f"color: {OVER_COLOUR};" if over else "")
        if over:
            return self.tr("Show over by %1").replace("%1", fmt.clock(-left))
        return self.tr("Show left %1").replace("%1", fmt.clock(left))

    def _cues(self, view: RoomView) -> dict[str, str]:
        """The window's own cues (its alerts), worded as the window words them."""
        out = {}
        for a in view.alerts:
            if a.code in (al.INTERACTION_DUE, al.INTERACTION_OVERDUE):
                out["interaction"] = texts.alert(a)
                colours = ("white", "#c62828") if a.code == al.INTERACTION_OVERDUE else ("black", PROMO_COLOUR)
                theme.restyle(self.labels["interaction"], _pill(*colours))
            elif a.code == al.FINAL_PUSH:
                out["final_push"] = texts.alert(a)
                theme.restyle(self.labels["final_push"], _pill("white", "#c62828"))
        return out

    def _show_texts(self, new: dict[str, str]) -> None:
        sized = ("clock", "remaining", "interaction", "final_push", "product", "price")
        rows_changed = any(new[n] != self._texts[n] for n in sized)
        self._texts = new
        if rows_changed:
            self._place_top_row()
            self._place_cues()
            self._place_product_row()
        theme.restyle(self.labels["promo"], f"color: {PROMO_COLOUR};")
        for name in LABELS:
            self._fit(name)

    def set_message(self, text: str, blink: bool) -> None:
        label = self.labels["message"]
        if label.property("full") != text:
            label.setProperty("full", text)
            self._texts["message"] = text
            self._fit("message")
        self.blink = blink and bool(text)
        if self.blink and not self.blink_timer.isActive():
            self.blink_timer.start()
        elif not self.blink and self.blink_timer.isActive():
            self.blink_timer.stop()
            self._blink_on = True
        self._style_message()

    def message_text(self) -> str:
        """The whole message (the label may show it elided)."""
        return str(self.labels["message"].property("full") or "")

    def _toggle_blink(self) -> None:
        self._blink_on = not self._blink_on
        self._style_message()

    def _style_message(self) -> None:
        fg, bg = (BACKGROUND, MESSAGE_COLOUR) if self._blink_on else (MESSAGE_COLOUR, BACKGROUND)
        has_text = bool(self.message_text())
        theme.restyle(self.labels["message"], f"color: {fg}; background: {bg};" if has_text else "")

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


def _pill(text_colour: str, background: str) -> str:
    return f"QLabel {{ color: {text_colour}; background: {background}; border-radius: 6px; }}"
