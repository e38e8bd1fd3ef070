"""The comment watch panel: live comments with keywords highlighted, negative comments
per minute, editable keyword lists, and quick replies copied in one click. This is the
comments' own view: the event log shows the controller's events by default.

A reply's "{n}" is the link number (the queue position) of the product on air, so what is
copied is ready to send ("点击下方小黄车3号链接"); with no product on air, the first on shelf.

Thread rule: the service may call `_on_events` from a feed thread (API server, tail).
It only appends to a locked inbox and, when the inbox was empty, emits `arrived`;
the slot (on the UI thread) drains everything at once, so a flood costs one repaint:
the lines go in as one edit of the document (a quarter of the cost of one append each),
and the link number (a full view of the show) follows the rate timer, not every drain.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import threading

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from controlroom.core import events as ev
from controlroom.core.comment_watch import CommentWatch, parse_word_list
from controlroom.core.events import Event
from controlroom.core.metrics import FLAG_NEGATIVE, FLAG_QUESTION
from controlroom.core.views import CommentRate
from controlroom.feeds.config import load_watch, save_watch
from controlroom.services.show_service import ShowService
from controlroom.ui import theme

MAX_LINES = 2000  # comments kept on screen; the log keeps them all
RATE_REFRESH_MS = 1000  # "negative comments this minute" follows the clock, not only arrivals
COLOURS = {FLAG_NEGATIVE: "#ffd6d6", FLAG_QUESTION: "#d6e8ff"}


def link_number(service: ShowService | None) -> int:
    """The queue position (from 1) of the product on air: explained now, else the
    segment's, else the first on shelf; 1 when there is none."""
    if service is None:
        return 1
    view = service.view()
    skus = [r.sku for r in view.queue]
    seg = view.pacing.segment
    candidates = [r.sku for r in view.queue if r.explaining] + ([seg.product_sku] if seg and seg.product_sku else [])
    candidates += [r.sku for r in view.queue if r.on_shelf]
    return next((skus.index(sku) + 1 for sku in candidates if sku in skus), 1)


def reply_text(template: str, number: int) -> str:
    """A quick reply with its placeholder filled (a stray brace is kept as typed)."""
    return template.replace("{n}", str(number))


def comment_html(e: Event, watch: CommentWatch) -> str:
    """One comment as a line of HTML, its keywords highlighted (text escaped first)."""
    text = e.text or ""
    parts, at = [], 0
    for m in watch.matches(text) if watch.classify(text) else ():  # most comments match no word: a quicker no
        parts.append(html.escape(text[at : m.start]))
        parts.append(f'<span style="background:{COLOURS[m.flag]}"><b>{html.escape(text[m.start : m.end])}</b></span>')
        at = m.end
    parts.append(html.escape(text[at:]))
    when = _clock_text(int(e.ts))
    mark = {FLAG_NEGATIVE: "⚠ ", FLAG_QUESTION: "? "}.get(e.flag or "", "")
    user = html.escape(e.user or "")
    return f'<span style="color:#888">{when}</span> {mark}<b>{user}</b> {"".join(parts)}'


@functools.lru_cache(maxsize=256)
def _clock_text(second: int) -> str:
    """A second's wall-clock text (a flood's comments share a few seconds)."""
    return dt.datetime.fromtimestamp(second).strftime("%H:%M:%S")


def append_lines(stream: QPlainTextEdit, lines: list[str]) -> None:
    """What appendHtml does for each line, as one edit of the document: each line its
    own paragraph with fresh formats, the view kept at the bottom when it was there."""
    if not lines:
        return
    bar = stream.verticalScrollBar()
    at_bottom = bar.value() == bar.maximum()
    doc = stream.document()
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    for line in lines:
        if not doc.isEmpty():
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertHtml(line)
    cursor.endEditBlock()
    if at_bottom:
        bar.setValue(bar.maximum())


