"""The timer panel: what is on air, the countdown coloured by phase, where the show
stands, what comes next, the cues (interaction, final push, promos) and the controls.
The control buttons show their keys and never take the keyboard focus, so Space or Enter
cannot press them; Enter in the message field sends it and hands the keys back to the show."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QActionEvent, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.core.money import cents
from controlroom.core.pacing import ShowStatus
from controlroom.core.targets import SlotProgress
from controlroom.core.views import RoomView
from controlroom.ui import fmt, promo_line, texts, theme
from controlroom.ui.elided_label import ElidedLabel
from controlroom.ui.guard import hand_back

COUNTDOWN_POINT_SIZE = 48  # big, and the panel still fits a 720-pixel-high screen


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
        layout.setContentsMargins(8, 4, 8, 4)  # compact: the whole panel fits a laptop's height
        layout.setSpacing(4)
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
        self.kind.setStyleSheet(theme.pill("white", theme.IDLE_COLOUR))  # its height from the start: no jump
        self.kind.setVisible(False)
        retain_size(self.kind)
        self.title = ElidedLabel(self.tr("No show open"))  # one line: a long title must not push the panel
        title_font = QFont()
        title_font.setPointSize(15)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.product = ElidedLabel()
        for label in (self.title, self.product):
            reserve_line(label)
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
        self.next = ElidedLabel()
        pairs = [  # two figures a row: the panel must fit a 720-pixel-high laptop screen
            (self.tr("Segment"), self._segment_times()),
            (self.tr("Show elapsed"), self.elapsed),
            (self.tr("Ahead (+) / behind (−)"), self.ahead),
            (self.tr("Expected end"), self.expected_end),
        ]
        for i, (label, widget) in enumerate(pairs):
            grid.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            grid.addWidget(widget, i // 2, (i % 2) * 2 + 1)
        self.slot_target = QLabel("—")
        self.money_vs_plan = QLabel("—")
        self.money_vs_plan.setToolTip(self.tr("GMV of the slots with a GMV target so far, against what their targets "
                                              "expected by now (the slot on air pro-rated by its time)"))
        grid.addWidget(QLabel(self.tr("Slot vs target")), 2, 0)
        grid.addWidget(self.slot_target, 2, 1)
        grid.addWidget(QLabel(self.tr("Money vs plan")), 2, 2)
        grid.addWidget(self.money_vs_plan, 2, 3)
        grid.addWidget(QLabel(self.tr("Next")), 3, 0)
        grid.addWidget(self.next, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
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
        self.interaction_cue.setStyleSheet(theme.pill("#37474f", "#eceff1"))
        for cue in (self.interaction_cue, self.final_push_cue):  # hidden before the start, room kept
            retain_size(cue)
            cue.setVisible(False)
        row.addWidget(self.interaction_cue)
        row.addWidget(self.final_push_cue)
        row.addStretch(1)
        col.addLayout(row)
        self.promos = QLabel()
        self.promos.setTextFormat(Qt.TextFormat.RichText)
        # One line, never wider than the panel: promo_line fits the items to the width.
        self.promos.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        reserve_line(self.promos)
        self.promos.setFixedHeight(self.promos.minimumHeight())
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
        self._known_message = ("", False)  # the host display's message (and blink) the field last showed
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
        # Each caption beside its value, two rows in all: a caption row above each value
        # row cost 40 px, and on a 720-pixel-high screen the charts below had no room left.
        grid.setHorizontalSpacing(6)
        for i, (key, name) in enumerate(names.items()):
            caption = QLabel(name)
            caption.setStyleSheet("color: #607d8b;")
            value = QLabel("—")
            value.setStyleSheet("font-size: 14pt; font-weight: bold;")
            row, col = i // 4, (i % 4) * 2
            grid.addWidget(caption, row, col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, row, col + 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.setColumnStretch(col + 1, 1)
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
        seg = p.segment if p.status != ShowStatus.ENDED else None  # after the end: no segment time
        self.status.setText(texts.status(p.status))
        self.kind.setVisible(seg is not None)
        if p.status == ShowStatus.ENDED:
            self.kind.setText("")
            self.title.setText(view.info.title)
            self.product.setText(self.tr("Show ended"))
            self.countdown.setText(fmt.clock(p.show_elapsed_s))
        elif seg is None:
            self.kind.setText("")
            self.title.setText(view.info.title)
            self.product.setText(self.tr("Press Start when the stream goes live.") if p.status == ShowStatus.PLANNED else "")
            self.countdown.setText(fmt.clock(p.planned_total_s) if p.status == ShowStatus.PLANNED else "--:--")
        else:
            self.kind.setText(texts.segment_kind(seg.kind))
            theme.restyle(self.kind, theme.pill("white", theme.IDLE_COLOUR))
            self.title.setText(texts.segment_title(seg.title))
            product = view.product(seg.product_sku)
            self.product.setText(f"{product.name}  {fmt.money(product.price)}" if product else "")
            self.countdown.setText(fmt.countdown(p.remaining_s))
        colour = theme.countdown_colour(p.phase, p.status)
        theme.restyle(self.countdown, f"color: {colour};")
        self.countdown.setToolTip(texts.phase(p.phase) if seg is not None else self.tr("Show length")
                                  if p.status == ShowStatus.ENDED else "")
        self.segment_times.setText(f"{fmt.clock(p.elapsed_s)} / {fmt.clock(p.planned_s)}" if seg is not None else "—")
        self.elapsed.setText(f"{fmt.clock(p.show_elapsed_s)} / {fmt.clock(p.planned_total_s)}")
        self.ahead.setText(fmt.signed(p.ahead_behind_s))
        self.expected_end.setText(self._expected_end(view))
        nxt = p.next_segment
        self.next.setText(texts.kind_and_title(nxt.kind, nxt.title) if nxt else "—")
        self._show_cues(view)
        self._show_targets(view)
        self._show_kpis(view)
        self._show_host_message(view.host_message, view.host_blink)

    def _show_host_message(self, message: str, blink: bool) -> None:
        """The field and the Blink box show the message on the host display (after a
        restart or an undo too), unless the controller is typing a new one."""
        known = (message, blink)
        if known != self._known_message and not self.host_text.hasFocus():
            self.host_text.setText(message)
            self.host_text.setCursorPosition(0)  # its start shows, as on the host display, not its end
            self.host_blink.setChecked(blink)
        self._known_message = known  # a draft being typed is never overwritten later

    def _show_kpis(self, view: RoomView) -> None:
        t = view.totals
        values = {
            "online": fmt.count(t.online), "peak": fmt.count(t.peak_online), "views": fmt.count(t.views),
            "gmv": fmt.money(t.gmv), "orders": fmt.count(t.orders), "aov": fmt.money(t.avg_order_value),
            "conversion": fmt.percent(t.conversion), "interaction": fmt.percent(t.interaction_rate),
        }
        for key, text in values.items():
            self.kpis[key].setText(text)

    def _show_targets(self, view: RoomView) -> None:
        """The slot on air against its targets (green on pace, amber behind), and the show's money against the plan."""
        progress = view.targets
        slot = progress.slot if progress is not None else None
        if slot is None or (slot.gmv_target is None and slot.orders_target is None):
            self.slot_target.setText("—")
            theme.restyle(self.slot_target, "")
        else:
            parts = []
            if slot.gmv_target is not None:
                parts.append(f"{fmt.money(slot.gmv_cents / 100)} / {fmt.money(slot.gmv_target)}")
            if slot.orders_target is not None:
                parts.append(self.tr("%1 / %2 orders").replace("%1", fmt.count(slot.orders))
                             .replace("%2", fmt.count(slot.orders_target)))
            self.slot_target.setText("  ·  ".join(parts))
            theme.restyle(self.slot_target, f"color: {theme_colour(on_pace(slot))}; font-weight: bold;")
        if progress is None or not progress.has_targets:
            self.money_vs_plan.setText("—")
            theme.restyle(self.money_vs_plan, "")
            return
        ahead = progress.ahead_cents
        self.money_vs_plan.setText(("+" if ahead >= 0 else "−") + fmt.money(abs(ahead) / 100))
        theme.restyle(self.money_vs_plan, f"color: {theme_colour(ahead >= 0)}; font-weight: bold;")

    def _expected_end(self, view: RoomView) -> str:
        p = view.pacing
        if p.status == ShowStatus.PLANNED:
            return fmt.clock(p.expected_end_s)
        if p.status == ShowStatus.ENDED and view.info.ended_at is not None:  # it ended: when, not a guess
            return self.tr("Ended at %1 (%2)").replace("%1", fmt.wall(view.info.ended_at)).replace(
                "%2", fmt.clock(p.show_elapsed_s))
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
        bold = QFont(self.promos.font())
        bold.setBold(True)
        self.promos.setText(promo_line.promo_html(view, self.tr("Promo repeats: "), self.tr("… +%1 more"),
                                                  self.promos.fontMetrics(), self.promos.width(), QFontMetrics(bold)))


def on_pace(slot: SlotProgress) -> bool:
    """The slot has taken at least its targets' share for the time it has had."""
    share = slot.share
    gmv_ok = slot.gmv_target is None or slot.gmv_cents >= round(cents(slot.gmv_target) * share)
    orders_ok = slot.orders_target is None or slot.orders >= slot.orders_target * share
    return gmv_ok and orders_ok


def theme_colour(good: bool) -> str:
    return "#2e7d32" if good else "#ef6c00"


def reserve_line(label: QLabel) -> None:
    """At least one line of Chinese: its glyphs (a fallback font) are taller than Latin
    ones, and a label going from one to the other at the start would move the panel."""
    label.setMinimumHeight(label.fontMetrics().boundingRect(QRect(), 0, "测Ag").height())


def retain_size(widget: QWidget) -> None:
    """Keep the widget's room in the layout while it is hidden (no jump when it shows)."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
