"""The run of show (直播脚本): segments, and the default plan built from the playbook."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field, replace
from enum import Enum

from controlroom.core.products import Product, Role
from controlroom.core.sample_words import PlanWords, plan_words
from controlroom.core.settings import ShowSettings


class SegmentKind(str, Enum):
    OPENING = "opening"
    PRODUCT = "product"
    INTERACTION = "interaction"
    FINAL_PUSH = "final_push"
    CLOSING = "closing"
    FREE = "free"


def new_uid() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class Segment:
    kind: SegmentKind
    title: str
    planned_s: float
    product_sku: str | None = None
    notes: str = ""
    uid: str = field(default_factory=new_uid)
    gmv_target: float | None = None  # ¥ the slot should take (like prices); None: no target
    orders_target: int | None = None  # orders the slot should take; None: no target

    def validate(self) -> None:
        if self.planned_s <= 0:
            raise ValueError(f"segment {self.title!r}: planned duration must be positive")
        if self.kind == SegmentKind.PRODUCT and not self.product_sku:
            raise ValueError(f"segment {self.title!r}: a product slot needs a product")
        problem = target_problem(self.gmv_target, self.orders_target)
        if problem:
            raise ValueError(f"segment {self.title!r}: {problem}")


MAX_GMV_TARGET = 1e10  # ¥: beyond any show, and still exact in cents
MAX_ORDERS_TARGET = 10**8


def target_problem(gmv_target: float | None, orders_target: int | None) -> str | None:
    """Why a segment's targets cannot be (None: they can): each absent, or finite and not negative."""
    if gmv_target is not None:
        if isinstance(gmv_target, bool) or not isinstance(gmv_target, (int, float)):
            return "the GMV target must be a number"
        if not math.isfinite(gmv_target) or not 0 <= gmv_target <= MAX_GMV_TARGET:
            return f"the GMV target must be between 0 and {MAX_GMV_TARGET:.0f}"
    if orders_target is not None:
        if isinstance(orders_target, bool) or not isinstance(orders_target, int):
            return "the order target must be a whole number"
        if not 0 <= orders_target <= MAX_ORDERS_TARGET:
            return f"the order target must be between 0 and {MAX_ORDERS_TARGET}"
    return None


@dataclass
class Plan:
    segments: list[Segment] = field(default_factory=list)

    def index_of(self, uid: str | None) -> int | None:
        for i, seg in enumerate(self.segments):
            if seg.uid == uid:
                return i
        return None

    def total_s(self) -> float:
        return sum(s.planned_s for s in self.segments)

    def offsets(self) -> list[float]:
        """Planned start of each segment, in seconds from the show's start."""
        out, t = [], 0.0
        for seg in self.segments:
            out.append(t)
            t += seg.planned_s
        return out


def queue_order(products: list[Product]) -> list[Product]:
    """Traffic drivers first, then the rest in their given order (stable)."""
    rank = {Role.TRAFFIC: 0, Role.PROFIT: 1, Role.IMAGE: 1}
    return sorted(products, key=lambda p: rank[p.role])


def default_plan(minutes: float, products: list[Product], settings: ShowSettings | None = None,
                 words: PlanWords | None = None) -> Plan:
    """Opening, product slots in queue order with an interaction at least every
    `interaction_alarm_minutes`, the final push over the last minutes, then closing;
    titles and notes in `words`' language (English by default)."""
    s = settings or ShowSettings()
    w = words or plan_words()
    total = minutes * 60.0
    opening = s.opening_minutes * 60
    closing = s.closing_minutes * 60
    push = s.final_push_minutes * 60
    if total < opening + closing + push + 60:
        raise ValueError(
            f"a {minutes:g}-minute show is too short for the opening, final push and closing"
        )
    segments = [Segment(SegmentKind.OPENING, w.opening, opening, notes=w.opening_notes)]
    body_end = total - push - closing
    segments += _body(opening, body_end, queue_order(products), s, w)
    segments.append(Segment(SegmentKind.FINAL_PUSH, w.final_push, push, notes=w.final_push_notes))
    segments.append(Segment(SegmentKind.CLOSING, w.closing, closing, notes=w.closing_notes))
    return Plan(segments)


def _body(start: float, end: float, products: list[Product], s: ShowSettings, w: PlanWords) -> list[Segment]:
    """Fill [start, end) with product slots (cycling the queue) and interactions, so that
    no stretch from the show's start or an interaction to the next passes the alarm."""
    slot = s.slot_max_minutes * 60
    gap_limit = s.interaction_alarm_minutes * 60
    inter = s.interaction_minutes * 60
    out: list[Segment] = []
    t, since_interaction, i = start, 0.0, 0
    while end - t >= 60:
        length = _fit(slot, end - t)
        if not products or t - since_interaction + length > gap_limit:
            length = _fit(inter, end - t)
            out.append(Segment(SegmentKind.INTERACTION, w.interaction, length, notes=w.interaction_notes))
            since_interaction = t + length
        else:
            out.append(_product_slot(products[i % len(products)], length, w))
            i += 1
        t += length
    if out and end - t > 0:
        out[-1] = replace(out[-1], planned_s=out[-1].planned_s + (end - t))
    return out


def _fit(length: float, left: float) -> float:
    """A segment's length, taking the rest when less than a minute would be left over."""
    return left if left - length < 60 else length


def _product_slot(product: Product, length: float, w: PlanWords) -> Segment:
    notes = "\n".join(w.explanation_arc)
    if product.selling_points:
        notes = f"{product.selling_points}\n{notes}"
    return Segment(SegmentKind.PRODUCT, product.name, length, product_sku=product.sku, notes=notes)
