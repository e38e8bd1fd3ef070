"""Douyin live comments, read from the local WebSocket of a comment relay the user runs.

Two relays are understood (docs/douyin.md): jwwsjlm/douyinLive, which forwards Douyin's
webcast messages as protobuf JSON (`method` WebcastChatMessage …, lowerCamelCase fields,
64-bit numbers as strings), and oba-live-tool's WebSocket output (`msg_type` comment,
room_enter …, snake_case fields). Each message becomes our JSON events (docs/events.md)
and goes through the intake, so the same validator applies; the relay's message id is
the event_id (order_id for orders), so a message the relay sends twice is a duplicate.
The connection is re-made with a growing pause when the relay goes away.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from controlroom.core.feed_schema import FeedError
from controlroom.feeds.sources import CONNECTED, FAILED, HealthMeter, MeteredIntake, SourceContext, SourceHealth
from controlroom.store.errors import StoreUnavailable

log = logging.getLogger(__name__)
NAME = "douyin"
FORMATS = ("auto", "douyinlive", "oba")
BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0)  # pauses between reconnects; the last one repeats
MAX_RETRY_S = 5.0  # the longest pause before trying a database that could not write
PAID = ("已付款", 3)  # oba-live-tool's order_status of a paid order (older versions send the number)
Json = dict[str, Any]
PriceOf = Callable[[str | None, str | None], tuple[str | None, float]]


def _int(value: Any, default: int = 0) -> int:
    """protojson writes 64-bit numbers as strings."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _ms_ts(value: Any) -> float | None:
    ms = _int(value)
    return ms / 1000.0 if ms > 0 else None


def _dy_user(user: Any) -> str | None:
    if not isinstance(user, dict):
        return None
    for key in ("nickname", "displayId", "id"):
        if user.get(key):
            return str(user[key])
    return None


def _dy_gift(msg: Json) -> Json | None:
    """A combo gift is repeated while the combo runs; only the message ending it counts."""
    gift = msg.get("gift") if isinstance(msg.get("gift"), dict) else {}
    if gift.get("combo") and _int(msg.get("repeatEnd")) != 1:
        return None
    count = max(1, _int(msg.get("repeatCount")) or _int(msg.get("comboCount"))) * max(1, _int(msg.get("groupCount")))
    out: Json = {"type": "gift", "user": _dy_user(msg.get("user")), "count": count, "gift": gift.get("name") or None}
    if "diamondCount" in gift:
        out["value"] = _int(gift.get("diamondCount")) * count  # in 抖币 (diamonds), the platform's unit
    return out


def _dy_social(msg: Json) -> Json:
    kind = "follow" if _int(msg.get("action")) == 1 else "share"
    return {"type": kind, "user": _dy_user(msg.get("user"))}


def _dy_viewers(msg: Json) -> Json:
    out: Json = {"type": "viewers", "online": _int(msg.get("total"))}
    if _int(msg.get("totalUser")) > 0:
        out["entries_total"] = _int(msg.get("totalUser"))
    return out


DOUYINLIVE: dict[str, Callable[[Json], Json | None]] = {
    "WebcastChatMessage": lambda m: {"type": "comment", "user": _dy_user(m.get("user")), "text": m.get("content", "")},
    "WebcastLikeMessage": lambda m: {"type": "like", "user": _dy_user(m.get("user")),
                                     "count": max(1, _int(m.get("count"), 1))},
    "WebcastMemberMessage": lambda m: {"type": "join", "user": _dy_user(m.get("user"))},
    "WebcastSocialMessage": _dy_social,
    "WebcastGiftMessage": _dy_gift,
    "WebcastRoomUserSeqMessage": _dy_viewers,
}


def map_douyinlive(msg: Json) -> Json | None:
    common = msg.get("common") if isinstance(msg.get("common"), dict) else {}
    method = msg.get("method") or common.get("method")
    mapper = DOUYINLIVE.get(method) if isinstance(method, str) else None
    out = mapper(msg) if mapper is not None else None
    if out is None:
        return None
    if common.get("msgId"):
        out["event_id"] = f"douyin:{common['msgId']}"
    ts = _ms_ts(common.get("createTime"))
    if ts is not None:
        out["ts"] = ts
    return out


