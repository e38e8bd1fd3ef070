"""A stand-in comment relay for tests: a real aiohttp WebSocket server on 127.0.0.1 that
plays fixture messages (tests/feeds/fixtures/…) to whoever connects, one session per
connection; a session that is not the last ends by closing the connection."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from aiohttp import web

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_lines(name: str, now: float) -> list[str]:
    """The fixture's messages, their time placeholders set to `now` (the show's clock)."""
    ms = int(now * 1000)
    text = FIXTURES.joinpath(name).read_text(encoding="utf-8")
    text = text.replace('"{ts_num}"', str(ms)).replace("{ts_ms}", str(ms))
    return [line for line in text.splitlines() if line.strip()]


class Relay:
    """Attributes: url (ws://127.0.0.1:PORT/ws/ROOM), connections (how many were made)."""

    def __init__(self, sessions: list[list[str]]) -> None:
        self.sessions = sessions
        self.connections = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._closing: asyncio.Event | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/516466932480"

    def __enter__(self) -> Relay:
        self._thread.start()
        assert self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._closing.set)
        self._thread.join(10)

    async def _ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        index = self.connections
        self.connections += 1
        for line in self.sessions[min(index, len(self.sessions) - 1)] if index < len(self.sessions) else []:
            await ws.send_str(line)
        if index < len(self.sessions) - 1:
            await ws.close()
            return ws
        closing = asyncio.ensure_future(self._closing.wait())
        reading = asyncio.ensure_future(ws.receive())
        await asyncio.wait({closing, reading}, return_when=asyncio.FIRST_COMPLETED)
        for task in (closing, reading):
            task.cancel()
        await ws.close()
        return ws

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._closing = asyncio.Event()
        app = web.Application()
        app.router.add_get("/ws/{room}", self._ws)
        runner = web.AppRunner(app)
        self._loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = runner.addresses[0][1]
        self._ready.set()
        self._loop.run_until_complete(self._closing.wait())
        self._loop.run_until_complete(runner.cleanup())
        self._loop.close()
