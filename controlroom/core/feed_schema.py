"""The live-data event schema (docs/events.md): JSON values in, core Events out, or a
refusal naming the event's index and the field at fault.

Pure and strict on purpose: an unknown field is refused (a typo such as "quantiy"
would otherwise silently become the default), a `ts` without a zone is refused
(ambiguity is worse than a refusal), and NaN/Infinity (which Python's json accepts)
are never numbers. Operator-like kinds (note, incident) come out as NOTE /
INCIDENT_OPENED / INCIDENT_CLOSED events for the caller to commit as commands.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event

# Limits of the schema; generous for real rooms, tight enough to catch garbage.
MAX_TEXT = 2000
MAX_NAME = 200
MAX_COUNT = 1_000_000_000
MAX_AMOUNT = 1_000_000_000.0
# A ts outside these years is a unit mistake (milliseconds, a local offset), not a show.
EARLIEST_TS = dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp()
LATEST_TS = dt.datetime(2100, 1, 1, tzinfo=dt.UTC).timestamp()

OPERATOR_TYPES = frozenset({"note", "incident"})


class FeedError(ValueError):
    """A refused event. `index` is its place in the request's array (None for a single
    event), `field` the field at fault (None when the event as a whole is wrong)."""

    def __init__(self, why: str, field: str | None = None, index: int | None = None) -> None:
        self.why = why
        self.field = field
        self.index = index
        super().__init__(self._text())

    def _text(self) -> str:
        where = []
        if self.index is not None:
            where.append(f"event {self.index}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return ": ".join([*where, self.why])

    def at(self, index: int | None) -> FeedError:
        return FeedError(self.why, self.field, index)

    def as_dict(self) -> dict[str, Any]:
        return {"error": str(self), "index": self.index, "field": self.field, "why": self.why}


# -- field readers -------------------------------------------------------------
def _count(raw: dict[str, Any], name: str, *, default: int | None = None, minimum: int = 0) -> int | None:
    if name not in raw or raw[name] is None:
        if default is None and name in raw:
            return None
        return default
    value = raw[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FeedError(f"{value!r} is not a whole number", name)
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise FeedError(f"{value!r} is not a whole number", name)
    if not minimum <= value <= MAX_COUNT:
        raise FeedError(f"{int(value)} must be between {minimum} and {MAX_COUNT}", name)
    return int(value)


def _required_count(raw: dict[str, Any], name: str, minimum: int = 0) -> int:
    if raw.get(name) is None:
        raise FeedError("is required", name)
    value = _count(raw, name, minimum=minimum)
    assert value is not None
    return value


def _amount(raw: dict[str, Any], name: str, *, required: bool) -> float | None:
    value = raw.get(name)
    if value is None:
        if required:
            raise FeedError("is required", name)
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FeedError(f"{value!r} is not a number", name)
    if not 0 <= value <= MAX_AMOUNT:
        raise FeedError(f"{value!r} must be between 0 and {MAX_AMOUNT:.0f}", name)
    return round(float(value), 2)


def _text(raw: dict[str, Any], name: str, *, required: bool, limit: int = MAX_NAME) -> str | None:
    value = raw.get(name)
    if value is None:
        if required:
            raise FeedError("is required", name)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise FeedError(f"{type(value).__name__} is not text", name)
    text = str(value).strip()
    if required and not text:
        raise FeedError("must not be empty", name)
    if len(text) > limit:
        raise FeedError(f"{len(text)} characters, at most {limit}", name)
    return text or None


def parse_ts(value: Any, now: float) -> float:
    """ISO 8601 with `Z` or an offset (or UTC epoch seconds) → UTC epoch seconds."""
    if value is None:
        return now
    if isinstance(value, bool):
        raise FeedError(f"{value!r} is not a time", "ts")
    if isinstance(value, (int, float)):
        ts = float(value)
    elif isinstance(value, str):
        ts = _iso_ts(value)
    else:
        raise FeedError(f"{type(value).__name__} is not a time", "ts")
    if not (math.isfinite(ts) and EARLIEST_TS <= ts < LATEST_TS):
        raise FeedError(f"{value!r} is not a time between 2000 and 2100", "ts")
    return ts


def _iso_ts(text: str) -> float:
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise FeedError(f"{text[:40]!r} is not an ISO 8601 time", "ts") from None
    if when.tzinfo is None or when.utcoffset() is None:
        raise FeedError(f"{text[:40]!r} has no zone: add Z or an offset such as +08:00", "ts")
    return when.timestamp()


# -- one kind each ---------------------------------------------------------------
def _viewers(raw: dict[str, Any], ts: float) -> Event:
    online = _required_count(raw, "online")
    return Event(ev.VIEWERS, ts, value=float(online), qty=_count(raw, "entries_total"))


def _comment(raw: dict[str, Any], ts: float) -> Event:
    return Event(
        ev.COMMENT, ts, user=_text(raw, "user", required=False), text=_text(raw, "text", required=True, limit=MAX_TEXT)
    )


def _like(raw: dict[str, Any], ts: float) -> Event:
    return Event(ev.LIKE, ts, user=_text(raw, "user", required=False), qty=_count(raw, "count", default=1, minimum=1))


def _simple(kind: str) -> Callable[[dict[str, Any], float], Event]:
    def parse(raw: dict[str, Any], ts: float) -> Event:
        return Event(kind, ts, user=_text(raw, "user", required=False))

    return parse


def _gift(raw: dict[str, Any], ts: float) -> Event:
    return Event(
        ev.GIFT,
        ts,
        user=_text(raw, "user", required=False),
        text=_text(raw, "gift", required=False),
        qty=_count(raw, "count", default=1, minimum=1),
        value=_amount(raw, "value", required=False),
    )


def _order(raw: dict[str, Any], ts: float) -> Event:
    return Event(
        ev.ORDER,
        ts,
        ref=_text(raw, "order_id", required=True),
        product=_text(raw, "product", required=False),
        qty=_count(raw, "quantity", default=1, minimum=1),
        value=_amount(raw, "amount", required=True),
        user=_text(raw, "buyer", required=False),
    )


def _note(raw: dict[str, Any], ts: float) -> Event:
    return Event(ev.NOTE, ts, text=_text(raw, "text", required=True, limit=MAX_TEXT))


def _incident(raw: dict[str, Any], ts: float) -> Event:
    action = raw.get("action", "open")
    if action not in ("open", "close"):
        raise FeedError(f"{action!r} is neither 'open' nor 'close'", "action")
    if action == "close":
        return Event(ev.INCIDENT_CLOSED, ts, ref=_text(raw, "incident_id", required=True))
    ref = _text(raw, "incident_id", required=False) or f"api-{ts:.3f}"
    return Event(ev.INCIDENT_OPENED, ts, ref=ref, text=_text(raw, "text", required=True, limit=MAX_TEXT))


_PARSERS: dict[str, Callable[[dict[str, Any], float], Event]] = {
    "viewers": _viewers,
    "comment": _comment,
    "like": _like,
    "share": _simple(ev.SHARE),
    "follow": _simple(ev.FOLLOW),
    "join": _simple(ev.JOIN),
    "gift": _gift,
    "order": _order,
    "note": _note,
    "incident": _incident,
}
# The fields each type may carry besides "type" and "ts".
FIELDS: dict[str, frozenset[str]] = {
    "viewers": frozenset({"online", "entries_total"}),
    "comment": frozenset({"user", "text"}),
    "like": frozenset({"user", "count"}),
    "share": frozenset({"user"}),
    "follow": frozenset({"user"}),
    "join": frozenset({"user"}),
    "gift": frozenset({"user", "gift", "count", "value"}),
    "order": frozenset({"order_id", "product", "quantity", "amount", "buyer"}),
    "note": frozenset({"text"}),
    "incident": frozenset({"action", "incident_id", "text"}),
}
TYPES = tuple(_PARSERS)


def parse_event(raw: Any, now: float) -> Event:
    """One JSON object → one Event; FeedError (index None) if it is not a valid event."""
    if not isinstance(raw, dict):
        raise FeedError(f"an event is a JSON object, not {_json_type(raw)}")
    kind = raw.get("type")
    if kind is None:
        raise FeedError("is required", "type")
    parser = _PARSERS.get(kind) if isinstance(kind, str) else None
    if parser is None:
        raise FeedError(f"{kind!r} is not one of {', '.join(TYPES)}", "type")
    allowed = FIELDS[kind]
    for name in raw:
        if name not in allowed and name not in ("type", "ts"):
            raise FeedError(f"is not a field of a {kind} event (use {', '.join(sorted(allowed))})", str(name))
    return parser(raw, parse_ts(raw.get("ts"), now))


def parse_batch(payload: Any, now: float) -> list[Event]:
    """A JSON object or array → Events, all or none: the first bad event raises
    FeedError with its index (None when the payload was a single object)."""
    if isinstance(payload, dict):
        return [parse_event(payload, now)]
    if not isinstance(payload, list):
        raise FeedError(f"send a JSON object or an array of them, not {_json_type(payload)}")
    out = []
    for i, raw in enumerate(payload):
        try:
            out.append(parse_event(raw, now))
        except FeedError as exc:
            raise exc.at(i) from None
    return out


def is_operator(e: Event) -> bool:
    return e.kind in (ev.NOTE, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    for t, name in names.items():
        if isinstance(value, t):
            return name
    return "a number" if isinstance(value, (int, float)) else type(value).__name__
