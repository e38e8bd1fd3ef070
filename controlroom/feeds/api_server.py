"""The local API (docs/events.md): events in over HTTP or a WebSocket, the show's state out.

aiohttp gives HTTP and WebSocket in one small server. `ApiServer` runs it on its own
thread with its own event loop, so the window and `controlroom serve` share it. It
binds 127.0.0.1 unless told another host, and every request must carry
`Authorization: Bearer <token>`: the API token for everything, or the view-only token
for reads (GET state, the live pushes) — anything else with it is 403. The browser views
(/view/…, feeds/view_routes.py) load without a token; their data needs the view token.

The event loop only moves bytes. Decoding, validating and submitting a batch run on
the server's own bounded thread pool: `Intake.submit_json` blocks until the batch is
committed, and a 4 MB batch is a second of CPU — on the loop either would stall every
other client. Every answer is JSON, failures included: 400 unreadable JSON, 404/405,
408 a body slower than `read_timeout_s`, 413, 422 a refused event, 503 the database
cannot write (with Retry-After), 500 anything unexpected (logged).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import math
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

from controlroom.core.feed_json import JsonError, loads
from controlroom.core.feed_schema import FeedError
from controlroom.core.feed_text import shown
from controlroom.feeds.api_commands import COMMANDS_PATH, CommandRunner
from controlroom.feeds.api_guard import browser_guard
from controlroom.feeds.config import ApiSettings
from controlroom.feeds.state_feed import read_live_state
from controlroom.feeds.view_routes import LIVE_PATH, VIEW_PREFIX, ViewRoutes
from controlroom.services.intake import Intake
from controlroom.store.errors import StoreUnavailable

log = logging.getLogger(__name__)
EVENTS_PATH = "/api/v1/events"
STATE_PATH = "/api/v1/state"
WS_PATH = "/api/v1/ws"
FULL, VIEW = "full", "view"  # what a token may do: everything, or read only
VIEW_ONLY_REFUSAL = ("the view-only token can read the state (GET /api/v1/state, the live pushes) but never "
                     "send events or commands: use the API token")
# Threads that decode and submit batches: enough to overlap a few clients' commits,
# few enough that a flood queues instead of multiplying memory and lock contention.
INTAKE_THREADS = 4


@dataclass(frozen=True)
class Reply:
    """One answer to one batch, the same for HTTP and the WebSocket."""

    status: int
    body: dict[str, Any]
    retry_after_s: int | None = None

    def response(self) -> web.Response:
        resp = web.json_response(self.body, status=self.status, dumps=_dumps)
        if self.retry_after_s is not None:
            resp.headers["Retry-After"] = str(self.retry_after_s)
        return resp


def _error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status, dumps=_dumps)


def _dumps(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate somewhere: \u-escape what UTF-8 cannot carry
            return json.dumps(value)
    return text


def _whole_seconds(seconds: float) -> int:
    return max(1, math.ceil(seconds)) if math.isfinite(seconds) else 1


class ApiHandlers:
    """The routes, over one intake and one token."""

    def __init__(self, intake: Intake, token: str, max_body: int, read_timeout_s: float = 10.0,
                 host: str = "127.0.0.1", view_token: str | None = None, lang: str = "zh_CN") -> None:
        self.intake = intake
        self.commands = CommandRunner(intake.service)
        self.host = host  # what the Host header may name (feeds/api_guard.py)
        self._token = token.encode()
        self._view_token = view_token.encode() if view_token else None
        self.max_body = max_body
        self.read_timeout_s = read_timeout_s
        self.sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self._intake_pool: ThreadPoolExecutor | None = None
        # More of the state, set by whoever runs the server (serve, the window: their sources' health).
        self.state_extra: Any = lambda: {"sources": []}
        self._read_pool: ThreadPoolExecutor | None = None
        self.views = ViewRoutes(self, lang)

    def app(self) -> web.Application:
        middlewares = [self._json_errors, browser_guard(self.host), self._auth]
        app = web.Application(client_max_size=self.max_body, middlewares=middlewares)
        app.router.add_post(EVENTS_PATH, self.post_events)
        app.router.add_post(COMMANDS_PATH, self.post_command)
        app.router.add_get(STATE_PATH, self.get_state)
        app.router.add_get(WS_PATH, self.websocket)
        self.views.add_to(app)
        app.on_shutdown.append(self._close_sockets)
        return app

    def start_workers(self) -> None:
        self._intake_pool = ThreadPoolExecutor(INTAKE_THREADS, thread_name_prefix="api-intake")
        # State reads get their own thread: a stalled write must not stop the dashboard.
        self._read_pool = ThreadPoolExecutor(1, thread_name_prefix="api-state")

    def stop_workers(self) -> None:
        """Queued batches are dropped (their clients were disconnected); a running one finishes."""
        for pool in (self._intake_pool, self._read_pool):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._intake_pool = self._read_pool = None

    # -- middlewares ---------------------------------------------------------------
    @web.middleware
    async def _json_errors(self, request: web.Request, handler: Any) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return _http_error(request, exc)
        except ConnectionError:
            raise  # the client went away mid-request: aiohttp drops the connection quietly
        except Exception as exc:  # noqa: BLE001 - the client gets JSON, the log gets the traceback
            log.exception("the local API failed on %s %s", request.method, request.path)
            return _error(500, _internal(exc))

    def role(self, given: str) -> str | None:
        """What a token may do (FULL, VIEW), or None for no token of ours; both are compared
        in constant time, whichever matches."""
        given_bytes = given.strip().encode("utf-8", "surrogateescape")
        full = hmac.compare_digest(given_bytes, self._token)
        view = self._view_token is not None and hmac.compare_digest(given_bytes, self._view_token)
        return FULL if full else VIEW if view else None

    @web.middleware
    async def _auth(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path.startswith(VIEW_PREFIX) or request.path == LIVE_PATH:
            return await handler(request)  # a page has no secret; the live socket checks its own token
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        role = self.role(given) if scheme.lower() == "bearer" else None
        if role is None:
            resp = _error(401, "send Authorization: Bearer <token> (the token is in the window's server settings)")
            resp.headers["WWW-Authenticate"] = 'Bearer realm="controlroom"'
            return resp
        if role == VIEW and not (request.method in ("GET", "HEAD") and request.path == STATE_PATH):
            return _error(403, VIEW_ONLY_REFUSAL)
        return await handler(request)

    def _full_token(self, request: web.Request) -> bool:
        """The command token itself (not a view-only one): commands need it."""
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode("utf-8", "surrogateescape"), self._token)

    # -- routes ------------------------------------------------------------------
    async def post_events(self, request: web.Request) -> web.Response:
        body = await self._read_body(request)
        return body if isinstance(body, web.Response) else (await self._answer(body)).response()

    async def post_command(self, request: web.Request) -> web.Response:
        """One operator command (feeds/api_commands.py), run on the intake pool, answered once committed."""
        if not self._full_token(request):
            return _error(403, "commands need the command token, not a view-only one", code="view_token")
        body = await self._read_body(request)
        if isinstance(body, web.Response):
            return body
        answer = await asyncio.get_running_loop().run_in_executor(self._intake_pool, self.commands.answer_json, body)
        return _command_reply(answer).response()

    async def _read_body(self, request: web.Request) -> bytes | web.Response:
        """The whole body, or the refusal of one too big or too slow."""
        if request.content_length is not None and request.content_length > self.max_body:
            return _error(413, f"the body is {request.content_length} bytes, at most {self.max_body}")
        try:
            async with asyncio.timeout(self.read_timeout_s):
                body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"the body is over {self.max_body} bytes")
        except TimeoutError:
            resp = _error(408, f"the body did not arrive within {self.read_timeout_s:g} s; nothing was stored")
            resp.force_close()  # the rest of a slow body is not worth waiting for
            return resp
        return body

    async def get_state(self, request: web.Request) -> web.Response:
        loop = asyncio.get_running_loop()
        state = await loop.run_in_executor(self._read_pool, self.intake.service.report)
        if self.state_extra is not None:
            state = {**state, **self.state_extra()}
        return web.json_response(state, dumps=_dumps)

    async def read_live_state(self) -> dict[str, Any]:
        """The views' live state, built on the read thread (feeds/state_feed.py)."""
        return await asyncio.get_running_loop().run_in_executor(self._read_pool, read_live_state, self.intake.service)

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=self.max_body, heartbeat=30.0)
        await ws.prepare(request)
        self.sockets.add(ws)
        may_command = self._full_token(request)
        seq = 0
        async for msg in ws:
            if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                break
            seq += 1
            await ws.send_str(_dumps(await self._ws_answer(msg.data, seq, may_command)))
        return ws

    async def _ws_answer(self, data: str | bytes, seq: int, may_command: bool = False) -> dict[str, Any]:
        """The WebSocket's reply to one message (events, or `{"type": "command", …}`): an ack,
        or the error with its HTTP status; the connection stays open either way."""
        try:
            reply = await self._answer(data, may_command)
        except Exception as exc:  # noqa: BLE001 - one bad message must not drop the connection
            log.exception("the local API failed on WebSocket message %d", seq)
            return {"ok": False, "seq": seq, "status": 500, "error": _internal(exc), "index": None, "field": None}
        if reply.status == 200:
            return {"ok": True, "seq": seq, **reply.body}
        return {"ok": False, "seq": seq, "status": reply.status, **reply.body}

    async def _answer(self, body: bytes | str, may_command: bool = False) -> Reply:
        return await asyncio.get_running_loop().run_in_executor(self._intake_pool, self.answer, body, may_command)

    def answer(self, body: bytes | str, may_command: bool = False) -> Reply:
        """Decode, validate and submit one batch, or run one WebSocket command (blocking: runs on the pool)."""
        try:
            payload = loads(body)
        except JsonError as exc:
            return Reply(400, {"error": str(exc), "index": None, "field": None})
        if isinstance(payload, dict) and payload.get("type") == "command":
            if not may_command:
                return Reply(403, {"error": "commands need the command token, not a view-only one",
                                   "code": "view_token"})
            return _command_reply(self.commands.handle(payload))
        try:
            receipt = self.intake.submit_json(payload)
        except FeedError as exc:
            return Reply(422, exc.as_dict())
        except StoreUnavailable as exc:
            return Reply(503, exc.as_dict(), _whole_seconds(exc.retry_after_s))
        return Reply(200, receipt.as_dict())

    async def _close_sockets(self, _app: web.Application) -> None:
        for ws in [*self.sockets, *self.views.feed.sockets]:
            await ws.close(message=b"server shutting down")


