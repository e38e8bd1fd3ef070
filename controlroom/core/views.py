"""Immutable views of a running show, for the window: the service builds them under its
lock (`ShowService.view()` and friends) and anyone may read them afterwards on any thread.
Nothing in a view is shared with the live state, so a view never changes under its reader:
the next refresh asks for a new one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, NamedTuple

from controlroom.core.alerts import Alert
from controlroom.core.edits import Usage
from controlroom.core.forecast import about_minutes
from controlroom.core.metrics import Metrics, Totals, minute_of
from controlroom.core.pacing import PacingState, ShowStatus
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowState
from controlroom.core.targets import TargetProgress

Spans = tuple[tuple[float, float | None], ...]


@dataclass(frozen=True)
class InfoView:
    """The show itself, and when it really started and ended (None until it has)."""

    id: int
    title: str
    created_at: float
    room: str
    host: str
    controller: str
    scheduled_at: float | None
    started_at: float | None
    ended_at: float | None


class SegmentView(NamedTuple):
    uid: str
    kind: SegmentKind
    title: str
    planned_s: float
    product_sku: str | None
    notes: str
    gmv_target: float | None = None
    orders_target: int | None = None

    def segment(self) -> Segment:
        """An editable copy (the plan editor's draft, a plan to export)."""
        return Segment(self.kind, self.title, self.planned_s, self.product_sku, self.notes, self.uid,
                       self.gmv_target, self.orders_target)


class RunView(NamedTuple):
    """One run of a segment on air: the charts' coloured bands."""

    uid: str
    kind: SegmentKind | None  # None: the segment has left the plan since
    started_at: float
    ended_at: float | None


class ProductRow(NamedTuple):
    """One product of the queue, in queue order, as it stands now (a tuple: hundreds are
    made for every refresh, under the service's lock)."""

    sku: str
    name: str
    role: Role
    price: float
    selling_points: str
    promo: str
    stock_left: int
    sold: int  # units
    gmv: float
    on_shelf: bool
    explaining: bool
    low: bool
    sold_out: bool
    promo_count: int
    # On shelf with a rate: about how many minutes until sold out (core/forecast.py about_minutes);
    # whole minutes, so a row changes only when what the queue shows does. None: no forecast.
    sellout_minutes: int | None = None


@dataclass(frozen=True)
class IncidentView:
    ref: str
    text: str
    opened_at: float


@dataclass(frozen=True)
class Health:
    """How the log is doing (`ShowService.health()`): events waiting for it, why it cannot
    write (None while it writes), events it could not store and where they were kept."""

    unsaved: int = 0
    unavailable: str | None = None
    set_aside: int = 0
    kept_in: str | None = None  # the rescue file; None: kept in memory only
    lock_lost: str | None = None  # a server's show lock: "away" (server away) or "taken" (by another process)

    @classmethod
    def of(cls, health: Mapping[str, Any], kept_in: str | None = None) -> Health:
        return cls(int(health.get("unsaved", 0)), health.get("unavailable"), int(health.get("set_aside", 0)), kept_in,
                   health.get("lock_lost"))

    @property
    def troubled(self) -> bool:
        """The window must say so: the log cannot write, or some events were not stored."""
        return self.unavailable is not None or self.set_aside > 0 or self.lock_lost is not None


@dataclass(frozen=True)
class RoomView:
    """Everything the window shows of the room at `now`."""

    now: float
    info: InfoView
    pacing: PacingState
    totals: Totals
    alerts: tuple[Alert, ...]
    host_message: str
    open_incidents: tuple[IncidentView, ...]
    after_end: Mapping[str, float]
    queue: tuple[ProductRow, ...]
    plan: tuple[SegmentView, ...]
    runs: tuple[RunView, ...]
    shelf_times: Mapping[str, Spans]  # SKU → (on, off or None), removed products included
    settings: ShowSettings
    checklist: Mapping[str, bool]
    health: Health
    last_event_id: int
    forecast: Mapping[str, float | None] = field(default_factory=dict)  # on-shelf SKU → seconds until sold out
    targets: TargetProgress | None = None  # the slot and the show against the plan's targets
    host_blink: bool = False  # the host message flashes (restored after a restart with it)

    @property
    def status(self) -> ShowStatus:
        return self.pacing.status

    def product(self, sku: str | None) -> ProductRow | None:
        return next((p for p in self.queue if p.sku == sku), None) if sku else None

    @property
    def explaining(self) -> str | None:
        return next((p.sku for p in self.queue if p.explaining), None)

    def names(self) -> dict[str, str]:
        """SKU → product name."""
        return {p.sku: p.name for p in self.queue}

    def titles(self) -> dict[str, str]:
        """Segment uid → title."""
        return {s.uid: s.title for s in self.plan}


@dataclass(frozen=True)
class CommentRate:
    """Negative comments in the minute of `now`, and how many make a spike (0: never)."""

    negative: int
    limit: int

    @property
    def spike(self) -> bool:
        return bool(self.limit) and self.negative >= self.limit


@dataclass(frozen=True)
class EditSource:
    """What an editor starts from: the plan and products (private copies), what the
    products are used for, and the figures a default plan needs."""

    segments: tuple[SegmentView, ...]
    products: tuple[Product, ...]
    usage: Usage
    started: bool
    settings: ShowSettings
    planned_minutes: float

    def plan(self) -> Plan:
        """A fresh editable copy of the plan."""
        return Plan([s.segment() for s in self.segments])

    def product_list(self) -> list[Product]:
        """Fresh editable copies of the products, in queue order."""
        return [_copy_product(p) for p in self.products]


# -- building (the service calls these holding its lock) ------------------------------
def room_view(state: ShowState, now: float, health: Health) -> RoomView:
    snap = state.snapshot(now)
    p = snap.pacing
    return RoomView(
        now=now,
        info=_info(state),
        pacing=replace(p, segment=_copy_segment(p.segment), next_segment=_copy_segment(p.next_segment),
                       promos=dict(p.promos)),
        totals=snap.totals,
        alerts=tuple(snap.alerts),
        host_message=state.host_message,
        host_blink=state.host_blink,
        open_incidents=tuple(IncidentView(i.ref, i.text, i.opened_at) for i in snap.open_incidents),
        after_end=MappingProxyType(dict(snap.after_end)),
        queue=product_rows(state, snap.forecast),
        plan=segment_views(state.plan),
        runs=_runs(state),
        shelf_times=MappingProxyType({sku: tuple(spans) for sku, spans in state.queue.shelf_times.items()}),
        settings=state.settings,
        checklist=MappingProxyType(dict(state.checklist)),
        health=health,
        last_event_id=state.last_event_id,
        forecast=MappingProxyType(dict(snap.forecast)),
        targets=snap.targets,
    )


def product_rows(state: ShowState, sellout: Mapping[str, float | None] | None = None) -> tuple[ProductRow, ...]:
    """`sellout`: the snapshot's forecast (SKU → seconds until sold out)."""
    q, low_units, promos = state.queue, state.settings.low_stock_units, state.timer.promo_counts
    sellout = sellout or {}
    on_air = None if state.timer.status == ShowStatus.ENDED else q.explaining  # after the end nobody explains
    rows = []
    for sku in q.order:
        p = q.products[sku]
        sales = q.sales.get(sku)
        left = q.stock(sku)  # once: low and sold out as QueueState.is_low / is_sold_out say, from it
        rows.append(ProductRow(
            sku, p.name, p.role, p.price, p.selling_points, p.promo, left, sales.quantity if sales else 0,
            sales.gmv if sales else 0.0, sku in q.on_shelf, on_air == sku, 0 < left <= low_units, left <= 0,
            promos.get(sku, 0), _minutes(sellout.get(sku)),
        ))
    return tuple(rows)


def _minutes(seconds: float | None) -> int | None:
    return about_minutes(seconds) if seconds else None


def segment_views(plan: Plan) -> tuple[SegmentView, ...]:
    """The plan's segments as views; the last plan's are reused while it is the same object
    with the same segments (a plan is replaced by an edit, never changed in place)."""
    cached = _last_plan
    if cached is not None and cached[0] is plan and cached[1] == tuple(map(id, plan.segments)):
        return cached[2]
    views = tuple(SegmentView(s.uid, s.kind, s.title, s.planned_s, s.product_sku, s.notes, s.gmv_target,
                              s.orders_target) for s in plan.segments)
    _remember_plan(plan, views)
    return views


# (plan, ids of its segments, their views): holding the plan keeps those ids its own.
_last_plan: tuple[Plan, tuple[int, ...], tuple[SegmentView, ...]] | None = None


def _remember_plan(plan: Plan, views: tuple[SegmentView, ...]) -> None:
    global _last_plan
    _last_plan = (plan, tuple(map(id, plan.segments)), views)


def edit_source(state: ShowState) -> EditSource:
    q = state.queue
    return EditSource(
        segments=segment_views(state.plan),
        products=tuple(_copy_product(q.products[s]) for s in q.order),
        usage=Usage.of(state),
        started=state.timer.started_at is not None,
        settings=state.settings,
        planned_minutes=state.plan.total_s() / 60,
    )


def comment_rate(state: ShowState, now: float) -> CommentRate:
    b = state.metrics.buckets.get(minute_of(now))
    return CommentRate(b.negative_comments if b is not None else 0, state.settings.negative_spike_per_minute)


def interaction_rates(metrics: Metrics, window_minutes: float, since_minute: int | None,
                      now: float) -> tuple[tuple[int, float], ...]:
    """(minute, interaction rate over the window ending in it) for every minute with data
    from `since_minute` (None: the first) to the minute of `now`."""
    if not metrics.buckets:
        return ()
    first = min(metrics.buckets) if since_minute is None else since_minute
    return tuple((m, metrics.interaction_rate(window_minutes, now=m * 60.0 + 59))
                 for m in range(first, minute_of(now) + 1) if m in metrics.buckets)


def next_incident_ref(taken: Mapping[str, Any] | set[str], prefix: str = "INC-") -> str:
    """The first free `INC-n` from the number of incidents on: feeds may have used their own ids."""
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _info(state: ShowState) -> InfoView:
    i, t = state.info, state.timer
    return InfoView(i.id, i.title, i.created_at, i.room, i.host, i.controller, i.scheduled_at,
                    t.started_at, t.ended_at)


def _runs(state: ShowState) -> tuple[RunView, ...]:
    kinds = {s.uid: s.kind for s in state.plan.segments}
    return tuple(RunView(r.uid, kinds.get(r.uid), r.started_at, r.ended_at) for r in state.timer.runs)


def _copy_segment(s: Segment | None) -> Segment | None:
    return replace(s) if s is not None else None


def _copy_product(p: Product) -> Product:
    return replace(p, extra=dict(p.extra))
