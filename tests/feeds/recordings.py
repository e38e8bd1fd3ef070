"""A short recorded show for the replay tests: a 3-minute plan run through ShowService on a
FakeClock, its room played by the simulator (a big audience, so both slots sell), with the
untidy parts of a real log: feed before the start, orders in the very second a slot ends, an order and a comment that arrived late
(stamped before events logged earlier), two events of one second, an undone shelf move, a
stock change, and feed stamped after the end."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.settings import ShowSettings
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.services.show_service import ShowService
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

START = 1_767_225_600.0  # 2026-01-01T00:00:00Z
SLOT_A, SLOT_B, NEVER_SHELVED = "SKU-1001", "SKU-2001", "SKU-3001"
PLAN_S = (30.0, 60.0, 60.0, 30.0)


def record_show(path: Path, title: str = "周五专场") -> int:
    """The recorded show's id in a new file at `path` (closed again)."""
    engine = open_engine(path)
    repo = ShowRepository(engine)
    products = [p for p in sample_products() if p.sku in (SLOT_A, SLOT_B, NEVER_SHELVED)]
    plan = Plan([
        Segment(SegmentKind.OPENING, "开场", PLAN_S[0]),
        Segment(SegmentKind.PRODUCT, "A 款", PLAN_S[1], SLOT_A),
        Segment(SegmentKind.PRODUCT, "B 款", PLAN_S[2], SLOT_B),
        Segment(SegmentKind.CLOSING, "收尾", PLAN_S[3]),
    ])
    sid = repo.create_show(title, 3.0, plan, products, ShowSettings(), created_at=START - 60, room="旗舰店")
    writer = FeedWriter(engine)
    clock = FakeClock(START - 20)
    service = ShowService(repo, writer, sid, clock)
    try:
        _play(service, clock)
    finally:
        writer.close()
        service.close()
        engine.dispose()
    return sid


def _play(service: ShowService, clock: FakeClock) -> None:
    service.ingest([Event(ev.VIEWERS, START - 15, value=40.0, qty=40),
                    Event(ev.COMMENT, START - 10, user="early", text="开始了吗")])
    clock.advance(20)
    service.start()
    sim = RoomSimulator(seed=11, audience=20000.0, dwell_s=60.0)
    boundaries = {round(sum(PLAN_S[: i + 1])) for i in range(len(PLAN_S) - 1)}
    for second in range(1, int(sum(PLAN_S)) + 1):
        clock.advance(1)
        service.ingest(sim.step(clock.now(), room_context(service.state, clock.now())))
        if second in boundaries:
            on_air = service.state.queue.explaining
            with service.writer.between_groups():  # bought in the second the slot ends: taken before the
                if on_air:                         # move, but its row (and id) committed after the move's
                    service.ingest([Event(ev.ORDER, clock.now(), user="edge", product=on_air, qty=1, value=1.0,
                                          ref=f"EDGE-{second}")])
                service.next()  # moves on: the slot's product on shelf and explained, the last one off
        if second == 45:  # a slip, taken back: never replayed
            service.run(commands.set_shelf, NEVER_SHELVED, True)
            service.undo()
        if second == 50:
            service.ingest([Event(ev.ORDER, START + 20, user="late", product=SLOT_A, qty=1, value=9.9, ref="LATE-1"),
                            Event(ev.COMMENT, START + 25, user="late", text="刚才那个还有吗")])
            service.ingest([Event(ev.COMMENT, START + 50, user="same", text="第一"),
                            Event(ev.COMMENT, START + 50, user="same", text="第二")])
        if second == 100:
            service.run(commands.set_stock, SLOT_B, service.state.queue.stock(SLOT_B) + 50, "补货")
    service.end()
    clock.advance(5)
    service.ingest([Event(ev.COMMENT, clock.now(), user="after", text="下播了")])
    service.writer.flush()


def events_digest(path: Path, show_id: int | None = None) -> tuple[int, str]:
    """How many rows the events table holds (of one show, or all) and a hash of them, every column."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        where, args = ("WHERE show_id = ?", (show_id,)) if show_id is not None else ("", ())
        rows = con.execute(f"SELECT * FROM events {where} ORDER BY id", args).fetchall()
    finally:
        con.close()
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
