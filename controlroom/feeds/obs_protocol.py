"""A small obs-websocket 5 client of our own (aiohttp): handshake, requests, events.

The protocol (obs-websocket 5.x, rpcVersion 1): the server sends Hello (op 0), with an
`authentication` challenge and salt when a password is set; we send Identify (op 1) with
the answer and our event subscriptions; it answers Identified (op 2) or closes the socket
with 4009 (authentication failed). Requests (op 6) carry a `requestId` that their
RequestResponse (op 7) repeats; Events (op 5) arrive at any time.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import json
from collections.abc import Callable
from typing import Any

import aiohttp

HELLO, IDENTIFY, IDENTIFIED, EVENT, REQUEST, REQUEST_RESPONSE = 0, 1, 2, 5, 6, 7
RPC_VERSION = 1
SUB_OUTPUTS = 1 << 6  # StreamStateChanged and the other output events
SUB_SCENES = 1 << 2  # CurrentProgramSceneChanged
CLOSE_AUTH_FAILED = 4009
CLOSE_UNSUPPORTED_RPC = 4010
RESOURCE_NOT_FOUND = 600

EventHandler = Callable[[str, dict[str, Any]], None]


class ObsError(Exception):
    """OBS could not be reached or did not answer as the protocol says (a sentence)."""


class ObsAuthError(ObsError):
    """The password is missing or wrong: trying again will not help until it changes."""


class ObsRequestFailed(ObsError):
    def __init__(self, request_type: str, code: int, comment: str) -> None:
        super().__init__(f"OBS refused {request_type}: {comment or 'code ' + str(code)}")
        self.request_type, self.code, self.comment = request_type, code, comment


def auth_response(password: str, salt: str, challenge: str) -> str:
    """base64(sha256(base64(sha256(password + salt)) + challenge)), as the spec says."""
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest()).decode()
    return base64.b64encode(hashlib.sha256((secret + challenge).encode()).digest()).decode()


class ObsConnection:
    """One identified session. `connect` does the handshake; `request` sends and waits
    for the matching response; `closed` is done when the socket is gone."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, on_event: EventHandler) -> None:
        self._ws, self._on_event = ws, on_event
        self._ids = itertools.count(1)
        self._waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self.closed: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._reader: asyncio.Task[None] | None = None

    @classmethod
    async def connect(cls, session: aiohttp.ClientSession, url: str, password: str | None,
                      on_event: EventHandler, *, subscriptions: int = SUB_OUTPUTS,
                      timeout_s: float = 5.0) -> ObsConnection:
        try:
            ws = await session.ws_connect(url, timeout=aiohttp.ClientWSTimeout(ws_close=timeout_s),
                                          protocols=("obswebsocket.json",), heartbeat=None,
                                          max_msg_size=16 * 1024 * 1024)
        except (aiohttp.ClientError, OSError, asyncio.TimeoutError) as exc:
            raise ObsError(f"cannot reach OBS at {url} ({type(exc).__name__})") from None
        conn = cls(ws, on_event)
        try:
            await asyncio.wait_for(conn._identify(password, subscriptions), timeout_s)
        except asyncio.TimeoutError:
            await ws.close()
            raise ObsError(f"OBS at {url} did not complete the obs-websocket handshake") from None
        except BaseException:
            await ws.close()
            raise
        conn._reader = asyncio.get_running_loop().create_task(conn._read())
        return conn

    async def _identify(self, password: str | None, subscriptions: int) -> None:
        hello = await self._receive()
        if hello.get("op") != HELLO:
            raise ObsError("OBS did not say Hello (is this obs-websocket 5?)")
        identify: dict[str, Any] = {"rpcVersion": RPC_VERSION, "eventSubscriptions": subscriptions}
        auth = (hello.get("d") or {}).get("authentication")
        if auth:
            if not password:
                raise ObsAuthError("OBS asks for a password: set CONTROLROOM_OBS_PASSWORD or a password file")
            identify["authentication"] = auth_response(password, str(auth.get("salt", "")),
                                                       str(auth.get("challenge", "")))
        await self._ws.send_str(json.dumps({"op": IDENTIFY, "d": identify}))
        answer = await self._receive()
        if answer.get("op") != IDENTIFIED:
            raise ObsError("OBS did not identify us")

    async def _receive(self) -> dict[str, Any]:
        msg = await self._ws.receive()
        if msg.type == aiohttp.WSMsgType.TEXT:
            try:
                data = json.loads(msg.data)
            except ValueError:
                raise ObsError("OBS sent a message that is not JSON") from None
            return data if isinstance(data, dict) else {}
        code = self._ws.close_code
        if code == CLOSE_AUTH_FAILED:
            raise ObsAuthError("OBS refused the password (obs-websocket authentication failed)")
        if code == CLOSE_UNSUPPORTED_RPC:
            raise ObsError("OBS does not speak obs-websocket 5 (rpcVersion 1)")
        raise ObsError(f"OBS closed the connection (code {code})")

    async def _read(self) -> None:
        reason = "OBS closed the connection"
        try:
            async for msg in self._ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    continue  # one bad message is not a reason to drop the session
                if isinstance(data, dict):
                    self._dispatch(data)
        except (aiohttp.ClientError, OSError) as exc:
            reason = f"the connection to OBS broke ({type(exc).__name__})"
        finally:
            for fut in self._waiting.values():
                if not fut.done():
                    fut.set_exception(ObsError(reason))
            self._waiting.clear()
            if not self.closed.done():
                self.closed.set_result(reason)

    def _dispatch(self, data: dict[str, Any]) -> None:
        d = data.get("d") if isinstance(data.get("d"), dict) else {}
        op = data.get("op")
        if op == REQUEST_RESPONSE:
            fut = self._waiting.pop(str(d.get("requestId")), None)
            if fut is not None and not fut.done():
                fut.set_result(d)
        elif op == EVENT:
            data_ = d.get("eventData")
            self._on_event(str(d.get("eventType", "")), data_ if isinstance(data_, dict) else {})

    async def request(self, request_type: str, data: dict[str, Any] | None = None,
                      timeout_s: float = 5.0) -> dict[str, Any]:
        """Send one request; its responseData. Raises ObsRequestFailed (OBS said no),
        ObsError (no answer within `timeout_s`, or the session ended)."""
        rid = str(next(self._ids))
        fut: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[rid] = fut
        body: dict[str, Any] = {"requestType": request_type, "requestId": rid}
        if data is not None:
            body["requestData"] = data
        try:
            await self._ws.send_str(json.dumps({"op": REQUEST, "d": body}))
            answer = await asyncio.wait_for(fut, timeout_s)
        except asyncio.TimeoutError:
            raise ObsError(f"OBS did not answer {request_type} within {timeout_s:g} s") from None
        except (aiohttp.ClientError, ConnectionError) as exc:
            raise ObsError(f"the connection to OBS broke ({type(exc).__name__})") from None
        finally:
            self._waiting.pop(rid, None)
        status = answer.get("requestStatus") or {}
        if not status.get("result"):
            raise ObsRequestFailed(request_type, int(status.get("code") or 0), str(status.get("comment") or ""))
        out = answer.get("responseData")
        return out if isinstance(out, dict) else {}

    async def close(self) -> None:
        await self._ws.close()
        if self._reader is not None:
            await self._reader
