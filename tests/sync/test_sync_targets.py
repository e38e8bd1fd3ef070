"""Segment targets travel with a synced show: the plan it was created with (the side
table's target columns) and a later plan edit (a plan_set event) reach the server."""

from __future__ import annotations

from controlroom.core import edit_log
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from tests.sync.helpers import cli


def test_targets_reach_the_server_in_the_plan_and_in_its_edits(tmp_path, pg_url):
    laptop = tmp_path / "laptop.db"
    engine = open_engine(laptop)
    repo = ShowRepository(engine)
    plan = Plan([Segment(SegmentKind.PRODUCT, "保温杯", 600.0, "SKU1", uid="slot", gmv_target=5900.5, orders_target=100),
                 Segment(SegmentKind.CLOSING, "结束", 60.0, uid="end")])
    show = repo.create_show("目标 targets", 11, plan, [Product("SKU1", "保温杯", Role.PROFIT, 59.0, 100)],
                            ShowSettings(), created_at=1000.0, room="直播间 T")
    edited = Plan([plan.segments[0], Segment(SegmentKind.CLOSING, "结束", 60.0, uid="end", orders_target=3)])
    repo.append(show, [edit_log.plan_set(1001.0, edited)])
    engine.dispose()
    cli("sync", "--db", str(laptop), "--to", pg_url)
    server = open_engine(pg_url)
    try:
        server_repo = ShowRepository(server)
        [server_show] = server_repo.show_ids()
        created = [(s.uid, s.gmv_target, s.orders_target) for s in server_repo.load_plan(server_show).segments]
        now = [(s.uid, s.gmv_target, s.orders_target) for s in server_repo.load_show(server_show).plan.segments]
    finally:
        server.dispose()
    assert created == [("slot", 5900.5, 100), ("end", None, None)]
    assert now == [("slot", 5900.5, 100), ("end", None, 3)]
