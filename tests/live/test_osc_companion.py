"""OSC in and out over real UDP (python-osc both ways), Companion's custom variables against a real HTTP server."""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from aiohttp import web
from pythonosc.dispatcher import Dispatcher
from pythonosc.osc_server import BlockingOSCUDPServer
from pythonosc.udp_client import SimpleUDPClient

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.feeds.api_commands import CommandRunner
from controlroom.feeds.companion import CompanionPush, parse_target
from controlroom.feeds.osc import OscIn, OscOut, payload
from controlroom.feeds.view_poll import ViewPoller, outward
from tests.live.test_commands_api import SCRIPT

WAIT_S = 30.0  # how long a test waits for something that must come (never a timing assert)


def wait_until(ready: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = ready()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"never: {what}")


class OscRecorder:
    """A real OSC receiver on 127.0.0.1 that keeps every (address, args) it gets."""

    def __init__(self) -> None:
        self.got: queue.Queue[tuple[str, tuple[Any, ...]]] = queue.Queue()
        d = Dispatcher()
        d.set_default_handler(lambda address, *args: self.got.put((address, args)))
        self.server = BlockingOSCUDPServer(("127.0.0.1", 0), d)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.1,), daemon=True)
        self.seen: list[tuple[str, tuple[Any, ...]]] = []

    def expect(self, address: str, match: Callable[[tuple[Any, ...]], bool] = lambda _: True) -> tuple[Any, ...]:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                got = self.got.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(got)
            if got[0] == address and match(got[1]):
                return got[1]
        raise AssertionError(f"no {address} among {self.seen}")

    def answer(self) -> tuple[str, tuple[Any, ...]]:
        """The next answer to an OSC command: ("/controlroom/ok", (command,)) or the refusal."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            try:
                got = self.got.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(got)
            if got[0] in ("/controlroom/ok", "/controlroom/refused"):
                return got
        raise AssertionError(f"no answer among {self.seen}")


@pytest.fixture
def recorder() -> Iterator[OscRecorder]:
    r = OscRecorder()
    r.thread.start()
    yield r
    r.server.shutdown()
    r.server.server_close()


@pytest.fixture
def osc_in(service, recorder) -> Iterator[OscIn]:
    port = OscIn(CommandRunner(service), "127.0.0.1", 0, OscOut("127.0.0.1", recorder.port))
    port.start()
    yield port
    port.stop()


def osc_args(body: dict[str, Any]) -> list[Any]:
    """A JSON command's fields as OSC arguments, typed as a surface sends them (on as 1/0)."""
    return [int(v) if isinstance(v, bool) else v for k, v in body.items() if k != "command"]


def stored_kinds(service) -> list[str]:
    service.writer.flush()
    return [e.kind for e in service.repo.events(service.show_id)]


def test_every_command_over_osc(service, osc_in, recorder):
    client = SimpleUDPClient("127.0.0.1", osc_in.port)
    logged: list[str] = []
    for body, kinds in SCRIPT:
        client.send_message(f"/controlroom/{body['command']}", osc_args(body))
        recorder.expect("/controlroom/ok", lambda a, name=body["command"]: a == (name,))
        logged += kinds
        assert stored_kinds(service) == logged, body  # committed before the answer went out
    client.send_message("/controlroom/next", [])
    code, sentence = recorder.expect("/controlroom/refused")[1:]
    assert (code, sentence) == ("not_live", "the show is ended, not running")
    assert stored_kinds(service) == logged


def test_bad_osc_is_refused_by_field(service, osc_in, recorder):
    client = SimpleUDPClient("127.0.0.1", osc_in.port)
    client.send_message("/controlroom/start", [])
    recorder.expect("/controlroom/ok")
    for address, args, code in [("/controlroom/extend", ["two"], "bad_input"), ("/controlroom/extend", [], "bad_input"),
                                ("/controlroom/next", [5], "bad_input"), ("/controlroom/jump", [], "bad_input"),
                                ("/controlroom/shelf", ["SKU-2001", 7], "bad_input"),
                                ("/controlroom/shelf", ["NOPE", 1], "unknown_product")]:
        client.send_message(address, args)
        assert recorder.expect("/controlroom/refused")[1] == code, (address, args)
    assert stored_kinds(service) == [ev.SHOW_STARTED, ev.SEGMENT_STARTED]


