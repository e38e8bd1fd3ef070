"""The rehearsal simulator: a seeded, deterministic live room, one simulated second a step.

Viewers arrive and leave (online settles where arrivals balance departures), comment,
like, share, follow and buy on-shelf products at their prices. The room reacts to the
show: an interaction lifts comments and follows, a traffic driver being explained lifts
viewers, the final push lifts orders, a sold-out product sells no more. Once the show has
ended (core/show_span.py) the room is gone: no viewers, no chatter, no orders.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import SegmentKind
from controlroom.core.products import Role
from controlroom.core.show import ShowState
from controlroom.core.show_span import is_after_end
from controlroom.feeds.sample_texts import DEFAULT_LANGUAGE, RoomTexts, room_texts

ROLE_APPEAL = {Role.TRAFFIC: 1.5, Role.PROFIT: 1.0, Role.IMAGE: 0.35}


@dataclass(frozen=True)
class ShelfItem:
    sku: str
    price: float
    stock: int
    role: Role


@dataclass(frozen=True)
class RoomContext:
    """What the simulated audience can see of the show this second."""

    progress: float
    segment_kind: SegmentKind | None
    explaining: ShelfItem | None
    on_shelf: tuple[ShelfItem, ...]
    final_push: bool
    ended: bool = False


def room_context(state: ShowState, now: float) -> RoomContext:
    p = state.pacing(now)
    q = state.queue
    items = {
        sku: ShelfItem(sku, q.products[sku].price, q.stock(sku), q.products[sku].role)
        for sku in q.order
    }
    return RoomContext(
        progress=min(1.0, p.show_elapsed_s / p.planned_total_s) if p.planned_total_s else 0.0,
        segment_kind=p.segment.kind if p.segment else None,
        explaining=items.get(q.explaining or ""),
        on_shelf=tuple(items[s] for s in q.order if s in q.on_shelf),
        final_push=p.final_push,
        ended=is_after_end(now, state.timer.ended_at),
    )


@dataclass
class RoomSimulator:
    """Attributes: online (viewers now), entries (cumulative), peak audience scale."""

    seed: int = 1
    audience: float = 1500.0
    dwell_s: float = 90.0
    online: float = 0.0
    entries: int = 0
    _rng: random.Random = field(init=False)
    _order_seq: int = 0
    _second: int = 0
    language: str = DEFAULT_LANGUAGE  # of the comments (feeds/sample_texts.py)
    _texts: RoomTexts = field(init=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._texts = room_texts(self.language)

    def step(self, now: float, ctx: RoomContext) -> list[Event]:
        """The events of one simulated second ending at `now`; none after the show's end."""
        if ctx.ended:
            return []
        self._second += 1
        out: list[Event] = []
        self._move_audience(ctx)
        if self._second % 5 == 0:
            out.append(Event(ev.VIEWERS, now, value=float(int(self.online)), qty=self.entries))
        out += self._chatter(now, ctx)
        out += self._orders(now, ctx)
        return out

    def _target(self, ctx: RoomContext) -> float:
        ramp = min(1.0, 0.15 + ctx.progress * 8)
        wave = 1.0 + 0.15 * math.sin(ctx.progress * 12)
        boost = 1.0
        if ctx.explaining is not None and ctx.explaining.role == Role.TRAFFIC:
            boost *= 1.4
        if ctx.explaining is not None and ctx.explaining.role == Role.IMAGE:
            boost *= 0.85
        if ctx.segment_kind == SegmentKind.INTERACTION:
            boost *= 1.2
        if ctx.final_push:
            boost *= 1.1
        return self.audience * ramp * wave * boost

    def _move_audience(self, ctx: RoomContext) -> None:
        arrivals = self._poisson(self._target(ctx) / self.dwell_s)
        departures = min(self.online, self._poisson(self.online / self.dwell_s))
        self.online = max(0.0, self.online + arrivals - departures)
        self.entries += arrivals

    def _chatter(self, now: float, ctx: RoomContext) -> list[Event]:
        lively = 3.0 if ctx.segment_kind == SegmentKind.INTERACTION else 1.0
        out = [self._comment(now) for _ in range(self._poisson(self.online * 0.002 * lively))]
        likes = self._poisson(self.online * 0.02 * lively)
        if likes:
            out.append(Event(ev.LIKE, now, qty=likes))
        out += [Event(ev.SHARE, now, user=self._user()) for _ in range(self._poisson(self.online * 0.0003))]
        out += [Event(ev.FOLLOW, now, user=self._user()) for _ in range(self._poisson(self.online * 0.0005 * lively))]
        if self._rng.random() < self.online * 0.00002:
            out.append(Event(ev.GIFT, now, user=self._user(), qty=1, value=1.0, text=self._texts.gift))
        return out

    def _comment(self, now: float) -> Event:
        r = self._rng.random()
        t = self._texts
        pool = t.negative if r < 0.04 else t.questions if r < 0.2 else t.comments
        return Event(ev.COMMENT, now, user=self._user(), text=self._rng.choice(pool))

    def _orders(self, now: float, ctx: RoomContext) -> list[Event]:
        out: list[Event] = []
        for item in ctx.on_shelf:
            if item.stock <= 0:
                continue
            rate = self.online * 0.00003 * ROLE_APPEAL[item.role]
            if ctx.explaining is not None and ctx.explaining.sku == item.sku:
                rate *= 8
            if ctx.final_push:
                rate *= 2
            left = item.stock
            for _ in range(self._poisson(rate)):
                qty = min(left, self._rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 3)))
                if qty <= 0:
                    break
                left -= qty
                self._order_seq += 1
                out.append(Event(
                    ev.ORDER, now, user=self._user(), product=item.sku, qty=qty,
                    value=round(item.price * qty, 2), ref=f"SIM-{self.seed}-{self._order_seq}",
                ))
        return out

    def _user(self) -> str:
        return f"u{self._rng.randrange(max(1, self.entries) + 1)}"

    def _poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, round(self._rng.gauss(lam, math.sqrt(lam))))
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self._rng.random()
            if p <= limit:
                return k
            k += 1
