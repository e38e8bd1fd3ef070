"""Edit events: what they carry, and how they fold into a show's plan, products and settings.

The show's side tables hold only what it was created with; every later edit is one of
these events (documented in core/events.py), so the plan and products at any moment are
the creation plus the edits logged up to then. A fold never raises: an event it cannot
read (a hand-edited database) is left out rather than making the show unopenable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind, target_problem
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings

if TYPE_CHECKING:
    from controlroom.core.show import ShowState

PRODUCT_FIELDS = ("name", "role", "price", "stock", "selling_points", "promo")
# The reason of the stock adjustment an import makes (a sheet's new figure for a product that has sold).
STOCK_IMPORT = "import"


def product_data(p: Product) -> dict[str, Any]:
    data: dict[str, Any] = {f: getattr(p, f) for f in PRODUCT_FIELDS}
    data["role"] = p.role.value
    if p.extra:
        data["extra"] = dict(p.extra)
    return data


def product_of(sku: str, data: dict[str, Any]) -> Product:
    return Product(
        sku, str(data["name"]), Role(data["role"]), float(data["price"]), int(data["stock"]),
        str(data.get("selling_points", "")), str(data.get("promo", "")), dict(data.get("extra") or {}),
    )


def segment_data(s: Segment) -> dict[str, Any]:
    data = {"uid": s.uid, "kind": s.kind.value, "title": s.title, "planned_s": s.planned_s,
            "product": s.product_sku, "notes": s.notes}
    if s.gmv_target is not None:  # only when set: a plan without targets logs what it always did
        data["gmv_target"] = s.gmv_target
    if s.orders_target is not None:
        data["orders_target"] = s.orders_target
    return data


def segment_of(d: dict[str, Any]) -> Segment:
    """A logged segment; one logged before targets existed has none. Raises ValueError/KeyError/TypeError."""
    gmv, orders = d.get("gmv_target"), d.get("orders_target")
    if target_problem(gmv, orders):
        raise ValueError(f"segment {d.get('uid')}: {target_problem(gmv, orders)}")
    return Segment(SegmentKind(d["kind"]), str(d["title"]), float(d["planned_s"]), d.get("product") or None,
                   str(d.get("notes", "")), str(d["uid"]), None if gmv is None else float(gmv), orders)


def plan_set(now: float, plan: Plan) -> Event:
    return Event(ev.PLAN_SET, now, qty=len(plan.segments), data={"segments": [segment_data(s) for s in plan.segments]})


def product_added(now: float, p: Product) -> Event:
    return Event(ev.PRODUCT_ADDED, now, product=p.sku, data=product_data(p))


def product_updated(now: float, old: Product, new: Product) -> Event:
    data = product_data(new)
    data["was"] = {f: v for f, v in product_data(old).items() if data.get(f) != v}
    return Event(ev.PRODUCT_UPDATED, now, product=new.sku, data=data)


def product_removed(now: float, p: Product) -> Event:
    return Event(ev.PRODUCT_REMOVED, now, product=p.sku, data={"name": p.name})


def products_ordered(now: float, skus: list[str]) -> Event:
    return Event(ev.PRODUCTS_ORDERED, now, qty=len(skus), data={"skus": list(skus)})


def settings_changed(now: float, changes: dict[str, Any]) -> Event:
    return Event(ev.SETTINGS_CHANGED, now, qty=len(changes), data=dict(changes))


def edit_marker(now: float, what: str, count: int) -> Event:
    """The end of one edit: what the window and the log panel listen for."""
    return Event(ev.PLAN_EDITED, now, ref=what, qty=count)


# -- the fold ----------------------------------------------------------------
def _plan_set(s: ShowState, e: Event) -> None:
    try:
        segments = [segment_of(d) for d in (e.data or {})["segments"]]
    except (KeyError, TypeError, ValueError):
        return
    s.plan = Plan(segments)


def _product_put(s: ShowState, e: Event) -> None:
    """Added or updated: the product's fields; a new SKU goes to the end of the queue."""
    sku = e.product
    if not sku:
        return
    try:
        product = product_of(sku, e.data or {})
    except (KeyError, TypeError, ValueError):
        return
    q = s.queue
    if sku not in q.products:
        q.order.append(product.sku)
    q.products[product.sku] = product


def _product_removed(s: ShowState, e: Event) -> None:
    q, sku = s.queue, e.product or ""
    if sku not in q.products:
        return
    del q.products[sku]
    q.order = [k for k in q.order if k != sku]
    q.on_shelf.discard(sku)
    if q.explaining == sku:
        q.explaining = None
    q.stock_delta.pop(sku, None)
    sales = q.sales.get(sku)
    if sales is not None and not sales.orders:  # only an unsold product can be removed
        del q.sales[sku]


def _products_ordered(s: ShowState, e: Event) -> None:
    q = s.queue
    wanted = [k for k in dict.fromkeys((e.data or {}).get("skus") or []) if k in q.products]
    named = set(wanted)
    q.order = wanted + [k for k in q.order if k not in named]


def _settings_changed(s: ShowState, e: Event) -> None:
    try:
        s.settings = ShowSettings.from_dict({**s.settings.to_dict(), **(e.data or {})})
    except (TypeError, ValueError):
        return


EDIT_HANDLERS: dict[str, Callable[[ShowState, Event], None]] = {
    ev.PLAN_SET: _plan_set,
    ev.PRODUCT_ADDED: _product_put,
    ev.PRODUCT_UPDATED: _product_put,
    ev.PRODUCT_REMOVED: _product_removed,
    ev.PRODUCTS_ORDERED: _products_ordered,
    ev.SETTINGS_CHANGED: _settings_changed,
}
