"""The recap's figures, as the fold (core/recap.py) hands them to the workbook.

Each figure is defined once, in docs/recap.md (name, formula, unit); the field names say
what the figures are. The show's figures cover the log up to the show's end
(core/show_span.py); what the log holds after the end is in `AfterEnd`, apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from controlroom.core.show import ShowState

if TYPE_CHECKING:
    from controlroom.core.recap_review import Review
    from controlroom.core.recap_slots import SlotFigures

# Problem codes (the workbook words each one in the UI language).
P_OVERRUN = "overrun"
P_INTERACTION_OVERDUE = "interaction_overdue"
P_VIEWER_DROP = "viewer_drop"
P_SOLD_OUT = "sold_out"
P_LOW_CONVERSION = "low_conversion"
P_OVERSELL = "oversell"

# Products rows that are not products of the queue.
ROW_PRODUCT = "product"
ROW_UNKNOWN = "unknown"
ROW_MANUAL = "manual"


@dataclass
class Kpis:
    """The Summary's figures for the show (up to its end); `KPI_FORMATS` says how each is shown."""

    peak_online: float = 0.0
    avg_online: float = 0.0
    views: int = 0
    dwell_s: float = 0.0
    likes: int = 0
    comments: int = 0
    shares: int = 0
    interacting_users: int = 0
    interacting_per_view: float = 0.0
    follows: int = 0
    orders: int = 0
    buyers: int = 0
    gmv: float = 0.0
    buyers_per_view: float = 0.0
    avg_order_value: float = 0.0
    oversells: int = 0
    incidents: int = 0
    degraded_stream_s: float = 0.0  # time with an OBS stream-health incident open (core/stream_health.py)
    incident_s: float = 0.0  # time with any incident open, overlaps once (core/recap_incidents.py)
    # -- money per view (core/recap_money.py; set by core/recap_slots.py) --
    gpm: float = 0.0
    uv_value: float = 0.0
    uv_per_entry: bool = False  # no join carried a user: UV value is per entry, and labelled so

    def label_key(self, name: str) -> str:
        """The text key of a figure's label (UV value says when it is per entry)."""
        return "kpi.uv_value_per_entry" if name == "uv_value" and self.uv_per_entry else f"kpi.{name}"


KPI_FORMATS: dict[str, str] = {
    "peak_online": "int", "avg_online": "number", "views": "int", "dwell_s": "duration",
    "likes": "int", "comments": "int", "shares": "int", "interacting_users": "int",
    "interacting_per_view": "percent", "follows": "int", "orders": "int", "buyers": "int",
    "gmv": "money", "buyers_per_view": "percent", "avg_order_value": "money", "oversells": "int",
    "incidents": "int", "degraded_stream_s": "duration", "incident_s": "duration",
    "gpm": "money", "uv_value": "money",
}


@dataclass
class AfterEnd:
    """What the log holds after the show's end: kept, shown apart, in no show figure."""

    events: int = 0
    orders: int = 0
    quantity: int = 0
    gmv_cents: int = 0
    entries: int = 0
    likes: int = 0
    comments: int = 0
    shares: int = 0
    follows: int = 0
    gifts: int = 0


@dataclass(slots=True)
class MinuteRow:
    minute: int
    start: float
    online: float | None = None
    online_peak: float | None = None
    entries: int = 0
    comments: int = 0
    likes: int = 0
    shares: int = 0
    follows: int = 0
    orders: int = 0
    gmv_cents: int = 0
    segment_uid: str | None = None
    segment_started: bool = False


@dataclass
class SegmentRecap:
    index: int | None
    uid: str
    kind: str
    title: str
    product_sku: str | None
    planned_s: float
    extended_s: float
    scheduled_start: float | None
    scheduled_end: float | None
    actual_start: float | None = None
    actual_end: float | None = None
    actual_s: float | None = None
    runs: int = 0
    orders: int = 0
    gmv_cents: int = 0

    @property
    def overrun_s(self) -> float | None:
        return None if self.actual_s is None else self.actual_s - self.planned_s - self.extended_s


