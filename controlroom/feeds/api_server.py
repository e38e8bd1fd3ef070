"""The local API (docs/events.md): events in over HTTP or a WebSocket, the show's state out.

aiohttp gives HTTP and WebSocket in one small server. `ApiServer` runs it on its own
thread with its own event loop, so the window and `controlroom serve` share it. It
binds 127.0.0.1 unless told another host, and every request must carry
`Authorization: Bearer <token>`. Handlers call the (thread-safe) intake directly:
validating and folding a batch is a few milliseconds, cheaper than a thread hop.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import threading
import weakref
from typing import Any

from aiohttp import WSMsgType, web

from controlroom.core.feed_schema import FeedError
from controlroom.feeds.config import ApiSettings
from controlroom.services.intake import Intake

log = logging.getLogger(__name__)
EVENTS_PATH = "/api/v1/events"
STATE_PATH = "/api/v1/state"
WS_PATH = "/api/v1/ws"


def _error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status, dumps=_dumps)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _decode(body: bytes | str) -> Any:
    """JSON or a ValueError whose message says where it broke."""
    try:
        return json.loads(body.decode("utf-8-sig") if isinstance(body, bytes) else body)
    except json.JSONDecodeError as exc:
        raise ValueError(f"broken JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except UnicodeDecodeError:
        raise ValueError("the body is not UTF-8 text") from None


class ApiHandlers:
    """The routes, over one intake and one token."""

    def __init__(self, intake: Intake, token: str, max_body: int) -> None:
        self.intake = intake
        self._token = token.encode()
        self.max_body = max_body
        self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()

    def app(self) -> web.Application:
        app = web.Application(client_max_size=self.max_body, middlewares=[self._auth])
        app.router.add_post(EVENTS_PATH, self.post_events)
        app.router.add_get(STATE_PATH, self.get_state)
        app.router.add_get(WS_PATH, self.websocket)
        app.on_shutdown.append(self._close_sockets)
        return app

    @web.middleware
    async def _auth(self, request: web.Request, handler: Any) -> web.StreamResponse:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self._token):
            resp = _error(401, "send Authorization: Bearer <token> (the token is in the window's server settings)")
            resp.headers["WWW-Authenticate"] = 'Bearer realm="controlroom"'
            return resp
        return await handler(request)

    async def post_events(self, request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > self.max_body:
            return _error(413, f"the body is {request.content_length} bytes, at most {self.max_body}")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"the body is over {self.max_body} bytes")
        try:
            payload = _decode(body)
        except ValueError as exc:
            return _error(400, str(exc))
        return self._submit(payload)

    def _submit(self, payload: Any) -> web.Response:
        try:
            receipt = self.intake.submit_json(payload)
        except FeedError as exc:
            return web.json_response(exc.as_dict(), status=422, dumps=_dumps)
        return web.json_response(receipt.as_dict(), dumps=_dumps)

    async def get_state(self, request: web.Request) -> web.Response:
        return web.json_response(self.intake.service.status(), dumps=_dumps)

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=self.max_body, heartbeat=30.0)
        await ws.prepare(request)
        self.sockets.add(ws)
        seq = 0
        async for msg in ws:
            if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                break
            seq += 1
            await ws.send_str(_dumps(self._answer(msg.data, seq)))
        return ws

    def _answer(self, data: str | bytes, seq: int) -> dict[str, Any]:
        """The WebSocket's reply to one message: an ack with the receipt, or the error."""
        try:
            receipt = self.intake.submit_json(_decode(data))
        except FeedError as exc:
            return {"ok": False, "seq": seq, **exc.as_dict()}
        except ValueError as exc:
            return {"ok": False, "seq": seq, "error": str(exc), "index": None, "field": None}
        return {"ok": True, "seq": seq, **receipt.as_dict()}

    async def _close_sockets(self, _app: web.Application) -> None:
        for ws in list(self.sockets):
            await ws.close(message=b"server shutting down")


class ApiServer:
    """The API on a thread of its own. `start()` returns the bound port (pass port 0 for
    any free one); `stop()` closes connections and joins the thread."""

    def __init__(
        self,
        intake: Intake,
        token: str,
        host: str | None = None,
        port: int | None = None,
        settings: ApiSettings | None = None,
    ) -> None:
        s = settings or ApiSettings()
        self.host = host or s.host
        self.port = s.port if port is None else port
        self.handlers = ApiHandlers(intake, token, s.max_body_bytes)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> int:
        """Bind and serve; raises OSError (port taken, bad host) without leaving a thread."""
        self._ready.clear()
        self._failure = None
        self._thread = threading.Thread(target=self._serve, name="api-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise OSError("the API server did not start in time")
        if self._failure is not None:
            self._thread.join()
            self._thread = None
            raise OSError(f"cannot serve on {self.host}:{self.port}: {self._failure}") from self._failure
        return self.port

    def stop(self, timeout: float = 10.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
        self._thread = None

    def _serve(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        runner = web.AppRunner(self.handlers.app(), access_log=None, shutdown_timeout=2.0)
        try:
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, self.host, self.port)
            loop.run_until_complete(site.start())
            self.port = runner.addresses[0][1]
        except BaseException as exc:  # noqa: BLE001 - reported to start()'s caller
            self._failure = exc
            loop.run_until_complete(runner.cleanup())
            loop.close()
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.close()
