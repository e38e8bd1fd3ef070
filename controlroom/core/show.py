"""A show's live state: the fold of its log (plus its plan and products) at `now`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from controlroom.core import events as ev
from controlroom.core.alerts import Alert, active_alerts
from controlroom.core.baseline import Baseline
from controlroom.core.edit_log import EDIT_HANDLERS
from controlroom.core.events import Event
from controlroom.core.forecast import Forecast, OrderRates, forecast, whole_seconds
from controlroom.core.metrics import Metrics, MinuteBucket, Totals
from controlroom.core.pacing import PacingState, TimerLog, compute
from controlroom.core.plan import Plan
from controlroom.core.products import Product
from controlroom.core.queue import QueueState
from controlroom.core.settings import ShowSettings
from controlroom.core.targets import SalesTimeline, TargetProgress, progress_dict, target_progress
from controlroom.core.undo import INCIDENT_KINDS, SHELF_KINDS, TIMER_KINDS, UndoLog, target_ids


@dataclass
class ShowInfo:
    id: int
    title: str
    created_at: float
    room: str = ""
    host: str = ""
    controller: str = ""
    scheduled_at: float | None = None  # the planned start, when one was given


@dataclass
class Incident:
    ref: str
    text: str
    opened_at: float
    closed_at: float | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything a view needs, computed once for one `now`."""

    now: float
    info: ShowInfo
    pacing: PacingState
    queue: QueueState
    totals: Totals
    alerts: list[Alert]
    host_message: str
    open_incidents: list[Incident]
    after_end: dict[str, float] = field(default_factory=dict)  # feed stamped after the end, kept apart
    undo: str | None = None  # what Ctrl+Z would take back ("next segment"), or None
    host_blink: bool = False  # the host message flashes
    forecast: Forecast = field(default_factory=dict)  # on-shelf SKU → seconds until sold out (core/forecast.py)
    targets: TargetProgress | None = None  # the slot and the show against the plan's targets


