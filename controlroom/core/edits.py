"""The rules of editing a show's products, for every entry point (the plan editor, a
product sheet import, the command line): what may change now, and the events that
record it. Plan and settings edits are in core/plan_edits.py.

A product in use (on air, on shelf, in a segment, or with sales) is never removed; a
product that has sold keeps its SKU (a rename is refused: its orders name that SKU) and
its stock history: a new stock figure for it becomes a stock adjustment, never a rewrite
of its starting stock. Every refusal is a sentence (English; the window translates it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from controlroom.core import edit_log
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.events import Event
from controlroom.core.plan import Plan
from controlroom.core.products import Product
from controlroom.core.queue import QueueState
from controlroom.core.show import ShowState

ADDED, UPDATED, KEPT, REMOVED, REFUSED = "added", "updated", "kept", "removed", "refused"
ACTIONS = (ADDED, UPDATED, KEPT, REMOVED, REFUSED)
CATALOGUE_FIELDS = ("name", "role", "price", "stock", "selling_points", "promo")
IDENTITY_FIELDS = ("name", "role")  # what a sheet may not change on a product in use


@dataclass(frozen=True)
class Change:
    """What an edit does to one product (key = SKU) or one segment (key = uid)."""

    key: str
    name: str
    action: str
    fields: tuple[tuple[str, Any, Any], ...] = ()  # (field, old, new)
    why: str = ""

    def line(self) -> str:
        """One line for the command line: action, key, name, what changes, and why."""
        detail = "; ".join(_field(f, old, new) for f, old, new in self.fields)
        why = f" ({self.why})" if self.why else ""
        return f"{self.action:8} {self.key}  {self.name}" + (f": {detail}" if detail else "") + why


@dataclass
class EditPreview:
    """What an edit will do, before it is applied: per product or segment, and the
    events that apply it (computed again under the service's lock when applied)."""

    what: str  # "products" or "plan"
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    events: list[Event] = field(default_factory=list)

    def count(self, action: str) -> int:
        """How many products (or segments) this action applies to."""
        return len({c.key for c in self.changes if c.action == action})

    def summary(self) -> str:
        parts = [f"{self.count(a)} {a}" for a in ACTIONS if self.count(a)]
        return ", ".join(parts + [f"{self.unchanged} unchanged"])

    def lines(self) -> list[str]:
        return [c.line() for c in self.changes]

    @property
    def changed(self) -> bool:
        return bool(self.events)


# -- what a product is used for ------------------------------------------------------
def on_air_uid(state: ShowState) -> str | None:
    run = state.timer.current
    return run.uid if run is not None and run.ended_at is None else None


def has_sold(q: QueueState, sku: str) -> bool:
    sales = q.sales.get(sku)
    return sales is not None and sales.orders > 0


@dataclass(frozen=True)
class Usage:
    """What the show's products are used for at one moment (`Usage.of(state)`): enough
    to judge an edit without holding the state (the plan editor keeps one while open;
    the service judges again under its lock)."""

    live: dict[str, str]  # SKU → "is on air", "is on shelf" or "has sales"
    stock_history: frozenset[str]  # SKUs that have sold or had their stock adjusted
    on_air: str | None = None  # uid of the segment on air

    @classmethod
    def of(cls, state: ShowState) -> Usage:
        q = state.queue
        uid = on_air_uid(state)
        i = state.plan.index_of(uid) if uid else None
        on_air = {q.explaining, state.plan.segments[i].product_sku if i is not None else None}
        live: dict[str, str] = {}
        for sku in q.order:
            if sku in on_air:
                live[sku] = "is on air"
            elif sku in q.on_shelf:
                live[sku] = "is on shelf"
            elif has_sold(q, sku):
                live[sku] = "has sales"
        history = frozenset(s for s in q.order if has_sold(q, s) or s in q.stock_delta)
        return cls(live, history, uid)

    def removal_refusal(self, sku: str, plan: Plan) -> str | None:
        """Why `sku` cannot leave the show whose plan is (or will be) `plan`."""
        use = self.live.get(sku)
        if use:
            return f"{sku} {use}: it cannot be removed"
        used = segments_using(plan, sku)
        if used:
            return f"{sku} is used by segment(s) {', '.join(map(str, used))}: change them first"
        return None

    def rename_refusal(self, sku: str) -> str | None:
        """Why `sku` cannot take another SKU (its segments would follow it)."""
        use = self.live.get(sku)
        return f"{sku} {use}: its SKU cannot change" if use else None

    def stock_refusal(self, sku: str) -> str | None:
        """Why the starting stock of `sku` cannot be edited (its stock has a history)."""
        if sku in self.stock_history:
            return f"{sku} has sold or had its stock adjusted: set its stock in the queue"
        return None


def segments_using(plan: Plan, sku: str) -> list[int]:
    return [i + 1 for i, s in enumerate(plan.segments) if s.product_sku == sku]


def catalogue_stock(q: QueueState, sku: str, adjusted: Mapping[str, int]) -> int:
    """The stock figure the product sheets last gave: the starting stock plus the stock
    adjustments imports made (not the operator's own)."""
    return q.products[sku].stock + int(adjusted.get(sku, 0))


def catalogue_adjustments(events: Iterable[Event]) -> dict[str, int]:
    """Per SKU, the stock adjustments made by sheet imports (for catalogue_stock)."""
    out: dict[str, int] = {}
    for e in events:
        if e.kind == ev.STOCK_ADJUSTED and e.product and e.text == edit_log.STOCK_IMPORT:
            out[e.product] = out.get(e.product, 0) + int(e.qty or 0)
    return out


# -- checking a whole product list --------------------------------------------------
def row_problems(wanted: list[Product]) -> list[str]:
    """A product list's own faults: a bad field, a SKU twice (rows counted from 1)."""
    out: list[str] = []
    seen: set[str] = set()
    for i, p in enumerate(wanted, start=1):
        try:
            p.validate()
        except ValueError as exc:
            out.append(f"product row {i}: {exc}")
        if p.sku in seen:
            out.append(f"product row {i}: SKU {p.sku} appears twice")
        seen.add(p.sku)
    return out


def product_problems(state: ShowState, wanted: list[Product], plan: Plan | None = None) -> list[str]:
    """Every reason the show cannot take exactly `wanted` as its products (with `plan`)."""
    q = state.queue
    return check_products(Usage.of(state), [q.products[s] for s in q.order], wanted,
                          plan if plan is not None else state.plan)


def check_products(usage: Usage, before: list[Product], wanted: list[Product], plan: Plan) -> list[str]:
    """Every reason `before` (judged by `usage`) cannot become `wanted` with `plan`."""
    out = row_problems(wanted)
    old = {p.sku: p for p in before}
    for p in wanted:
        why = usage.stock_refusal(p.sku)
        if why and p.sku in old and p.stock != old[p.sku].stock:
            out.append(why)
    kept = {p.sku for p in wanted}
    for sku in old:
        why = None if sku in kept else usage.removal_refusal(sku, plan)
        if why:
            out.append(why)
    return out


def sheet_into(before: list[Product], sheet: list[Product], usage: Usage, plan: Plan, started: bool) -> list[Product]:
    """The product list a sheet makes of `before` by the import rules, for a draft that is
    saved later as a whole (the plan editor): new products added, changed ones updated,
    but a product in use keeps its name and role, one with a stock history its stock
    (that is set in the queue), and the missing ones are kept as merge_products keeps them."""
    old = {p.sku: p for p in before}
    merged: dict[str, Product] = {}
    for p in sheet:
        was = old.get(p.sku)
        if was is not None:
            p = keep_blanks(was, p)
        if was is not None and usage.live.get(p.sku):
            p = replace(p, name=was.name, role=was.role)
        if was is not None and p.sku in usage.stock_history:
            p = replace(p, stock=was.stock)
        merged[p.sku] = p
    if started:  # the queue keeps its order; new products at the end
        return [merged.get(p.sku, p) for p in before] + [p for sku, p in merged.items() if sku not in old]
    return list(merged.values()) + [p for p in before if p.sku not in merged and usage.removal_refusal(p.sku, plan)]


# -- the edit ------------------------------------------------------------------------
def edit_products(state: ShowState, wanted: list[Product], now: float, plan: Plan | None = None) -> EditPreview:
    """The show's products become exactly `wanted` (the plan editor, `update_products`),
    serving `plan` (default the show's). Raises CommandError with the first problem."""
    problems = product_problems(state, wanted, plan)
    if problems:
        raise CommandError(problems[0])
    preview = _diff(state, Usage.of(state), wanted, now, {}, guard_identity=False)
    kept = {p.sku for p in wanted}
    for sku in state.queue.order:
        if sku not in kept:
            preview.changes.append(Change(sku, state.queue.products[sku].name, REMOVED))
            preview.events.append(edit_log.product_removed(now, state.queue.products[sku]))
    _order(state, preview, [p.sku for p in wanted], now)
    return preview


def merge_products(
    state: ShowState, sheet: list[Product], now: float, adjusted: Mapping[str, int] | None = None,
) -> EditPreview:
    """A product sheet into the show: new products added, changed ones updated; nothing in
    use removed or renamed, no sales or stock history rewritten. Products missing from
    the sheet are kept once the show has started; before, the unused ones are removed
    and the queue takes the sheet's order. `adjusted`: catalogue_adjustments of the log.
    Raises CommandError for a bad sheet row (nothing is changed then)."""
    problems = row_problems(sheet)
    if problems:
        raise CommandError(problems[0])
    usage = Usage.of(state)
    preview = _diff(state, usage, sheet, now, adjusted or {}, guard_identity=True)
    started = state.timer.started_at is not None
    in_sheet = {p.sku for p in sheet}
    kept = []
    for sku in [s for s in state.queue.order if s not in in_sheet]:
        product = state.queue.products[sku]
        why = "not in the sheet" if started else usage.removal_refusal(sku, state.plan)
        if why:
            preview.changes.append(Change(sku, product.name, KEPT, why=why))
            kept.append(sku)
        else:
            preview.changes.append(Change(sku, product.name, REMOVED, why="not in the sheet"))
            preview.events.append(edit_log.product_removed(now, product))
    if not started:
        _order(state, preview, [p.sku for p in sheet] + kept, now)
    return preview


def _diff(
    state: ShowState, usage: Usage, wanted: list[Product], now: float, adjusted: Mapping[str, int],
    *, guard_identity: bool,
) -> EditPreview:
    """Added and updated products of `wanted` (removals are the caller's)."""
    preview = EditPreview("products")
    for p in wanted:
        old = state.queue.products.get(p.sku)
        if old is None:
            preview.changes.append(Change(p.sku, p.name, ADDED))
            preview.events.append(edit_log.product_added(now, p))
            continue
        use = usage.live.get(p.sku) if guard_identity else None
        if guard_identity:
            p = keep_blanks(old, p)
        changes, events = _update(state.queue, old, p, now, catalogue_stock(state.queue, p.sku, adjusted), use)
        if changes:
            preview.changes += changes
            preview.events += events
        else:
            preview.unchanged += 1
    return preview


def keep_blanks(old: Product, new: Product) -> Product:
    """A sheet's empty selling points or promo (or a sheet without those columns) leaves
    the product's as they are: a merge changes what the sheet says, not what it omits."""
    return replace(new, selling_points=new.selling_points or old.selling_points, promo=new.promo or old.promo)


def _update(
    q: QueueState, old: Product, new: Product, now: float, base: int, use: str | None,
) -> tuple[list[Change], list[Event]]:
    """The changes and events that bring `old` to `new` (none when they are the same).
    `base`: the stock figure `new.stock` is compared with; `use`: why the product's name
    and role must stay (None: they may change)."""
    sku = old.sku
    target = replace(new, stock=old.stock, extra=dict(old.extra))
    fields = [(f, getattr(old, f), getattr(new, f)) for f in CATALOGUE_FIELDS
              if f != "stock" and getattr(old, f) != getattr(new, f)]
    changes: list[Change] = []
    refused = [f for f in fields if use and f[0] in IDENTITY_FIELDS]
    if refused:
        fields = [f for f in fields if f not in refused]
        target = replace(target, **{f: old_v for f, old_v, _ in refused})
        changes.append(Change(sku, old.name, REFUSED, tuple(refused), f"{sku} {use}: its name and role stay as they are"))
    stock_events: list[Event] = []
    if new.stock != base and not (has_sold(q, sku) or sku in q.stock_delta):
        target = replace(target, stock=new.stock)
        fields.append(("stock", old.stock, new.stock))
    elif new.stock != base:  # what was sold stays sold: the difference is an adjustment
        delta = new.stock - base
        left = q.stock(sku) + delta
        if left < 0:
            changes.append(Change(sku, old.name, REFUSED, (("stock", base, new.stock),),
                                  f"{sku}: stock {new.stock} would leave {left} after what was sold"))
        else:
            stock_events.append(Event(ev.STOCK_ADJUSTED, now, product=sku, qty=delta, value=float(left),
                                      text=edit_log.STOCK_IMPORT))
            changes.append(Change(sku, old.name, UPDATED, (("stock", base, new.stock),),
                                  f"{delta:+d} as a stock adjustment: what was sold stays sold, {left} left"))
    if not fields:
        return changes, stock_events
    changes.insert(0, Change(sku, old.name, UPDATED, tuple(fields)))
    return changes, [edit_log.product_updated(now, old, target), *stock_events]


def _order(state: ShowState, preview: EditPreview, wanted: list[str], now: float) -> None:
    """A products_ordered event when the queue would not end in `wanted`'s order."""
    removed = {e.product for e in preview.events if e.kind == ev.PRODUCT_REMOVED}
    added = [e.product for e in preview.events if e.kind == ev.PRODUCT_ADDED]
    after = [s for s in state.queue.order if s not in removed] + [s for s in added if s]
    if after != wanted:
        preview.events.append(edit_log.products_ordered(now, wanted))


def _field(name: str, old: Any, new: Any) -> str:
    if name == "planned_s":
        return f"minutes {_show(old / 60)} → {_show(new / 60)}"
    if name == "order":
        return "order"
    return f"{name} {_show(old)} → {_show(new)}"


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "value"):  # an enum (role)
        return str(value.value)
    return f"{value:g}" if isinstance(value, float) else str(value)