def _command_reply(answer: Any) -> Reply:
    retry = None if answer.retry_after_s is None else _whole_seconds(answer.retry_after_s)
    return Reply(answer.status, answer.body, retry)


def _http_error(request: web.Request, exc: web.HTTPException) -> web.Response:
    """aiohttp's own refusals (no such path, wrong method …) as JSON, their headers kept."""
    if exc.status == 404:
        message = (f"no such path {shown(request.path)}: the API is POST {EVENTS_PATH}, POST {COMMANDS_PATH}, "
                   f"GET {STATE_PATH}, GET {WS_PATH}")
    elif exc.status == 405:
        allowed = ", ".join(sorted(getattr(exc, "allowed_methods", ()) or ()))
        message = f"{shown(request.method)} is not allowed on {request.path}; use {allowed or 'another method'}"
    else:
        message = exc.reason
    resp = _error(exc.status, message)
    for name in ("Allow", "WWW-Authenticate", "Retry-After"):
        if name in exc.headers:
            resp.headers[name] = exc.headers[name]
    return resp


def _internal(exc: BaseException) -> str:
    return (f"the server failed unexpectedly ({type(exc).__name__}; it is in the log). The request may or "
            "may not have been stored: send it again with event_id/order_id set to be safe")


class ApiServer:
    """The API on a thread of its own. `start()` returns the bound port (pass port 0 for
    any free one); `stop()` closes connections, stops the worker threads and joins the thread."""

    def __init__(
        self,
        intake: Intake,
        token: str,
        host: str | None = None,
        port: int | None = None,
        settings: ApiSettings | None = None,
        view_token: str | None = None,
        lang: str = "zh_CN",
    ) -> None:
        s = settings or ApiSettings()
        self.host = host or s.host
        self.port = s.port if port is None else port
        self.read_timeout_s = s.read_timeout_s
        if view_token is not None and hmac.compare_digest(view_token.encode(), token.encode()):
            raise ValueError("the view token must differ from the API token: a view link would carry the API token")
        self.view_token = view_token  # the browser views' (None: no views' data served)
        self.handlers = ApiHandlers(intake, token, s.max_body_bytes, s.read_timeout_s, self.host, view_token, lang)
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

    def _runner(self) -> web.AppRunner:
        # keepalive_timeout is also aiohttp's only bound on a request's headers: it is armed
        # when a connection opens (and after each answer) and closes a connection whose next
        # request has not fully arrived by then, so a client trickling headers is cut off.
        # lingering_time bounds how long the unread rest of a refused body (408, 413) is drained.
        t = self.read_timeout_s
        return web.AppRunner(
            self.handlers.app(), access_log=None, shutdown_timeout=2.0, keepalive_timeout=t, lingering_time=t
        )

    def _serve(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        self.handlers.start_workers()
        runner = self._runner()
        try:
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, self.host, self.port)
            loop.run_until_complete(site.start())
            self.port = runner.addresses[0][1]
        except BaseException as exc:  # noqa: BLE001 - reported to start()'s caller
            self._failure = exc
            self._shut(loop, runner)
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._shut(loop, runner)

    def _shut(self, loop: asyncio.AbstractEventLoop, runner: web.AppRunner) -> None:
        try:
            loop.run_until_complete(runner.cleanup())
        finally:
            self.handlers.stop_workers()
            loop.close()