@dataclass
class ShowState:
    info: ShowInfo
    plan: Plan
    settings: ShowSettings
    timer: TimerLog = field(default_factory=TimerLog)
    queue: QueueState = field(default_factory=QueueState)
    metrics: Metrics = field(default_factory=Metrics)
    incidents: dict[str, Incident] = field(default_factory=dict)
    checklist: dict[str, bool] = field(default_factory=dict)
    host_message: str = ""
    host_blink: bool = False
    order_ids: set[str] = field(default_factory=set)
    # Flagged orders stamped after the end: the queue counts them (stock is real), the
    # show's oversells do not.
    after_end_oversells: int = 0
    # Ids that outside sources gave other feed events (event_id): a re-send is a duplicate.
    event_ids: set[str] = field(default_factory=set)
    last_event_id: int = 0
    # Classifies a comment's text ("negative", "question" or None) as it is admitted.
    comment_classifier: Callable[[str], str | None] | None = None
    # The undoable actions since the start and what undoing one rebuilds from (core/undo.py).
    undo_log: UndoLog = field(default_factory=UndoLog)
    # The ids of every event an undo took back: folds that read the log (the recap) skip them.
    undone: set[int] = field(default_factory=set)
    # The room's usual (core/baseline.py), computed off the fold by the service; None: not known.
    baseline: Baseline | None = None
    # The recent orders of each product, for the sell-out forecast (core/forecast.py).
    rates: OrderRates = field(default_factory=OrderRates)
    # Every order's time and money, for the sales of each segment run (core/targets.py).
    sales: SalesTimeline = field(default_factory=SalesTimeline)

    @classmethod
    def new(cls, info: ShowInfo, plan: Plan, products: list[Product], settings: ShowSettings) -> ShowState:
        return cls(info=info, plan=plan, settings=settings, queue=QueueState.of(products))

    def apply(self, e: Event) -> None:
        """Fold one event into the state (an event already accepted into the log)."""
        if e.kind in _METRICS_ONLY:  # the high-rate feed: only the metrics fold it
            self.metrics.apply(e)
            if e.ref:
                self.event_ids.add(e.ref)
            if e.id is not None and e.id > self.last_event_id:
                self.last_event_id = e.id
            return
        self.timer.apply(e)
        self.queue.apply(e)
        self.metrics.apply(e)
        self.rates.add(e)
        if e.kind == ev.ORDER:
            self.sales.add(e)
        if e.kind == ev.ORDER and e.flag and e.flag != ev.FLAG_MANUAL and self.metrics.is_after_end(e.ts):
            self.after_end_oversells += 1
        if e.ref and e.kind in ev.FEED_KINDS:
            (self.order_ids if e.kind == ev.ORDER else self.event_ids).add(e.ref)
        if e.kind not in ev.FEED_KINDS:
            self.undo_log.record(e)
        handler = _HANDLERS.get(e.kind)
        if handler is not None:
            handler(self, e)
        if e.id is not None and e.id > self.last_event_id:
            self.last_event_id = e.id

    def rebuild_undoable(self, kinds: frozenset[str]) -> None:
        """Fold again, from the operator events kept in memory (none undone), the parts that
        events of `kinds` touch: the timer, shelf and explaining, incidents, host message."""
        kept = self.undo_log.kept
        if kinds & TIMER_KINDS:
            self.timer = TimerLog()
            for e in kept:
                self.timer.apply(e)
        if kinds & SHELF_KINDS:
            self._rebuild_shelf(kept)
        if kinds & INCIDENT_KINDS:
            self.incidents = {}
            for e in kept:
                if e.kind in INCIDENT_KINDS:
                    _HANDLERS[e.kind](self, e)
        if ev.HOST_MESSAGE in kinds:
            last = next((e for e in reversed(kept) if e.kind == ev.HOST_MESSAGE), None)
            self.host_message, self.host_blink = "", False
            if last is not None:
                _host_message(self, last)

    def _rebuild_shelf(self, kept: list[Event]) -> None:
        q = self.queue
        q.on_shelf, q.explaining, q.shelf_times = set(), None, {}
        for e in kept:
            if e.kind in SHELF_KINDS:
                q.apply(e)
            elif e.kind == ev.PRODUCT_REMOVED:  # a removal takes the product off shelf
                q.on_shelf.discard(e.product or "")
                q.explaining = None if q.explaining == e.product else q.explaining

    def admit(self, e: Event) -> Event | None:
        """Prepare a feed event for the log: None for a repeated order id or event id;
        orders get their product resolved (SKU or name) and are flagged when unexpected;
        comments are classified by the comment watch."""
        if e.kind == ev.COMMENT and self.comment_classifier is not None and e.flag is None:
            e.flag = self.comment_classifier(e.text or "")
        if e.kind != ev.ORDER:
            return None if e.ref and e.ref in self.event_ids else e
        if e.ref and e.ref in self.order_ids:
            return None
        if e.flag == ev.FLAG_MANUAL:
            return e
        e.product = self.queue.resolve_sku(e.product)
        e.flag = self.queue.order_flag(e.product, int(e.qty or 1))
        return e

    def show_time(self) -> float:
        """When the show happens: its actual start, else its planned start, else when it
        was made (what a time of day without a date in an import belongs to)."""
        if self.timer.started_at is not None:
            return self.timer.started_at
        return self.info.scheduled_at if self.info.scheduled_at is not None else self.info.created_at

    def feed_reach(self, now: float) -> tuple[float, float]:
        """The times a feed event may carry (settings feed_before_show_hours, feed_ahead_minutes)."""
        first = min(t for t in (self.info.created_at, self.info.scheduled_at, self.timer.started_at) if t is not None)
        return (first - self.settings.feed_before_show_hours * 3600, now + self.settings.feed_ahead_minutes * 60)

    def promo_keys(self) -> tuple[str, ...]:
        return tuple(sku for sku in self.queue.order if self.queue.products[sku].promo)

    def pacing(self, now: float) -> PacingState:
        return compute(self.timer, self.plan, self.settings, now, self.promo_keys())

    def snapshot(self, now: float) -> Snapshot:
        p = self.pacing(now)
        sellout = forecast(self.rates, self.queue, now)
        return Snapshot(
            now=now,
            info=self.info,
            pacing=p,
            queue=self.queue,
            totals=self.metrics.totals(self.settings.viewer_drop_window_minutes),
            alerts=active_alerts(p, self.queue, self.metrics, self.settings, now,
                                 {seg.product_sku for seg in self.plan.segments if seg.product_sku},
                                 self.baseline, sellout),
            host_message=self.host_message,
            host_blink=self.host_blink,
            open_incidents=[i for i in self.incidents.values() if i.closed_at is None],
            after_end={**after_end_summary(self.metrics.after_end), "oversells": self.after_end_oversells},
            undo=self.undo_log.last.label if self.undo_log.last else None,
            forecast=sellout,
            targets=target_progress(self.plan, self.timer, self.sales, now, p.segment.uid if p.segment else None),
        )


_METRICS_ONLY = ev.FEED_KINDS - {ev.ORDER}


