"""A database that turns read-only or fails with an I/O error under a real ApiServer (injected by
SQLite error code on the real SQLite file: a remount cannot be done with the file open, and no FUSE
passthrough is installed): 503 with Retry-After and a JSON reason over HTTP and the WebSocket,
the outage in /state, notes refused; once the database writes again the server writes by itself,
what was queued is in the log, and re-sends land exactly once."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import aiohttp
import pytest

from tests.acceptance.procs import AUTH, get_state, integrity, order, post, refs
from tests.acceptance.stack import IOERR, READONLY, open_stack


def batch(n: int, size: int = 50) -> list[dict]:
    return [order(f"b{n}-o{i}") for i in range(size)]


async def until_writing(session, url, deadline_s: float = 60) -> None:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        log = (await get_state(session, url))["log"]
        if log["unavailable"] is None and log["unsaved"] == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the server did not write again: {log}")


async def outage(stack, why: str, code: int) -> dict[int, dict]:
    url = stack.url
    async with aiohttp.ClientSession() as session:
        assert (await post(session, url, batch(0)))[0] == 200
        stack.fault.code = code
        status, queued, headers = await post(session, url, batch(1))  # taken, then not committed in time
        assert status == 503 and queued["reason"] == why and headers["Retry-After"].isdigit()
        status, refused, headers = await post(session, url, batch(2))  # the outage is known: nothing taken
        assert status == 503 and refused["reason"] == why and int(headers["Retry-After"]) >= 1
        assert set(refused) == {"error", "reason", "retry_after_s", "waiting"} and refused["waiting"] == 50
        async with session.ws_connect(f"{url}/api/v1/ws", headers=AUTH) as ws:
            await ws.send_json(batch(3))
            answer = await ws.receive_json()
            assert answer["ok"] is False and answer["status"] == 503 and answer["reason"] == why
            await ws.send_json({"type": "note", "text": "写不进去"})
            assert (await ws.receive_json())["status"] == 503  # the connection stayed open
        status, note, _ = await post(session, url, {"type": "note", "text": "写不进去"})
        assert status == 503 and note["reason"] == why
        log = (await get_state(session, url))["log"]
        assert log == {"unsaved": 50, "unavailable": why, "set_aside": 0, "lock_lost": None}
        stack.fault.code = None
        await until_writing(session, url)
        receipts = {n: (await post(session, url, batch(n)))[1] for n in (1, 2, 3)}
        assert (await post(session, url, {"type": "note", "text": "又能写了"}))[0] == 200
    return receipts


@pytest.mark.slow
@pytest.mark.parametrize(("code", "why"), [(READONLY, "the database is read-only"), (IOERR, "a disk I/O error")])
def test_a_database_that_cannot_write_is_503_and_writes_again_by_itself(tmp_path, code, why):
    stack = open_stack(tmp_path / "show.db")
    try:
        receipts = asyncio.run(outage(stack, why, code))
        assert stack.fault.hits >= 2  # the writer kept trying
    finally:
        stack.close()
    assert receipts[1] == {"received": 50, "accepted": 0, "duplicates": 50, "cut": []}  # kept while queued
    assert receipts[2] == receipts[3] == {"received": 50, "accepted": 50, "duplicates": 0, "cut": []}
    orders = refs(stack.db, "order")
    assert sorted(orders) == sorted(f"b{n}-o{i}" for n in range(4) for i in range(50))
    assert not [i for i, k in Counter(orders).items() if k > 1]
    assert refs(stack.db, "note") == [None]  # the one note that got 200, once
    assert integrity(stack.db) == "ok"
