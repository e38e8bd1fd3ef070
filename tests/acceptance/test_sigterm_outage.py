"""SIGTERM of a real `controlroom serve` while the disk is full: the events still queued for the
log are not silently lost. They are kept in a rescue file (beside the database, or — that disk
being full — in the user's data folder), stderr says where, and the command fails."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import aiohttp
import pytest

from tests.acceptance.procs import fill, new_show, order, post, refs, serve


async def queue_during_outage(url: str, small_disk: Path) -> list[str]:
    """Orders taken by the server that the full disk keeps out of the log; their ids."""
    async with aiohttp.ClientSession() as session:
        assert (await post(session, url, [order("before")]))[0] == 200
        fill(small_disk)
        for n in range(400):
            ids = [f"q{n}-{i}" for i in range(200)]
            status, body, _ = await post(session, url, [order(i) for i in ids])
            if status == 503:
                assert body["reason"] == "the disk is full" and "queued" in body["error"], body
                return ids
        raise AssertionError("the disk never filled")


@pytest.mark.slow
def test_sigterm_during_an_outage_keeps_the_queued_events_in_a_rescue_file(small_disk, tmp_path):
    db = small_disk / "show.db"
    new_show(db)
    server = serve(db, tmp_path / "logs")
    queued = asyncio.run(queue_during_outage(server.url, small_disk))
    rc, err = server.terminate()
    assert rc == 2, err
    beside = Path(f"{db}.unsaved.jsonl")
    fallback = Path(os.environ["XDG_DATA_HOME"]) / "ControlRoom" / "unsaved" / "show.db.unsaved.jsonl"
    assert str(fallback) in err and "200 events" in err, err
    kept = [json.loads(line) for line in fallback.read_text(encoding="ascii").splitlines()]
    assert [k["ref"] for k in kept if k["ref"] in set(queued)] == queued
    assert all(k["reason"] == "the disk is full" and k["kind"] == "order" for k in kept)
    assert not beside.exists() or beside.read_bytes() == b""  # no half line left on the full disk
    (small_disk / "filler").unlink()
    assert refs(db, "order") == ["before"]
