"""Where the recap's figures came from (data provenance) and the minutes with no data.

Every feed event of the show is told to one source — the live feed, a manual entry
(core/manual.py) or a platform import (core/platform_rows.py) — and folded, per source,
by the live fold itself (`Metrics`), so a source's orders, GMV and online are the same
figures as everywhere else, only split. Definitions in docs/recap.md ("Provenance").
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


class SourceFold:
    """Per source, the live fold's minute buckets; per family and source, events counted."""

    def __init__(self) -> None:
        self.metrics: dict[str, Metrics] = {}
        self.events: dict[tuple[str, str], int] = {}
        self.origin: float | None = None

    def add(self, e: Event, origin: float) -> None:
        kind = e.kind
        if kind not in ev.FEED_KINDS:
            return
        if self.origin is None:
            self.origin = origin
        source = source_of(e)
        m = self.metrics.get(source)
        if m is None:
            m = self.metrics[source] = Metrics(origin=origin)
        m.apply(e)
        family = _family(kind)
        if family != FAMILY_ORDERS:
            self.events[(family, source)] = self.events.get((family, source), 0) + 1

    def buckets(self, source: str) -> dict[int, MinuteBucket]:
        m = self.metrics.get(source)
        return m.buckets if m is not None else {}

    def provenance(self, last_minute: int, t0: float) -> Provenance:
        """The shares of each family, and the no-data minutes in minutes 0 … `last_minute`."""
        out = Provenance()
        for family in FAMILIES:
            out.shares += self._family_shares(family)
        out.gaps = no_data_gaps(self._data_minutes(), last_minute, t0)
        return out

    def _family_shares(self, family: str) -> list[SourceShare]:
        counts = {s: self._count(family, s) for s in SOURCES}
        gmv = {s: sum(b.gmv_cents for b in self.buckets(s).values()) for s in SOURCES}
        total, total_gmv = sum(counts.values()), sum(gmv.values())
        rows = []
        for s in SOURCES:
            minutes = sum(1 for m, b in self.buckets(s).items() if m >= 0 and _has(family, b))
            row = SourceShare(family, s, counts[s], counts[s] / total if total else None, minutes=minutes)
            if family == FAMILY_ORDERS:
                row = SourceShare(family, s, counts[s], row.share, gmv[s],
                                  gmv[s] / total_gmv if total_gmv else None, minutes)
            rows.append(row)
        return rows

    def _count(self, family: str, source: str) -> int:
        if family == FAMILY_ORDERS:  # orders as every sheet counts them: a typed-in total its `orders`
            return sum(b.orders for b in self.buckets(source).values())
        return self.events.get((family, source), 0)

    def _data_minutes(self) -> set[int]:
        minutes: set[int] = set()
        for m in self.metrics.values():
            minutes.update(m.buckets)
        return minutes


def _family(kind: str) -> str:
    """Viewer samples and joins (what views come from), orders, and the rest of the feed
    (comments, likes, shares, follows, gifts)."""
    if kind == ev.VIEWERS or kind == ev.JOIN:
        return FAMILY_VIEWERS
    return FAMILY_ORDERS if kind == ev.ORDER else FAMILY_INTERACTIONS


def _has(family: str, b: MinuteBucket) -> bool:
    if family == FAMILY_VIEWERS:
        return b.online_n > 0 or b.joins > 0
    if family == FAMILY_ORDERS:
        return bool(b.orders or b.gmv_cents)
    return bool(b.comments or b.likes or b.shares or b.follows or b.gifts)


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
