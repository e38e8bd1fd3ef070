"""A show with a known log, and the figures the recap must find in it (worked out by hand)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.settings import ShowSettings

T0 = 1_767_225_600.0  # the FakeClock's start: 2026-01-01 00:00:00 UTC, on a minute
SKU_A, SKU_B = "SKU-1001", "SKU-2001"


@dataclass
class Known:
    show_id: int
    orders: list[tuple[float, str | None, str, float, int]] = field(default_factory=list)  # ts, sku, user, value, qty


def _at(service, clock, t: float) -> None:
    clock.t = T0 + t


def build_known_show(service, clock, writer) -> Known:
    """Four minutes of show. Settings tightened so every problem kind shows up."""
    service.update_settings(ShowSettings(
        interaction_remind_minutes=1, interaction_alarm_minutes=2, slot_warn_minutes=1,
        slot_max_minutes=2, low_conversion_percent=2.0,
    ))
    known = Known(service.show_id)
    clock.t = T0 - 60
    service.run(commands.tick_checklist, "cameras", True)
    clock.t = T0 - 30
    service.run(commands.tick_checklist, "network", True)
    clock.t = T0
    service.run(commands.start)

    def feed(t: float, *events: Event) -> None:
        _at(service, clock, t)
        for e in events:
            e.ts = T0 + t
        service.ingest(list(events))

    def order(t: float, sku: str, user: str, value: float, qty: int, ref: str) -> None:
        feed(t, Event(ev.ORDER, 0, user=user, product=sku, value=value, qty=qty, ref=ref))
        known.orders.append((T0 + t, sku, user, value, qty))

    feed(10, Event(ev.VIEWERS, 0, value=100, qty=120), Event(ev.COMMENT, 0, user="u1", text="来了"))
    feed(20, Event(ev.LIKE, 0, user="u3", qty=5), Event(ev.COMMENT, 0, user="u2", text="hi"))
    feed(40, Event(ev.VIEWERS, 0, value=200, qty=250))
    _at(service, clock, 60)
    service.run(commands.next_segment)
    service.run(commands.set_shelf, SKU_A, True)
    service.run(commands.explain, SKU_A)
    order(65, SKU_A, "b1", 9.9, 1, "o1")
    feed(70, Event(ev.VIEWERS, 0, value=300, qty=400), Event(ev.SHARE, 0, user="u2"))
    feed(75, Event(ev.COMMENT, 0, user="u1", text="多少钱"))
    _at(service, clock, 90)
    service.run(commands.extend, -4.0)
    order(100, SKU_A, "b2", 19.8, 2, "o2")
    feed(101, Event(ev.ORDER, 0, user="b1", product=SKU_A, value=9.9, qty=1, ref="o1"))  # a repeat: dropped
    _at(service, clock, 120)
    service.run(commands.mark_promo)
    feed(125, Event(ev.FOLLOW, 0, user="u4"))
    order(130, SKU_A, "b1", 9.9, 1, "o3")
    order(140, SKU_B, "b3", 59.0, 1, "o4")  # off shelf: counted, and an oversell
    _at(service, clock, 150)
    service.run(commands.mark_interaction)
    _at(service, clock, 160)
    service.run(commands.open_incident, "黑屏 black screen", "i1")
    service.run(commands.note, "换机位 camera switch")
    feed(170, Event(ev.ORDER, 0, value=100.0, qty=3, ref="m1", flag=ev.FLAG_MANUAL, data={"orders": 3}))
    known.orders.append((T0 + 170, None, "", 100.0, 0))
    _at(service, clock, 175)
    service.run(commands.set_stock, SKU_A, 4)
    order(180, SKU_A, "b4", 39.6, 4, "o5")  # the last four: sold out at 180
    feed(190, Event(ev.VIEWERS, 0, value=150, qty=420))
    _at(service, clock, 190)
    service.run(commands.close_incident, "i1")
    _at(service, clock, 200)
    service.run(commands.set_shelf, SKU_A, False)
    service.run(commands.next_segment)
    _at(service, clock, 230)
    service.run(commands.end_show)
    assert writer.flush()
    return known


@pytest.fixture
def known_show(service, clock, writer) -> Known:
    return build_known_show(service, clock, writer)
