"""Where the recap's figures came from (data provenance) and the minutes with no data.

Every feed event of the show is told to one source — the live feed, a manual entry
(core/manual.py) or a platform import (core/platform_rows.py) — and the recap's minute
buckets are split by source (`SourceFold`), so a source's orders, GMV and online are the
same figures as everywhere else, only split. Definitions in docs/recap.md ("Provenance").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import Metrics, MinuteBucket

SOURCE_LIVE = "live"
SOURCE_MANUAL = "manual"
SOURCE_PLATFORM = "platform"
SOURCES = (SOURCE_LIVE, SOURCE_MANUAL, SOURCE_PLATFORM)

FAMILY_VIEWERS = "viewers"
FAMILY_ORDERS = "orders"
FAMILY_INTERACTIONS = "interactions"
FAMILIES = (FAMILY_VIEWERS, FAMILY_ORDERS, FAMILY_INTERACTIONS)


def source_of(e: Event) -> str:
    """A platform import marks its events {"source": "platform"} (its per-minute orders are
    also flagged manual, so this is asked first); a manual entry flags its order "manual"
    and marks its viewer sample {"source": "manual"}; everything else came in live."""
    data = e.data if isinstance(e.data, dict) else {}
    source = data.get("source")
    if source == SOURCE_PLATFORM:
        return SOURCE_PLATFORM
    if source == SOURCE_MANUAL or e.flag == ev.FLAG_MANUAL:
        return SOURCE_MANUAL
    return SOURCE_LIVE


@dataclass(frozen=True)
class SourceShare:
    """One figure family's count from one source, and its share of the family's total."""

    family: str
    source: str
    count: int
    share: float | None
    gmv_cents: int | None = None  # orders only
    gmv_share: float | None = None
    minutes: int = 0  # minutes of the show holding this source's events of the family


@dataclass(frozen=True)
class NoDataGap:
    """Consecutive show minutes with no viewer sample and no feed event from any source."""

    first_minute: int
    last_minute: int
    start: float

    @property
    def minutes(self) -> int:
        return self.last_minute - self.first_minute + 1


@dataclass
class Provenance:
    shares: list[SourceShare] = field(default_factory=list)
    gaps: list[NoDataGap] = field(default_factory=list)

    @property
    def no_data_minutes(self) -> int:
        return sum(g.minutes for g in self.gaps)


_FIELDS = ("orders", "gmv_cents", "online_sum", "online_n", "joins", "comments", "likes", "shares", "follows", "gifts")


class SourceFold:
    """The show's feed split by source. The whole feed is already folded once, by the
    recap's own `Metrics` (`total`); only the events of a manual entry or a platform
    import (a few) are folded again here, each source by a `Metrics` of its own, and the
    live feed's minutes are the rest: total − manual − platform. So a source's figures
    are the recap's figures, split, at the cost of one look at each live event."""

    def __init__(self, total: Metrics) -> None:
        self.total = total
        self.others: dict[str, Metrics] = {}
        self._split: dict[str, dict[int, MinuteBucket]] | None = None

    def add(self, e: Event, origin: float) -> None:
        if e.data is None and e.flag is None:  # the live feed's usual event: nothing to split
            return
        if e.kind not in ev.FEED_KINDS:
            return
        source = source_of(e)
        if source == SOURCE_LIVE:
            return
        m = self.others.get(source)
        if m is None:
            m = self.others[source] = Metrics(origin=origin)
        m.apply(e)
        self._split = None

    def buckets(self, source: str) -> dict[int, MinuteBucket]:
        if self._split is None:
            self._split = self._split_by_source()
        return self._split[source]

    def _split_by_source(self) -> dict[str, dict[int, MinuteBucket]]:
        out = {s: (self.others[s].buckets if s in self.others else {}) for s in (SOURCE_MANUAL, SOURCE_PLATFORM)}
        live: dict[int, MinuteBucket] = {}
        for minute, b in self.total.buckets.items():
            rest = MinuteBucket()
            for name in _FIELDS:
                value = getattr(b, name) - sum(getattr(o[minute], name) for o in out.values() if minute in o)
                setattr(rest, name, value)
            live[minute] = rest
        out[SOURCE_LIVE] = live
        return out

    def provenance(self, last_minute: int, t0: float) -> Provenance:
        """The shares of each family, and the no-data minutes in minutes 0 … `last_minute`."""
        out = Provenance()
        for family in FAMILIES:
            out.shares += self._family_shares(family)
        out.gaps = no_data_gaps(set(self.total.buckets), last_minute, t0)
        return out

    def _family_shares(self, family: str) -> list[SourceShare]:
        counts = {s: sum(_count(family, b) for b in self.buckets(s).values()) for s in SOURCES}
        gmv = {s: sum(b.gmv_cents for b in self.buckets(s).values()) for s in SOURCES}
        total, total_gmv = sum(counts.values()), sum(gmv.values())
        rows = []
        for s in SOURCES:
            minutes = sum(1 for m, b in self.buckets(s).items() if m >= 0 and _holds(family, b))
            share = counts[s] / total if total else None
            if family == FAMILY_ORDERS:
                rows.append(SourceShare(family, s, counts[s], share, gmv[s], gmv[s] / total_gmv if total_gmv else None,
                                        minutes))
            else:
                rows.append(SourceShare(family, s, counts[s], share, minutes=minutes))
        return rows


def _count(family: str, b: MinuteBucket) -> int:
    """A minute's count of the family, as the recap's minute series counts it: viewer
    samples and joins; orders (a typed-in total its `orders`); comments, likes (a like its
    qty), shares, follows and gifts (a gift its count)."""
    if family == FAMILY_VIEWERS:
        return b.online_n + b.joins
    if family == FAMILY_ORDERS:
        return b.orders
    return b.comments + b.likes + b.shares + b.follows + b.gifts


def _holds(family: str, b: MinuteBucket) -> bool:
    return bool(_count(family, b) or (family == FAMILY_ORDERS and b.gmv_cents))


def no_data_gaps(data_minutes: set[int], last_minute: int, t0: float) -> list[NoDataGap]:
    """Runs of show minutes (0 … `last_minute`) in which no feed event of any kind, from
    any source, was stamped: no viewer sample, no comment, no order…"""
    gaps: list[NoDataGap] = []
    start: int | None = None
    for m in range(0, last_minute + 1):
        if m in data_minutes:
            if start is not None:
                gaps.append(NoDataGap(start, m - 1, t0 + 60 * start))
                start = None
        elif start is None:
            start = m
    if start is not None:
        gaps.append(NoDataGap(start, last_minute, t0 + 60 * start))
    return gaps
