"""The comment watch panel: live comments with keywords highlighted, negative comments
per minute, editable keyword lists, and quick replies copied in one click. This is the
comments' own view: the event log shows the controller's events by default.

A reply's "{n}" is the link number (the queue position) of the product on air, so what is
copied is ready to send ("点击下方小黄车3号链接"); with no product on air, the first on shelf.

Thread rule: the service may call `_on_events` from a feed thread (API server, tail).
It only appends to a locked inbox and, when the inbox was empty, emits `arrived`;
the slot (on the UI thread) drains everything at once, so a flood costs one repaint:
the lines go in as one edit of the document, as runs of formatted text (no HTML to parse),
and the link number (a full view of the show) follows the rate timer, not every drain.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QTextBlockFormat, QTextCharFormat, QTextCursor
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
from controlroom.ui import theme

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

MAX_LINES = 2000  # comments kept on screen; the log keeps them all
DRAIN_MS = 100  # comments arriving meanwhile go on screen together: one document edit, not dozens
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


TIME, USER, TEXT, NEGATIVE_WORD, QUESTION_WORD = range(5)  # the styles of a comment's runs
Run = tuple[str, int]


def comment_runs(e: Event, watch: CommentWatch) -> list[Run]:
    """One comment as runs of (text, style): its time, mark, user, then the text with its
    keywords in their flag's style. Plain text, never markup: a comment's own "<b>" stays text."""
    text = e.text or ""
    mark = {FLAG_NEGATIVE: "⚠ ", FLAG_QUESTION: "? "}.get(e.flag or "", "")
    runs: list[Run] = [(_clock_text(int(e.ts)), TIME), (f" {mark}", TEXT), (e.user or "", USER), (" ", TEXT)]
    at = 0
    for m in watch.matches(text) if watch.classify(text) else ():  # most comments match no word: a quicker no
        runs.append((text[at : m.start], TEXT))
        runs.append((text[m.start : m.end], NEGATIVE_WORD if m.flag == FLAG_NEGATIVE else QUESTION_WORD))
        at = m.end
    runs.append((text[at:], TEXT))
    return [r for r in runs if r[0]]


@functools.lru_cache(maxsize=256)
def _clock_text(second: int) -> str:
    """A second's wall-clock text (a flood's comments share a few seconds)."""
    return dt.datetime.fromtimestamp(second).strftime("%H:%M:%S")


def _formats() -> dict[int, QTextCharFormat]:
    grey, bold, plain = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    grey.setForeground(QColor("#888888"))
    bold.setFontWeight(QFont.Weight.Bold)
    out = {TIME: grey, USER: bold, TEXT: plain}
    for style, flag in ((NEGATIVE_WORD, FLAG_NEGATIVE), (QUESTION_WORD, FLAG_QUESTION)):
        word = QTextCharFormat(bold)
        word.setBackground(QColor(COLOURS[flag]))
        out[style] = word
    return out


def append_comments(stream: QPlainTextEdit, comments: list[list[Run]]) -> None:
    """The comments as one edit of the document, each its own paragraph, the view kept at the
    bottom when it was there. Runs of formatted text, not HTML: a third of insertHtml's cost."""
    if not comments:
        return
    formats = _formats()
    bar = stream.verticalScrollBar()
    at_bottom = bar.value() == bar.maximum()
    doc = stream.document()
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    for runs in comments:
        if not doc.isEmpty():
            cursor.insertBlock(QTextBlockFormat(), formats[TEXT])
        for text, style in runs:
            cursor.insertText(text, formats[style])
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
        self.drain_timer = QTimer(self, singleShot=True, interval=DRAIN_MS)
        self.drain_timer.timeout.connect(self.drain)
        self.arrived.connect(self.drain_timer.start)
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
        lines = [comment_runs(e, self.watch) for e in comments if not flagged_only or e.flag in COLOURS]
        append_comments(self.stream, lines)
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
