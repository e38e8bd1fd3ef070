"""The Timeline's target columns on a hand-built show with known answers (FakeClock): each
segment's GMV target, order target and GMV ÷ target, agreeing with `status` to the cent."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan
from controlroom.recap.texts import Texts
from controlroom.recap.workbook import export_recap

EN, ZH = Texts("en"), Texts("zh_CN")


def _table(ws) -> list[dict]:
    head, *body = list(ws.iter_rows(values_only=True))
    return [dict(zip(head, r, strict=True)) for r in body]


def test_the_timeline_shows_each_segments_targets_and_how_far_it_got(service, clock, repo, tmp_path):
    plan = service.state.plan
    i, slot = next((i, s) for i, s in enumerate(plan.segments) if s.product_sku)
    segments = list(plan.segments)
    segments[i] = replace(slot, gmv_target=400.0, orders_target=5)
    segments[0] = replace(segments[0], orders_target=2)  # the opening: orders only, no GMV ratio
    service.update_plan(Plan(segments))
    service.start()
    service.run(commands.jump, i)
    service.run(commands.set_shelf, slot.product_sku, True)
    for n, amount in enumerate([99.99, 100.01, 50.0]):
        clock.advance(20)
        service.ingest([Event(ev.ORDER, clock.now(), user=f"b{n}", product=slot.product_sku, value=amount, ref=f"o{n}")])
    live = service.status()["targets"]["slot"]
    clock.advance(20)
    service.run(commands.end_show)
    service.writer.flush()
    out = tmp_path / "recap.xlsx"
    export_recap(repo, service.show_id, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out)
    rows = _table(wb[EN("sheet.timeline")])
    slots = [r for r in _table(wb[EN("sheet.slots")]) if r[EN("sl.run")] is not None]
    wb.close()
    row = rows[i]
    assert (row[EN("tl.gmv_target")], row[EN("tl.orders_target")]) == (400.0, 5)
    assert row[EN("tl.gmv")] == pytest.approx(250.0) == live["gmv"]
    assert row[EN("tl.vs_target")] == pytest.approx(0.625)
    assert (rows[0][EN("tl.gmv_target")], rows[0][EN("tl.orders_target")], rows[0][EN("tl.vs_target")]) == (
        None, 2, None)
    assert all(r[EN("tl.gmv_target")] is None for n, r in enumerate(rows) if n not in (0, i))
    # The Slots sheet: the run of that segment carries its targets and the same ratio.
    run = next(r for r in slots if r[EN("sl.no")] == i + 1)
    assert (run[EN("tl.gmv_target")], run[EN("tl.orders_target")]) == (400.0, 5)
    assert run[EN("sl.gmv")] == pytest.approx(250.0) and run[EN("tl.vs_target")] == pytest.approx(0.625)
    opening = next(r for r in slots if r[EN("sl.no")] == 1)
    assert (opening[EN("tl.gmv_target")], opening[EN("tl.orders_target")], opening[EN("tl.vs_target")]) == (None, 2, None)


def test_the_chinese_timeline_names_the_columns_in_chinese(service, repo, tmp_path):
    out = tmp_path / "recap.xlsx"
    export_recap(repo, service.show_id, out, lang="zh_CN", utc_offset_s=0)
    wb = openpyxl.load_workbook(out)
    head = next(wb[ZH("sheet.timeline")].iter_rows(values_only=True))
    wb.close()
    assert {"目标成交额", "目标订单数", "成交额目标完成率"} <= set(head)