def _oba_order(msg: Json, price_of: PriceOf) -> Json | None:
    """Only a paid order counts (a placed one is followed by its paid one); the relay sends
    no price or quantity: one unit at the show's price for the product."""
    if msg.get("order_status") not in PAID:
        return None
    order_id = str(msg.get("msg_id") or "").partition("#")[0]
    product, amount = price_of(_str(msg.get("product_id")), _str(msg.get("product_title")))
    return {"type": "order", "order_id": f"douyin:{order_id}" if order_id else None, "product": product,
            "quantity": 1, "amount": amount, "buyer": _str(msg.get("nick_name"))}


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


OBA_SIMPLE = {"room_enter": "join", "room_like": "like", "room_follow": "follow"}


def map_oba(msg: Json, price_of: PriceOf) -> Json | None:
    kind = msg.get("msg_type")
    if kind == "live_order":
        return _oba_order(msg, price_of)
    if kind == "comment":
        out: Json = {"type": "comment", "user": _str(msg.get("nick_name")), "text": msg.get("content", "")}
    elif kind in OBA_SIMPLE:
        out = {"type": OBA_SIMPLE[kind], "user": _str(msg.get("nick_name"))}
    else:
        return None
    if msg.get("msg_id"):
        out["event_id"] = f"douyin:{msg['msg_id']}"
    time_ms = msg.get("time")  # epoch ms in recent versions; older ones send a clock string
    if isinstance(time_ms, (int, float)) and not isinstance(time_ms, bool) and time_ms > 1e12:
        out["ts"] = time_ms / 1000.0
    return out


def map_message(msg: Any, fmt: str, price_of: PriceOf) -> Json | None:
    """Our JSON event for one relay message, or None for one we do not take."""
    if not isinstance(msg, dict):
        return None
    if fmt == "oba" or (fmt == "auto" and "msg_type" in msg):
        out = map_oba(msg, price_of)
    else:
        out = map_douyinlive(msg)
    return None if out is None else {k: v for k, v in out.items() if v is not None}


def relay_status(msg: Any) -> str | None:
    """douyinLive's own status notices (type "system"): what to show, e.g. 直播间未开播."""
    if isinstance(msg, dict) and msg.get("type") == "system":
        return str(msg.get("status_text") or msg.get("message") or msg.get("code") or "")
    return None


