"""Browser safety of the real local API: other origins, rebound names and form posts are refused."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from controlroom.feeds.api_commands import COMMANDS_PATH
from controlroom.feeds.api_guard import HostRule, host_name, same_origin
from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH, WS_PATH
from tests.live.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON = {**AUTH, "Content-Type": "application/json"}
START = json.dumps({"command": "start"}).encode()


async def _request(method: str, url: str, headers: dict[str, str], data: bytes | None = None) -> tuple[int, Any, Any]:
    async with aiohttp.ClientSession() as s, s.request(method, url, headers=headers, data=data) as resp:
        return resp.status, await resp.json(), resp.headers


def request(method: str, url: str, headers: dict[str, str], data: bytes | None = None) -> tuple[int, Any, Any]:
    return asyncio.run(_request(method, url, headers, data))


def events_logged(service) -> int:
    service.writer.flush()
    return len(list(service.repo.events(service.show_id)))


@pytest.mark.parametrize("path", [COMMANDS_PATH, EVENTS_PATH])
def test_a_post_from_another_origin_is_refused(server, service, path):
    status, body, headers = request("POST", server.url + path, {**JSON, "Origin": "http://evil.example"}, START)
    assert (status, body["code"]) == (403, "forbidden_origin")
    assert "Access-Control-Allow-Origin" not in headers
    assert events_logged(service) == 0


@pytest.mark.parametrize("origin", ["null", "http://127.0.0.1:1", "https://127.0.0.1", "http://localhost.evil.example"])
def test_only_our_own_origin_passes(server, service, origin):
    assert request("POST", server.url + COMMANDS_PATH, {**JSON, "Origin": origin}, START)[0] == 403
    own = {**JSON, "Origin": server.url}  # a view page served by this server
    assert request("POST", server.url + COMMANDS_PATH, own, START)[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", "attacker.localhost.com"])
def test_a_rebound_host_name_is_refused_even_with_the_token(server, service, host):
    for method, path, data in [("POST", COMMANDS_PATH, START), ("GET", STATE_PATH, None)]:
        status, body, headers = request(method, server.url + path, {**JSON, "Host": host}, data)
        assert (status, body["code"]) == (403, "forbidden_host")
        assert "Access-Control-Allow-Origin" not in headers
    assert events_logged(service) == 0


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "text/json"])
def test_a_post_that_is_not_json_is_refused(server, service, content_type):
    headers = dict(AUTH) if content_type is None else {**AUTH, "Content-Type": content_type}
    for path in (COMMANDS_PATH, EVENTS_PATH):
        # skip_auto_headers: aiohttp would add application/octet-stream itself
        async def post(p: str = path) -> tuple[int, Any]:
            async with aiohttp.ClientSession() as s, s.post(server.url + p, data=START, headers=headers,
                                                            skip_auto_headers=["Content-Type"]) as resp:
                return resp.status, await resp.json()
        status, body = asyncio.run(post())
        assert (status, body["code"]) == (415, "not_json")
    assert events_logged(service) == 0
    ok = {**AUTH, "Content-Type": "application/json; charset=utf-8"}
    assert request("POST", server.url + COMMANDS_PATH, ok, START)[0] == 200


def test_a_websocket_from_another_origin_is_refused(server, service):
    async def connect(origin: str) -> int:
        async with aiohttp.ClientSession() as s:
            try:
                async with s.ws_connect(server.url + WS_PATH, headers={**AUTH, "Origin": origin}) as ws:
                    await ws.send_str('{"type": "command", "command": "start"}')
                    await ws.receive_json(timeout=30)
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status
    assert asyncio.run(connect("http://evil.example")) == 403
    assert events_logged(service) == 0
    assert asyncio.run(connect(server.url)) == 101  # our own page's origin
    assert events_logged(service) == 2


def test_no_answer_grants_cors(server):
    """A preflight, a GET and an error: none carries an Access-Control-Allow-* header."""
    origin = {"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"}
    answers = [request("OPTIONS", server.url + COMMANDS_PATH, origin), request("GET", server.url + STATE_PATH, AUTH),
               request("GET", server.url + STATE_PATH, {}), request("POST", server.url + COMMANDS_PATH, JSON, b"{")]
    assert [a[0] for a in answers] == [403, 200, 401, 400]
    for _, _, headers in answers:
        assert not [h for h in headers if h.lower().startswith("access-control-")]


def test_host_rule():
    loop, lan = HostRule("127.0.0.1"), HostRule("0.0.0.0")
    assert loop.allows("127.0.0.1") and loop.allows("localhost") and loop.allows("::1")
    assert not loop.allows("192.168.1.20") and not loop.allows("evil.example")
    assert lan.allows("192.168.1.20") and not lan.allows("evil.example")
    assert host_name("[::1]:8765") == "::1" and host_name("LocalHost.:80") == "localhost"
    assert same_origin("http://[::1]:8765", "[::1]:8765") and not same_origin("http://[::1]:8765", "[::1]:8766")
    assert same_origin("http://localhost", "localhost:80") and not same_origin("http://a@localhost", "localhost")
