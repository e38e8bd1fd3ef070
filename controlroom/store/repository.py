"""Shows in the database: create, list, append to the log, and rebuild by replay."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from controlroom.core import events as ev
from controlroom.core import targets
from controlroom.core.baseline import ShowMinutes, show_minutes
from controlroom.core.events import Event
from controlroom.core.metrics import Metrics
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowInfo, ShowState
from controlroom.core.undo import undone_ids
from controlroom.models import EventRow, ProductRow, SegmentRow, Show
from controlroom.store import fold_cache
from controlroom.store.db import StoreError
from controlroom.store.rows import EVENT_SELECT, event_row, values_event

_EVENTS = EventRow.__table__
_AGGREGATED = tuple(sorted(ev.FEED_KINDS - {ev.ORDER}))
APPEND_CHUNK = 1000  # rows per INSERT statement of an append


@dataclass(frozen=True)
class ShowSummary:
    id: int
    title: str
    created_at: float
    state: str
    gmv: float


class ShowRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- shows -------------------------------------------------------------
    def create_show(
        self,
        title: str,
        minutes: float,
        plan: Plan,
        products: list[Product],
        settings: ShowSettings,
        *,
        created_at: float,
        room: str = "",
        host: str = "",
        controller: str = "",
        scheduled_at: float | None = None,
    ) -> int:
        """One transaction: the show, its plan and its queue, or nothing."""
        with Session(self.engine) as session, session.begin():
            show = Show(
                title=title, room=room, host=host, controller=controller, created_at=created_at,
                scheduled_at=scheduled_at,
                planned_minutes=minutes, settings_json=json.dumps(settings.to_dict()),
            )
            session.add(show)
            session.flush()
            _write_plan(session, show.id, plan)
            _write_products(session, show.id, products)
            return show.id

    def show_ids(self) -> list[int]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(Show.id).order_by(Show.id)))

    def shows_created_since(self, since: float) -> list[tuple[int, str, float]]:
        """(id, room, created_at) of the shows created at or after `since` (the agency's rooms)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(Show.id, Show.room, Show.created_at).where(Show.created_at >= since))
            return [(int(r.id), r.room or "", float(r.created_at)) for r in rows]

    def latest_show_id(self) -> int:
        with self.engine.connect() as conn:
            show_id = conn.scalar(select(func.max(Show.id)))
        if show_id is None:
            raise StoreError("there is no show in this database yet")
        return int(show_id)

    def previous_show_id(self, show_id: int) -> int | None:
        """The latest earlier show of the same room (when the show has one), else of the same title."""
        return next(iter(self.earlier_show_ids(show_id, 1)), None)

    def earlier_show_ids(self, show_id: int, limit: int) -> list[int]:
        """Up to `limit` earlier shows of the same room (when the show has one), else of the same title, newest first."""
        with Session(self.engine) as session:
            show = self.show_row(session, show_id)
            same = Show.room == show.room if show.room else Show.title == show.title
            earlier = (Show.created_at < show.created_at) | ((Show.created_at == show.created_at) & (Show.id < show.id))
            return list(session.scalars(
                select(Show.id).where(same, earlier, Show.id != show.id)
                .order_by(Show.created_at.desc(), Show.id.desc()).limit(limit)
            ))

    def room_air_rates(self, show_id: int, limit: int = targets.HISTORY_SHOWS) -> dict[str, targets.AirRate]:
        """Per SKU, the orders and time on air of its slots in the room's earlier shows (core/targets.py),
        for default slot targets. Reads only those shows' timer, plan and order events."""
        rates = []
        for earlier in self.earlier_show_ids(show_id, limit):
            log = list(self.events(earlier, targets.HISTORY_KINDS))
            rates.append(targets.air_history(self.load_plan(earlier), log, undone_ids(log)))
        return targets.combine(rates)

    def room_history(self, show_id: int, shows: int) -> list[ShowMinutes]:
        """The per-minute figures (core/baseline.py) of the room's last `shows` shows before
        this one, newest first: same non-empty room, created earlier, started (a show never
        started is skipped), each up to its end (or its newest feed event when it never ended),
        folded by the one feed fold with minute 0 at its start. No room: no history."""
        with Session(self.engine) as session:
            show = self.show_row(session, show_id)
            if not show.room or shows <= 0:
                return []
            earlier = (Show.created_at < show.created_at) | ((Show.created_at == show.created_at) & (Show.id < show.id))
            rows = session.execute(select(Show.id, Show.title).where(Show.room == show.room, earlier, Show.id != show.id)
                                   .order_by(Show.created_at.desc(), Show.id.desc())).all()
        out: list[ShowMinutes] = []
        with self.engine.connect() as conn:
            for sid, title in rows:
                started = conn.scalar(select(func.min(_EVENTS.c.ts)).where(
                    _EVENTS.c.show_id == sid, _EVENTS.c.kind == ev.SHOW_STARTED))
                if started is None:
                    continue
                ended = fold_cache.ended_at(conn, sid)
                metrics = Metrics(origin=float(started), ended_at=ended)
                for e in fold_cache.events(conn, sid, _EVENTS.c.kind.in_((ev.VIEWERS, ev.ORDER))):
                    metrics.apply(e)
                end = ended if ended is not None else max(metrics.latest_ts, float(started))
                out.append(show_minutes(sid, title, float(started), end, metrics))
                if len(out) == shows:
                    break
        return out

    def reopen_show_id(self, now: float, within_s: float = 24 * 3600) -> int:
        """The show to open when none is named: the newest one still on air (running or
        paused, started within `within_s`), else the newest show. After a crash this is
        the show that was running, even if another was created meanwhile."""
        with self.engine.connect() as conn:
            on_air = conn.scalars(
                select(EventRow.show_id).where(EventRow.kind == ev.SHOW_STARTED, EventRow.ts >= now - within_s)
                .order_by(EventRow.show_id.desc())
            ).all()
            for show_id in dict.fromkeys(on_air):
                if self._state(conn, show_id) in ("running", "paused"):
                    return int(show_id)
        return self.latest_show_id()

    def list_shows(self) -> list[ShowSummary]:
        with self.engine.connect() as conn:
            shows = conn.execute(select(Show.id, Show.title, Show.created_at).order_by(Show.id)).all()
            return [ShowSummary(s.id, s.title, s.created_at, self._state(conn, s.id), self._gmv(conn, s.id)) for s in shows]

    def show_state(self, show_id: int) -> str:
        """"planned", "running", "paused" or "ended": the show's state from its log (undo counted)."""
        with self.engine.connect() as conn:
            return self._state(conn, show_id)

    def last_event_at(self, show_id: int) -> float | None:
        """The newest event's time, or None for an empty log."""
        with self.engine.connect() as conn:
            value = conn.scalar(select(func.max(EventRow.ts)).where(EventRow.show_id == show_id))
        return None if value is None else float(value)

    def feed_tail(self, show_id: int) -> tuple[float | None, list[Event]]:
        """The newest feed event's time, and the feed events the log holds at that time."""
        feed = _EVENTS.c.kind.in_(sorted(ev.FEED_KINDS))
        with self.engine.connect() as conn:
            last = conn.scalar(select(func.max(_EVENTS.c.ts)).where(_EVENTS.c.show_id == show_id, feed))
            if last is None:
                return None, []
            q = (select(*(_EVENTS.c[k] for k in EVENT_SELECT))
                 .where(_EVENTS.c.show_id == show_id, feed, _EVENTS.c.ts == last).order_by(_EVENTS.c.id))
            return float(last), [values_event(row) for row in conn.execute(q)]

    def _state(self, conn: Any, show_id: int) -> str:
        undone = undone_ids(fold_cache.events(conn, show_id, _EVENTS.c.kind == ev.UNDONE))
        rows = conn.execute(
            select(EventRow.id, EventRow.kind)
            .where(EventRow.show_id == show_id, EventRow.kind.in_(
                [ev.SHOW_STARTED, ev.SHOW_PAUSED, ev.SHOW_RESUMED, ev.SHOW_ENDED]))
            .order_by(EventRow.id.desc()).limit(len(undone) + 1)
        ).all()
        last = next((kind for id_, kind in rows if id_ not in undone), None)  # an undone pause did not happen
        return {None: "planned", ev.SHOW_PAUSED: "paused", ev.SHOW_ENDED: "ended"}.get(last, "running")

    def _gmv(self, conn: Any, show_id: int) -> float:
        total = conn.scalar(
            select(func.sum(EventRow.value)).where(EventRow.show_id == show_id, EventRow.kind == ev.ORDER)
        )
        return round(float(total or 0.0), 2)

    def show_row(self, session: Session, show_id: int) -> Show:
        show = session.get(Show, show_id)
        if show is None:
            raise StoreError(f"there is no show {show_id}")
        return show

    def load_plan(self, show_id: int) -> Plan:
        """The plan the show was created with: later edits are events (load_show folds them)."""
        with Session(self.engine) as session:
            rows = session.scalars(select(SegmentRow).where(SegmentRow.show_id == show_id).order_by(SegmentRow.position))
            return Plan([_segment(r) for r in rows])

    def load_products(self, show_id: int) -> list[Product]:
        """The products the show was created with: later edits are events (load_show folds them)."""
        with Session(self.engine) as session:
            rows = session.scalars(select(ProductRow).where(ProductRow.show_id == show_id).order_by(ProductRow.position))
            return [_product(r) for r in rows]

    def load_settings(self, show_id: int) -> ShowSettings:
        """The settings the show was created with: later edits are events (load_show folds them)."""
        with Session(self.engine) as session:
            return ShowSettings.from_dict(json.loads(self.show_row(session, show_id).settings_json or "{}"))

    # -- the log -----------------------------------------------------------
    def append(
        self, show_id: int, events: list[Event], *, progress: Callable[[int, int], None] | None = None
    ) -> list[Event]:
        """Commit events now, in one transaction (all or nothing); give each its id. Rows go
        APPEND_CHUNK to a statement (Core insert(), uniform keys, executemany with RETURNING in
        the rows' order); `progress(done, total)` is told after each."""
        stmt = insert(_EVENTS).returning(_EVENTS.c.id, sort_by_parameter_order=True)
        with self.engine.begin() as conn:
            for start in range(0, len(events), APPEND_CHUNK):
                part = events[start : start + APPEND_CHUNK]
                ids = conn.execute(stmt, [event_row(show_id, e) for e in part]).scalars().all()
                for e, id_ in zip(part, ids, strict=True):
                    e.id = id_
                if progress is not None:
                    progress(start + len(part), len(events))
        return events

    def events(
        self, show_id: int, kinds: tuple[str, ...] | None = None, after_id: int = 0, limit: int | None = None
    ) -> Iterator[Event]:
        """The log in order of time (then of arrival), streamed."""
        q = select(*(_EVENTS.c[k] for k in EVENT_SELECT)).where(_EVENTS.c.show_id == show_id, _EVENTS.c.id > after_id)
        if kinds is not None:
            q = q.where(_EVENTS.c.kind.in_(kinds))
        q = q.order_by(_EVENTS.c.ts, _EVENTS.c.id)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(q, execution_options={"stream_results": True, "yield_per": 5000}):
                yield values_event(row)

    def count_events(self, show_id: int) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(_EVENTS).where(_EVENTS.c.show_id == show_id)) or 0)

    # -- replay ------------------------------------------------------------
    def load_show(self, show_id: int) -> ShowState:
        """Rebuild the show from its log with the live fold: what it was created with (plan,
        products, settings), the replay cache's closed minutes (store/fold_cache.py), then every
        event the cache does not hold, in time order — operator events (edits among them) and
        orders one by one, and the rest of the feed."""
        with Session(self.engine) as session:
            show = self.show_row(session, show_id)
            info = ShowInfo(show.id, show.title, show.created_at, show.room, show.host, show.controller,
                            show.scheduled_at)
        state = ShowState.new(info, self.load_plan(show_id), self.load_products(show_id), self.load_settings(show_id))
        with self.engine.connect() as conn:
            _one_snapshot(conn)
            mark = fold_cache.usable_mark(conn, show_id)
            fold_cache.load_into(conn, show_id, state.metrics, mark)
            undone = state.undone = undone_ids(fold_cache.events(conn, show_id, _EVENTS.c.kind == ev.UNDONE))
            for e in fold_cache.events(conn, show_id, fold_cache.not_cached(mark)):
                if e.kind != ev.UNDONE and e.id not in undone:  # an undone action and its undo: neither happened
                    state.apply(e)
            _load_feed_facts(conn, show_id, state)
        return state


