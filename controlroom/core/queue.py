"""The product queue during a show: shelf state, explaining now, stock, sales, oversells."""

from __future__ import annotations

from dataclasses import dataclass, field

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.money import cents, yuan
from controlroom.core.products import Product


@dataclass
class ProductSales:
    orders: int = 0
    quantity: int = 0
    gmv_cents: int = 0
    oversells: int = 0
    sold_out_at: float | None = None

    @property
    def gmv(self) -> float:
        return yuan(self.gmv_cents)


@dataclass
class QueueState:
    """Products in queue order, and what the log says happened to them."""

    products: dict[str, Product] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    on_shelf: set[str] = field(default_factory=set)
    explaining: str | None = None
    stock_delta: dict[str, int] = field(default_factory=dict)
    sales: dict[str, ProductSales] = field(default_factory=dict)
    unknown_sales: ProductSales = field(default_factory=ProductSales)
    shelf_times: dict[str, list[tuple[float, float | None]]] = field(default_factory=dict)

    @classmethod
    def of(cls, products: list[Product]) -> QueueState:
        q = cls()
        q.set_products(products)
        return q

    def set_products(self, products: list[Product]) -> None:
        self.products = {p.sku: p for p in products}
        self.order = [p.sku for p in products]

    def stock(self, sku: str) -> int:
        product = self.products.get(sku)
        start = product.stock if product else 0
        sold = self.sales[sku].quantity if sku in self.sales else 0
        return start + self.stock_delta.get(sku, 0) - sold

    def is_low(self, sku: str, low_units: int) -> bool:
        return 0 < self.stock(sku) <= low_units

    def is_sold_out(self, sku: str) -> bool:
        return self.stock(sku) <= 0

    def order_flag(self, sku: str | None, qty: int) -> str | None:
        """Why an order is unexpected (it is counted all the same), or None."""
        if not sku or sku not in self.products:
            return ev.FLAG_UNKNOWN_PRODUCT
        if sku not in self.on_shelf:
            return ev.FLAG_OFF_SHELF
        left = self.stock(sku)
        if left <= 0:
            return ev.FLAG_SOLD_OUT
        return ev.FLAG_OVERSELL if left < qty else None

    def resolve_sku(self, key: str | None) -> str | None:
        """An order may name the product by SKU or by name."""
        if key is None or key in self.products:
            return key
        for sku, p in self.products.items():
            if p.name == key:
                return sku
        return key

    def apply(self, e: Event) -> None:
        handler = _HANDLERS.get(e.kind)
        if handler is not None:
            handler(self, e)

    def total_oversells(self) -> int:
        return sum(s.oversells for s in self.sales.values()) + self.unknown_sales.oversells


def _on_shelf(q: QueueState, e: Event) -> None:
    sku = e.product or ""
    if sku not in q.on_shelf:
        q.on_shelf.add(sku)
        q.shelf_times.setdefault(sku, []).append((e.ts, None))


def _off_shelf(q: QueueState, e: Event) -> None:
    sku = e.product or ""
    if sku in q.on_shelf:
        q.on_shelf.discard(sku)
        spans = q.shelf_times.get(sku)
        if spans and spans[-1][1] is None:
            spans[-1] = (spans[-1][0], e.ts)
    if q.explaining == sku:
        q.explaining = None


def _explaining(q: QueueState, e: Event) -> None:
    q.explaining = e.product or None


def _stock(q: QueueState, e: Event) -> None:
    sku = e.product or ""
    q.stock_delta[sku] = q.stock_delta.get(sku, 0) + int(e.qty or 0)
    _note_sold_out(q, sku, e.ts)


def _order(q: QueueState, e: Event) -> None:
    sku = e.product
    # Whose sale it is was decided on arrival (the flag), not by the products at the
    # order's time: replayed in time order, a late order may come before the edit
    # that added its product.
    known = sku in q.products if e.flag == ev.FLAG_MANUAL else e.flag != ev.FLAG_UNKNOWN_PRODUCT
    sales = q.sales.setdefault(sku, ProductSales()) if known and sku else q.unknown_sales
    sales.orders += 1
    sales.quantity += int(e.qty or 1)
    sales.gmv_cents += cents(e.value)
    if e.flag and e.flag != ev.FLAG_MANUAL:
        sales.oversells += 1
    if sales is not q.unknown_sales:
        _note_sold_out(q, sku or "", e.ts)


def sold_out_since(since: float | None, stock_left: int, ts: float) -> float | None:
    """The sold-out rule (the queue's and the recap's): sold out from the moment stock
    reaches 0 until stock is added back; a restock clears it. `since` is the value before
    this order or adjustment at `ts` left `stock_left` units."""
    if stock_left > 0:
        return None
    return since if since is not None else ts


def _note_sold_out(q: QueueState, sku: str, ts: float) -> None:
    sales = q.sales.setdefault(sku, ProductSales())
    sales.sold_out_at = sold_out_since(sales.sold_out_at, q.stock(sku), ts)


_HANDLERS = {
    ev.PRODUCT_ON_SHELF: _on_shelf,
    ev.PRODUCT_OFF_SHELF: _off_shelf,
    ev.EXPLAINING_STARTED: _explaining,
    ev.STOCK_ADJUSTED: _stock,
    ev.ORDER: _order,
}
