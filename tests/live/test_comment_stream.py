"""The comment stream (ui/live_data/comment_panel.py): comments go in as one edit of the
document, as runs of formatted text: each comment its own paragraph, its keywords in their
flag's colour and nothing else coloured, its own markup kept as text, the lines bounded and
the view kept at the bottom."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QColor, QFont, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit

from controlroom.core.comment_watch import CommentWatch
from controlroom.core.events import COMMENT, Event
from controlroom.core.metrics import FLAG_NEGATIVE
from controlroom.ui.live_data.comment_panel import COLOURS, append_comments, comment_runs

T0 = 1_767_225_600.0
WATCH = CommentWatch(negative=["退货"], questions=["多少钱"])


def comment(i: int, text: str = "想退货 <b>不</b>") -> Event:
    return Event(COMMENT, T0 + i, user=f"u{i}", text=f"第{i}条 {text}", flag=FLAG_NEGATIVE if "退货" in text else None)


def stream(qtbot) -> QPlainTextEdit:
    w = QPlainTextEdit(readOnly=True)
    w.setMaximumBlockCount(50)
    w.resize(300, 200)
    qtbot.addWidget(w)
    w.show()
    return w


def fragments(w: QPlainTextEdit, line: int) -> list[tuple[str, str | None, bool]]:
    """(text, background colour or None, bold) of each run of one line."""
    block = w.document().findBlockByNumber(line)
    out = []
    it = block.begin()
    while not it.atEnd():
        f = it.fragment()
        fmt = f.charFormat()
        bg = fmt.background().color().name() if fmt.hasProperty(QTextFormat.Property.BackgroundBrush) else None
        out.append((f.text(), bg, fmt.fontWeight() == QFont.Weight.Bold))
        it += 1
    return out


def test_each_comment_is_a_line_with_its_time_user_and_text(qtbot):
    w = stream(qtbot)
    append_comments(w, [comment_runs(comment(i), WATCH) for i in range(3)])
    clock = dt.datetime.fromtimestamp(int(T0 + 2)).strftime("%H:%M:%S")
    assert w.toPlainText().splitlines()[2] == f"{clock} ⚠ u2 第2条 想退货 <b>不</b>"
    assert w.document().blockCount() == 3


def test_only_the_keyword_is_coloured_and_markup_stays_text(qtbot):
    w = stream(qtbot)
    append_comments(w, [comment_runs(comment(0), WATCH), comment_runs(comment(1, "多少钱呀"), WATCH),
                        comment_runs(comment(2, "好看"), WATCH)])
    negative = [f for f in fragments(w, 0) if f[1]]
    assert negative == [("退货", QColor(COLOURS[FLAG_NEGATIVE]).name(), True)]
    assert [f for f in fragments(w, 1) if f[1]] == [("多少钱", QColor(COLOURS["question"]).name(), True)]
    assert [f for f in fragments(w, 2) if f[1]] == []  # no colour runs on from the line before
    assert ("u0", None, True) in fragments(w, 0)  # the user in bold
    assert "&lt;b&gt;" in w.document().toHtml()  # the comment's own tag is text, not bold


def test_lines_are_bounded_and_the_view_stays_at_the_bottom(qtbot):
    w = stream(qtbot)
    for start in (0, 30, 60):  # past the 50 kept lines
        append_comments(w, [comment_runs(comment(i), WATCH) for i in range(start, start + 30)])
    assert w.document().blockCount() == 50
    assert w.toPlainText().splitlines()[-1].endswith("第89条 想退货 <b>不</b>")
    assert w.verticalScrollBar().value() == w.verticalScrollBar().maximum() > 0


def test_a_reader_scrolled_up_is_left_where_they_are(qtbot):
    w = stream(qtbot)
    append_comments(w, [comment_runs(comment(i), WATCH) for i in range(40)])
    w.verticalScrollBar().setValue(0)
    append_comments(w, [comment_runs(comment(i), WATCH) for i in range(40, 45)])
    assert w.verticalScrollBar().value() == 0
