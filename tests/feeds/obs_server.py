"""A small obs-websocket 5 server for tests, speaking the real protocol on 127.0.0.1.

Hello (with an authentication challenge when it has a password), Identify checked (a wrong
answer closes with 4009, as OBS does), Identified, RequestResponse for GetStreamStatus from
scripted values and for SetCurrentProgramScene (recorded; an unknown scene is code 600),
and StreamStateChanged events pushed on demand. outputBytes and outputDuration grow with
the test's clock at `kbps`, so the bitrate the client computes is exactly what was set.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import socket
import threading
from typing import Any

from aiohttp import WSMsgType, web

from controlroom.core.clock import FakeClock


def _secret(password: str, salt: str, challenge: str) -> str:
    s = base64.b64encode(hashlib.sha256((password + salt).encode()).digest()).decode()
    return base64.b64encode(hashlib.sha256((s + challenge).encode()).digest()).decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FakeObs:
    """Attributes the test sets: active, reconnecting, congestion (0..1), kbps, skipped_per_poll,
    frames_per_poll, scenes (known names), answer_status (False: GetStreamStatus unanswered).
    What it records: status_requests, scene_requests, identified (count)."""

    def __init__(self, clock: FakeClock, password: str | None = "secret", port: int | None = None) -> None:
        self.clock, self.password, self.port = clock, password, port or free_port()
        self.active, self.reconnecting, self.congestion, self.kbps = True, False, 0.0, 4000.0
        self.skipped_per_poll, self.frames_per_poll = 0, 60
        self.scenes = {"Product cam", "Wide", "Close-up"}
        self.answer_status = True
        self.status_requests = 0
        self.scene_requests: list[str] = []
        self.identified = 0
        self._bytes, self._skipped, self._frames = 0.0, 0, 0
        self._started = clock.now()
        self._last = clock.now()
        self._sockets: set[web.WebSocketResponse] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    # -- running it ------------------------------------------------------------------
    def start(self) -> FakeObs:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self._thread.start()
        assert ready.wait(10), "the fake OBS did not start"
        return self

    def _serve(self, ready: threading.Event) -> None:
        loop = self._loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_get("/", self._ws)
        self._runner = web.AppRunner(app)
        loop.run_until_complete(self._runner.setup())
        loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port, reuse_address=True).start())
        loop.call_soon(ready.set)
        loop.run_forever()
        loop.close()

    def kill(self) -> None:
        """OBS goes away: every socket dropped, the port closed."""
        loop, runner = self._loop, self._runner
        assert loop is not None and runner is not None

        async def shut() -> None:
            for ws in list(self._sockets):
                await ws.close()
            await runner.cleanup()

        asyncio.run_coroutine_threadsafe(shut(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def push_event(self, event_type: str, data: dict[str, Any]) -> None:
        msg = json.dumps({"op": 5, "d": {"eventType": event_type, "eventIntent": 64, "eventData": data}})
        assert self._loop is not None
        for ws in list(self._sockets):
            asyncio.run_coroutine_threadsafe(ws.send_str(msg), self._loop).result(10)

    # -- the protocol ------------------------------------------------------------------
    async def _ws(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(protocols=("obswebsocket.json",))
        await ws.prepare(request)
        hello: dict[str, Any] = {"obsWebSocketVersion": "5.5.0", "rpcVersion": 1}
        challenge, salt = "ztTBnnuqrqaKDzRM3xcVdbYm", "PZVbYpvAnZut2SS6JNJytDm9"
        if self.password is not None:
            hello["authentication"] = {"challenge": challenge, "salt": salt}
        await ws.send_str(json.dumps({"op": 0, "d": hello}))
        msg = await ws.receive()
        ident = json.loads(msg.data) if msg.type == WSMsgType.TEXT else {}
        d = ident.get("d") or {}
        if ident.get("op") != 1 or d.get("rpcVersion") != 1:
            await ws.close(code=4010)
            return ws
        if self.password is not None and d.get("authentication") != _secret(self.password, salt, challenge):
            await ws.close(code=4009, message=b"Authentication failed.")
            return ws
        await ws.send_str(json.dumps({"op": 2, "d": {"negotiatedRpcVersion": 1}}))
        self.identified += 1
        self._sockets.add(ws)
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    await self._request(ws, json.loads(msg.data))
        finally:
            self._sockets.discard(ws)
        return ws

    async def _request(self, ws: web.WebSocketResponse, msg: dict[str, Any]) -> None:
        if msg.get("op") != 6:
            return
        d = msg["d"]
        kind, rid = d["requestType"], d["requestId"]
        status: dict[str, Any] = {"result": True, "code": 100}
        data: dict[str, Any] | None = None
        if kind == "GetStreamStatus":
            with self._lock:
                self.status_requests += 1
            if not self.answer_status:
                return
            data = self._status()
        elif kind == "SetCurrentProgramScene":
            name = (d.get("requestData") or {}).get("sceneName")
            self.scene_requests.append(name)
            if name not in self.scenes:
                status = {"result": False, "code": 600, "comment": f"No source was found by the name of `{name}`."}
        else:
            status = {"result": False, "code": 204, "comment": "Unknown request type."}
        body: dict[str, Any] = {"requestType": kind, "requestId": rid, "requestStatus": status}
        if data is not None:
            body["responseData"] = data
        await ws.send_str(json.dumps({"op": 7, "d": body}))

    def _status(self) -> dict[str, Any]:
        now = self.clock.now()
        if self.active:
            self._bytes += self.kbps * 1000 / 8 * (now - self._last)
            self._frames += self.frames_per_poll
            self._skipped += self.skipped_per_poll
        self._last = now
        return {"outputActive": self.active, "outputReconnecting": self.reconnecting,
                "outputTimecode": "00:00:00.000", "outputDuration": (now - self._started) * 1000,
                "outputCongestion": self.congestion, "outputBytes": int(self._bytes),
                "outputSkippedFrames": self._skipped, "outputTotalFrames": self._frames}

    def status_count(self) -> int:
        with self._lock:
            return self.status_requests
