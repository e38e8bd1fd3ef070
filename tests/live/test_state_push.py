"""The live state push and the view-only token, for real: a server on loopback, aiohttp clients."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH, WS_PATH, ApiServer
from controlroom.feeds.config import load_or_create_token, load_or_create_view_token
from controlroom.feeds.view_routes import AUTH_CLOSE, LIVE_PATH

TOKEN, VIEW_TOKEN = "test-token", "view-token-1234"


@pytest.fixture
def views_server(intake):
    srv = ApiServer(intake, TOKEN, host="127.0.0.1", port=0, view_token=VIEW_TOKEN)
    srv.start()
    yield srv
    srv.stop()


async def _status(method: str, url: str, token: str, **kw: Any) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as s, s.request(method, url, headers=headers, **kw) as resp:
        return resp.status, await resp.json()


def test_the_view_token_reads_the_state_but_never_sends_events(views_server, live_service):
    status, body = asyncio.run(_status("GET", views_server.url + STATE_PATH, VIEW_TOKEN))
    assert status == 200 and body["state"] == "running"
    before = len(list(live_service.repo.events(live_service.show_id)))
    batch = json.dumps([{"type": "like", "count": 1}])
    status, body = asyncio.run(_status("POST", views_server.url + EVENTS_PATH, VIEW_TOKEN, data=batch))
    assert status == 403 and "view-only token" in body["error"]
    status, _ = asyncio.run(_status("GET", views_server.url + WS_PATH, VIEW_TOKEN))
    assert status == 403  # the events WebSocket is for sending: refused before the upgrade
    live_service.writer.flush()
    assert len(list(live_service.repo.events(live_service.show_id))) == before
    assert asyncio.run(_status("POST", views_server.url + EVENTS_PATH, TOKEN, data=batch))[0] == 200


async def _live(server: ApiServer, token: str | None, until: Any, headers: dict[str, str] | None = None,
                send: list[str] | None = None) -> list[dict[str, Any]]:
    """Connect to the live socket, say the token, collect messages until `until(messages)`."""
    got: list[dict[str, Any]] = []
    async with aiohttp.ClientSession() as s, s.ws_connect(server.url + LIVE_PATH, headers=headers) as ws:
        if token is not None:
            await ws.send_str(json.dumps({"token": token}))
        for text in send or []:
            await ws.send_str(text)
        async with asyncio.timeout(30):
            async for msg in ws:
                got.append(json.loads(msg.data))
                if until(got):
                    break
        got.append({"closed": ws.close_code})
    return got


def test_the_live_socket_pushes_the_state_with_the_server_clock(views_server, live_service, clock):
    def two(m: list[dict[str, Any]]) -> bool:
        clock.advance(5)  # nothing happens on the show: the next push comes of the once-a-second tick
        return len(m) >= 2
    got = asyncio.run(_live(views_server, VIEW_TOKEN, two))
    first, second = got[0], got[1]
    assert first["type"] == second["type"] == "state"
    assert first["status"] == "running" and first["segment"]["title"]
    assert second["server_ts"] == first["server_ts"] + 5  # the server's clock, not the client's
    assert second["remaining_s"] == first["remaining_s"] - 5
    assert first["remaining_s"] is not None and first["totals"]["gmv"] == 0
    assert {p["sku"] for p in first["shelf"]} == set(live_service.state.queue.order)


def test_a_segment_change_is_pushed_at_once(views_server, live_service):
    async def run() -> list[dict[str, Any]]:
        async def change() -> None:
            await asyncio.sleep(0.2)
            await asyncio.get_running_loop().run_in_executor(None, live_service.next)

        async def until_changed() -> list[dict[str, Any]]:
            first_uid: list[str] = []

            def seen(m: list[dict[str, Any]]) -> bool:
                if not first_uid:
                    first_uid.append(m[0]["segment"]["uid"])
                    asyncio.get_running_loop().create_task(change())
                return m[-1].get("segment", {}).get("uid") != first_uid[0]
            return await _live(views_server, VIEW_TOKEN, seen)
        return await until_changed()
    got = asyncio.run(run())
    assert got[-2]["segment"]["index"] == got[0]["segment"]["index"] + 1


def test_a_wrong_or_missing_token_is_told_and_closed(views_server):
    wrong = asyncio.run(_live(views_server, "not-the-token", lambda m: False))
    assert wrong[0]["status"] == 401 and "not this server's" in wrong[0]["error"]
    assert wrong[-1]["closed"] == AUTH_CLOSE
    none = asyncio.run(_live(views_server, None, lambda m: False, send=['{"hello": 1}']))
    assert none[0]["status"] == 401 and "needs a view token" in none[0]["error"]


def test_the_live_socket_is_read_only_even_with_the_api_token(views_server, live_service):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    batch = json.dumps([{"type": "like", "count": 1}])
    got = asyncio.run(_live(views_server, None, lambda m: any(x.get("type") == "error" for x in m) and any(
        x.get("type") == "pong" for x in m), headers=headers, send=[batch, '{"ping": 42}']))
    error = next(m for m in got if m.get("type") == "error")
    pong = next(m for m in got if m.get("type") == "pong")
    assert error["status"] == 403 and pong["ping"] == 42 and pong["server_ts"] > 0
    assert live_service.view().totals.likes == 0


def test_the_view_token_is_kept_apart_from_the_api_token(config_dir):
    view, api = load_or_create_view_token(), load_or_create_token()
    assert view != api and load_or_create_view_token() == view
    assert (config_dir / "view_token").stat().st_mode & 0o077 == 0


def test_a_show_that_is_not_running_is_read_again_only_when_it_changes(views_server, service, clock):
    feed = views_server.handlers.views.feed
    reads_while_planned: list[int] = []

    def until(m: list[dict[str, Any]]) -> bool:
        clock.advance(1)
        if len(m) == 3:
            reads_while_planned.append(feed.reads)
            service.start()  # an event: the next push is read from the show
        return len(m) >= 3 and m[-1]["status"] == "running"
    got = asyncio.run(_live(views_server, VIEW_TOKEN, until))[:-1]
    assert [m["status"] for m in got[:3]] == ["planned"] * 3
    assert got[1]["server_ts"] > got[0]["server_ts"] and got[1]["show"] == got[0]["show"]
    assert reads_while_planned == [1] and feed.reads >= 2  # three pushes, one read; the start read again


def test_the_open_view_paths_never_lead_to_the_api(views_server, live_service):
    """/view/… needs no token: a dot-segment path through it must not reach the events route."""
    async def raw(path: bytes) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", views_server.port)
        body = b'[{"type": "like", "count": 1}]'
        writer.write(b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (path, len(body), body))
        answer = await reader.read()
        writer.close()
        return answer.split(b"\r\n", 1)[0]
    for path in (b"/view/../api/v1/events", b"/view/%2e%2e/api/v1/events", b"/view/static/../../api/v1/events"):
        assert asyncio.run(raw(path)) in (b"HTTP/1.1 404 Not Found", b"HTTP/1.1 405 Method Not Allowed"), path
    assert live_service.view().totals.likes == 0
