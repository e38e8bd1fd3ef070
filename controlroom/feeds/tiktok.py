"""TikTok LIVE connector (optional extra: pip install "controlroom[tiktok]").

The TikTokLive library's events are mapped to our JSON schema (docs/events.md) and go
through the same intake as the local API, so one validator guards every source. The
mapping reads attributes only and dispatches on the class name, so it is tested on
constructed objects without the library or the network. Pinned to TikTokLive 6.0–6.6.5,
the MIT-licensed releases (6.6.6 and 7.x ship AGPL-3.0): see docs/tiktok.md.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any

from controlroom.core.feed_schema import FeedError
from controlroom.services.intake import Intake

log = logging.getLogger(__name__)
Problem = Callable[[str], None]
EVENT_NAMES = ("CommentEvent", "LikeEvent", "RoomUserSeqEvent", "FollowEvent", "ShareEvent", "GiftEvent", "JoinEvent")


def _user(u: Any) -> str | None:
    """A TikTok user's @handle, else their nickname, else their numeric id."""
    if u is None:
        return None
    for name in ("unique_id", "username", "nickname", "nick_name"):
        value = getattr(u, name, None)
        if value:
            return str(value)
    uid = getattr(u, "id", None)
    return str(uid) if uid else None


def _ts(event: Any) -> float | None:
    """The message's create_time (milliseconds since the epoch), when the platform sent one."""
    base = getattr(event, "base_message", None)
    ms = getattr(base, "create_time", 0) if base is not None else 0
    return ms / 1000.0 if isinstance(ms, (int, float)) and ms > 0 else None


def _comment(e: Any) -> dict[str, Any]:
    return {"type": "comment", "user": _user(getattr(e, "user_info", None)), "text": getattr(e, "content", "")}


def _like(e: Any) -> dict[str, Any]:
    return {"type": "like", "user": _user(getattr(e, "user", None)), "count": max(1, int(getattr(e, "count", 1) or 1))}


def _viewers(e: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "viewers", "online": int(getattr(e, "m_total", 0) or 0)}
    total = getattr(e, "total_user", None)
    if total:
        out["entries_total"] = int(total)
    return out


def _gift(e: Any) -> dict[str, Any] | None:
    """One gift event per finished streak: TikTok repeats a streakable gift while the
    streak runs (repeat_end 0); counting those would count the same gift many times."""
    gift = getattr(e, "m_gift", None)
    streakable = bool(getattr(gift, "streakable", False) or getattr(gift, "type", 0) == 1)
    if streakable and not getattr(e, "repeat_end", 0):
        return None
    count = max(1, int(getattr(e, "repeat_count", 1) or 1))
    out: dict[str, Any] = {"type": "gift", "user": _user(getattr(e, "from_user", None)), "count": count}
    if gift is not None:
        out["gift"] = getattr(gift, "name", None) or None
        out["value"] = int(getattr(gift, "diamond_count", 0) or 0) * count  # in diamonds, the platform's unit
    return out


def _simple(kind: str) -> Callable[[Any], dict[str, Any]]:
    return lambda e: {"type": kind, "user": _user(getattr(e, "user", None))}


MAPPERS: dict[str, Callable[[Any], dict[str, Any] | None]] = {
    "CommentEvent": _comment,
    "LikeEvent": _like,
    "RoomUserSeqEvent": _viewers,
    "FollowEvent": _simple("follow"),
    "ShareEvent": _simple("share"),
    "GiftEvent": _gift,
    "JoinEvent": _simple("join"),
}


def map_event(event: Any) -> dict[str, Any] | None:
    """Our JSON event for a TikTokLive event, or None for one we do not take."""
    mapper = MAPPERS.get(type(event).__name__)
    if mapper is None:
        return None
    out = mapper(event)
    if out is None:
        return None
    ts = _ts(event)
    if ts is not None:
        out["ts"] = ts
    return {k: v for k, v in out.items() if v is not None}


class TikTokConnector:
    """Feeds one TikTok LIVE room into a show. Needs the `tiktok` extra at `start()` only."""

    def __init__(self, intake: Intake, unique_id: str, on_problem: Problem | None = None) -> None:
        self.intake = intake
        self.unique_id = unique_id if unique_id.startswith("@") else f"@{unique_id}"
        self.on_problem = on_problem or (lambda msg: log.warning("%s", msg))
        self.taken = 0
        # Called on the connector's thread when the connection ends: with the failure, or None.
        self.on_ended: Callable[[str | None], None] = lambda _failure: None
        self._client: Any = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def handle(self, event: Any) -> None:
        """Map and submit one event; a refusal is reported, never raised into the library."""
        raw = map_event(event)
        if raw is None:
            return
        try:
            self.taken += self.intake.submit_json(raw).accepted
        except FeedError as exc:
            self.on_problem(f"TikTok {type(event).__name__}: {exc}")

    def start(self) -> None:
        """Connect on a thread of its own (its own event loop); RuntimeError without the extra."""
        try:
            from TikTokLive import TikTokLiveClient  # noqa: F401 - checked here, used on the thread
        except ImportError:
            raise RuntimeError('the TikTok connector needs: pip install "controlroom[tiktok]"') from None
        self._thread = threading.Thread(target=self._run, name="tiktok-live", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from TikTokLive import TikTokLiveClient
        from TikTokLive import events as tt_events

        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        failure = None
        try:
            client = TikTokLiveClient(unique_id=self.unique_id)
            for name in EVENT_NAMES:
                client.add_listener(getattr(tt_events, name), self._listener)
            self._client = client
            self._loop.run_until_complete(client.connect())
        except Exception as exc:  # noqa: BLE001 - offline, room not live ...: reported, not raised
            failure = f"TikTok {self.unique_id}: {exc.__class__.__name__}: {exc}"
            self.on_problem(failure)
        finally:
            self._loop.close()
            self.on_ended(failure)

    async def _listener(self, event: Any) -> None:
        self.handle(event)

    def stop(self, timeout: float = 10.0) -> None:
        loop, client = self._loop, self._client
        if loop is not None and client is not None and loop.is_running():
            asyncio.run_coroutine_threadsafe(client.disconnect(), loop)
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
