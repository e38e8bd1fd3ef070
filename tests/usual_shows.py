"""Rehearsals of one room with known audiences, driven through ShowService on a FakeClock:
what the room's usual (core/baseline.py) is built from in the tests."""

from __future__ import annotations

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show

T0 = 1_767_225_600.0  # 2026-01-01 00:00:00 UTC, on a minute
DAY = 86_400.0
ROOM = "rehearsal"
MINUTES = 20  # each earlier rehearsal runs this long
# The three rehearsals: (online viewers held all show, one order a minute of this many cents)
KNOWN = ((900, 1000), (1000, 1200), (1100, 1400))


def open_show(repo, writer, clock, day: float, room: str = ROOM, title: str | None = None) -> ShowService:
    """A show of `room` created ten minutes before `T0 + day` and opened (its usual read and waited for)."""
    clock.t = T0 + day - 600
    sid = create_show(repo, title or f"彩排 {int(day // DAY)}", 60, sample_products(), clock.now(), room=room)
    service = ShowService(repo, writer, sid, clock)
    assert service.usual.wait(30)
    return service


def drive(service: ShowService, clock, start: float, seconds: int, online: float, order_cents: int) -> None:
    """From `start`: a viewers sample every 10 s (at :05, :15 …), one order a minute at :30."""
    sku = sample_products()[0].sku
    for minute in range(seconds // 60):
        base = start + 60 * minute
        clock.t = base + 60
        batch = [Event(ev.VIEWERS, base + s + 5, value=online) for s in range(0, 60, 10)]
        batch.append(Event(ev.ORDER, base + 30, user=f"b{minute}", product=sku, value=order_cents / 100, qty=1,
                           ref=f"{service.show_id}-o{int(base)}"))
        service.ingest(sorted(batch, key=lambda e: e.ts))


def rehearse(repo, writer, clock, day: float, online: float, order_cents: int, room: str = ROOM,
             minutes: int = MINUTES, title: str | None = None) -> int:
    """One whole rehearsal: opened, started at `T0 + day`, driven, ended, closed."""
    service = open_show(repo, writer, clock, day, room, title)
    start = T0 + day
    clock.t = start
    service.start()
    drive(service, clock, start, minutes * 60, online, order_cents)
    clock.t = start + minutes * 60
    service.end()
    writer.flush()
    service.close()
    return service.show_id


def three_rehearsals(repo, writer, clock) -> list[int]:
    return [rehearse(repo, writer, clock, (i + 1) * DAY, online, cents) for i, (online, cents) in enumerate(KNOWN)]
