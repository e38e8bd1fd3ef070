"""The live-data event schema (docs/events.md): JSON values in, core Events out, or a
refusal naming the event's index and the field at fault.

Strict about structure on purpose: an unknown field is refused (a typo such as
"quantiy" would otherwise silently become the default), a `ts` without a zone or
outside the show's reach is refused (ambiguity is worse than a refusal), and
NaN/Infinity (which Python's json accepts) are never numbers. Lenient about length:
over-long free text and names are kept cut to their limit and the event is marked
`data={"cut": [field, ...]}`, so one long comment never costs the orders beside it
(text rules: core/feed_text.py). Operator-like kinds (note, incident) come out as
NOTE / INCIDENT_OPENED / INCIDENT_CLOSED events for the caller to commit as commands.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.feed_json import OversizedNumber
from controlroom.core.feed_text import FREE, IDENT, MAX_ID, MAX_NAME, MAX_TEXT, NAME, TextRefused, clean, shown
from controlroom.core.feed_text import shown_name as _shown_name

# Limits of the schema; generous for real rooms, tight enough to catch garbage.
MAX_COUNT = 1_000_000_000
MAX_AMOUNT = 1_000_000_000.0
# Without a window, a ts outside these years is a unit mistake (milliseconds, a local offset).
EARLIEST_TS = dt.datetime(2000, 1, 1, tzinfo=dt.UTC).timestamp()
LATEST_TS = dt.datetime(2100, 1, 1, tzinfo=dt.UTC).timestamp()
_LIMITS = {FREE: MAX_TEXT, NAME: MAX_NAME, IDENT: MAX_ID}

OPERATOR_TYPES = frozenset({"note", "incident"})
Window = tuple[float, float]


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
class _Fields:
    """One raw event's fields, read by name; remembers the text fields it cut."""

    __slots__ = ("raw", "cut")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.cut: list[str] = []

    def count(self, name: str, *, default: int | None = None, minimum: int = 0) -> int | None:
        value = self.raw.get(name)
        if value is None:
            return default
        if isinstance(value, OversizedNumber):
            raise FeedError(f"{value!r} is out of range: at most {MAX_COUNT}", name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise FeedError(f"{shown(value)} is not a whole number", name)
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            raise FeedError(f"{shown(value)} is not a whole number", name)
        if not minimum <= value <= MAX_COUNT:
            raise FeedError(f"{shown(value)} must be between {minimum} and {MAX_COUNT}", name)
        return int(value)

    def required_count(self, name: str, minimum: int = 0) -> int:
        if self.raw.get(name) is None:
            raise FeedError("is required", name)
        value = self.count(name, minimum=minimum)
        assert value is not None
        return value

    def amount(self, name: str, *, required: bool) -> float | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise FeedError("is required", name)
            return None
        if isinstance(value, OversizedNumber):
            raise FeedError(f"{value!r} is out of range: at most {MAX_AMOUNT:.0f}", name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
            raise FeedError(f"{shown(value)} is not a number", name)
        if not 0 <= value <= MAX_AMOUNT:
            raise FeedError(f"{shown(value)} must be between 0 and {MAX_AMOUNT:.0f}", name)
        return round(float(value), 2)

    def text(self, name: str, *, required: bool = False) -> str | None:
        return self._text(name, FREE, required)

    def name(self, name: str) -> str | None:
        return self._text(name, NAME, False)

    def ident(self, name: str, *, required: bool = False) -> str | None:
        return self._text(name, IDENT, required)

    def _text(self, name: str, kind: str, required: bool) -> str | None:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise FeedError("is required", name)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise FeedError(f"{_json_type(value)} is not text", name)
        try:
            text = clean(value if isinstance(value, str) else str(value), kind)
        except TextRefused as exc:
            raise FeedError(str(exc), name) from None
        if required and not text:
            raise FeedError("must not be empty", name)
        limit = _LIMITS[kind]
        if len(text) > limit:
            if kind == IDENT:
                raise FeedError(f"{len(text)} characters, at most {limit} (an id is never cut)", name)
            text = text[:limit]
            self.cut.append(name)
        return text or None


def _finite(value: int | float) -> bool:
    return isinstance(value, int) or math.isfinite(value)


def parse_ts(value: Any, now: float, window: Window | None = None) -> float:
    """ISO 8601 with `Z` or an offset (or UTC epoch seconds) → UTC epoch seconds.
    A missing ts is `now`; a given one must fall in `window` (or 2000–2100 without one)."""
    if value is None:
        return now
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise FeedError(f"{_json_type(value)} is not a time", "ts")
    if isinstance(value, str):
        ts = _iso_ts(value)
    else:
        try:
            ts = float(value)
        except OverflowError:
            ts = math.inf
    if window is None:
        if not (math.isfinite(ts) and EARLIEST_TS <= ts < LATEST_TS):
            raise FeedError(f"{shown(value)} is not a time between 2000 and 2100", "ts")
    elif not (math.isfinite(ts) and window[0] <= ts <= window[1]):
        lo, hi = _iso(window[0]), _iso(window[1])
        raise FeedError(f"{shown(value)} is outside this show's times, {lo} to {hi}", "ts")
    return ts


def check_reach(events: list[Event], window: Window) -> None:
    """Every event's ts within `window`, whatever source parsed it; else FeedError on ts."""
    for i, e in enumerate(events):
        if not window[0] <= e.ts <= window[1]:
            lo, hi = _iso(window[0]), _iso(window[1])
            raise FeedError(f"{_iso(e.ts)} is outside this show's times, {lo} to {hi}", "ts",
                            i if len(events) > 1 else None)


def _iso_ts(text: str) -> float:
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise FeedError(f"{shown(text)} is not an ISO 8601 time", "ts") from None
    if when.tzinfo is None or when.utcoffset() is None:
        raise FeedError(f"{shown(text)} has no zone: add Z or an offset such as +08:00", "ts")
    try:
        return when.timestamp()
    except (OverflowError, ValueError):
        raise FeedError(f"{shown(text)} is not a time between 2000 and 2100", "ts") from None


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# -- one kind each ---------------------------------------------------------------
def _viewers(f: _Fields, ts: float) -> Event:
    online = f.required_count("online")
    return Event(ev.VIEWERS, ts, value=float(online), qty=f.count("entries_total"), ref=f.ident("event_id"))


def _comment(f: _Fields, ts: float) -> Event:
    return Event(ev.COMMENT, ts, user=f.name("user"), text=f.text("text", required=True), ref=f.ident("event_id"))


def _like(f: _Fields, ts: float) -> Event:
    qty = f.count("count", default=1, minimum=1)
    return Event(ev.LIKE, ts, user=f.name("user"), qty=qty, ref=f.ident("event_id"))


def _simple(kind: str) -> Callable[[_Fields, float], Event]:
    def parse(f: _Fields, ts: float) -> Event:
        return Event(kind, ts, user=f.name("user"), ref=f.ident("event_id"))

    return parse


def _gift(f: _Fields, ts: float) -> Event:
    return Event(
        ev.GIFT,
        ts,
        user=f.name("user"),
        text=f.name("gift"),
        qty=f.count("count", default=1, minimum=1),
        value=f.amount("value", required=False),
        ref=f.ident("event_id"),
    )


def _order(f: _Fields, ts: float) -> Event:
    return Event(
        ev.ORDER,
        ts,
        ref=f.ident("order_id", required=True),
        product=f.name("product"),
        qty=f.count("quantity", default=1, minimum=1),
        value=f.amount("amount", required=True),
        user=f.name("buyer"),
    )


def _note(f: _Fields, ts: float) -> Event:
    return Event(ev.NOTE, ts, text=f.text("text", required=True))


def _incident(f: _Fields, ts: float) -> Event:
    action = f.raw.get("action", "open")
    if action not in ("open", "close"):
        raise FeedError(f"{shown(action)} is neither 'open' nor 'close'", "action")
    if action == "close":
        return Event(ev.INCIDENT_CLOSED, ts, ref=f.ident("incident_id", required=True))
    ref = f.ident("incident_id") or f"api-{ts:.3f}"
    return Event(ev.INCIDENT_OPENED, ts, ref=ref, text=f.text("text", required=True))


_PARSERS: dict[str, Callable[[_Fields, float], Event]] = {
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
    "viewers": frozenset({"online", "entries_total", "event_id"}),
    "comment": frozenset({"user", "text", "event_id"}),
    "like": frozenset({"user", "count", "event_id"}),
    "share": frozenset({"user", "event_id"}),
    "follow": frozenset({"user", "event_id"}),
    "join": frozenset({"user", "event_id"}),
    "gift": frozenset({"user", "gift", "count", "value", "event_id"}),
    "order": frozenset({"order_id", "product", "quantity", "amount", "buyer"}),
    "note": frozenset({"text"}),
    "incident": frozenset({"action", "incident_id", "text"}),
}
TYPES = tuple(_PARSERS)
_ACCEPTED = {kind: names | {"type", "ts"} for kind, names in FIELDS.items()}


def parse_event(raw: Any, now: float, window: Window | None = None) -> Event:
    """One JSON object → one Event; FeedError (index None) if it is not a valid event.
    `window` (lo, hi) in epoch seconds bounds a given `ts` (see parse_ts)."""
    if not isinstance(raw, dict):
        raise FeedError(f"an event is a JSON object, not {_json_type(raw)}")
    kind = raw.get("type")
    if kind is None:
        raise FeedError("is required", "type")
    parser = _PARSERS.get(kind) if isinstance(kind, str) else None
    if parser is None:
        raise FeedError(f"{shown(kind)} is not one of {', '.join(TYPES)}", "type")
    accepted = _ACCEPTED[kind]
    for name in raw:
        if name not in accepted:
            use = ", ".join(sorted(FIELDS[kind]))
            raise FeedError(f"is not a field of a {kind} event (use {use})", _shown_name(name))
    fields = _Fields(raw)
    event = parser(fields, parse_ts(raw.get("ts"), now, window))
    if fields.cut:
        _mark_cut(event, fields.cut)
    return event


def _mark_cut(event: Event, names: list[str]) -> None:
    data = dict(event.data or {})
    cut = list(data.get("cut", ()))
    data["cut"] = cut + [n for n in names if n not in cut]
    event.data = data


def parse_batch(payload: Any, now: float, window: Window | None = None) -> list[Event]:
    """A JSON object or array → Events, all or none: the first bad event raises
    FeedError with its index (None when the payload was a single object)."""
    if isinstance(payload, dict):
        return [parse_event(payload, now, window)]
    if not isinstance(payload, list):
        raise FeedError(f"send a JSON object or an array of them, not {_json_type(payload)}")
    out = []
    for i, raw in enumerate(payload):
        try:
            out.append(parse_event(raw, now, window))
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
    if isinstance(value, OversizedNumber):
        return repr(value)
    return "a number" if isinstance(value, (int, float)) else type(value).__name__