class CommentWatchPanel(QWidget):
    """Attributes: watch (the keyword lists), service, shown (comments displayed).
    Signals: arrived (new comments are waiting in the inbox)."""

    arrived = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watch = load_watch()
        self.service: ShowService | None = None
        self.shown = 0
        self._link = 1
        self._inbox: list[Event] = []
        self._lock = threading.Lock()
        self.arrived.connect(self.drain)
        self.rate_timer = QTimer(self)
        self.rate_timer.setInterval(RATE_REFRESH_MS)
        self.rate_timer.timeout.connect(self.update_rate)
        self._build()

    def _build(self) -> None:
        self.only_flagged = QCheckBox(self.tr("Only negative and questions"))
        self.rate = QLabel()
        self.stream = QPlainTextEdit(readOnly=True)
        self.stream.setMaximumBlockCount(MAX_LINES)
        self.replies = QListWidget()
        self.replies.setToolTip(self.tr("Click a reply to copy it"))
        self.replies.itemClicked.connect(self.copy_reply)
        self.copied = QLabel()
        edit = QPushButton(self.tr("Edit keywords and replies…"))
        edit.clicked.connect(self.edit_lists)
        top = QHBoxLayout()
        top.addWidget(self.rate, 1)
        top.addWidget(self.only_flagged)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.stream, 3)
        box.addWidget(QLabel(self.tr("Quick replies")))
        box.addWidget(self.replies, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copied, 1)
        bottom.addWidget(edit)
        box.addLayout(bottom)
        self._fill_replies()
        self.update_rate()

    # -- the show ----------------------------------------------------------
    def set_service(self, service: ShowService | None) -> None:
        if self.service is not None:
            self.service.unsubscribe(self._on_events)
        self.service = service
        self.stream.clear()
        self.shown = 0
        if service is not None:
            service.set_comment_classifier(self.watch.classify)
            service.subscribe(self._on_events)
            self.rate_timer.start()
        else:
            self.rate_timer.stop()
        self.update_rate()

    def _on_events(self, events: list[Event]) -> None:
        """Any thread: keep the comments, wake the UI thread once."""
        comments = [e for e in events if e.kind == ev.COMMENT]
        if not comments:
            return
        with self._lock:
            wake = not self._inbox
            self._inbox.extend(comments)
        if wake:
            self.arrived.emit()

    def drain(self) -> None:
        with self._lock:
            comments, self._inbox = self._inbox[-MAX_LINES:], []
        flagged_only = self.only_flagged.isChecked()
        lines = [comment_html(e, self.watch) for e in comments if not flagged_only or e.flag in COLOURS]
        append_lines(self.stream, lines)
        self.shown += len(lines)
        self._show_rate()

    def negative_this_minute(self) -> int:
        return self.service.comment_rate().negative if self.service is not None else 0

    def update_rate(self) -> None:
        self._show_rate()
        link = link_number(self.service)
        if link != self._link:
            self._link = link
            self._fill_replies()

    def _show_rate(self) -> None:
        rate = self.service.comment_rate() if self.service is not None else CommentRate(0, 0)
        self.rate.setText(self.tr("Negative comments this minute: %1").replace("%1", str(rate.negative)))
        theme.restyle(self.rate, "color: white; background: #c62828; padding: 2px" if rate.spike else "")

    # -- replies and lists ---------------------------------------------------
    def _fill_replies(self) -> None:
        self.replies.clear()
        for text in self.watch.replies:
            self.replies.addItem(QListWidgetItem(reply_text(text, self._link)))

    def copy_reply(self, item: QListWidgetItem) -> None:
        QGuiApplication.clipboard().setText(item.text())
        self.copied.setText(self.tr("Copied: %1").replace("%1", item.text()[:30]))

    def set_watch(self, watch: CommentWatch) -> None:
        """New lists: saved in the user's config, used for every comment from now on."""
        self.watch = watch
        save_watch(watch)
        if self.service is not None:
            self.service.set_comment_classifier(watch.classify)
        self._fill_replies()

    def edit_lists(self) -> None:
        dialog = KeywordDialog(self.watch, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_watch(dialog.result_watch())


class KeywordDialog(QDialog):
    """Edit the negative words, the question words and the quick replies (one a line)."""

    def __init__(self, watch: CommentWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comment watch"))
        self.negative = QPlainTextEdit("\n".join(watch.negative))
        self.questions = QPlainTextEdit("\n".join(watch.questions))
        self.replies = QPlainTextEdit("\n".join(watch.replies))
        form = QFormLayout(self)
        form.addRow(self.tr("Negative words (负面舆情), one a line"), self.negative)
        form.addRow(self.tr("Question words, one a line"), self.questions)
        form.addRow(self.tr("Quick replies, one a line"), self.replies)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_watch(self) -> CommentWatch:
        replies = [r for r in self.replies.toPlainText().splitlines() if r.strip()]
        return CommentWatch(
            parse_word_list(self.negative.toPlainText()), parse_word_list(self.questions.toPlainText()), replies
        )
