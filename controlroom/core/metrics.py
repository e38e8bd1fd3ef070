"""The one fold of the feed: per-minute buckets and running totals.

Buckets are keyed by absolute UTC minute (floor(ts / 60)). Folding is exact and does not
depend on the order events arrive in — sums are integers (money in cents), extremes are
max/min, interacting users are sets per minute — so folding the log on replay, in time
order, gives exactly what was folded live in arrival order, late and out-of-order events
included. The replay cache (store/fold_cache.py) stores buckets this fold produced.

Events stamped after the show's end (`ended_at`) are folded apart into `after_end`: the
show's figures stop at its end, and what platforms report late is still kept and shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.money import cents, yuan

FLAG_NEGATIVE = "negative"
FLAG_QUESTION = "question"


@dataclass(slots=True)
class MinuteBucket:
    online_sum: float = 0.0  # viewer counts are whole numbers: the float sum is exact
    online_n: int = 0
    online_max: float = 0.0
    online_min: float = -1.0
    entries_max: int = 0
    joins: int = 0
    comments: int = 0
    negative_comments: int = 0
    likes: int = 0
    shares: int = 0
    follows: int = 0
    gifts: int = 0
    gift_cents: int = 0
    orders: int = 0
    quantity: int = 0
    gmv_cents: int = 0
    anonymous_interactions: int = 0
    users: set[str] = field(default_factory=set)  # distinct interacting users this minute

    @property
    def online_mean(self) -> float:
        return self.online_sum / self.online_n if self.online_n else 0.0

    @property
    def interactors(self) -> int:
        """Distinct interacting users this minute; an anonymous interaction counts as one."""
        return len(self.users) + self.anonymous_interactions

    @property
    def gmv(self) -> float:
        return yuan(self.gmv_cents)

    @property
    def gift_value(self) -> float:
        return yuan(self.gift_cents)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: getattr(self, f) for f in COUNT_FIELDS if getattr(self, f) != _DEFAULTS[f]}
        if self.users:
            out["users"] = sorted(self.users)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MinuteBucket:
        b = cls(**{k: v for k, v in data.items() if k in _DEFAULTS})
        b.users = set(data.get("users", ()))
        return b


COUNT_FIELDS = tuple(f.name for f in fields(MinuteBucket) if f.name != "users")
_DEFAULTS = {f.name: f.default for f in fields(MinuteBucket) if f.name != "users"}


@dataclass(frozen=True)
class Totals:
    online: float
    peak_online: float
    views: int
    likes: int
    comments: int
    shares: int
    follows: int
    gifts: int
    orders: int
    gmv: float
    buyers: int
    interaction_rate: float
    conversion: float
    avg_order_value: float
    dwell_s: float
    avg_online: float


def minute_of(ts: float) -> int:
    return int(ts // 60)


@dataclass
class Metrics:
    buckets: dict[int, MinuteBucket] = field(default_factory=dict)
    online: float = 0.0
    online_ts: float = 0.0
    buyers: set[str] = field(default_factory=set)
    anonymous_buyers: int = 0
    ended_at: float | None = None  # the show's end, once it has ended
    origin: float = 0.0  # minute 0 starts here: UTC minutes live, minutes of the show in the recap
    latest_ts: float = 0.0  # the newest feed event folded (an end before it re-folds the show)
    after_end: MinuteBucket = field(default_factory=MinuteBucket)

    def bucket(self, minute: int) -> MinuteBucket:
        b = self.buckets.get(minute)
        if b is None:
            b = self.buckets[minute] = MinuteBucket()
        return b

    def is_after_end(self, ts: float) -> bool:
        return self.ended_at is not None and ts > self.ended_at

    def apply(self, e: Event) -> None:
        handler = _HANDLERS.get(e.kind)
        if handler is None:
            return
        ts = e.ts
        if ts > self.latest_ts:
            self.latest_ts = ts
        after = self.ended_at is not None and ts > self.ended_at
        if after:
            b = self.after_end
        else:
            minute = int((ts - self.origin) // 60)
            b = self.buckets.get(minute) or self.bucket(minute)
        handler(self, b, e, after)
        if e.kind in ev.INTERACTION_KINDS:
            if e.user is None:
                b.anonymous_interactions += 1
            else:
                b.users.add(e.user)

    def load_cached(self, minute: int, bucket: MinuteBucket) -> None:
        """Start a replay from a bucket the same fold produced earlier (the replay cache)."""
        self.buckets[minute] = bucket

    def set_online(self, online: float, ts: float) -> None:
        if ts >= self.online_ts:
            self.online, self.online_ts = online, ts

    def add_buyer(self, buyer: str | None) -> None:
        if buyer is None:
            self.anonymous_buyers += 1
        else:
            self.buyers.add(buyer)

    def interacting_users(self) -> int:
        """Distinct interacting users over every minute (an anonymous interaction counts as one)."""
        users: set[str] = set()
        for b in self.buckets.values():
            users |= b.users
        return len(users) + sum(b.anonymous_interactions for b in self.buckets.values())

    def buyer_count(self) -> int:
        return len(self.buyers) + self.anonymous_buyers

    def gmv_cents(self) -> int:
        return sum(b.gmv_cents for b in self.buckets.values())

    def totals(self, window_minutes: float = 5.0) -> Totals:
        s = _sum_buckets(self.buckets.values())
        views = max(s.entries_max, s.joins)
        buyers = self.buyer_count()
        return Totals(
            online=self.online,
            peak_online=s.online_max,
            views=views,
            likes=s.likes,
            comments=s.comments,
            shares=s.shares,
            follows=s.follows,
            gifts=s.gifts,
            orders=s.orders,
            gmv=yuan(s.gmv_cents),
            buyers=buyers,
            interaction_rate=self.interaction_rate(window_minutes),
            conversion=buyers / views if views else 0.0,
            avg_order_value=yuan(s.gmv_cents) / s.orders if s.orders else 0.0,
            dwell_s=s.online_area / views if views else 0.0,
            avg_online=s.online_means / s.sampled if s.sampled else 0.0,
        )

    def interaction_rate(self, window_minutes: float, now: float | None = None) -> float:
        """Interacting users ÷ viewers over the last window: Σ interactors / Σ mean online."""
        if not self.buckets:
            return 0.0
        last = minute_of(now) if now is not None else max(self.buckets)
        first = last - max(1, int(window_minutes)) + 1
        users = viewers = 0.0
        for m in range(first, last + 1):
            b = self.buckets.get(m)
            if b is not None:
                users += b.interactors
                viewers += b.online_mean
        return users / viewers if viewers else 0.0

    def online_range(self, since_ts: float) -> tuple[float, float]:
        """(max, min) online sampled in the minutes from `since_ts` on."""
        lo, hi = -1.0, 0.0
        for m in range(minute_of(since_ts), minute_of(self.online_ts) + 1):
            b = self.buckets.get(m)
            if b is not None and b.online_n:
                hi = max(hi, b.online_max)
                lo = b.online_min if lo < 0 else min(lo, b.online_min)
        return hi, max(lo, 0.0)


@dataclass(slots=True)
class _BucketSums:
    """The sums `Metrics.totals` takes over every minute, in one pass (the window asks for them
    several times a second over a show of hundreds of minutes)."""

    entries_max: int = 0
    joins: int = 0
    likes: int = 0
    comments: int = 0
    shares: int = 0
    follows: int = 0
    gifts: int = 0
    orders: int = 0
    gmv_cents: int = 0
    online_max: float = 0.0
    online_area: float = 0.0  # Σ mean online × 60 s over the sampled minutes: viewer-seconds
    online_means: float = 0.0
    sampled: int = 0


def _sum_buckets(buckets: Iterable[MinuteBucket]) -> _BucketSums:
    s = _BucketSums()
    for b in buckets:
        s.entries_max = max(s.entries_max, b.entries_max)
        s.joins += b.joins
        s.likes += b.likes
        s.comments += b.comments
        s.shares += b.shares
        s.follows += b.follows
        s.gifts += b.gifts
        s.orders += b.orders
        s.gmv_cents += b.gmv_cents
        s.online_max = max(s.online_max, b.online_max)
        if b.online_n:
            mean = b.online_sum / b.online_n
            s.online_area += mean * 60.0
            s.online_means += mean
            s.sampled += 1
    return s


def _viewers(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    online = float(e.value or 0.0)
    b.online_sum += online
    b.online_n += 1
    b.online_max = max(b.online_max, online)
    b.online_min = online if b.online_min < 0 else min(b.online_min, online)
    if e.qty is not None:
        b.entries_max = max(b.entries_max, int(e.qty))
    if not after:
        m.set_online(online, e.ts)


def _comment(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.comments += 1
    if e.flag == FLAG_NEGATIVE:
        b.negative_comments += 1


def _like(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.likes += int(e.qty or 1)


def _share(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.shares += 1


def _follow(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.follows += 1


def _join(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.joins += 1


def _gift(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.gifts += int(e.qty or 1)
    b.gift_cents += cents(e.value)


def _order(m: Metrics, b: MinuteBucket, e: Event, after: bool) -> None:
    b.gmv_cents += cents(e.value)
    if e.flag == ev.FLAG_MANUAL:  # a typed-in total: counts orders, knows no buyer
        b.orders += int((e.data or {}).get("orders", 0))
        return
    b.orders += 1
    b.quantity += int(e.qty or 1)
    if not after:
        m.add_buyer(e.user)


_HANDLERS = {
    ev.VIEWERS: _viewers,
    ev.COMMENT: _comment,
    ev.LIKE: _like,
    ev.SHARE: _share,
    ev.FOLLOW: _follow,
    ev.JOIN: _join,
    ev.GIFT: _gift,
    ev.ORDER: _order,
}
