"""Operator commands over the real local API: every command over HTTP and the WebSocket, refusals with codes."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.feeds.api_commands import COMMANDS_PATH
from controlroom.feeds.api_server import WS_PATH, ApiServer
from controlroom.services.show_service import ShowService, create_show
from tests.live.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
SKU = "SKU-2001"


async def _post(url: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()  # \u-escapes: a lone surrogate too
    async with aiohttp.ClientSession() as s, s.post(url + COMMANDS_PATH, data=data, headers=headers) as resp:
        return resp.status, await resp.json()


def command(server: ApiServer, body: Any, headers: dict[str, str] = AUTH) -> tuple[int, Any]:
    return asyncio.run(_post(server.url, body, headers))


def stored_kinds(service: ShowService) -> list[str]:
    service.writer.flush()
    return [e.kind for e in service.repo.events(service.show_id)]


# Every command, in an order in which each is taken: (body, the event kinds it logs).
SCRIPT: list[tuple[dict[str, Any], list[str]]] = [
    ({"command": "start"}, [ev.SHOW_STARTED, ev.SEGMENT_STARTED]),
    ({"command": "next"}, [ev.SEGMENT_STARTED, ev.PRODUCT_ON_SHELF, ev.EXPLAINING_STARTED]),  # onto SKU-1001's slot
    ({"command": "previous"}, [ev.SEGMENT_STARTED]),
    ({"command": "extend", "minutes": 2}, [ev.SEGMENT_EXTENDED]),
    ({"command": "interaction"}, [ev.INTERACTION_MARKED]),
    ({"command": "shelf", "sku": SKU, "on": True}, [ev.PRODUCT_ON_SHELF]),
    ({"command": "explain", "sku": SKU}, [ev.EXPLAINING_STARTED]),
    ({"command": "promo", "sku": SKU}, [ev.PROMO_REPEATED]),
    ({"command": "host_message", "text": "下一个上耳机"}, [ev.HOST_MESSAGE]),
    ({"command": "pause"}, [ev.SHOW_PAUSED]),
    ({"command": "resume"}, [ev.SHOW_RESUMED]),
    ({"command": "undo"}, [ev.UNDONE]),
    ({"command": "end"}, [ev.SHOW_ENDED]),
]


def test_every_command_over_http_is_committed_when_acknowledged(server, service):
    for body, kinds in SCRIPT:
        before = len(stored_kinds(service))
        status, answer = command(server, {**body, "id": f"c-{body['command']}"})
        assert status == 200, answer
        assert answer["ok"] and answer["events"] == kinds and answer["command"] == body["command"]
        # in the log already (read from the database, not the live state)
        assert stored_kinds(service)[before:] == kinds
    assert service.state.timer.status.value == "ended"


def test_status_after_commands_equals_the_windows(server, service, repo, writer, clock):
    """The same script through ShowService.run (what the window's buttons call) on a twin show."""
    twin_id = create_show(repo, "测试场 Test show", 60, [p for p in service.state.queue.products.values()], clock.now())
    twin = ShowService(repo, writer, twin_id, clock)
    window = {"start": (commands.start,), "next": (commands.next_segment,), "previous": (commands.previous_segment,),
              "extend": (commands.extend, 2.0), "interaction": (commands.mark_interaction,),
              "shelf": (commands.set_shelf, SKU, True), "explain": (commands.explain, SKU),
              "promo": (commands.mark_promo, SKU), "host_message": (commands.host_message, "下一个上耳机"),
              "pause": (commands.pause,), "resume": (commands.resume,)}
    for body, _ in SCRIPT:
        if body["command"] not in window:
            continue
        clock.advance(7)
        assert command(server, body)[0] == 200
        twin.run(*window[body["command"]])
    ours, theirs = service.status(), twin.status()
    for d in (ours, theirs):
        d.pop("show_id")
        d["segment"].pop("uid")  # each show's segments have their own uids
    assert ours == theirs
    assert service.view().host_message == twin.view().host_message == "下一个上耳机"


def test_refusals_are_409_with_the_windows_sentence_and_a_code(server, service):
    status, body = command(server, {"command": "next"})
    assert (status, body["code"]) == (409, "not_live")
    assert body["error"] == "the show is planned, not running"
    assert command(server, {"command": "undo"})[1]["code"] == "nothing_to_undo"
    command(server, {"command": "start"})
    assert command(server, {"command": "previous"})[1] == {
        "command": "previous", "id": None, "error": "this is the first segment", "code": "first_segment"}
    assert command(server, {"command": "resume"})[1]["code"] == "not_paused"
    assert command(server, {"command": "extend", "minutes": 0})[1]["code"] == "bad_minutes"
    status, body = command(server, {"command": "shelf", "sku": "NOPE", "on": True})
    assert (status, body["code"]) == (409, "unknown_product")
    assert stored_kinds(service) == [ev.SHOW_STARTED, ev.SEGMENT_STARTED]  # nothing of the refusals


@pytest.mark.parametrize(("body", "field"), [
    ({"command": "extend"}, "minutes"),
    ({"command": "extend", "minutes": "2"}, "minutes"),
    ({"command": "extend", "minutes": True}, "minutes"),
    ({"command": "shelf", "sku": SKU, "on": 1}, "on"),
    ({"command": "shelf", "on": True}, "sku"),
    ({"command": "explain"}, "sku"),
    ({"command": "host_message", "text": "bad \ud800"}, "text"),
    ({"command": "host_message", "text": "x" * 2001}, "text"),
    ({"command": "next", "minutes": 1}, "minutes"),
    ({"command": "jump"}, "command"),
    ({}, "command"),
    ({"command": "next", "id": ["a"]}, "id"),
    ({"command": ["next"]}, "command"),
    ({"command": "next", "type": "viewers"}, "type"),
])
def test_bad_input_is_422_naming_the_field_and_runs_nothing(server, service, body, field):
    service.start()
    status, answer = command(server, body)
    assert (status, answer["field"], answer["code"]) == (422, field, "bad_input")
    assert stored_kinds(service) == [ev.SHOW_STARTED, ev.SEGMENT_STARTED]


def test_broken_json_and_non_objects(server):
    assert command(server, b'{"command": ')[0] == 400
    status, answer = command(server, ["next"])
    assert status == 422 and answer["field"] is None


def test_a_resent_id_is_answered_again_never_run_twice(server, service):
    service.start()
    first = command(server, {"command": "next", "id": "deck-7"})
    again = command(server, {"command": "next", "id": "deck-7"})
    assert first[0] == again[0] == 200
    assert again[1] == {**first[1], "duplicate": True}
    assert stored_kinds(service).count(ev.SEGMENT_STARTED) == 2  # the start's and one next
    status, body = command(server, {"command": "previous", "id": "deck-7"})
    assert (status, body["field"]) == (422, "id")


def test_wrong_token_is_refused_and_runs_nothing(server, service):
    status, _ = command(server, {"command": "start"}, {**AUTH, "Authorization": "Bearer wrong"})
    assert status == 401
    assert stored_kinds(service) == []


def test_a_view_only_token_cannot_send_commands(intake, service):
    """The view-only token (browser views, docs/views.md) reads; it never commands: 403 over
    HTTP, and the command socket refuses it at the handshake."""
    srv = ApiServer(intake, TOKEN, host="127.0.0.1", port=0, view_token="view-only-token")
    srv.start()
    try:
        view = {**AUTH, "Authorization": "Bearer view-only-token"}
        assert asyncio.run(_post(srv.url, {"command": "start"}, view))[0] == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(_ws_commands(srv.url, [{"type": "command", "command": "start"}], view))
        assert refused.value.status == 403
    finally:
        srv.stop()
    assert stored_kinds(service) == []


async def _ws_commands(url: str, messages: list[Any], headers: dict[str, str] = AUTH) -> list[dict[str, Any]]:
    async with aiohttp.ClientSession() as s, s.ws_connect(url + WS_PATH, headers=headers) as ws:
        out = []
        for m in messages:
            await ws.send_str(json.dumps(m, ensure_ascii=False))
            out.append(await ws.receive_json(timeout=30))
        return out


def test_every_command_over_the_websocket(server, service):
    msgs = [{"type": "command", **body} for body, _ in SCRIPT]
    answers = asyncio.run(_ws_commands(server.url, [*msgs, {"type": "command", "command": "next"}]))
    for (body, kinds), answer, seq in zip(SCRIPT, answers, range(1, 99)):
        assert answer["ok"] and answer["seq"] == seq and answer["events"] == kinds, (body, answer)
    refused = answers[-1]
    assert refused["ok"] is False and (refused["status"], refused["code"]) == (409, "not_live")
    assert stored_kinds(service) == [k for _, kinds in SCRIPT for k in kinds]


def test_websocket_events_and_commands_share_one_connection(server, service):
    answers = asyncio.run(_ws_commands(server.url, [
        {"type": "command", "command": "start"},
        {"type": "comment", "user": "u1", "text": "来了"},
        {"type": "command", "command": "extend", "minutes": "two"},
    ]))
    assert answers[0]["ok"] and answers[1]["accepted"] == 1
    assert answers[2]["ok"] is False and (answers[2]["status"], answers[2]["field"]) == (422, "minutes")

