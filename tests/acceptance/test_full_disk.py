"""A real full disk under a real `controlroom serve`: 503 with Retry-After and a JSON reason while
the database cannot write, the outage in /state, notes refused too; once space is freed the server
writes again by itself, what was queued is in the log, and re-sends land exactly once."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import aiohttp
import pytest

from tests.acceptance.procs import fill, get_state, integrity, new_show, order, post, refs, serve, status_totals

MAX_BATCHES = 400  # a bound on filling the log's last pages, not a figure the test expects


def batch(n: int) -> list[dict]:
    return [order(f"b{n}-o{i}") for i in range(200)]


async def until_refused(session, url, acked: list[int], refused: list[int]) -> tuple[int, dict, dict]:
    """POST batches until the database cannot take one; the first refusal."""
    for n in range(MAX_BATCHES):
        status, body, headers = await post(session, url, batch(n))
        if status == 200:
            acked.append(n)
            continue
        assert status == 503, body
        refused.append(n)
        return status, body, headers
    raise AssertionError(f"{MAX_BATCHES} batches fitted on a full disk")


async def until_writing(session, url, deadline_s: float = 120) -> dict:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        state = await get_state(session, url)
        if state["log"]["unavailable"] is None and state["log"]["unsaved"] == 0:
            return state
        await asyncio.sleep(0.1)
    raise AssertionError(f"the server did not write again: {state['log']}")


async def outage(small_disk, db, logs) -> dict:
    server = serve(db, logs)
    acked, refused = [], []
    async with aiohttp.ClientSession() as session:
        for n in range(1000, 1003):
            assert (await post(session, server.url, batch(n)))[0] == 200
            acked.append(n)
        fill(small_disk)
        status, body, headers = await until_refused(session, server.url, acked, refused)
        assert headers["Retry-After"].isdigit() and int(headers["Retry-After"]) >= 1
        assert headers["Content-Type"].startswith("application/json")
        assert body["reason"] == "the disk is full" and body["retry_after_s"] > 0 and "error" in body
        status, body, headers = await post(session, server.url, batch(2000))  # refused at once, nothing taken
        assert status == 503 and body["reason"] == "the disk is full" and "Retry-After" in headers
        refused.append(2000)
        state = await get_state(session, server.url)
        assert state["log"]["unavailable"] == "the disk is full" and state["log"]["unsaved"] > 0
        status, body, headers = await post(session, server.url, {"type": "note", "text": "磁盘满了"})
        assert status == 503 and body["reason"] == "the disk is full" and "Retry-After" in headers
        (small_disk / "filler").unlink()
        state = await until_writing(session, server.url)
        receipts = {n: (await post(session, server.url, batch(n)))[1] for n in refused}
        assert (await post(session, server.url, {"type": "note", "text": "恢复"}))[0] == 200
    rc, err = server.terminate()
    assert rc == 0, err
    return {"acked": acked, "refused": refused, "receipts": receipts}


@pytest.mark.slow
def test_a_full_disk_refuses_with_503_and_the_server_writes_again_by_itself(small_disk, tmp_path, capsys):
    db = small_disk / "show.db"
    new_show(db)
    seen = asyncio.run(outage(small_disk, db, tmp_path / "logs"))
    receipts = seen["receipts"]
    assert all(r["received"] == 200 and r["duplicates"] in (0, 200) for r in receipts.values()), receipts
    kept = [n for n, r in receipts.items() if r["duplicates"] == 200]
    assert kept, "the batch queued when the disk filled was written once it had room"
    assert receipts[2000]["accepted"] == 200  # refused during the outage: nothing of it was taken
    orders = refs(db, "order")
    assert not [i for i, k in Counter(orders).items() if k > 1]
    expected = {f"b{n}-o{i}" for n in seen["acked"] + seen["refused"] for i in range(200)}
    assert set(orders) == expected
    assert integrity(db) == "ok" and status_totals(db)["orders"] == len(orders)
    with capsys.disabled():
        print(f"\nRESULT full_disk acked_batches={len(seen['acked'])} refused={len(seen['refused'])} "
              f"queued_and_kept={len(kept)} orders={len(orders)} lost=0 stored_twice=0")