def test_osc_arguments_as_surfaces_type_them():
    assert payload("/controlroom/shelf", ("SKU-1", 0)) == {"command": "shelf", "sku": "SKU-1", "on": False}
    assert payload("/controlroom/shelf", (1001, "on")) == {"command": "shelf", "sku": "1001", "on": True}
    assert payload("/controlroom/extend", ("1.5",)) == {"command": "extend", "minutes": 1.5}
    assert payload("/controlroom/next", (1,)) == {"command": "next", "argument 1": "1"}


def test_osc_out_follows_the_show(service, clock, recorder):
    out = OscOut("127.0.0.1", recorder.port)
    poller = ViewPoller(service, out.feed, interval_s=0.05)
    poller.start()
    try:
        recorder.expect("/controlroom/status", lambda a: a == ("planned",))
        service.start()
        recorder.expect("/controlroom/segment", lambda a: a == ("Opening",))
        planned = int(service.view().pacing.planned_s)
        recorder.expect("/controlroom/remaining", lambda a: a == (planned,))
        clock.advance(planned - 30)  # into the warning
        recorder.expect("/controlroom/phase", lambda a: a == ("warning",))
        clock.advance(60)  # over time
        recorder.expect("/controlroom/phase", lambda a: a == ("overrun",))
        recorder.expect("/controlroom/remaining", lambda a: a == (-30,))
        service.run(commands.next_segment)
        recorder.expect("/controlroom/segment", lambda a: a == ("冰丝防晒袖套",))
        recorder.expect("/controlroom/product", lambda a: a == ("冰丝防晒袖套",))
        clock.advance(3600)  # far over: alerts appear
        codes = {a.code for a in service.view().alerts}
        assert codes
        recorder.expect("/controlroom/alert", lambda a: a[0] in codes and isinstance(a[1], str))
    finally:
        poller.stop()


@contextmanager
def companion_server(refuse: set[str] = frozenset()) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """A small HTTP server answering Companion's `POST /api/custom-variable/<name>/value?value=…`."""
    got: list[tuple[str, str]] = []
    ready: queue.Queue[int] = queue.Queue()
    loop = asyncio.new_event_loop()

    async def set_value(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name in refuse:
            return web.Response(status=404, text="no such variable")
        got.append((name, request.query["value"]))
        return web.Response(text="OK")

    async def main() -> web.AppRunner:
        app = web.Application()
        app.router.add_post("/api/custom-variable/{name}/value", set_value)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return runner

    def serve() -> None:
        runner = loop.run_until_complete(main())
        ready.put(runner.addresses[0][1])  # after run_until_complete: the test's stop must reach run_forever
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield ready.get(timeout=WAIT_S), got
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(WAIT_S)
        loop.close()


def test_companion_variables_follow_the_show(service, clock):
    with companion_server() as (port, got):
        poller = ViewPoller(service, CompanionPush("127.0.0.1", port).feed, interval_s=0.05)
        poller.start()
        try:
            wait_until(lambda: ("cr_status", "planned") in got, "the status")
            service.start()
            wait_until(lambda: ("cr_segment", "Opening") in got, "the segment")
            planned = int(service.view().pacing.planned_s)
            wait_until(lambda: ("cr_remaining", f"{planned // 60}:{planned % 60:02d}") in got, "the time left")
            clock.advance(planned + 5)
            wait_until(lambda: ("cr_remaining", "-0:05") in got, "overrun")
            service.run(commands.next_segment)
            wait_until(lambda: ("cr_product", "冰丝防晒袖套") in got, "the product on air")
        finally:
            poller.stop()


def test_companion_is_sent_only_what_changed_and_a_refused_variable_blocks_no_other(service):
    with companion_server(refuse={"cr_phase"}) as (port, got):
        push = CompanionPush("127.0.0.1", port)
        service.start()
        now = outward(service.view())
        for _ in range(5):
            push.feed(now)
        names = [name for name, _ in got]
        assert sorted(names) == ["cr_product", "cr_remaining", "cr_segment", "cr_status"]  # once each
        assert "cr_phase" not in push.sent  # tried again next time, the rest unharmed


def test_companion_away_is_no_crash(service):
    with companion_server() as (port, _):
        pass  # the port is free again: nobody answers
    push = CompanionPush("127.0.0.1", port)
    push.feed(outward(service.view()))
    assert push.sent == {}


def test_targets():
    assert parse_target("127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert parse_target("[::1]:12321") == ("::1", 12321)
    for bad in ("127.0.0.1", "host:0", "host:port", ":80"):
        with pytest.raises(ValueError):
            parse_target(bad)
