"""Trying to break "nothing acknowledged is ever lost" on the real stack in this process (a real
SQLite file, writer, service and ApiServer on 127.0.0.1; outages injected by SQLite error code or
made real by another connection holding the database's write lock)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading

import aiohttp
import pytest

from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from tests.acceptance.procs import AUTH, get_state, order, post, read_only, refs
from tests.acceptance.stack import IOERR, open_stack

pytestmark = pytest.mark.slow


def stored(db, order_id: str) -> int:
    with read_only(db) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE kind = 'order' AND ref = ?", (order_id,)).fetchone()[0]


@pytest.fixture
def stack(tmp_path):
    s = open_stack(tmp_path / "show.db", rescue=tmp_path / "show.db.unsaved.jsonl")
    yield s
    s.close()


def test_a_resend_while_the_original_waits_for_the_log_is_not_acknowledged_before_it_is_in(stack):
    """Another program holds the database's write lock (the writer waits in SQLite's busy
    timeout, so no outage is known yet): the original gets 503 after ack_timeout_s, still
    queued. A re-send must not be told 200 "duplicate" while the order is not in the log —
    a kill then would lose an order its sender was told is stored."""

    async def run() -> list[tuple[int, dict, int]]:
        seen = []
        async with aiohttp.ClientSession() as session:
            for _ in range(2):  # the original, then the re-send (as a client does after a timeout)
                status, body, _ = await post(session, stack.url, [order("R-1")])
                seen.append((status, body, stored(stack.db, "R-1")))
        return seen

    locker = sqlite3.connect(stack.db, timeout=30)
    locker.execute("BEGIN IMMEDIATE")
    try:
        answers = asyncio.run(run())
    finally:
        locker.rollback()
        locker.close()
    for status, body, in_log in answers:
        assert status != 200 or in_log == 1, f"acknowledged {body} while the log held {in_log}"
    assert stack.writer.flush(30)
    again = asyncio.run(_post_one(stack.url, [order("R-1")]))
    assert again == (200, {"received": 1, "accepted": 0, "duplicates": 1, "cut": []})
    assert stored(stack.db, "R-1") == 1


def test_duplicates_racing_across_clients_count_once_and_every_200_is_in_the_log(stack):
    ids = [f"D-{i}" for i in range(300)]

    async def client(session, k: int) -> list[tuple[int, dict]]:
        out = []
        for start in range(0, len(ids), 30):
            chunk = ids[start:start + 30] if k == 0 else list(reversed(ids))[start:start + 30]
            status, body, _ = await post(session, stack.url, [order(i) for i in chunk])
            out.append((status, body))
            if status == 200:  # what the client was told is stored, is
                assert all(stored(stack.db, i) == 1 for i in chunk)
        return out

    async def run():
        async with aiohttp.ClientSession() as session:
            return await asyncio.gather(*(client(session, k) for k in range(2)))

    answers = [a for per_client in asyncio.run(run()) for a in per_client]
    assert all(status == 200 for status, _ in answers)
    assert sum(b["accepted"] for _, b in answers) == 300 and sum(b["duplicates"] for _, b in answers) == 300
    assert sorted(refs(stack.db, "order")) == sorted(ids)


def test_a_row_the_database_refuses_is_not_acknowledged_as_accepted(stack):
    stack.fault.poison_ref = "P-bad"

    async def run():
        async with aiohttp.ClientSession() as session:
            answer = await post(session, stack.url, [order("P-1"), order("P-bad"), order("P-2")])
            return answer, await get_state(session, stack.url)

    (status, body, _), state = asyncio.run(run())
    assert status == 200 and body["accepted"] == 2 and body["set_aside"] == 1, body
    assert sorted(refs(stack.db, "order")) == ["P-1", "P-2"]
    assert state["totals"]["orders"] == 2 and state["log"]["set_aside"] == 1 and state["log"]["unsaved"] == 0
    kept = [json.loads(line) for line in (stack.db.parent / "show.db.unsaved.jsonl").read_text().splitlines()]
    assert [k["ref"] for k in kept] == ["P-bad"]


def test_an_outage_while_a_poison_row_is_isolated_settles_the_row_and_the_screen(stack):
    """The disk fails just after the writer isolated a bad row: the row must still be set aside
    (taken out of the fold, its batch answered), not forgotten with its batch waiting for ever."""
    fault = stack.fault
    fault.poison_ref = "Q-bad"

    def disk_fails() -> None:  # the moment the bad row stands alone, the disk fails (three tries)
        if fault.code is None and not fault.hits:
            fault.code, fault.fail_times = IOERR, 3

    fault.on_poison = disk_fails
    stack.service.ack_timeout_s = 10.0  # the outage is short: the batch is answered once it is over

    async def run():
        async with aiohttp.ClientSession() as session:
            events = [order("Q-bad"), *(order(f"Q-{i}") for i in range(7))]
            answer = await post(session, stack.url, events)
            return answer, await get_state(session, stack.url)

    (status, body, _), state = asyncio.run(run())
    assert fault.hits == 3  # the outage did come in the middle of the isolation
    assert sorted(refs(stack.db, "order")) == sorted(f"Q-{i}" for i in range(7))
    assert status == 200 and body["accepted"] == 7 and body["set_aside"] == 1, body
    assert state["log"] == {"unsaved": 0, "unavailable": None, "set_aside": 1, "lock_lost": None}
    assert state["totals"]["orders"] == 7  # the screen holds what the log holds
    replayed = ShowRepository(open_engine(stack.db)).load_show(stack.service.show_id)
    assert replayed.metrics.totals().orders == 7


def test_a_huge_batch_during_an_outage_is_refused_whole_and_lands_once_after(stack):
    big = [order(f"H-{i:05d}", 123.45) for i in range(40_000)]
    body = json.dumps(big)
    assert 3_800_000 < len(body) < 4 * 1024 * 1024

    async def run():
        async with aiohttp.ClientSession() as session:
            before = (await get_state(session, stack.url))["totals"]
            stack.fault.code = IOERR
            queued = await post(session, stack.url, body)  # taken, then not committed in time
            refused = await post(session, stack.url, [order("H-after")])
            during = await get_state(session, stack.url)
            stack.fault.code = None
            assert stack.writer.flush(60)
            resent = await post(session, stack.url, body)
            return before, queued, refused, during, resent

    before, queued, refused, during, resent = asyncio.run(run())
    assert queued[0] == 503 and refused[0] == 503 and refused[1]["waiting"] == 40_000
    assert during["log"]["unsaved"] == 40_000 and during["totals"]["orders"] == before["orders"] + 40_000
    assert resent[0] == 200 and resent[1]["duplicates"] == 40_000
    assert len(refs(stack.db, "order")) == 40_000 and "H-after" not in refs(stack.db, "order")


def test_the_answer_after_a_timed_out_commit_says_the_events_are_queued(stack):
    """A 503 that came after the batch was taken must not say "nothing was changed": a client that
    believes it re-sends events without ids (a comment, a like), and they count twice."""
    stack.fault.code = IOERR
    status, body = asyncio.run(_post_one(stack.url, [{"type": "like", "count": 5}]))
    stack.fault.code = None
    assert status == 503 and "nothing was changed" not in body["error"] and "queued" in body["error"], body
    assert stack.writer.flush(30)
    with read_only(stack.db) as conn:
        assert conn.execute("SELECT sum(qty) FROM events WHERE kind = 'like'").fetchone()[0] == 5


async def _post_one(url, events):
    async with aiohttp.ClientSession() as session:
        status, body, _ = await post(session, url, events)
        return status, body


def test_the_websocket_answers_a_refused_batch_and_keeps_going(stack):
    async def run():
        async with aiohttp.ClientSession() as session, session.ws_connect(f"{stack.url}/api/v1/ws",
                                                                          headers=AUTH) as ws:
            stack.fault.code = IOERR
            await ws.send_json([order("W-1")])
            first = await ws.receive_json()
            stack.fault.code = None
            assert stack.writer.flush(30)
            await ws.send_json([order("W-1"), order("W-2")])
            return first, await ws.receive_json()

    first, second = asyncio.run(run())
    assert first["ok"] is False and first["status"] == 503 and first["seq"] == 1
    assert second == {"ok": True, "seq": 2, "received": 2, "accepted": 1, "duplicates": 1, "cut": []}
    assert sorted(refs(stack.db, "order")) == ["W-1", "W-2"]


def test_a_batch_whose_note_was_committed_is_not_answered_nothing_was_stored(stack):
    """The writer meets a full disk (with another source's batch) just while this request's note
    is being committed: the request's orders must then be queued behind the note, not refused
    with "nothing was changed" — a client would send the note again and it would be in twice."""
    from sqlalchemy import event as sa_event

    from controlroom.core import events as ev
    from controlroom.core.events import Event
    from controlroom.store.rows import event_values
    from tests.acceptance.stack import _error

    disk = {"full": False}

    def listener(_conn, _cursor, statement, params, *_args) -> None:
        if not statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            return
        if threading.current_thread().name == "feed-writer":
            if disk["full"]:
                raise _error(13, "injected: disk full")
        elif "'note'" in repr(params) and not disk["full"]:
            disk["full"] = True
            stack.writer.submit([event_values(stack.service.show_id, Event(ev.LIKE, stack.service.now(), qty=1))])
            for _ in range(1000):
                if stack.writer.unavailable is not None:
                    break
                threading.Event().wait(0.01)

    sa_event.listen(stack.repo.engine, "before_cursor_execute", listener)
    status, body = asyncio.run(_post_one(stack.url, [{"type": "note", "text": "换装"}, order("N-1"), order("N-2")]))
    with read_only(stack.db) as conn:
        notes = conn.execute("SELECT count(*) FROM events WHERE kind = 'note'").fetchone()[0]
    assert status == 503 and notes == 1
    assert "nothing was changed" not in body["error"], body
    disk["full"] = False
    assert stack.writer.flush(30)
    assert sorted(refs(stack.db, "order")) == ["N-1", "N-2"]
