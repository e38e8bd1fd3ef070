"""The tail never loses a good line: per-line errors, rewrites, an unwritable database, refused batches."""

from __future__ import annotations

import json
import time

import pytest

from controlroom.core import events as ev
from controlroom.feeds.tail import FileTail, TailReader
from controlroom.services.intake import Intake
from controlroom.store.errors import StoreUnavailable


def line(**event) -> str:
    return json.dumps(event, ensure_ascii=False) + "\n"


def comment(text: str) -> str:
    return line(type="comment", text=text)


def append(path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def rewrite(path, text: str) -> None:
    """Truncate in place and write again (same inode): what a tool that rewrites its log does."""
    with open(path, "r+", encoding="utf-8") as f:
        f.truncate(0)
        f.write(text)


def comments(service) -> list[str]:
    assert service.writer.flush()
    return [e.text for e in service.repo.events(service.show_id, (ev.COMMENT,))]


class FlakyIntake(Intake):
    """An intake whose database cannot write for its first `failures` submits."""

    def __init__(self, service, failures: int, retry_after_s: float = 0.0) -> None:
        super().__init__(service)
        self.failures = failures
        self.retry_after_s = retry_after_s
        self.calls = 0

    def submit(self, events):
        self.calls += 1
        if self.calls <= self.failures:
            raise StoreUnavailable("the disk is full", self.retry_after_s)
        return super().submit(events)


class CountingIntake(Intake):
    def __init__(self, service) -> None:
        super().__init__(service)
        self.calls = 0

    def submit(self, events):
        self.calls += 1
        return super().submit(events)


def test_a_deeply_nested_line_costs_only_itself(tmp_path, intake, service):
    """json.loads('[' * 100000) raises RecursionError, not ValueError: it used to end the
    whole poll (4 of 5 good lines lost, 0 bad counted)."""
    path = tmp_path / "feed.jsonl"
    append(path, comment("a") + comment("b") + "[" * 100_000 + "\n" + comment("c") + comment("d"))
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    assert reader.poll() == 5
    assert comments(service) == ["a", "b", "c", "d"]
    assert (reader.stats.lines, reader.stats.accepted, reader.stats.bad) == (5, 4, 1)
    assert len(problems) == 1 and "line 3" in problems[0] and "nested" in problems[0]
    reader.close()


def test_a_lone_surrogate_costs_only_its_line(tmp_path, intake, service):
    """"\\ud800" is valid JSON but no UTF-8 text: SQLite refuses it, and the writer's whole
    batch (every good line of the poll with it) used to be lost."""
    path = tmp_path / "feed.jsonl"
    append(path, comment("a") + '{"type": "comment", "text": "bad \\ud800"}\n' + comment("b") + comment("c"))
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    reader.poll()
    assert comments(service) == ["a", "b", "c"]
    assert service.writer.failed == 0
    assert reader.stats.bad == 1 and "line 2" in problems[0] and "'text'" in problems[0]
    reader.close()


def test_truncate_and_rewrite_within_one_poll_is_read_from_the_start(tmp_path, intake, service):
    """The new content is longer than our old position: size alone cannot see the rewrite."""
    path = tmp_path / "feed.jsonl"
    append(path, comment("old 1") + comment("old 2"))
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    reader.poll()
    rewrite(path, comment("new 1, longer than before") + comment("new 2") + comment("new 3"))
    reader.poll()
    assert comments(service) == ["old 1", "old 2", "new 1, longer than before", "new 2", "new 3"]
    assert reader.stats.reopened == 1 and reader.stats.bad == 0
    assert any("rewritten" in p for p in problems)
    # rewritten with the same lines and more after them: an append, nothing read twice
    rewrite(path, comment("new 1, longer than before") + comment("new 2") + comment("new 3") + comment("new 4"))
    reader.poll()
    assert comments(service)[-2:] == ["new 3", "new 4"] and len(comments(service)) == 6
    assert reader.stats.reopened == 1
    reader.close()


def test_a_rewrite_that_keeps_the_files_head_is_seen_at_our_position(tmp_path, intake, service):
    """The first kilobytes are the same (a header, the same first lines); the bytes just
    before where we stopped are not."""
    path = tmp_path / "feed.jsonl"
    same = "".join(comment(f"same line {i:03d} " + "x" * 40) for i in range(200))  # ~14 KB
    append(path, same + comment("last old line"))
    reader = TailReader(path, intake, from_start=True)
    reader.poll()
    rewrite(path, same + comment("a different, longer last line") + comment("after it"))
    reader.poll()
    got = comments(service)
    assert got[-2:] == ["a different, longer last line", "after it"]
    assert got.count("same line 000 " + "x" * 40) == 2  # read again from the start
    assert reader.stats.reopened == 1 and reader.stats.bad == 0
    reader.close()


def test_an_unwritable_database_holds_the_lines_until_it_writes_again(tmp_path, service):
    """StoreUnavailable: nothing was stored. The lines wait (our position stays before them)
    and go in once the database writes again: every one exactly once, in order, one
    message for the outage however many tries it takes."""
    path = tmp_path / "feed.jsonl"
    flaky = FlakyIntake(service, failures=3)
    problems: list[str] = []
    reader = TailReader(path, flaky, problems.append, from_start=True)
    append(path, comment("one") + comment("two") + line(type="incident", action="close", incident_id="nope"))
    reader.poll()
    assert (reader.stats.held, reader.position) == (3, 0)  # the incident is refused only at submit
    append(path, comment("three"))
    reader.poll()
    reader.poll()
    assert comments(service) == [] and reader.position == 0 and flaky.calls == 3
    reader.poll()
    assert comments(service) == ["one", "two", "three"]
    assert reader.stats.held == 0 and reader.position == path.stat().st_size
    assert (reader.stats.accepted, reader.stats.bad, reader.stats.outages) == (3, 1, 1)
    outage = [p for p in problems if "cannot write" in p]
    assert len(outage) == 1 and "lines 1-3" in outage[0]
    assert any("writes again" in p for p in problems)
    assert any("line 3" in p and "no open incident" in p for p in problems)
    reader.close()


@pytest.mark.parametrize("retry_after_s, first_try, bound", [(2.0, 2.0, 2.0), (1e9, 5.0, 5.0), (float("nan"), 2.0, 5.0)])
def test_the_retry_waits_retry_after_s_within_bounds(tmp_path, service, retry_after_s, first_try, bound):
    path = tmp_path / "feed.jsonl"
    flaky = FlakyIntake(service, failures=1, retry_after_s=retry_after_s)
    now = [100.0]
    reader = TailReader(path, flaky, from_start=True, monotonic=lambda: now[0])
    append(path, comment("waits"))
    reader.poll()
    assert flaky.calls == 1
    now[0] += first_try - 0.5
    reader.poll()
    assert flaky.calls == 1  # not yet: no hammering a full disk every poll
    now[0] += 0.5 + (bound - first_try)
    reader.poll()
    assert flaky.calls == 2 and comments(service) == ["waits"]
    reader.close()


def test_a_refused_line_in_a_big_batch_costs_only_itself_in_few_submits(tmp_path, service):
    """submit blocks until the batch is committed: retrying 300 lines one by one to find
    the one refused note would take minutes. The refusal names the event; only it goes."""
    path = tmp_path / "feed.jsonl"
    counting = CountingIntake(service)
    problems: list[str] = []
    reader = TailReader(path, counting, problems.append, from_start=True)
    bad = line(type="incident", action="close", incident_id="nope")
    append(path, "".join(comment(f"c{i}") for i in range(100)) + bad + "".join(comment(f"c{i}") for i in range(100, 299)))
    reader.poll()
    assert comments(service) == [f"c{i}" for i in range(299)]
    assert reader.stats.bad == 1 and "line 101" in problems[0]
    assert counting.calls == 2
    reader.close()


def test_line_numbers_are_the_files_own_when_following_from_the_end(tmp_path, intake, service):
    """Started at the end of a file, a reported line number is still the one an editor
    shows, and a line half-written when we started is read whole once it ends."""
    path = tmp_path / "feed.jsonl"
    append(path, comment("a") + comment("b") + comment("c") + '{"type": "comment", ')
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append)
    assert reader.poll() == 0
    append(path, '"text": "finished"}\n{broken\n')
    reader.poll()
    assert comments(service) == ["finished"]
    assert len(problems) == 1 and "line 5" in problems[0]
    reader.close()


