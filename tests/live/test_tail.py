"""The JSON-lines tail: appends, half lines, bad lines, rotation, truncation; polled by hand."""

from __future__ import annotations

import json
import os
import time

from controlroom.core import events as ev
from controlroom.feeds.tail import FileTail, TailReader


def line(**event) -> str:
    return json.dumps(event, ensure_ascii=False) + "\n"


def append(path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def comments(service) -> list[str]:
    service.writer.flush()
    return [e.text for e in service.repo.events(service.show_id, (ev.COMMENT,))]


def test_follows_from_end_then_reads_appends(tmp_path, intake, service):
    path = tmp_path / "feed.jsonl"
    append(path, line(type="comment", text="old"))
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append)
    assert reader.poll() == 0
    append(path, line(type="comment", text="new1") + line(type="like", count=3))
    assert reader.poll() == 2
    assert comments(service) == ["new1"]
    assert reader.stats.accepted == 2 and problems == []
    reader.close()


def test_from_start_and_half_lines(tmp_path, intake, service):
    path = tmp_path / "feed.jsonl"
    append(path, line(type="comment", text="a") + '{"type": "comment", "te')
    reader = TailReader(path, intake, from_start=True)
    reader.poll()
    assert comments(service) == ["a"]
    append(path, 'xt": "b"}\n')
    reader.poll()
    assert comments(service) == ["a", "b"]
    reader.close()


def test_bad_lines_reported_and_skipped(tmp_path, intake, service):
    path = tmp_path / "feed.jsonl"
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    append(
        path,
        "".join(
            [
                line(type="comment", text="one"),
                "{broken\n",
                line(type="like", count=-1),
                "\n",
                line(type="incident", action="close", incident_id="nope"),
                line(type="comment", text="two"),
            ]
        ),
    )
    reader.poll()
    assert comments(service) == ["one", "two"]
    assert reader.stats.bad == 3
    assert "line 2" in problems[0] and "broken JSON" in problems[0]
    assert "line 3" in problems[1] and "'count'" in problems[1]
    assert "line 5" in problems[2] and "no open incident" in problems[2]
    reader.close()


def test_survives_rotation(tmp_path, intake, service):
    path = tmp_path / "feed.jsonl"
    append(path, "")
    reader = TailReader(path, intake)
    reader.poll()
    append(path, line(type="comment", text="before"))
    os.rename(path, tmp_path / "feed.jsonl.1")
    append(tmp_path / "feed.jsonl.1", line(type="comment", text="late in old"))
    append(path, line(type="comment", text="after"))
    reader.poll()
    assert comments(service) == ["before", "late in old", "after"]
    assert reader.stats.reopened == 1
    reader.close()


def test_rotation_keeps_the_old_files_unterminated_last_line(tmp_path, intake, service):
    """A rotated file is finished: its last line without a newline is the last event,
    not half a line to wait for (it used to be dropped without a word)."""
    path = tmp_path / "feed.jsonl"
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    append(path, line(type="comment", text="one") + json.dumps({"type": "comment", "text": "last"}))
    reader.poll()
    assert comments(service) == ["one"]
    os.rename(path, tmp_path / "feed.jsonl.1")
    append(path, line(type="comment", text="new file"))
    reader.poll()
    assert comments(service) == ["one", "last", "new file"]
    # a torn last line is reported (with its line number), never silently dropped
    append(path, '{"type": "comment", "te')
    reader.poll()
    os.rename(path, tmp_path / "feed.jsonl.2")
    append(path, line(type="comment", text="third file"))
    reader.poll()
    assert comments(service)[-1] == "third file"
    assert any("line 2" in p and "broken JSON" in p for p in problems)
    reader.close()


def test_survives_truncation(tmp_path, intake, service):
    path = tmp_path / "feed.jsonl"
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    append(path, line(type="comment", text="first, a long line to be cut away"))
    reader.poll()
    with open(path, "w", encoding="utf-8") as f:
        f.write(line(type="comment", text="x"))
    reader.poll()
    assert comments(service) == ["first, a long line to be cut away", "x"]
    assert any("truncated" in p for p in problems)
    reader.close()


def test_file_appearing_later_is_read_whole(tmp_path, intake, service):
    path = tmp_path / "later.jsonl"
    reader = TailReader(path, intake)
    assert reader.poll() == 0
    append(path, line(type="comment", text="hello"))
    reader.poll()
    assert comments(service) == ["hello"]
    reader.close()


def test_thread_follows_and_stops(tmp_path, intake, service):
    path = tmp_path / "feed.jsonl"
    append(path, "")
    tail = FileTail(TailReader(path, intake, from_start=True), poll_s=0.01)
    tail.start()
    try:
        append(path, line(type="comment", text="threaded"))
        deadline = time.monotonic() + 5
        while tail.reader.stats.accepted < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        tail.stop()
    assert not tail.running
    assert comments(service) == ["threaded"]