def after_end_summary(b: MinuteBucket) -> dict[str, float]:
    """What arrived stamped after the show's end: counted, never in the show's totals."""
    return {"orders": b.orders, "gmv": b.gmv, "likes": b.likes, "comments": b.comments, "shares": b.shares,
            "follows": b.follows, "gifts": b.gifts, "joins": b.joins}


def _incident_opened(s: ShowState, e: Event) -> None:
    ref = e.ref or str(e.id)
    s.incidents[ref] = Incident(ref=ref, text=e.text or "", opened_at=e.ts)


def _incident_closed(s: ShowState, e: Event) -> None:
    inc = s.incidents.get(e.ref or "")
    if inc is not None and inc.closed_at is None:
        inc.closed_at = e.ts


def _checklist(s: ShowState, e: Event) -> None:
    s.checklist[e.ref or ""] = bool(e.value)


def _host_message(s: ShowState, e: Event) -> None:
    s.host_message = e.text or ""
    s.host_blink = e.flag == ev.FLAG_BLINK and bool(s.host_message)


def _undone(s: ShowState, e: Event) -> None:
    """The pair folds to nothing: the action's events go, and what they touched is rebuilt."""
    ids = target_ids(e)
    s.undone |= ids
    gone = s.undo_log.take_back(ids)
    if gone:
        s.rebuild_undoable(gone)


def _ended(s: ShowState, e: Event) -> None:
    if s.metrics.ended_at is None:
        s.metrics.ended_at = e.ts  # from here on the feed is folded apart, "after the end"


_HANDLERS = {
    ev.INCIDENT_OPENED: _incident_opened,
    ev.INCIDENT_CLOSED: _incident_closed,
    ev.CHECKLIST_TICKED: _checklist,
    ev.HOST_MESSAGE: _host_message,
    ev.SHOW_ENDED: _ended,
    ev.UNDONE: _undone,
    **EDIT_HANDLERS,
}


def status_dict(snap: Snapshot) -> dict[str, Any]:
    """The JSON `controlroom status` prints (and the local API's /state returns)."""
    p, t = snap.pacing, snap.totals
    seg = None
    if p.segment is not None:
        seg = {
            "index": p.index,
            "uid": p.segment.uid,
            "kind": p.segment.kind.value,
            "title": p.segment.title,
            "product": p.segment.product_sku,
            "elapsed_s": round(p.elapsed_s, 1),
            "planned_s": round(p.planned_s, 1),
            "remaining_s": round(p.remaining_s, 1),
            "phase": p.phase.value,
        }
    q = snap.queue
    return {
        "show_id": snap.info.id,
        "title": snap.info.title,
        "state": p.status.value,
        "show_elapsed_s": round(p.show_elapsed_s, 1),
        "segment": seg,
        "next": p.next_segment.title if p.next_segment else None,
        "ahead_behind_s": round(p.ahead_behind_s, 1),
        "expected_end_s": round(p.expected_end_s, 1),
        "since_interaction_s": round(p.since_interaction_s, 1),
        "interaction_due": p.interaction_due,
        "interaction_overdue": p.interaction_overdue,
        "final_push": p.final_push,
        "promos": {k: {"count": n, "band": band} for k, (n, band) in p.promos.items()},
        "on_shelf": [q.products[s].name for s in q.order if s in q.on_shelf],
        "explaining": q.products[q.explaining].name if q.explaining in q.products else None,
        "stock": {s: q.stock(s) for s in q.order},  # by SKU: names need not be unique
        "totals": {
            "online": t.online,
            "peak_online": t.peak_online,
            "views": t.views,
            "likes": t.likes,
            "comments": t.comments,
            "shares": t.shares,
            "follows": t.follows,
            "gifts": t.gifts,
            "orders": t.orders,
            "gmv": t.gmv,
            "buyers": t.buyers,
            "oversells": q.total_oversells() - int(snap.after_end.get("oversells", 0)),
            "interaction_rate": round(t.interaction_rate, 4),
            "conversion": round(t.conversion, 4),
            "avg_order_value": round(t.avg_order_value, 2),
            "dwell_s": round(t.dwell_s, 1),
        },
        "after_end": snap.after_end,
        "alerts": [{"code": a.code, "severity": a.severity, "message": a.message} for a in snap.alerts],
        "host_message": snap.host_message,
        "host_blink": snap.host_blink,
        "undo": snap.undo,
        # -- sell-out forecast (issue 13): every on-shelf SKU → whole seconds until sold out, or null
        "forecast": {sku: whole_seconds(s) for sku, s in snap.forecast.items()},
        "targets": progress_dict(snap.targets) if snap.targets is not None else None,
    }
