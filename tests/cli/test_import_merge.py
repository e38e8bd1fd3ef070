"""`controlroom import products|plan FILE` into a running show, as real processes: the
preview is printed and nothing changes without --yes; with it the sheet is merged and
what was sold stays on shelf, sold, and in stock as it was."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.clock import SystemClock
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show
from controlroom.sheets.plan_io import read_plan, write_plan
from controlroom.store.writer import FeedWriter
from tests.cli.test_cli import cli, write_sheet


@pytest.fixture
def running_show(repo):
    """A show on air in the database (the process that ran it has let go of it):
    SKU-1001 on air and on shelf with 3 sold."""
    clock = SystemClock()
    show_id = create_show(repo, "周五专场", 60, sample_products(), clock.now())
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, show_id, clock)
    service.start()
    service.next()
    service.run(c.set_shelf, "SKU-1001", True)
    service.ingest([ev.Event(ev.ORDER, clock.now(), user="u1", product="SKU-1001", qty=3, value=29.7, ref="o1")])
    writer.close()
    service.close()
    return show_id


def status(db_path, show_id):
    return json.loads(cli("status", "--db", db_path, "--show", show_id).stdout)


@pytest.mark.slow
def test_import_products_previews_then_merges_with_yes(db_path, tmp_path, running_show):
    sheet = tmp_path / "products.csv"
    write_sheet(sheet, [["冰丝防晒袖套", "SKU-1001-B", "引流款", 8.9, 600, "", ""],  # the sold SKU, renamed
                        ["玻尿酸补水面膜 10片", "SKU-2001", "利润款", 49, 300, "", ""],
                        ["新品", "NEW-1", "利润款", 19.9, 50, "", ""]])
    before = status(db_path, running_show)
    args = ("import", "products", sheet, "--db", db_path, "--show", running_show)
    out = cli(*args).stdout
    assert "added    NEW-1" in out and "kept     SKU-1001" in out
    assert "updated  SKU-2001  玻尿酸补水面膜 10片: price 59 → 49\n" in out  # empty cells change nothing
    assert "preview only: nothing changed" in out
    assert status(db_path, running_show)["stock"] == before["stock"]
    out = cli(*args, "--yes").stdout
    assert "products imported: 2 added, 1 updated, 7 kept, 0 unchanged" in out
    after = status(db_path, running_show)
    assert after["stock"]["SKU-1001"] == before["stock"]["SKU-1001"] == 597
    assert after["on_shelf"] == before["on_shelf"] == ["冰丝防晒袖套"]
    assert after["segment"]["product"] == "SKU-1001" and after["totals"]["orders"] == 1
    assert set(after["stock"]) == set(before["stock"]) | {"SKU-1001-B", "NEW-1"}
    assert "unchanged: the show already has what the file says" in cli(*args, "--yes").stdout


@pytest.mark.slow
def test_import_plan_keeps_the_segment_on_air(db_path, tmp_path, repo, running_show):
    plan = repo.load_show(running_show).plan
    on_air = plan.segments[1]
    path = write_plan(tmp_path / "plan.xlsx", plan.__class__([plan.segments[0], *plan.segments[2:5]]))
    out = cli("import", "plan", path, "--db", db_path, "--show", running_show, "--yes").stdout
    assert f"kept     {on_air.uid}" in out and "is on air: it stays in the plan" in out
    after = repo.load_show(running_show).plan
    assert [s.uid for s in after.segments] == [plan.segments[0].uid, on_air.uid, *(s.uid for s in plan.segments[2:5])]
    assert status(db_path, running_show)["segment"]["uid"] == on_air.uid


@pytest.mark.slow
def test_a_plan_with_targets_imported_shows_in_status_and_exports_back(db_path, tmp_path, repo, running_show):
    """Real processes: `import plan` of a sheet with targets, then `status`'s `targets` (the
    slot on air with its 3 units sold in one order), then `export plan` writes them back."""
    plan = repo.load_show(running_show).plan
    slot = plan.segments[1]
    with_targets = plan.__class__([*plan.segments[:1], replace(slot, gmv_target=297.0, orders_target=10),
                                   *plan.segments[2:]])
    path = write_plan(tmp_path / "plan.xlsx", with_targets)
    out = cli("import", "plan", path, "--db", db_path, "--show", running_show, "--yes").stdout
    assert f"updated  {slot.uid}" in out and "gmv_target — → 297; orders_target — → 10" in out
    targets = status(db_path, running_show)["targets"]
    assert targets["slot"] == {"gmv": 29.7, "orders": 1, "gmv_target": 297.0, "orders_target": 10,
                               "gmv_left": 267.3, "orders_left": 9}
    assert targets["has_targets"] is True and targets["show"]["gmv"] == 29.7
    again = tmp_path / "again.xlsx"
    cli("export", "plan", again, "--db", db_path, "--show", running_show)
    back = read_plan(again, sample_products())
    assert [(s.gmv_target, s.orders_target) for s in back.segments] == [
        (s.gmv_target, s.orders_target) for s in with_targets.segments]
