"""Manual entry: the numbers a platform dashboard shows, typed in when no feed is connected."""

from __future__ import annotations

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.show import ShowState


def manual_entry(
    state: ShowState, now: float, online: int | None = None, gmv_total: float | None = None,
    orders_total: int | None = None, entries_total: int | None = None,
) -> list[Event]:
    """Feed events that bring the show's figures to what the dashboard says.

    Online viewers become a viewer sample; GMV and order totals become one manual order
    for the difference (flagged "manual", never an oversell). Totals below what the log
    already holds are refused: the log is not rewritten.
    """
    out: list[Event] = []
    if online is not None:
        if online < 0:
            raise ValueError(f"online viewers: {online} must be ≥ 0")
        # marked, so the recap can tell a typed-in figure from the live feed's (provenance)
        out.append(Event(ev.VIEWERS, now, value=float(online), qty=entries_total, data={"source": "manual"}))
    if gmv_total is None and orders_total is None:
        return out
    t = state.metrics.totals()
    d_gmv = 0.0 if gmv_total is None else round(gmv_total - t.gmv, 2)
    d_orders = 0 if orders_total is None else orders_total - t.orders
    if d_gmv < 0:
        raise ValueError(f"GMV: {gmv_total} is below the {t.gmv:.2f} already recorded")
    if d_orders < 0:
        raise ValueError(f"orders: {orders_total} is below the {t.orders} already recorded")
    if d_gmv or d_orders:
        n = len(state.order_ids) + 1
        out.append(Event(ev.ORDER, now, value=d_gmv, qty=max(d_orders, 1), ref=f"manual-{now:.0f}-{n}",
                         flag=ev.FLAG_MANUAL, data={"orders": d_orders}))
    return out
