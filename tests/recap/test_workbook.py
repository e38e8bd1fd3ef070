"""The exported workbook, sheet by sheet, against figures worked out by hand for a known log."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from controlroom.recap.texts import Texts
from controlroom.recap.workbook import SHEET_KEYS, export_recap
from tests.recap.conftest import SKU_A, SKU_B, T0

EN = Texts("en")
GMV = 9.9 + 19.8 + 9.9 + 59.0 + 100.0 + 39.6


def at(seconds: float) -> dt.datetime:
    return dt.datetime(2026, 1, 1) + dt.timedelta(seconds=seconds)


def secs(value: dt.timedelta) -> float:
    return round(value.total_seconds(), 3)


@pytest.fixture
def book(known_show, repo, tmp_path):
    out = tmp_path / "recap.xlsx"
    export_recap(repo, known_show.show_id, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out)
    yield wb
    wb.close()


def rows(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(values_only=True)]


def table(ws) -> list[dict]:
    """A one-table sheet as dicts keyed by its header texts."""
    head, *body = rows(ws)
    return [dict(zip(head, r, strict=True)) for r in body]


def labelled(ws) -> dict:
    return {r[0]: r[1:] for r in rows(ws) if r[0] is not None}


def test_sheets_in_order_with_headers_frozen(book):
    assert book.sheetnames == [EN(f"sheet.{k}") for k in SHEET_KEYS]
    for key in ("timeline", "products", "minutes", "events", "problems"):
        assert book[EN(f"sheet.{key}")].freeze_panes == "A2"


def test_summary_kpis(book):
    s = labelled(book[EN("sheet.summary")])
    expect = {
        "kpi.peak_online": 300, "kpi.avg_online": (150 + 300 + 300 + 150) / 4, "kpi.views": 420,
        "kpi.likes": 5, "kpi.comments": 3, "kpi.shares": 1, "kpi.follows": 1, "kpi.interacting_users": 4,
        "kpi.orders": 8, "kpi.buyers": 4, "kpi.oversells": 1, "kpi.incidents": 1,
    }
    for key, value in expect.items():
        assert s[EN(key)][0] == pytest.approx(value), key
    assert s[EN("kpi.gmv")][0] == pytest.approx(GMV)
    assert s[EN("kpi.avg_order_value")][0] == pytest.approx(round(GMV / 8, 2))
    assert s[EN("kpi.buyers_per_view")][0] == pytest.approx(4 / 420)
    assert s[EN("kpi.interacting_per_view")][0] == pytest.approx(4 / 420)
    assert secs(s[EN("kpi.dwell_s")][0]) == pytest.approx(900 * 60 / 420, abs=0.01)
    assert s[EN("summary.start")][1] == at(0)
    assert s[EN("summary.end")][1] == at(230)
    assert secs(s[EN("summary.duration")][1]) == 230
    assert s[EN("summary.previous_show")][0] == EN("summary.no_previous")


def test_summary_checklist_as_ticked(book):
    s = labelled(book[EN("sheet.summary")])
    assert s["Cameras"][:2] == (EN("summary.yes"), at(-60))
    assert s["Network bandwidth test"][:2] == (EN("summary.yes"), at(-30))
    assert s["Lighting"][0] == EN("summary.no")


def test_timeline_planned_vs_actual(book):
    tl = table(book[EN("sheet.timeline")])
    opening, slot, nxt = tl[0], tl[1], tl[2]
    assert (opening[EN("tl.actual_start")], opening[EN("tl.actual_end")]) == (at(0), at(60))
    assert secs(opening[EN("tl.actual")]) == 60
    assert opening[EN("tl.overrun")] == pytest.approx(-4.0)
    assert opening[EN("tl.ahead")] == pytest.approx(4.0)  # 5 planned minutes done in 1
    assert slot[EN("tl.extended")] == pytest.approx(-4.0)
    assert secs(slot[EN("tl.actual")]) == 140
    assert slot[EN("tl.overrun")] == pytest.approx(80 / 60, abs=0.005)  # 5 min − 4 min extension = 1 min planned
    assert slot[EN("tl.ahead")] == pytest.approx((600 - 200) / 60, abs=0.005)
    assert (slot[EN("tl.orders")], slot[EN("tl.gmv")]) == (8, pytest.approx(GMV))
    assert nxt[EN("tl.actual_start")] == at(200) and secs(nxt[EN("tl.actual")]) == 30
    assert tl[3][EN("tl.actual_start")] == EN("tl.skipped")
    assert tl[0][EN("tl.sched_start")] == at(0) and tl[1][EN("tl.sched_start")] == at(300)


def test_products(book):
    pr = {r[EN("pr.sku")] or r[EN("pr.name")]: r for r in table(book[EN("sheet.products")])}
    a = pr[SKU_A]
    assert (a[EN("pr.stock_start")], a[EN("pr.stock_end")]) == (600, 0)
    assert secs(a[EN("pr.shelf")]) == 140 and secs(a[EN("pr.explained")]) == 140
    assert (a[EN("pr.orders")], a[EN("pr.quantity")]) == (4, 8)
    assert a[EN("pr.gmv")] == pytest.approx(9.9 + 19.8 + 9.9 + 39.6)
    assert a[EN("pr.orders_explained")] == 4
    # buyers b1, b2, b4 while explained ÷ mean online then (200 for 10 s, 300 for 120 s, 150 for 10 s)
    online = (200 * 10 + 300 * 120 + 150 * 10) / 140
    assert a[EN("pr.slot_conversion")] == pytest.approx(3 / online)
    assert a[EN("pr.sold_out")] == at(180)
    b = pr[SKU_B]
    assert (b[EN("pr.orders")], b[EN("pr.oversells")], b[EN("pr.gmv")]) == (1, 1, 59.0)
    assert b[EN("pr.slot_conversion")] is None
    manual = pr[EN("pr.manual")]
    assert (manual[EN("pr.orders")], manual[EN("pr.gmv")]) == (3, 100.0)
    total = pr[EN("pr.total")]
    assert total[EN("pr.gmv")] == pytest.approx(GMV)
    assert total[EN("pr.orders")] == 8 and total[EN("pr.oversells")] == 1


def test_minute_series(book):
    mi = table(book[EN("sheet.minutes")])
    assert [r[EN("mi.minute")] for r in mi] == [0, 1, 2, 3]
    assert [r[EN("mi.online")] for r in mi] == [150, 300, 300, 150]  # minute 2 had no sample: carried
    assert [r[EN("mi.online_peak")] for r in mi] == [200, 300, None, 150]
    assert [r[EN("mi.entries")] for r in mi] == [250, 150, 0, 20]
    assert [r[EN("mi.comments")] for r in mi] == [2, 1, 0, 0]
    assert [r[EN("mi.orders")] for r in mi] == [0, 2, 5, 1]
    assert [r[EN("mi.gmv")] for r in mi] == pytest.approx([0, 29.7, 9.9 + 59 + 100, 39.6])
    assert [r[EN("mi.boundary")] for r in mi] == [300, 300, None, 300]  # the chart's full height
    assert [r[EN("mi.boundary_gmv")] for r in mi] == pytest.approx([168.9, 168.9, None, 168.9])
    assert mi[2][EN("mi.segment")] == "冰丝防晒袖套"
    assert mi[0][EN("mi.time")] == at(0)


def test_charts_are_native(book):
    ws = book[EN("sheet.minutes")]
    assert len(ws._charts) == 2


def test_pacing(book):
    r = rows(book[EN("sheet.pacing")])
    assert r[2][:4] == (at(0), at(150), 2.5, "⚠")  # 2.5 min > the 2-minute alarm
    assert r[3][:4] == (at(150), at(230), pytest.approx(80 / 60, abs=0.05), None)
    promo = [row for row in r if row[0] == "冰丝防晒袖套" and isinstance(row[2], int)]
    assert promo[0][1:4] == ("前100名半价", 1, EN("band.low"))
    slot = [row for row in r if row[0] == "冰丝防晒袖套" and isinstance(row[1], dt.datetime)]
    assert slot and slot[0][1] == at(60) and secs(slot[0][2]) == 140


def test_events_is_the_whole_log(book, repo, known_show):
    ev_rows = table(book[EN("sheet.events")])
    assert len(ev_rows) == repo.count_events(known_show.show_id)
    orders = [r for r in ev_rows if r[EN("ev.kind")] == "order"]
    assert sum(r[EN("ev.value")] for r in orders) == pytest.approx(GMV)
    assert len(orders) == len(known_show.orders)  # the repeated order id is not in the log
    incidents = [r for r in ev_rows if r[EN("ev.kind")] in ("incident_opened", "incident_closed")]
    assert [secs(r[EN("ev.duration")]) for r in incidents] == [30, 30]
    assert incidents[0][EN("ev.time")] == at(160)
    assert any(r[EN("ev.detail")] == "换机位 camera switch" for r in ev_rows)


def test_problems_found_with_blank_actions(book):
    pb = table(book[EN("sheet.problems")])
    kinds = [r[EN("pb.kind")] for r in pb]
    for code in ("overrun", "interaction_overdue", "viewer_drop", "sold_out", "low_conversion", "oversell"):
        assert EN(f"problem.{code}") in kinds, code
    assert all(r[EN("pb.action")] is None for r in pb)
    drop = next(r for r in pb if r[EN("pb.kind")] == EN("problem.viewer_drop"))
    assert drop[EN("pb.time")] == at(180) and "50%" in drop[EN("pb.detail")]


def test_summary_agrees_with_the_sheets(book):
    s = labelled(book[EN("sheet.summary")])
    mi = table(book[EN("sheet.minutes")])
    pr = table(book[EN("sheet.products")])[:-1]
    events = table(book[EN("sheet.events")])
    gmv = s[EN("kpi.gmv")][0]
    assert gmv == pytest.approx(sum(r[EN("mi.gmv")] for r in mi))
    assert gmv == pytest.approx(sum(r[EN("pr.gmv")] for r in pr))
    assert gmv == pytest.approx(sum(r[EN("ev.value")] for r in events if r[EN("ev.kind")] == "order"))
    assert s[EN("kpi.orders")][0] == sum(r[EN("mi.orders")] for r in mi) == sum(r[EN("pr.orders")] for r in pr)
    assert s[EN("kpi.views")][0] == sum(r[EN("mi.entries")] for r in mi)
    assert s[EN("kpi.likes")][0] == sum(r[EN("mi.likes")] for r in mi)
    assert s[EN("kpi.peak_online")][0] == max(r[EN("mi.online_peak")] or 0 for r in mi)
    assert s[EN("kpi.oversells")][0] == sum(r[EN("pr.oversells")] for r in pr)


def test_number_formats(known_show, repo, tmp_path):
    out = tmp_path / "f.xlsx"
    export_recap(repo, known_show.show_id, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out)
    pr = wb[EN("sheet.products")]
    assert pr["M2"].number_format == "#,##0.00"  # GMV
    assert pr["N2"].number_format == "0.00%"  # conversion
    assert pr["G2"].number_format == "[h]:mm:ss"  # time on shelf
    assert wb[EN("sheet.events")].column_dimensions["H"].width == 40
    wb.close()


def test_chinese_headers_by_default(known_show, repo, tmp_path):
    out = tmp_path / "zh.xlsx"
    export_recap(repo, known_show.show_id, out, utc_offset_s=0)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames[0] == "汇总"
    assert next(wb["商品"].iter_rows(max_row=1, values_only=True))[:2] == ("SKU", "商品名称")
    wb.close()


def test_times_in_the_chosen_zone(known_show, repo, tmp_path):
    out = tmp_path / "tz.xlsx"
    export_recap(repo, known_show.show_id, out, lang="en", utc_offset_s=8 * 3600)
    wb = openpyxl.load_workbook(out, read_only=True)
    first = next(wb[EN("sheet.minutes")].iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[1] == at(8 * 3600)
    wb.close()
    assert T0 % 60 == 0


def test_a_log_longer_than_excels_rows_goes_on_in_continuation_sheets(known_show, repo, tmp_path, monkeypatch):
    from controlroom.recap import event_rows

    monkeypatch.setattr(event_rows, "EXCEL_MAX_ROWS", 11)  # ten events a sheet
    out = tmp_path / "long.xlsx"
    export_recap(repo, known_show.show_id, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out, read_only=True)
    events = EN("sheet.events")
    names = [n for n in wb.sheetnames if n.startswith(events)]
    assert names == [events] + [f"{events} ({i})" for i in range(2, len(names) + 1)]
    assert wb.sheetnames[-1] == EN(f"sheet.{SHEET_KEYS[-1]}")
    counts = [len(list(wb[n].iter_rows(min_row=2))) for n in names]
    assert max(counts) == 10 and sum(counts) == repo.count_events(known_show.show_id)
    wb.close()


def test_a_show_that_never_started(service, repo, tmp_path):
    out = tmp_path / "empty.xlsx"
    recap = export_recap(repo, service.show_id, out, lang="en")
    assert recap.kpis.gmv == 0 and recap.event_count == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    assert len(wb.sheetnames) == len(SHEET_KEYS)  # every sheet, empty or not
    wb.close()
