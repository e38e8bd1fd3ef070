"""The review's sheets in the exported workbook (a real SQLite show, a real platform
import through the service): Provenance agrees with the Summary to the cent, the
Reconciliation shows the known difference (or says plainly there is no import), the
Ranked problems carry their actions, and the zh_CN sheets hold no English."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.platform_rows import ORDERS, PlatformSpec, platform_events
from controlroom.core.sample_words import plan_words
from controlroom.feeds.catalogue import sample_products
from controlroom.recap.texts import Texts
from controlroom.recap.workbook import export_recap
from controlroom.services.bulk_import import import_mapped
from controlroom.services.show_service import ShowService, create_show

from .books import EN, labelled, rows, summary_totals, table, to_cents
from .conftest import SKU_A, T0

ZH = Texts("zh_CN")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
BRANDS = re.compile(r"\bOBS\b")  # a name, as 抖音 is; the Summary's own label says "OBS 推流事故"


def _padded(ws) -> list[dict]:
    """A sheet whose table is followed by shorter rows (notes, a second small table)."""
    head, *body = rows(ws)
    return [dict(zip(head, tuple(r) + (None,) * (len(head) - len(r)), strict=False)) for r in body]


def _export(repo, show_id, tmp_path, lang="en"):
    out = tmp_path / f"recap-{lang}.xlsx"
    export_recap(repo, show_id, out, lang=lang, utc_offset_s=0)
    return openpyxl.load_workbook(out, read_only=True)


def _import_platform_orders(service) -> None:
    """The platform's order list: o1 (the live feed caught it: skipped) and p1, ¥88 at 1:40,
    which the live feed missed."""
    stamp = [dt.datetime.fromtimestamp(T0 + s, dt.UTC).strftime("%Y-%m-%d %H:%M:%S") for s in (65, 100)]
    rows_ = [["o1", stamp[0], SKU_A, 9.9], ["p1", stamp[1], SKU_A, 88.0]]
    spec = PlatformSpec(ORDERS, {"order_id": 0, "time": 1, "product": 2, "amount": 3}, dt.UTC)
    result = import_mapped(service, lambda state: platform_events(state, ["订单号", "下单时间", "商品", "实付金额"],
                                                                   rows_, spec))
    assert result.duplicate_orders == 1 and len(result.events) == 1


def test_provenance_agrees_with_the_summary_and_no_import_is_said_plainly(known_show, repo, tmp_path):
    wb = _export(repo, known_show.show_id, tmp_path)
    totals = summary_totals(wb)
    prov = [r for r in _padded(wb[EN("sheet.provenance")]) if r[EN("pv.source")] is not None]
    orders = {r[EN("pv.source")]: r for r in prov if r[EN("pv.family")] == EN("family.orders")}
    assert orders[EN("source.manual")][EN("pv.count")] == 3  # the typed-in total of 3 orders
    assert sum(r[EN("pv.count")] for r in orders.values()) == totals.orders
    assert sum(to_cents(r[EN("pv.gmv")]) for r in orders.values()) == totals.gmv_cents
    assert rows(wb[EN("sheet.reconciliation")]) == [(EN("rc.none"),)]
    incidents = labelled(wb[EN("sheet.incidents")])
    assert incidents[EN("kpi.incident_s")][0] == dt.timedelta(seconds=30)  # i1: 2:40 … 3:10
    ranked = table(wb[EN("sheet.ranked")])
    assert [r[EN("rk.rank")] for r in ranked] == list(range(1, len(ranked) + 1))
    scores = [r[EN("rk.score")] for r in ranked]
    assert scores == sorted(scores, reverse=True) and all(r[EN("rk.action")] for r in ranked)
    assert ranked[0][EN("pb.kind")] == EN("problem.oversell")  # an off-shelf order beats everything else here
    wb.close()


def test_reconciliation_sheet_shows_the_order_the_live_feed_missed(known_show, service, repo, tmp_path):
    (tmp_path / "before").mkdir()
    before = _export(repo, known_show.show_id, tmp_path / "before")
    live = summary_totals(before)
    before.close()
    _import_platform_orders(service)
    wb = _export(repo, known_show.show_id, tmp_path)
    body = _padded(wb[EN("sheet.reconciliation")])
    minute = next(r for r in body if r[EN("mi.minute")] == 1)
    assert (minute[EN("rc.live_orders")], minute[EN("rc.platform_orders")], minute[EN("rc.orders_diff")]) == (2, 3, 1)
    assert to_cents(minute[EN("rc.gmv_diff")]) == 8800
    assert minute[EN("rc.flag")] == f"{EN('diff.orders')}, {EN('diff.gmv')}"
    total = next(r for r in body if r[EN("mi.minute")] == EN("rc.total"))
    assert (total[EN("rc.live_orders")], to_cents(total[EN("rc.live_gmv")])) == (live.orders, live.gmv_cents)
    assert total[EN("rc.platform_orders")] == live.orders + 1
    assert to_cents(total[EN("rc.platform_gmv")]) == live.gmv_cents + 8800
    assert summary_totals(wb).gmv_cents == live.gmv_cents + 8800  # the import is in the show's figures
    ranked = [r[EN("pb.kind")] for r in table(wb[EN("sheet.ranked")])]
    assert EN("problem.reconcile") in ranked
    wb.close()


def test_the_chinese_review_sheets_hold_no_english(repo, writer, clock, tmp_path):
    sid = create_show(repo, "彩排", 60, sample_products("zh_CN"), clock.now(), room="rehearsal",
                      words=plan_words("zh_CN"))
    service = ShowService(repo, writer, sid, clock)
    service.run(commands.start)
    clock.t += 30
    service.ingest([Event(ev.VIEWERS, clock.t, value=100.0), Event(ev.COMMENT, clock.t, user="u1", text="多少钱")])
    service.run(commands.open_incident, "technical: OBS 码率 300 kbps", "obs:bitrate")
    clock.t += 200
    service.run(commands.close_incident, "obs:bitrate")
    service.open_incident_next("technical: 黑屏")
    clock.t += 200
    service.record_manual(online=120, gmv_total=99.0, orders_total=1)
    service.run(commands.end_show)
    assert writer.flush()
    wb = _export(repo, sid, tmp_path, "zh_CN")
    service.close()
    found = []
    for key in ("ranked", "provenance", "reconciliation", "incidents"):
        for row in rows(wb[ZH(f"sheet.{key}")]):
            if key == "incidents" and row[:1] == (ZH("obs.bitrate"),):
                row = row[:1] + row[2:]  # the incident's own text is the log's (OBS wrote it)
            found += [v for v in row if isinstance(v, str) and LATIN_WORD.search(BRANDS.sub("", v))]
    kinds = [r[2] for r in rows(wb[ZH("sheet.ranked")])[1:]]
    wb.close()
    assert found == []
    assert ZH("problem.degraded_stream") in kinds and ZH("problem.incident") in kinds