@dataclass
class ProductRecap:
    row: str
    sku: str
    name: str
    role: str = ""
    price: float = 0.0
    stock_start: int = 0
    stock_end: int = 0
    shelf_s: float = 0.0
    explained_s: float = 0.0
    orders_explained: int = 0
    gmv_explained_cents: int = 0
    orders: int = 0
    quantity: int = 0
    gmv_cents: int = 0
    buyers_explained: int = 0
    online_explained: float | None = None
    # The queue's rule (core/queue.py sold_out_since): since when it is sold out, None if
    # restocked; `sold_out_times` keeps every moment its stock ran out, for Problems.
    sold_out_at: float | None = None
    sold_out_times: list[float] = field(default_factory=list)
    oversells: int = 0
    promo: str = ""

    @property
    def slot_conversion(self) -> float | None:
        """Distinct buyers while explained ÷ mean online then; None when never explained."""
        if not self.explained_s or not self.online_explained:
            return None
        return self.buyers_explained / self.online_explained


@dataclass(frozen=True)
class Gap:
    start: float
    end: float
    flagged: bool

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class PromoRecap:
    sku: str
    name: str
    promo: str
    count: int
    band: str


@dataclass(frozen=True)
class SlotRun:
    uid: str
    title: str
    started_at: float
    seconds: float


@dataclass(frozen=True)
class Problem:
    ts: float | None
    code: str
    subject: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentRecap:
    ref: str
    text: str
    opened_at: float
    closed_at: float | None

    @property
    def seconds(self) -> float | None:
        return None if self.closed_at is None else self.closed_at - self.opened_at


@dataclass
class Recap:
    state: ShowState
    started_at: float | None
    ended_at: float | None
    t0: float
    end: float
    kpis: Kpis
    segments: list[SegmentRecap]
    products: list[ProductRecap]
    minutes: list[MinuteRow]
    gaps: list[Gap]
    promos: list[PromoRecap]
    long_slots: list[SlotRun]
    problems: list[Problem]
    incidents: list[IncidentRecap]
    checklist_times: dict[str, float]
    event_count: int
    after_end: AfterEnd = field(default_factory=AfterEnd)
    previous: Kpis | None = None
    previous_title: str = ""
    previous_id: int | None = None
    slots: SlotFigures | None = None  # per run, per SKU, interactions (core/recap_slots.py)
    review: Review | None = None  # incidents, provenance, reconciliation, ranking (core/recap_review.py)

    @property
    def planned_total_s(self) -> float:
        return self.state.plan.total_s()


def summary_kpis(minutes: list[MinuteRow], products: list[ProductRecap], buyers: int, users: int,
                 incidents: int) -> Kpis:
    """The Summary's figures, summed from the minute series (and oversells from the
    product rows), so the Summary and the sheets below it cannot disagree."""
    online = [r.online for r in minutes if r.online is not None]
    views = sum(r.entries for r in minutes)
    orders = sum(r.orders for r in minutes)
    gmv = sum(r.gmv_cents for r in minutes) / 100
    return Kpis(
        peak_online=max((r.online_peak for r in minutes if r.online_peak is not None), default=0.0),
        avg_online=sum(online) / len(online) if online else 0.0,
        views=views,
        dwell_s=sum(online) * 60 / views if views else 0.0,
        likes=sum(r.likes for r in minutes),
        comments=sum(r.comments for r in minutes),
        shares=sum(r.shares for r in minutes),
        interacting_users=users,
        interacting_per_view=users / views if views else 0.0,
        follows=sum(r.follows for r in minutes),
        orders=orders,
        buyers=buyers,
        gmv=gmv,
        buyers_per_view=buyers / views if views else 0.0,
        avg_order_value=gmv / orders if orders else 0.0,
        oversells=sum(p.oversells for p in products),
        incidents=incidents,
    )
