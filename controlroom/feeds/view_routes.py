"""The browser views' routes (docs/views.md): the pages /view/host, /view/assistant and
/view/status with their script and style (package data in feeds/views/), and the live
WebSocket that pushes the state to them.

A page holds no secret, so it loads without a token. Its data does: the page reads the view
token from its URL fragment (#t=…, never sent in a request, so never in a log or a Referer)
and sends it as the live socket's first message, as a browser cannot set headers on a
WebSocket. Other displays may send `Authorization: Bearer <token>` on the upgrade instead.
The live socket only pushes: nothing sent on it becomes an event, whatever the token.
"""

from __future__ import annotations

import asyncio
import json
from importlib import resources
from typing import Any, Protocol

from aiohttp import WSMsgType, web

from controlroom.feeds.state_feed import StateFeed
from controlroom.services.intake import Intake

VIEW_PREFIX = "/view/"
LIVE_PATH = "/api/v1/live"
PAGES = ("host", "assistant", "status")
STATIC = {"views.js": "text/javascript", "views.css": "text/css", "i18n.js": "text/javascript"}
LANGS = ("zh_CN", "en")
AUTH_CLOSE = 4401  # the close code a page reads as "the token was refused"
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'",
}
WRONG_TOKEN = ("this link's view token is not this server's: open the link the window or `controlroom serve "
               "--lan` shows now (a new token makes old links stop working)")
NO_TOKEN = "this page needs a view token: open the link (with #t=…) the window or `controlroom serve --lan` shows"
READ_ONLY = "the live socket only pushes the state; send events on /api/v1/ws and commands on /api/v1/commands"


class Handlers(Protocol):
    """What the routes need of the API's handlers (feeds/api_server.py)."""

    intake: Intake
    read_timeout_s: float

    def role(self, given: str) -> str | None: ...
    async def read_live_state(self) -> dict[str, Any]: ...


def _dumps(value: Any) -> str:
    return json.dumps(value)  # \u-escaped: a stray surrogate in a name can never break a push


class ViewRoutes:
    def __init__(self, handlers: Handlers, lang: str = "zh_CN") -> None:
        self.handlers = handlers
        self.lang = lang if lang in LANGS else "zh_CN"
        self.feed = StateFeed(handlers.intake.service, self._read_state, _dumps)
        self._files: dict[str, str] = {}

    async def _read_state(self) -> dict[str, Any]:
        return {"type": "state", **await self.handlers.read_live_state()}

    def add_to(self, app: web.Application) -> None:
        app.router.add_get(VIEW_PREFIX + "{page}", self.page)
        app.router.add_get(VIEW_PREFIX + "static/{name}", self.static)
        app.router.add_get(LIVE_PATH, self.live)
        app.on_startup.append(self._start_feed)
        app.on_cleanup.append(self._stop_feed)

    async def _start_feed(self, _app: web.Application) -> None:
        self.feed.start()

    async def _stop_feed(self, _app: web.Application) -> None:
        await self.feed.stop()

    def _file(self, name: str) -> str:
        if name not in self._files:
            self._files[name] = resources.files("controlroom.feeds").joinpath("views", name).read_text("utf-8")
        return self._files[name]

    async def page(self, request: web.Request) -> web.Response:
        name = request.match_info["page"]
        if name not in PAGES:
            raise web.HTTPNotFound(text=f"no view {name!r}: the views are " + ", ".join(VIEW_PREFIX + p for p in PAGES))
        lang = request.query.get("lang", self.lang)
        lang = lang if lang in LANGS else self.lang
        html = self._file(f"{name}.html").replace("__LANG__", lang).replace("__HTML_LANG__", lang.replace("_", "-"))
        return web.Response(text=html, content_type="text/html", headers=PAGE_HEADERS)

    async def static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        return web.Response(text=self._file(name), content_type=STATIC[name], headers=PAGE_HEADERS)

    # -- the live socket ---------------------------------------------------------
    async def live(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=64 * 1024, heartbeat=30.0)
        await ws.prepare(request)
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if not (scheme.lower() == "bearer" and self.handlers.role(given)) and not await self._hello(ws):
            return ws
        await self.feed.add(ws)
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break
                await ws.send_str(_dumps(self._reply(msg.data)))
        finally:
            self.feed.discard(ws)
        return ws

    async def _hello(self, ws: web.WebSocketResponse) -> bool:
        """The first message must be {"token": "<view token>"} (the API token works too)."""
        try:
            async with asyncio.timeout(self.handlers.read_timeout_s):
                msg = await ws.receive()
        except TimeoutError:
            msg = None
        token = _token_of(msg.data) if msg is not None and msg.type == WSMsgType.TEXT else None
        if token and self.handlers.role(token):
            return True
        await ws.send_str(_dumps({"type": "error", "status": 401, "error": WRONG_TOKEN if token else NO_TOKEN}))
        await ws.close(code=AUTH_CLOSE, message=b"token refused")
        return False

    def _reply(self, data: str) -> dict[str, Any]:
        """A ping is answered with the server's clock (a display may time the round trip);
        anything else is refused: this socket is read-only."""
        try:
            message = json.loads(data)
        except ValueError:
            message = None
        if isinstance(message, dict) and "ping" in message:
            return {"type": "pong", "ping": message["ping"], "server_ts": self.handlers.intake.service.now()}
        return {"type": "error", "status": 403, "error": READ_ONLY}


def _token_of(data: str) -> str | None:
    try:
        message = json.loads(data)
    except ValueError:
        return None
    token = message.get("token") if isinstance(message, dict) else None
    return token if isinstance(token, str) else None
