"""A tail batch taken by the service but not committed within ack_timeout_s (the database
stopped writing just then) is queued: the writer writes it once the database recovers. The
tail must not send those lines again — events without ids (likes, comments, viewer samples,
notes) would count twice. Found by this test: the tail now takes a StoreUnavailable marked
`queued` as delivered (the lines are the writer's)."""

from __future__ import annotations

import json

import pytest

from controlroom.feeds.tail import TailReader
from tests.acceptance.procs import read_only
from tests.acceptance.stack import IOERR, open_stack


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


@pytest.mark.slow
def test_lines_queued_when_the_commit_timed_out_are_not_sent_again(tmp_path):
    stack = open_stack(tmp_path / "show.db")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"type": "like", "count": 1}) + "\n" for _ in range(5)))
    clock = Clock()
    reader = TailReader(feed, stack.intake, from_start=True, monotonic=clock)
    try:
        stack.fault.code = IOERR
        reader.poll()  # taken, queued, not committed within ack_timeout_s: not held for a re-send
        assert reader.held_lines() is None and reader.stats.queued == 5
        stack.fault.code = None
        assert stack.writer.flush(30)  # the writer wrote the queued likes by itself
        clock.t += 60
        reader.poll()  # nothing is sent again
        assert stack.writer.flush(30)
    finally:
        reader.close()
        stack.close()
    with read_only(stack.db) as conn:
        likes = conn.execute("SELECT coalesce(sum(qty), 0) FROM events WHERE kind = 'like'").fetchone()[0]
    assert likes == 5