class DouyinRelaySource:
    """One relay WebSocket feeding one show, on a thread of its own with its own loop."""

    def __init__(self, ctx: SourceContext, url: str, fmt: str = "auto", backoff_s: tuple[float, ...] = BACKOFF_S):
        self.name = NAME
        self.ctx = ctx
        self.url = url
        self.fmt = fmt
        self.backoff_s = backoff_s
        self.meter = HealthMeter(NAME, ctx.clock, ctx.stall_s)
        self.intake = MeteredIntake(ctx.service, self.meter)
        self._stop = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def health(self, now: float) -> SourceHealth:
        return self.meter.health(now)

    def start(self) -> None:
        self._stop.clear()
        self.meter.starting(f"connecting to {self.url}")
        self._thread = threading.Thread(target=self._run, name="douyin-relay", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(lambda: None)  # wake the loop so it sees the stop
            except RuntimeError:
                pass
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self.meter.stopped()

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._connect_forever())
        except Exception as exc:  # noqa: BLE001 - shown as failed with why; the show goes on
            log.exception("the Douyin source failed")
            self.meter.failed(f"{exc.__class__.__name__}: {exc}")
            self.ctx.on_problem(f"the Douyin source stopped: {exc.__class__.__name__}: {exc}")
        finally:
            loop.close()

    async def _connect_forever(self) -> None:
        import aiohttp  # the server's dependency too; imported only when a relay is used

        failures = 0
        async with aiohttp.ClientSession() as session:
            while not self._stop.is_set():
                try:
                    async with session.ws_connect(self.url, heartbeat=30.0, timeout=aiohttp.ClientWSTimeout(ws_close=5.0)) as ws:
                        failures = 0
                        self.meter.connected(f"relay {self.url}")
                        await self._read(ws)
                    why = "the relay closed the connection"
                except (aiohttp.ClientError, OSError, asyncio.TimeoutError) as exc:
                    why = f"cannot reach the relay at {self.url}: {exc.__class__.__name__}: {exc}"
                if self._stop.is_set():
                    return
                pause = self.backoff_s[min(failures, len(self.backoff_s) - 1)]
                failures += 1
                self._problem(f"{why}; trying again in {pause:g} s")
                self.meter.set(FAILED, f"{why}; trying again")
                await self._sleep(pause)

    async def _read(self, ws: Any) -> None:
        import aiohttp

        while not self._stop.is_set():
            try:
                msg = await ws.receive(timeout=0.2)
            except asyncio.TimeoutError:
                continue
            if msg.type != aiohttp.WSMsgType.TEXT:
                if msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    return
                continue
            await asyncio.get_running_loop().run_in_executor(None, self.take, msg.data)

    async def _sleep(self, seconds: float) -> None:
        end = asyncio.get_running_loop().time() + seconds
        while not self._stop.is_set() and asyncio.get_running_loop().time() < end:
            await asyncio.sleep(0.05)

    def take(self, text: str) -> None:
        """One relay message into the log (blocking until committed); problems reported, never raised."""
        try:
            self._take(text)
        except Exception as exc:  # noqa: BLE001 - one odd message costs only itself
            log.exception("the Douyin source failed on a message")
            self._problem(f"a relay message could not be read ({exc.__class__.__name__}: {exc}); skipped")

    def _take(self, text: str) -> None:
        try:
            msg = json.loads(text)
        except ValueError:
            self._problem(f"the relay sent something that is not JSON: {text[:60]!r}")
            return
        status = relay_status(msg)
        if status is not None:
            self.meter.set(CONNECTED, f"relay {self.url}: {status}")
            return
        event = map_message(msg, self.fmt, self._price_of)
        if event is not None:
            self._submit(event)

    def _submit(self, event: Json) -> None:
        attempt = 0
        while True:
            try:
                self.intake.submit_json(event)
                return
            except FeedError as exc:
                self._problem(f"Douyin {event.get('type')}: {exc} (skipped)")
                return
            except StoreUnavailable as exc:  # nothing stored: the same event_id makes a re-send safe
                if attempt == 0:
                    self._problem(f"the database cannot write ({exc.reason}); holding the Douyin messages")
                pause = min(MAX_RETRY_S, 0.5 * 2**attempt)
                attempt += 1
                if self._stop.wait(pause):
                    self._problem(f"stopped while the database could not write: a Douyin {event.get('type')} "
                                  "is not in the log")
                    return

    def _price_of(self, product_id: str | None, title: str | None) -> tuple[str | None, float]:
        """The show's SKU and price for a relay's product (by SKU, then by name); unknown: as sent, 0."""
        with self.ctx.service.lock:
            products = self.ctx.service.state.queue.products
            for sku, product in products.items():
                if product_id and sku == product_id or title and product.name == title:
                    return sku, float(product.price)
        return product_id or title, 0.0

    def _problem(self, text: str) -> None:
        self.meter.problem(text)
        self.ctx.on_problem(text)


def make_source(ctx: SourceContext, options: dict[str, str]) -> DouyinRelaySource:
    url = options.get("url", "").strip()
    if not url.startswith(("ws://", "wss://")):
        raise ValueError("give the relay's WebSocket as url=ws://127.0.0.1:1088/ws/ROOM_ID (see docs/douyin.md)")
    fmt = options.get("format", "auto").strip() or "auto"
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    return DouyinRelaySource(ctx, url, fmt)
