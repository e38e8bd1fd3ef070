"""Per SKU in the recap: stock at the show's start, sell-through, first sell-out, time on
shelf, oversells, and GPM / UV value while explained. Definitions: docs/recap.md
"Money per view, slots, interactions, SKUs"; the sums and counts are the Products sheet's
(core/recap.py), so the two sheets agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.recap_money import Audience, Basis, MoneyPerView, money_per_view
from controlroom.core.show import ShowState

if TYPE_CHECKING:
    from controlroom.core.recap_figures import ProductRecap


class StartStock:
    """Each product's stock at the show's start, from the log streamed in order: the
    catalogue's stock then (its last edit before the start; after the start, the first edit's
    old value says what it was) plus the stock adjustments before the start. A product
    added after the start starts with the stock it was added with."""

    def __init__(self, state: ShowState) -> None:
        self._final = {sku: p.stock for sku, p in state.queue.products.items()}
        self._catalogue: dict[str, int] = {}
        self._adjusted: dict[str, int] = {}
        self._started = False

    def add(self, e: Event) -> None:
        sku, k = e.product, e.kind
        if k == ev.SHOW_STARTED:
            self._started = True
        elif not sku:
            return
        elif k == ev.STOCK_ADJUSTED and not self._started:
            self._adjusted[sku] = self._adjusted.get(sku, 0) + int(e.qty or 0)
        elif k in _PUT and (not self._started or sku not in self._catalogue):
            stock = _stock_before(e) if self._started else (e.data or {}).get("stock")
            if isinstance(stock, int | float):
                self._catalogue[sku] = int(stock)

    def at_start(self) -> dict[str, int]:
        return {sku: self._catalogue.get(sku, final) + self._adjusted.get(sku, 0) for sku, final in self._final.items()}


_PUT = (ev.PRODUCT_ADDED, ev.PRODUCT_UPDATED)


def _stock_before(e: Event) -> object:
    """The stock before an edit: an update's old value when it changed it (else it is the
    same), or what a product added later came with."""
    data = e.data or {}
    was = data.get("was") or {}
    return was.get("stock", data.get("stock")) if e.kind == ev.PRODUCT_UPDATED else data.get("stock")


@dataclass(frozen=True)
class SkuRecap:
    row: str  # a ProductRecap row kind: product, unknown, manual
    sku: str
    name: str
    stock_start: int
    sold: int  # units
    orders: int
    gmv_cents: int
    oversells: int
    shelf_s: float
    sold_out_at: float | None  # when its stock first reached 0; None: never
    sold_out_after_s: float | None  # that, from the show's start
    gmv_explained_cents: int
    explained: MoneyPerView | None  # GPM / UV value while explained; None: never explained

    @property
    def sell_through(self) -> float | None:
        """Units sold ÷ stock at the start; None without starting stock."""
        return self.sold / self.stock_start if self.stock_start > 0 else None


def sku_rows(products: list[ProductRecap], explained: dict[str, Audience], basis: Basis,
             t0: float) -> list[SkuRecap]:
    """A row per Products row (the unknown and typed-in rows too, so the totals agree)."""
    out = []
    for p in products:
        first = p.sold_out_times[0] if p.sold_out_times else None
        audience = explained.get(p.sku)
        out.append(SkuRecap(
            p.row, p.sku, p.name, p.stock_start, p.quantity, p.orders, p.gmv_cents,
            p.oversells, p.shelf_s, first, None if first is None else first - t0, p.gmv_explained_cents,
            money_per_view(p.gmv_explained_cents, audience or Audience(), basis) if p.explained_s else None,
        ))
    return out
