"""A lone surrogate ("\\ud800": valid JSON, no UTF-8 text) among orders, over HTTP, the WebSocket
and `controlroom tail`, real processes all: refused naming the field, every other order stored."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time

import aiohttp
import pytest

from tests.acceptance.procs import AUTH, integrity, new_show, order, post, refs, serve

# A raw JSON text: json.dumps would escape the backslash; the wire carries \ud800 as six characters.
BAD = {"buyer": '{"type": "order", "order_id": "bad-buyer", "amount": 5, "buyer": "x\\ud800y"}',
       "order_id": '{"type": "order", "order_id": "bad\\udfff", "amount": 5}',
       "product": '{"type": "order", "order_id": "bad-product", "amount": 5, "product": "\\udbff"}'}


def array(good: list[dict], bad: str) -> str:
    return "[" + ", ".join([*(json.dumps(e) for e in good[:1]), bad, *(json.dumps(e) for e in good[1:])]) + "]"


async def over_the_api(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        for field, bad in BAD.items():
            assert (await post(session, url, [order(f"http-{field}-before")]))[0] == 200
            status, body, _ = await post(session, url, array([order(f"http-{field}-a"), order(f"http-{field}-b")], bad))
            assert status == 422 and body["field"] == field and body["index"] == 1, body
            assert "surrogate" in body["error"]
            assert (await post(session, url, [order(f"http-{field}-after")]))[0] == 200
        async with session.ws_connect(f"{url}/api/v1/ws", headers=AUTH) as ws:
            for field, bad in BAD.items():
                await ws.send_str(array([order(f"ws-{field}-a"), order(f"ws-{field}-b")], bad))
                answer = await ws.receive_json()
                assert answer["ok"] is False and answer["status"] == 422 and answer["field"] == field, answer
                await ws.send_str(json.dumps([order(f"ws-{field}-a"), order(f"ws-{field}-b")]))
                assert (await ws.receive_json())["accepted"] == 2


@pytest.mark.slow
def test_a_lone_surrogate_is_refused_over_http_and_the_websocket(tmp_path):
    db = tmp_path / "show.db"
    new_show(db)
    server = serve(db, tmp_path / "logs")
    try:
        asyncio.run(over_the_api(server.url))
    finally:
        rc, err = server.terminate()
    assert rc == 0, err
    expected = {f"http-{f}-{w}" for f in BAD for w in ("before", "after")} | {f"ws-{f}-{w}" for f in BAD for w in "ab"}
    assert sorted(refs(db, "order")) == sorted(expected)
    assert integrity(db) == "ok"


@pytest.mark.slow
def test_a_lone_surrogate_is_a_bad_line_of_the_tail_and_every_other_line_is_stored(tmp_path):
    db, feed = tmp_path / "show.db", tmp_path / "feed.jsonl"
    new_show(db)
    lines = []
    for field, bad in BAD.items():
        lines += [json.dumps(order(f"tail-{field}-before")), bad, json.dumps(order(f"tail-{field}-after"))]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "tail", str(feed), "--db", str(db), "--from-start"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    while len(refs(db, "order")) < 6 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert sorted(refs(db, "order")) == sorted(f"tail-{f}-{w}" for f in BAD for w in ("before", "after"))
    for n, field in enumerate(BAD):
        named = [line for line in err.splitlines() if f"line {3 * n + 2}:" in line]
        assert len(named) == 1 and field in named[0] and "surrogate" in named[0], err
    assert "3 bad lines skipped" in out
