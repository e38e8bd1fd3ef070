"""The comment stream's one-edit append (ui/live_data/comment_panel.py append_lines) makes
the same document as one appendHtml per line: same text, same formats, each line its own
paragraph, the view kept at the bottom."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from controlroom.core.comment_watch import CommentWatch
from controlroom.core.events import COMMENT, Event
from controlroom.core.metrics import FLAG_NEGATIVE
from controlroom.ui.live_data.comment_panel import append_lines, comment_html


def lines(n: int, start: int = 0) -> list[str]:
    watch = CommentWatch(negative=["退货"], questions=[])
    return [comment_html(Event(COMMENT, 1_767_225_600.0 + i, user=f"u{i}", text=f"第{i}条 想退货 <b>不</b>",
                               flag=FLAG_NEGATIVE if i % 3 == 0 else None), watch) for i in range(start, start + n)]


def stream(qtbot) -> QPlainTextEdit:
    w = QPlainTextEdit(readOnly=True)
    w.setMaximumBlockCount(50)
    w.resize(300, 200)
    qtbot.addWidget(w)
    w.show()
    return w


def test_one_edit_makes_the_document_that_one_append_each_makes(qtbot):
    each, once = stream(qtbot), stream(qtbot)
    for batch in (lines(1), lines(30, 1), lines(40, 31)):  # past the 50 kept lines
        for line in batch:
            each.appendHtml(line)
        append_lines(once, batch)
    assert once.document().blockCount() == each.document().blockCount() == 50
    assert once.toPlainText() == each.toPlainText()
    assert once.document().toHtml() == each.document().toHtml()  # formats too: no colour runs on
    assert once.verticalScrollBar().value() == once.verticalScrollBar().maximum() > 0
