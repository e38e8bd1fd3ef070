"""The local API for real: a server on loopback, driven by aiohttp's HTTP and WebSocket client."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from controlroom.core import events as ev
from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH, WS_PATH, ApiServer
from controlroom.feeds.config import ApiSettings

TOKEN = "test-token"  # the server fixture's (conftest.py)

AUTH = {"Authorization": f"Bearer {TOKEN}"}


async def _request(method: str, url: str, headers: dict[str, str] | None = None, **kw: Any) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session, session.request(method, url, headers=headers, **kw) as resp:
        text = await resp.text()
        try:
            return resp.status, json.loads(text)
        except ValueError:
            return resp.status, text


def post(
    server: ApiServer, body: Any, headers: dict[str, str] | None = AUTH, raw: bytes | None = None
) -> tuple[int, Any]:
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode()
    hdrs = {"Content-Type": "application/json", **(headers or {})}
    return asyncio.run(_request("POST", server.url + EVENTS_PATH, hdrs, data=data))


def get_state(server: ApiServer, headers: dict[str, str] | None = AUTH) -> tuple[int, Any]:
    return asyncio.run(_request("GET", server.url + STATE_PATH, headers))


def stored(service, kind: str | None = None) -> list[ev.Event]:
    service.writer.flush()
    kinds = (kind,) if kind else None
    return list(service.repo.events(service.show_id, kinds))


def test_binds_loopback_by_default(server):
    assert server.host == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


def test_good_events_land_in_log_and_state(server, live_service):
    batch = [
        {"type": "viewers", "online": 1234, "entries_total": 5678},
        {"type": "comment", "user": "u1", "text": "好看"},
        {"type": "like", "count": 10},
        {"type": "share"},
        {"type": "follow", "user": "u2"},
        {"type": "order", "order_id": "A1", "product": "SKU-1001", "quantity": 2, "amount": 19.8, "buyer": "u9"},
        {"type": "gift", "user": "u3", "gift": "玫瑰", "count": 3, "value": 3},
    ]
    status, body = post(server, batch)
    assert status == 200, body
    assert body == {"received": 7, "accepted": 7, "duplicates": 0, "cut": []}
    kinds = [e.kind for e in stored(live_service) if e.is_feed]
    assert kinds == ["viewers", "comment", "like", "share", "follow", "order", "gift"]
    status, state = get_state(server)
    assert status == 200
    t = state["totals"]
    assert (t["online"], t["views"], t["likes"], t["comments"], t["orders"], t["gmv"]) == (1234, 5678, 10, 1, 1, 19.8)
    assert state.pop("log") == {"unsaved": 0, "unavailable": None, "set_aside": 0, "lock_lost": None}  # acknowledged = committed
    assert state.pop("sources") == []  # no sources started beside this server (docs/architecture.md, Sources)
    assert state == live_service.status() | {"show_elapsed_s": state["show_elapsed_s"]}


def test_single_event_and_explicit_ts(server, service):
    status, _ = post(server, {"type": "comment", "user": "u1", "text": "hi", "ts": "2026-01-01T08:00:05+08:00"})
    assert status == 200
    (e,) = stored(service, ev.COMMENT)
    assert e.ts == 1_767_225_605.0  # 00:00:05Z


def test_state_matches_cli_status(server, service, db_path, capsys):
    from controlroom.app import main

    post(server, [{"type": "viewers", "online": 77}, {"type": "comment", "text": "多少钱"}])
    service.writer.flush()
    assert main(["status", "--db", str(db_path)]) == 0
    cli = json.loads(capsys.readouterr().out)
    _, api = get_state(server)
    assert api["totals"]["comments"] == cli["totals"]["comments"] == 1
    assert api["totals"]["online"] == cli["totals"]["online"] == 77
    assert set(api) == set(cli) | {"log"}  # the API also says how the log is doing


def test_bad_event_in_array_refuses_whole_request(server, service):
    before = service.repo.count_events(service.show_id)
    batch = [
        {"type": "comment", "text": "ok"},
        {"type": "like", "count": 1},
        {"type": "order", "order_id": "B1", "amount": -5},
    ]
    status, body = post(server, batch)
    assert status == 422
    assert body["index"] == 2 and body["field"] == "amount"
    assert "event 2" in body["error"] and "amount" in body["error"]
    assert service.repo.count_events(service.show_id) == before
    assert service.status()["totals"]["comments"] == 0


@pytest.mark.parametrize(
    "raw, why",
    [
        (b'{"type": "comment", "text": ', "broken JSON"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b"", "broken JSON"),
    ],
)
def test_broken_json_is_400(server, service, raw, why):
    status, body = post(server, None, raw=raw)
    assert status == 400
    assert why in body["error"]
    assert stored(service, ev.COMMENT) == []


def test_no_or_wrong_token_is_401(server, service):
    for headers in (
        {},
        {"Authorization": "Bearer nope"},
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
    ):
        status, body = post(server, {"type": "share"}, headers=headers)
        assert status == 401, headers
        assert "Bearer" in body["error"]
    assert get_state(server, headers={})[0] == 401
    assert stored(service, ev.SHARE) == []


def test_oversized_body_is_413(intake, service):
    srv = ApiServer(intake, TOKEN, port=0, settings=ApiSettings(max_body_bytes=10_000))
    srv.start()
    try:
        batch = [{"type": "comment", "text": "x" * 100}] * 200  # ~25 kB
        status, body = post(srv, batch)
        assert status == 413
        assert "10000" in body["error"]
        # the same batch without a Content-Length (chunked) is caught while reading
        data = json.dumps(batch).encode()

        async def chunks():
            for i in range(0, len(data), 4096):
                yield data[i : i + 4096]

        hdrs = {**AUTH, "Content-Type": "application/json"}
        status, _ = asyncio.run(_request("POST", srv.url + EVENTS_PATH, hdrs, data=chunks()))
        assert status == 413
    finally:
        srv.stop()
    assert stored(service, ev.COMMENT) == []


def test_duplicated_order_counted_once(server, live_service):
    order = {"type": "order", "order_id": "A1", "product": "冰丝防晒袖套", "quantity": 1, "amount": 9.9}
    status, body = post(server, [order, order])  # twice in one array
    assert status == 200 and body["accepted"] == 1 and body["duplicates"] == 1
    status, body = post(server, order)  # and again later
    assert body == {"received": 1, "accepted": 0, "duplicates": 1, "cut": []}
    orders = stored(live_service, ev.ORDER)
    assert len(orders) == 1 and orders[0].product == "SKU-1001" and orders[0].flag is None
    assert get_state(server)[1]["totals"]["orders"] == 1


def test_unexpected_orders_are_counted_and_flagged(server, service):
    # the show is not started: nothing is on shelf
    batch = [
        {"type": "order", "order_id": "X1", "product": "SKU-2001", "amount": 59},
        {"type": "order", "order_id": "X2", "product": "不存在的商品", "amount": 10},
    ]
    assert post(server, batch)[0] == 200
    flags = [e.flag for e in stored(service, ev.ORDER)]
    assert flags == [ev.FLAG_OFF_SHELF, ev.FLAG_UNKNOWN_PRODUCT]
    totals = get_state(server)[1]["totals"]
    assert totals["orders"] == 2 and totals["gmv"] == 69.0 and totals["oversells"] == 2


def test_notes_and_incidents_are_committed_at_once(server, service):
    batch = [
        {"type": "note", "text": "主播换衣服"},
        {"type": "incident", "incident_id": "net1", "text": "断流"},
        {"type": "incident", "action": "close", "incident_id": "net1"},
    ]
    status, body = post(server, batch)
    assert status == 200 and body["accepted"] == 3
    kinds = [e.kind for e in service.repo.events(service.show_id, (ev.NOTE, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED))]
    assert kinds == [ev.NOTE, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED]
    # closing it again is refused, and the comment beside it is not stored
    status, body = post(
        server, [{"type": "comment", "text": "a"}, {"type": "incident", "action": "close", "incident_id": "net1"}]
    )
    assert status == 422 and body["index"] == 1 and body["field"] == "incident_id"
    assert stored(service, ev.COMMENT) == []


def test_an_incident_cannot_close_before_it_opened(server, service):
    """A close whose ts is before the opening would leave the live state closed and the
    replay (which folds the log in time order) open: refused, naming 'ts'."""
    t0 = service.now()
    status, _ = post(server, {"type": "incident", "incident_id": "net1", "text": "断流", "ts": t0})
    assert status == 200
    status, body = post(server, [{"type": "comment", "text": "a"},
                                 {"type": "incident", "action": "close", "incident_id": "net1", "ts": t0 - 60}])
    assert status == 422 and body["index"] == 1 and body["field"] == "ts" and "before" in body["error"]
    status, body = post(server, [{"type": "incident", "incident_id": "n2", "text": "黑屏", "ts": t0},
                                 {"type": "incident", "action": "close", "incident_id": "n2", "ts": t0 - 1}])
    assert status == 422 and body["index"] == 1 and body["field"] == "ts"
    assert stored(service, ev.COMMENT) == [] and len(stored(service, ev.INCIDENT_OPENED)) == 1
    status, _ = post(server, {"type": "incident", "action": "close", "incident_id": "net1", "ts": t0 + 30})
    assert status == 200
    replayed = service.repo.load_show(service.show_id)
    assert replayed.incidents["net1"].closed_at == service.state.incidents["net1"].closed_at == t0 + 30


def test_comment_watch_flags_negative(server, service):
    post(
        server,
        [
            {"type": "comment", "text": "假货吧"},
            {"type": "comment", "text": "多少钱？"},
            {"type": "comment", "text": "好"},
        ],
    )
    assert [e.flag for e in stored(service, ev.COMMENT)] == ["negative", "question", None]


def test_websocket_acks_each_message(server, service):
    async def talk() -> list[dict[str, Any]]:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(server.url + WS_PATH, headers=AUTH) as ws:
                replies = []
                for msg in (
                    json.dumps({"type": "comment", "user": "u1", "text": "来了"}),
                    json.dumps([{"type": "like", "count": 5}, {"type": "share"}]),
                    json.dumps([{"type": "like"}, {"type": "viewers"}]),
                    "{not json",
                ):
                    await ws.send_str(msg)
                    replies.append(await ws.receive_json(timeout=5))
                return replies

    replies = asyncio.run(talk())
    assert [r["ok"] for r in replies] == [True, True, False, False]
    assert [r["seq"] for r in replies] == [1, 2, 3, 4]
    assert replies[1]["accepted"] == 2
    assert replies[2]["index"] == 1 and replies[2]["field"] == "online"
    assert "broken JSON" in replies[3]["error"]
    assert [e.kind for e in stored(service) if e.is_feed] == ["comment", "like", "share"]


def test_websocket_needs_token(server):
    async def connect() -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(server.url + WS_PATH):
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    assert asyncio.run(connect()) == 401


def test_port_in_use_is_a_clear_error(server, intake):
    other = ApiServer(intake, TOKEN, port=server.port)
    with pytest.raises(OSError, match="cannot serve"):
        other.start()
    assert not other.running
