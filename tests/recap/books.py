"""Reading an exported (English) recap back: each sheet's totals of the show, in cents."""

from __future__ import annotations

from dataclasses import dataclass

from controlroom.recap.texts import Texts

EN = Texts("en")


def rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def table(ws) -> list[dict]:
    """A one-table sheet as dicts keyed by its header texts."""
    head, *body = rows(ws)
    return [dict(zip(head, r, strict=True)) for r in body]


def labelled(ws) -> dict:
    return {r[0]: r[1:] for r in rows(ws) if r and r[0] is not None}


def to_cents(amount: float | None) -> int:
    return round((amount or 0.0) * 100)


@dataclass(frozen=True)
class Totals:
    orders: int
    gmv_cents: int


def summary_totals(wb) -> Totals:
    s = labelled(wb[EN("sheet.summary")])
    return Totals(s[EN("kpi.orders")][0], to_cents(s[EN("kpi.gmv")][0]))


def products_total_row(wb) -> Totals:
    total = table(wb[EN("sheet.products")])[-1]
    assert total[EN("pr.name")] == EN("pr.total")
    return Totals(total[EN("pr.orders")], to_cents(total[EN("pr.gmv")]))


def products_rows_sum(wb) -> Totals:
    body = table(wb[EN("sheet.products")])[:-1]
    return Totals(sum(r[EN("pr.orders")] for r in body), sum(to_cents(r[EN("pr.gmv")]) for r in body))


def minutes_sum(wb) -> Totals:
    mi = table(wb[EN("sheet.minutes")])
    return Totals(sum(r[EN("mi.orders")] for r in mi), sum(to_cents(r[EN("mi.gmv")]) for r in mi))


def event_rows(wb) -> list[dict]:
    """Every Events row, continuation sheets included."""
    name = EN("sheet.events")
    out = []
    for sheet in wb.sheetnames:
        if sheet == name or sheet.startswith(f"{name} ("):
            out += table(wb[sheet])
    return out


def order_count(row: dict) -> int:
    """An order row's orders: one, or a typed-in total's `orders=N` (its detail)."""
    if row[EN("ev.flag")] == "manual":
        return int(row[EN("ev.detail")].rsplit("orders=", 1)[1])
    return 1


def events_totals(wb, after_end: bool) -> Totals:
    """The Events sheet's orders: those of the show, or those marked after the end."""
    mark = EN("ev.after_end_mark")
    orders = [r for r in event_rows(wb) if r[EN("ev.kind")] == "order"
              and (r[EN("ev.after_end")] == mark) == after_end]
    return Totals(sum(order_count(r) for r in orders), sum(to_cents(r[EN("ev.value")]) for r in orders))


def after_end_section(wb) -> dict:
    """The Summary's after-the-end lines, by their English labels."""
    s = labelled(wb[EN("sheet.summary")])
    return {k: v[0] for k, v in s.items() if isinstance(k, str) and "after the end" in k}
