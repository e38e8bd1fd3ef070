"""An editable copy of a show's plan and products: what the plan editor changes before
anything is saved. The rules are the core's (core/edits.py, core/plan_edits.py), judged
here against what the show was using when the editor opened, and again by the service
when the draft is saved; every refusal is a sentence naming the row and the field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from controlroom.core.edits import Usage, check_products, sheet_into
from controlroom.core.plan import Plan, Segment, SegmentKind, default_plan
from controlroom.core.plan_edits import check_plan
from controlroom.core.products import Product, Role
from controlroom.core.sample_words import plan_words
from controlroom.core.settings import ShowSettings
from controlroom.core.targets import AirRate, default_targets
from controlroom.core.views import EditSource
from controlroom.ui import texts
from controlroom.ui.i18n import current_language

translate = QCoreApplication.translate


class PlanDraft:
    """Attributes: segments, products (copies), on_air (uid of the segment on air, if any),
    usage (what the show's products were used for when the draft was made)."""

    def __init__(
        self, plan: Plan, products: list[Product], on_air: str | None = None, usage: Usage | None = None,
        started: bool = False,
    ) -> None:
        self.segments = [replace(s) for s in plan.segments]
        self.products = [replace(p, extra=dict(p.extra)) for p in products]
        self.usage = usage or Usage({}, frozenset(), on_air)
        self.on_air = on_air if on_air is not None else self.usage.on_air
        self.started = started
        self._plan_before = Plan(list(self.segments))
        self._products_before = [replace(p) for p in self.products]

    @classmethod
    def of(cls, source: EditSource) -> PlanDraft:
        """A draft of the show's plan and products (`ShowService.edit_source()`)."""
        return cls(source.plan(), source.product_list(), usage=source.usage, started=source.started)

    def saved(self, source: EditSource) -> None:
        """The draft was saved: judge further edits against the show as it is now (`source`)."""
        self.usage = source.usage
        self.on_air = self.usage.on_air
        self.started = source.started
        self._plan_before = Plan(list(self.segments))
        self._products_before = [replace(p) for p in self.products]

    # -- segments --------------------------------------------------------------
    def add_segment(self, row: int) -> int:
        """A 5-minute free segment after `row` (or at the end); returns its row."""
        at = len(self.segments) if row < 0 else min(row + 1, len(self.segments))
        self.segments.insert(at, Segment(SegmentKind.FREE, translate("plan", "New segment"), 300.0))
        return at

    def remove_segment(self, row: int) -> None:
        seg = self.segments[row]
        if seg.uid == self.on_air:
            raise ValueError(translate("plan", "Row %1: “%2” is on air; move on before removing it.").replace("%1", str(row + 1)).replace("%2", seg.title))
        del self.segments[row]

    def move(self, items: list, row: int, delta: int) -> int:
        to = row + delta
        if not (0 <= row < len(items) and 0 <= to < len(items)):
            return row
        items[row], items[to] = items[to], items[row]
        return to

    def default(self, minutes: float, settings: ShowSettings) -> None:
        if self.on_air is not None:
            raise ValueError(translate("plan", "The show has started: edit the plan instead of replacing it."))
        self.segments = default_plan(minutes, self.products, settings, plan_words(current_language())).segments

    def fill_targets(self, rates: Mapping[str, AirRate], rows: list[int] | None = None) -> tuple[int, int]:
        """Default targets (core/targets.py) for the product slots (of `rows`, default all)
        that have none: returns (slots filled, slots left empty for want of history).
        A target the user set is never replaced."""
        prices = {p.sku: p.price for p in self.products}
        filled = missing = 0
        for i in range(len(self.segments)) if rows is None else rows:
            s = self.segments[i]
            if s.kind != SegmentKind.PRODUCT or not s.product_sku or s.gmv_target is not None \
                    or s.orders_target is not None:
                continue
            gmv, orders = default_targets(s, prices.get(s.product_sku), rates)
            if orders is None:
                missing += 1
                continue
            s.gmv_target, s.orders_target = gmv, orders
            filled += 1
        return filled, missing

    # -- products ------------------------------------------------------------
    def add_product(self) -> int:
        n = len(self.products) + 1
        skus = {p.sku for p in self.products}
        while f"NEW-{n}" in skus:
            n += 1
        self.products.append(Product(f"NEW-{n}", translate("plan", "New product"), Role.PROFIT, 0.0, 0))
        return len(self.products) - 1

    def remove_product(self, row: int) -> None:
        why = self.usage.removal_refusal(self.products[row].sku, self.plan())
        if why:
            raise ValueError(texts.error(why))
        del self.products[row]

    def rename_refusal(self, sku: str) -> str | None:
        """Why the product `sku` cannot take another SKU now (translated), or None."""
        why = self.usage.rename_refusal(sku)
        return texts.error(why) if why else None

    def stock_refusal(self, sku: str) -> str | None:
        """Why the stock of `sku` is not edited here (translated), or None."""
        why = self.usage.stock_refusal(sku)
        return texts.error(why) if why else None

    def import_sheet(self, sheet: list[Product]) -> tuple[int, int]:
        """Merge a product sheet (its products, as read) into the draft by the import rules
        (all or nothing); returns (products added, products updated)."""
        before = {p.sku: p for p in self.products}
        self.products = sheet_into(self.products, sheet, self.usage, self.plan(), self.started)
        added = sum(1 for p in self.products if p.sku not in before)
        updated = sum(1 for p in self.products if p.sku in before and p != before[p.sku])
        return added, updated

    # -- checking ------------------------------------------------------------
    def problems(self) -> list[str]:
        """Every reason the draft cannot be saved, translated (empty when it can)."""
        plan = self.plan()
        found = check_products(self.usage, self._products_before, self.products, plan)
        found += check_plan(plan, [p.sku for p in self.products], self._plan_before, self.on_air)
        return [texts.error(p) for p in found]

    def plan(self) -> Plan:
        return Plan(list(self.segments))