def test_an_overlong_line_is_one_bad_line(tmp_path, intake, service):
    """A line longer than the limit, arriving over several reads, is one bad line: its
    rest is not a second one, and the line numbers after it stay right."""
    path = tmp_path / "feed.jsonl"
    problems: list[str] = []
    reader = TailReader(path, intake, problems.append, from_start=True)
    append(path, comment("a") + '{"type": "comment", "text": "' + "x" * (1024 * 1024 + 10))
    reader.poll()
    append(path, 'x"}\n' + comment("b") + "{broken\n")
    reader.poll()
    assert comments(service) == ["a", "b"]
    assert reader.stats.bad == 2
    assert "line 2" in problems[0] and "longer than" in problems[0]
    assert "line 4" in problems[1] and "broken JSON" in problems[1]
    reader.close()


def test_stopping_takes_what_was_written_before_the_stop(tmp_path, intake, service):
    """SIGTERM (or Stop following) right after a line was written: it is read, not left behind."""
    path = tmp_path / "feed.jsonl"
    append(path, comment("first"))
    tail = FileTail(TailReader(path, intake, from_start=True), poll_s=3600)
    tail.start()
    deadline = time.monotonic() + 30
    while tail.reader.stats.accepted < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    append(path, comment("just before the stop"))
    tail.stop()
    assert not tail.running
    assert comments(service) == ["first", "just before the stop"]
