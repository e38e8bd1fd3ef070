"""The local API under abuse, for real: a server on loopback, aiohttp clients and raw sockets.
It must answer JSON, never stall other clients, never let poison through, and map a
database that cannot write to 503."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from typing import Any

import aiohttp
import pytest

from controlroom.core import events as ev
from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH, WS_PATH, ApiServer
from controlroom.feeds.config import ApiSettings
from controlroom.services.intake import Intake
from controlroom.store.errors import StoreUnavailable
from tests.live.test_api_server import AUTH, TOKEN, _request, get_state, post, stored

GUARD_S = 20.0  # only so that a regression fails instead of hanging; no assert is about time


class GatedIntake(Intake):
    """Holds every batch until released: a batch that takes long to commit."""

    def __init__(self, service: Any) -> None:
        super().__init__(service)
        self.entered = threading.Event()
        self.release = threading.Event()

    def submit_json(self, payload: Any) -> Any:
        self.entered.set()
        self.release.wait(GUARD_S)
        return super().submit_json(payload)


class FailingIntake(Intake):
    """Raises the given exception for every batch (the lead tests a real full disk end to end)."""

    def __init__(self, service: Any, exc: BaseException) -> None:
        super().__init__(service)
        self.exc = exc

    def submit_json(self, payload: Any) -> Any:
        raise self.exc


@contextlib.contextmanager
def serving(intake: Intake, **settings: Any):
    srv = ApiServer(intake, TOKEN, port=0, settings=ApiSettings(**settings))
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


async def _ws_talk(server: ApiServer, messages: list[str]) -> list[dict[str, Any]]:
    async with aiohttp.ClientSession() as session, session.ws_connect(server.url + WS_PATH, headers=AUTH) as ws:
        replies = []
        for msg in messages:
            await ws.send_str(msg)
            replies.append(await ws.receive_json(timeout=GUARD_S))
        return replies


def ws_talk(server: ApiServer, messages: list[str]) -> list[dict[str, Any]]:
    return asyncio.run(_ws_talk(server, messages))


GOOD = json.dumps({"type": "share"})


# -- the event loop is never the one waiting ---------------------------------------
def test_a_batch_being_committed_does_not_stall_other_clients(service):
    intake = GatedIntake(service)

    async def scenario(srv: ApiServer) -> tuple[int, bool, int]:
        async with aiohttp.ClientSession() as session:
            async def post_batch() -> int:
                batch = [{"type": "comment", "text": f"c{i}"} for i in range(1000)]
                async with session.post(srv.url + EVENTS_PATH, json=batch, headers=AUTH) as resp:
                    return resp.status

            posting = asyncio.create_task(post_batch())
            assert await asyncio.get_running_loop().run_in_executor(None, intake.entered.wait, GUARD_S)
            timeout = aiohttp.ClientTimeout(total=GUARD_S)
            async with session.get(srv.url + STATE_PATH, headers=AUTH, timeout=timeout) as resp:
                state_status = resp.status
            still_posting = not posting.done()
            intake.release.set()
            return state_status, still_posting, await posting

    with serving(intake) as srv:
        try:
            assert asyncio.run(scenario(srv)) == (200, True, 200)
        finally:
            intake.release.set()
    assert len(stored(service, ev.COMMENT)) == 1000


def test_stop_ends_the_worker_threads(intake):
    with serving(intake) as srv:
        assert post(srv, {"type": "share"})[0] == 200
        assert get_state(srv)[0] == 200
        assert any(t.name.startswith("api-intake") for t in threading.enumerate())
    assert not any(t.name.startswith(("api-intake", "api-state")) for t in threading.enumerate())


# -- the database cannot write: 503 --------------------------------------------------
@pytest.mark.parametrize("retry_after_s, header", [(2.5, "3"), (0.2, "1"), (30, "30")])
def test_store_unavailable_is_503_with_retry_after(service, retry_after_s, header):
    exc = StoreUnavailable("the disk is full", retry_after_s=retry_after_s, waiting=7)

    async def call(srv: ApiServer, body: Any) -> tuple[int, str | None, Any]:
        async with aiohttp.ClientSession() as session:
            async with session.post(srv.url + EVENTS_PATH, json=body, headers=AUTH) as resp:
                return resp.status, resp.headers.get("Retry-After"), await resp.json()

    with serving(FailingIntake(service, exc)) as srv:
        for body in ({"type": "order", "order_id": "A1", "amount": 5}, [{"type": "note", "text": "换场"}]):
            assert asyncio.run(call(srv, body)) == (503, header, exc.as_dict())


def test_store_unavailable_on_the_websocket_keeps_the_connection(service):
    exc = StoreUnavailable("the database is locked", retry_after_s=1.0, waiting=3)
    with serving(FailingIntake(service, exc)) as srv:
        replies = ws_talk(srv, [GOOD, GOOD])
    assert replies == [{"ok": False, "seq": n, "status": 503, **exc.as_dict()} for n in (1, 2)]


def test_an_unexpected_failure_is_500_json_and_logged(service, caplog):
    caplog.set_level(logging.ERROR, logger="controlroom.feeds.api_server")
    with serving(FailingIntake(service, RuntimeError("boom"))) as srv:
        status, body = post(srv, {"type": "share"})
        replies = ws_talk(srv, [GOOD, GOOD])
    assert status == 500 and "RuntimeError" in body["error"]
    assert [(r["ok"], r["seq"], r["status"]) for r in replies] == [(False, 1, 500), (False, 2, 500)]
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], RuntimeError)]
    assert len(logged) == 3  # the POST and both WebSocket messages, each with its traceback


# -- every failure is JSON -------------------------------------------------------------
def test_unknown_path_and_wrong_method_are_json(server):
    status, body = asyncio.run(_request("GET", server.url + "/api/v1/nope", AUTH))
    assert status == 404 and "/api/v1/events" in body["error"]

    async def get_events() -> tuple[int, str, Any]:
        async with aiohttp.ClientSession() as session:
            async with session.get(server.url + EVENTS_PATH, headers=AUTH) as resp:
                return resp.status, resp.headers.get("Allow", ""), await resp.json()

    status, allow, body = asyncio.run(get_events())
    assert status == 405 and "POST" in allow and "POST" in body["error"]


@pytest.mark.parametrize("depth", [1_000, 200_000])
def test_deep_nesting_is_400_json_and_the_websocket_stays(server, service, depth):
    deep = "[" * depth + "]" * depth
    status, body = post(server, None, raw=deep.encode())
    assert status == 400 and "nested too deeply" in body["error"]
    first, second = ws_talk(server, [deep, GOOD])
    assert (first["ok"], first["status"], first["seq"]) == (False, 400, 1) and "nested" in first["error"]
    assert second["ok"] and second["seq"] == 2
    assert len(stored(service, ev.SHARE)) == 1


def test_a_5000_digit_number_is_422_naming_the_field(server):
    status, body = post(server, None, raw=b'{"type": "viewers", "online": ' + b"7" * 5000 + b"}")
    assert status == 422 and body["field"] == "online" and "5000-digit" in body["error"]
    status, body = post(server, None, raw=b'{"type": "viewers", "online": 1e308}')
    assert status == 422 and body["field"] == "online" and len(body["error"]) < 120


def test_a_header_that_is_not_utf8_is_401_not_a_crash(server):
    async def raw() -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \xff\xfe\r\n\r\n")
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), GUARD_S)
        writer.close()
        return head

    assert asyncio.run(raw()).startswith(b"HTTP/1.1 401")


# -- poison and long text ---------------------------------------------------------------
@pytest.mark.parametrize("text", [b'"a\\ud800b"', b'"\\udc00"', b'"a\\u0000b"'])
def test_poison_text_is_refused_and_the_writer_keeps_working(server, service, text):
    status, body = post(server, None, raw=b'[{"type": "like"}, {"type": "comment", "user": "u", "text": ' + text + b"}]")
    assert status == 422 and (body["index"], body["field"]) == (1, "text")
    json.dumps(body).encode()
    assert post(server, {"type": "comment", "text": "fine"})[0] == 200
    assert [e.text for e in stored(service, ev.COMMENT)] == ["fine"]
    assert stored(service, ev.LIKE) == []


def test_a_long_comment_is_cut_and_the_orders_beside_it_kept(server, service):
    batch = [{"type": "comment", "text": "长" * 5000}, {"type": "order", "order_id": "A1", "amount": 9.9}]
    status, body = post(server, batch)
    assert status == 200 and body["cut"] == [0] and body["accepted"] == 2
    (comment,) = stored(service, ev.COMMENT)
    assert comment.text == "长" * 2000 and comment.data == {"cut": ["text"]}
    assert [o.ref for o in stored(service, ev.ORDER)] == ["A1"]


def test_event_id_lands_in_the_log_as_ref(server, service):
    assert post(server, [{"type": "gift", "gift": "玫瑰", "event_id": "g-1"}, {"type": "like", "event_id": 7}])[0] == 200
    assert [(e.kind, e.ref) for e in stored(service) if e.is_feed] == [(ev.GIFT, "g-1"), (ev.LIKE, "7")]


# -- slow clients ----------------------------------------------------------------------
async def _trickle(port: int, head: bytes, body: bytes) -> tuple[bytes, int]:
    """Send the head at once, then the body a byte at a time until the server answers or
    closes; returns what came back and how many body bytes were sent by then."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head)
    sent = 0

    async def drip() -> None:
        nonlocal sent
        with contextlib.suppress(ConnectionError):
            for i in range(len(body)):
                writer.write(body[i : i + 1])
                await writer.drain()
                sent += 1
                await asyncio.sleep(0.05)

    dripping = asyncio.create_task(drip())
    answer = await asyncio.wait_for(reader.read(), GUARD_S)  # until the server closes
    dripping.cancel()
    writer.close()
    return answer, sent


def test_a_slow_body_is_408_json_and_closed(service):
    body = json.dumps({"type": "comment", "text": "x" * 2000}).encode()
    head = (f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    with serving(Intake(service), read_timeout_s=0.5) as srv:
        answer, sent = asyncio.run(_trickle(srv.port, head, body))
    status_line, _, rest = answer.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 408"), answer[:200]
    assert json.loads(rest.partition(b"\r\n\r\n")[2])["error"].startswith("the body did not arrive")
    assert sent < len(body)
    assert stored(service, ev.COMMENT) == []


def test_slow_headers_are_cut_off(service):
    head = f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode()
    headers = b"X-Slow: " + b"y" * 2000  # never finished: the server must give up first
    with serving(Intake(service), read_timeout_s=0.5) as srv:
        answer, sent = asyncio.run(_trickle(srv.port, head, headers))
        assert post(srv, {"type": "share"})[0] == 200  # and it still serves everyone else
    assert answer == b"" and sent < len(headers)