def _one_snapshot(conn: Any) -> None:
    """Read the mark, the cached minutes and the rest of the log as of one moment: a
    checkpoint committed between two of these reads would count its minutes twice."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")  # the driver opens none for reads; WAL then keeps the snapshot


def _load_feed_facts(conn: Any, show_id: int, state: ShowState) -> None:
    """What the fold keeps beyond the buckets, for events the cache folded: the latest
    online sample (the show's, before any end), the event ids, the newest event id."""
    when = [_EVENTS.c.show_id == show_id, _EVENTS.c.kind == ev.VIEWERS]
    if state.metrics.ended_at is not None:
        when.append(_EVENTS.c.ts <= state.metrics.ended_at)
    last = conn.execute(select(_EVENTS.c.value, _EVENTS.c.ts).where(*when)
                        .order_by(_EVENTS.c.ts.desc(), _EVENTS.c.id.desc()).limit(1)).first()
    m = state.metrics
    m.online, m.online_ts = (float(last.value or 0.0), float(last.ts)) if last is not None else (0.0, 0.0)
    state.event_ids.update(conn.scalars(select(_EVENTS.c.ref).where(
        _EVENTS.c.show_id == show_id, _EVENTS.c.kind.in_(_AGGREGATED), _EVENTS.c.ref.is_not(None))))
    state.last_event_id = max(state.last_event_id, int(conn.scalar(
        select(func.max(_EVENTS.c.id)).where(_EVENTS.c.show_id == show_id)) or 0))


def _write_plan(session: Session, show_id: int, plan: Plan) -> None:
    for pos, seg in enumerate(plan.segments):
        session.add(SegmentRow(
            show_id=show_id, position=pos, uid=seg.uid, kind=seg.kind.value, title=seg.title,
            planned_s=seg.planned_s, product_sku=seg.product_sku, notes=seg.notes,
            gmv_target=seg.gmv_target, orders_target=seg.orders_target,
        ))


def _write_products(session: Session, show_id: int, products: list[Product]) -> None:
    for pos, p in enumerate(products):
        session.add(ProductRow(
            show_id=show_id, position=pos, sku=p.sku, name=p.name, role=p.role.value, price=p.price,
            stock=p.stock, selling_points=p.selling_points, promo=p.promo,
        ))


def _segment(r: SegmentRow) -> Segment:
    return Segment(SegmentKind(r.kind), r.title, r.planned_s, r.product_sku, r.notes, r.uid,
                   r.gmv_target, r.orders_target)


def _product(r: ProductRow) -> Product:
    return Product(r.sku, r.name, Role(r.role), r.price, r.stock, r.selling_points, r.promo)
