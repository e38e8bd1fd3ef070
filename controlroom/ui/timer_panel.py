"""The timer panel: what is on air, the countdown coloured by phase, where the show
stands, what comes next, the cues (interaction, final push, promos) and the controls.
The control buttons show their keys and never take the keyboard focus, so Space or Enter
cannot press them; Enter in the message field sends it and hands the keys back to the show."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.pacing import ShowStatus
from controlroom.core.views import RoomView
from controlroom.ui import fmt, texts, theme
from controlroom.ui.guard import hand_back

COUNTDOWN_POINT_SIZE = 54


class ControlButton(QToolButton):
    """A button for one of the show's actions: its label and tooltip carry the action's
    key ("Next segment  F7"), whatever the action's text becomes; no keyboard focus."""

    def __init__(self, action: QAction) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setDefaultAction(action)
        self._show_key()

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)  # sets the action's plain text again
        if event.action() is self.defaultAction():
            self._show_key()

    def _show_key(self) -> None:
        action = self.defaultAction()
        key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&", "")
        self.setText(f"{text}  {key}" if key else text)
        self.setToolTip(f"{text} ({key})" if key else text)


class TimerPanel(QWidget):
    """Signals: host_message_sent(text, blink)."""

    host_message_sent = Signal(str, bool)

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        self.countdown = QLabel("--:--")
        font = QFont()
        font.setPointSize(COUNTDOWN_POINT_SIZE)
        font.setBold(True)
        self.countdown.setFont(font)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        layout.addLayout(self._figures())
        layout.addLayout(self._cues())
        layout.addLayout(self._buttons(actions))
        layout.addLayout(self._host_line())
        layout.addLayout(self._kpis())
        layout.addStretch(1)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind = QLabel()
        self.title = QLabel(self.tr("No show open"))
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.product = QLabel()
        self.status = QLabel()
        row.addWidget(self.kind)
        row.addWidget(self.title, 1)
        row.addWidget(self.status)
        col = QVBoxLayout()
        col.addLayout(row)
        col.addWidget(self.product)
        wrapper = QHBoxLayout()
        wrapper.addLayout(col)
        return wrapper

    def _figures(self) -> QGridLayout:
        grid = QGridLayout()
        self.elapsed = QLabel()
        self.ahead = QLabel()
        self.expected_end = QLabel()
        self.next = QLabel()
        self.next.setWordWrap(True)
        rows = [
            (self.tr("Segment"), self._segment_times()),
            (self.tr("Show elapsed"), self.elapsed),
            (self.tr("Ahead (+) / behind (−)"), self.ahead),
            (self.tr("Expected end"), self.expected_end),
            (self.tr("Next"), self.next),
        ]
        for i, (label, widget) in enumerate(rows):
            grid.addWidget(QLabel(label), i, 0)
            grid.addWidget(widget, i, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _segment_times(self) -> QLabel:
        self.segment_times = QLabel()
        return self.segment_times

    def _cues(self) -> QVBoxLayout:
        col = QVBoxLayout()
        row = QHBoxLayout()
        self.interaction_cue = QLabel()
        self.final_push_cue = QLabel(self.tr("Final push"))
        self.final_push_cue.setStyleSheet(theme.pill("white", "#c62828"))
        row.addWidget(self.interaction_cue)
        row.addWidget(self.final_push_cue)
        row.addStretch(1)
        col.addLayout(row)
        self.promos = QLabel()
        self.promos.setWordWrap(True)
        self.promos.setTextFormat(Qt.TextFormat.RichText)
        col.addWidget(self.promos)
        return col

    def _buttons(self, actions: list[QAction]) -> QGridLayout:
        grid = QGridLayout()
        self.buttons: list[QToolButton] = []
        for i, action in enumerate(actions):
            b = ControlButton(action)
            b.setSizePolicy(b.sizePolicy().horizontalPolicy().Expanding, b.sizePolicy().verticalPolicy())
            grid.addWidget(b, i // 4, i % 4)
            self.buttons.append(b)
        return grid

    def _host_line(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.host_text = QLineEdit()
        self.host_text.setPlaceholderText(self.tr("Message for the host display"))
        self.host_blink = QCheckBox(self.tr("Blink"))
        self.host_blink.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        send = QPushButton(self.tr("Send to host"))
        send.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        send.clicked.connect(self._send)
        self.host_text.returnPressed.connect(self._send_and_hand_back)
        row.addWidget(self.host_text, 1)
        row.addWidget(self.host_blink)
        row.addWidget(send)
        return row

    def _kpis(self) -> QGridLayout:
        grid = QGridLayout()
        names = {
            "online": self.tr("Online"), "peak": self.tr("Peak"), "views": self.tr("Views"),
            "gmv": self.tr("GMV"), "orders": self.tr("Orders"), "aov": self.tr("Avg order"),
            "conversion": self.tr("Conversion"), "interaction": self.tr("Interaction rate"),
        }
        self.kpis: dict[str, QLabel] = {}
        for i, (key, name) in enumerate(names.items()):
            caption = QLabel(name)
            caption.setStyleSheet("color: #607d8b;")
            value = QLabel("—")
            value.setStyleSheet("font-size: 16pt; font-weight: bold;")
            grid.addWidget(caption, (i // 4) * 2, i % 4)
            grid.addWidget(value, (i // 4) * 2 + 1, i % 4)
            self.kpis[key] = value
        return grid

    def _send(self) -> None:
        self.host_message_sent.emit(self.host_text.text(), self.host_blink.isChecked())

    def _send_and_hand_back(self) -> None:
        self._send()
        hand_back(self.host_text)

    # -- state ---------------------------------------------------------------
    def show_view(self, view: RoomView) -> None:
        p = view.pacing
        seg = p.segment
        self.status.setText(texts.status(p.status))
        if seg is None:
            self.kind.setText("")
            self.title.setText(view.info.title)
            self.product.setText(self.tr("Press Start when the stream goes live.") if p.status == ShowStatus.PLANNED else "")
            self.countdown.setText(fmt.clock(p.planned_total_s) if p.status == ShowStatus.PLANNED else "--:--")
        else:
            self.kind.setText(texts.segment_kind(seg.kind))
            theme.restyle(self.kind, theme.pill("white", theme.IDLE_COLOUR))
            self.title.setText(seg.title)
            product = view.product(seg.product_sku)
            self.product.setText(f"{product.name}  {fmt.money(product.price)}" if product else "")
            self.countdown.setText(fmt.countdown(p.remaining_s))
        colour = theme.countdown_colour(p.phase, p.status)
        theme.restyle(self.countdown, f"color: {colour};")
        self.countdown.setToolTip(texts.phase(p.phase))
        self.segment_times.setText(f"{fmt.clock(p.elapsed_s)} / {fmt.clock(p.planned_s)}")
        self.elapsed.setText(f"{fmt.clock(p.show_elapsed_s)} / {fmt.clock(p.planned_total_s)}")
        self.ahead.setText(fmt.signed(p.ahead_behind_s))
        self.expected_end.setText(self._expected_end(view))
        nxt = p.next_segment
        self.next.setText(f"{texts.segment_kind(nxt.kind)} · {nxt.title}" if nxt else "—")
        self._show_cues(view)
        self._show_kpis(view)

    def _show_kpis(self, view: RoomView) -> None:
        t = view.totals
        values = {
            "online": fmt.count(t.online), "peak": fmt.count(t.peak_online), "views": fmt.count(t.views),
            "gmv": fmt.money(t.gmv), "orders": fmt.count(t.orders), "aov": fmt.money(t.avg_order_value),
            "conversion": fmt.percent(t.conversion), "interaction": fmt.percent(t.interaction_rate),
        }
        for key, text in values.items():
            self.kpis[key].setText(text)

    def _expected_end(self, view: RoomView) -> str:
        p = view.pacing
        if p.status == ShowStatus.PLANNED:
            return fmt.clock(p.expected_end_s)
        start = view.now - p.show_elapsed_s
        return f"{fmt.wall(start + p.expected_end_s)}  ({fmt.clock(p.expected_end_s)})"

    def _show_cues(self, view: RoomView) -> None:
        p = view.pacing
        minutes = int(p.since_interaction_s // 60)
        if p.interaction_overdue:
            theme.restyle(self.interaction_cue, theme.pill("white", "#c62828"))
        elif p.interaction_due:
            theme.restyle(self.interaction_cue, theme.pill("black", "#ffca28"))
        else:
            theme.restyle(self.interaction_cue, theme.pill("#37474f", "#eceff1"))
        self.interaction_cue.setText(self.tr("Last interaction %1 min ago").replace("%1", str(minutes)))
        # Only while on air: before the start (or after the end) "0 min ago" would be false.
        self.interaction_cue.setVisible(p.status in (ShowStatus.RUNNING, ShowStatus.PAUSED))
        self.final_push_cue.setVisible(p.final_push)
        parts = []
        for sku, (n, band) in p.promos.items():
            product = view.product(sku)
            colour = {"low": "#c62828", "ok": "#2e7d32"}.get(band, "#e68a00")
            name = product.name if product else sku
            current = p.segment is not None and p.segment.product_sku == sku
            text = f"{name} ×{n} ({texts.promo_band(band)})" if current else f"{name} ×{n}"
            parts.append(f"<span style='color:{colour}'>{'<b>' + text + '</b>' if current else text}</span>")
        self.promos.setText(self.tr("Promo repeats: ") + " · ".join(parts) if parts else "")
