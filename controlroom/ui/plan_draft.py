"""An editable copy of a show's plan and products: what the plan editor changes before
anything is saved. Every refusal is a sentence naming the row and the field."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from controlroom.core.plan import Plan, Segment, SegmentKind, default_plan
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings

translate = QCoreApplication.translate



class PlanDraft:
    """Attributes: segments, products (copies), on_air (uid of the segment on air, if any)."""

    def __init__(self, plan: Plan, products: list[Product], on_air: str | None = None) -> None:
        self.segments = [replace(s) for s in plan.segments]
        self.products = [replace(p, extra=dict(p.extra)) for p in products]
        self.on_air = on_air

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
        self.segments = default_plan(minutes, self.products, settings).segments

    # -- products ------------------------------------------------------------
    def add_product(self) -> int:
        n = len(self.products) + 1
        skus = {p.sku for p in self.products}
        while f"NEW-{n}" in skus:
            n += 1
        self.products.append(Product(f"NEW-{n}", translate("plan", "New product"), Role.PROFIT, 0.0, 0))
        return len(self.products) - 1

    def remove_product(self, row: int) -> None:
        sku = self.products[row].sku
        used = [i + 1 for i, s in enumerate(self.segments) if s.product_sku == sku]
        if used:
            raise ValueError(translate("plan", "Row %1: %2 is used by segment(s) %3; change them first.")
                             .replace("%1", str(row + 1)).replace("%2", sku).replace("%3", ", ".join(map(str, used))))
        del self.products[row]

    def import_sheet(self, path: str) -> int:
        """Replace the products with a sheet's (all or nothing); returns how many."""
        from controlroom.sheets.products import read_products

        products = read_products(path)
        self.products = products
        return len(products)

    # -- checking ------------------------------------------------------------
    def problems(self) -> list[str]:
        out: list[str] = []
        skus = [p.sku for p in self.products]
        for i, p in enumerate(self.products):
            try:
                p.validate()
            except ValueError as exc:
                out.append(translate("plan", "Product row %1: %2").replace("%1", str(i + 1)).replace("%2", str(exc)))
            if skus.count(p.sku) > 1:
                out.append(translate("plan", "Product row %1: SKU %2 appears twice").replace("%1", str(i + 1)).replace("%2", p.sku))
        for i, s in enumerate(self.segments):
            try:
                s.validate()
            except ValueError as exc:
                out.append(translate("plan", "Segment row %1: %2").replace("%1", str(i + 1)).replace("%2", str(exc)))
            if s.product_sku and s.product_sku not in skus:
                out.append(translate("plan", "Segment row %1: product %2 is not in the queue").replace("%1", str(i + 1)).replace("%2", s.product_sku))
        if not self.segments:
            out.append(translate("plan", "The plan needs at least one segment."))
        return out

    def plan(self) -> Plan:
        return Plan(list(self.segments))
