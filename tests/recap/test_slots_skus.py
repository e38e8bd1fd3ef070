"""The serious 复盘 on a hand-built show with known answers: GPM and UV value (show, run,
product), the per-slot sheet (time debt, the slot product's sales and its tail), interactions
planned vs held, the per-SKU sheet (stock at start, sell-through, sell-out, oversells) —
each figure as worked out by hand below, the sheets' sums equal to the Summary's to the cent,
and to `status`."""

from __future__ import annotations

import re
from dataclasses import replace

import openpyxl
import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.recap.texts import Texts
from controlroom.recap.workbook import export_recap
from tests.recap.books import EN, labelled, rows, summary_totals, to_cents
from tests.recap.conftest import T0

A, B, C = "SKU-1001", "SKU-2001", "SKU-2002"  # sample catalogue: 9.90, 59.00, 199.00 (stock 120)
PLAN = Plan([
    Segment(SegmentKind.OPENING, "开场", 120, uid="open"),          # offset   0
    Segment(SegmentKind.PRODUCT, "袖套", 180, A, uid="slotA"),       # offset 120
    Segment(SegmentKind.INTERACTION, "互动", 60, uid="inter"),      # offset 300
    Segment(SegmentKind.PRODUCT, "面膜", 120, B, uid="slotB"),       # offset 360
    Segment(SegmentKind.INTERACTION, "抽奖", 60, uid="inter2"),     # offset 480: skipped
    Segment(SegmentKind.PRODUCT, "袖套返场", 60, A, uid="slotA2"),   # offset 540
    Segment(SegmentKind.CLOSING, "结束", 60, uid="close"),          # offset 600
])


def _order(sku: str | None, cents: int, qty: int, ref: str, user: str) -> Event:
    return Event(ev.ORDER, 0, user=user, product=sku, value=cents / 100, qty=qty, ref=ref)


def build_money_show(service, clock, writer) -> int:
    """Runs [0,100) open, [100,300) slotA (+0.5 min), [300,360) inter, [360,500) slotB,
    [500,560) slotA2 (a jump over inter2), [560,640) close; the show ends at 640."""
    service.update_plan(PLAN)
    service.update_settings(replace(service.state.settings, recap_tail_minutes=1.0))

    def at(t: float, *items) -> None:
        clock.t = T0 + t
        events = [e for e in items if isinstance(e, Event)]
        for e in events:
            e.ts = T0 + t
        if events:
            service.ingest(events)
        for item in items:
            if callable(item):  # a service call of its own
                item()
            elif not isinstance(item, Event):
                service.run(*item)

    at(-60, (commands.set_stock, A, 10), (commands.set_stock, B, 5))  # before the start: A starts with 10, B 5
    at(-30, _order(A, 990, 1, "o0", "b0"))                            # before the start, off shelf: an oversell
    at(0, (commands.start,))
    at(5, Event(ev.VIEWERS, 0, value=50, qty=40))
    at(10, Event(ev.JOIN, 0, user="v1"))
    at(20, Event(ev.JOIN, 0, user="v2"))
    at(30, Event(ev.JOIN, 0))                                          # anonymous: one viewer
    at(100, (commands.next_segment,))                                  # slotA: A on shelf, explained
    at(110, Event(ev.VIEWERS, 0, value=80, qty=100))
    at(120, Event(ev.JOIN, 0, user="v1"))                             # again: still one viewer
    at(130, Event(ev.JOIN, 0, user="v3"))
    at(150, _order(A, 990, 1, "o1", "b1"))
    at(200, _order(A, 1980, 2, "o2", "b2"), (commands.extend, 0.5))
    at(250, _order(A, 990, 1, "o3", "b3"))
    at(300, (commands.next_segment,))                                  # inter: A still on shelf, explained
    at(310, _order(A, 990, 1, "o4", "b4"))                            # A's tail after slotA
    at(320, (commands.mark_interaction,))
    at(330, Event(ev.VIEWERS, 0, value=90, qty=150))
    at(360, (commands.next_segment,))                                  # slotB: A off shelf, B on, explained
    at(370, _order(A, 990, 1, "o5", "b5"))                            # A off shelf: an oversell, after A's tail
    at(380, lambda: service.update_products([
        replace(p, stock=50) if p.sku == C else p for p in service.state.queue.products.values()]))
    at(400, _order(B, 5900, 1, "o6", "b6"))
    at(420, _order(B, 23600, 4, "o7", "b1"))                          # the last four: B sold out at 420
    at(430, _order(B, 5900, 1, "o8", "b7"))                           # sold out: an oversell
    at(440, Event(ev.VIEWERS, 0, value=100, qty=180), Event(ev.JOIN, 0, user="v4"))
    at(450, Event(ev.ORDER, 0, value=100.0, qty=0, ref="m1", flag=ev.FLAG_MANUAL, data={"orders": 2}))
    at(500, (commands.jump, 5))                                        # slotA2: B off shelf, A on, explained
    at(505, _order(B, 5900, 1, "o9", "b8"))                           # B off shelf: an oversell, in B's tail
    at(510, _order(A, 990, 1, "o10", "b9"))
    at(520, Event(ev.VIEWERS, 0, value=100, qty=200))
    at(560, (commands.next_segment,))                                  # close: A stays on shelf, explained
    at(570, _order(A, 990, 1, "o11", "b10"))                          # A's tail after slotA2
    at(600, Event(ev.VIEWERS, 0, value=100, qty=190))                 # the counter goes back: no views
    at(640, (commands.end_show,))
    assert writer.flush()
    return service.show_id


# Worked out by hand from the log above (cents; seconds).
GMV = 990 * 7 + 1980 + 5900 * 3 + 23600 + 10000        # A 8,910 + B 41,300 + typed-in 10,000 = 60,210
ORDERS = 12 + 2                                         # o0…o11, and the typed-in total's 2
VIEWS = 40 + 60 + 50 + 30 + 20                          # the counter's rises: 200
VIEWERS = 5                                             # v1, v2, v3, v4 and one anonymous
RUNS = [  # title, actual s, overrun s, ahead s, orders, GMV, views, GPM, UV value, product (o, c), tail (o, c)
    ("开场", 100, -20, 20, 0, 0, 40, 0.0, 0.0, None, None),
    ("袖套", 200, -10, 0, 3, 3960, 60, 660.0, 19.8, (3, 3960), (1, 990)),
    ("互动", 60, 0, 0, 1, 990, 50, 198.0, None, None, None),
    ("面膜", 140, 20, -20, 6, 46390, 30, 15463.33, 463.9, (3, 35400), (1, 5900)),
    ("袖套返场", 60, 0, 40, 2, 6890, 20, 3445.0, None, (1, 990), (1, 990)),
    ("结束", 80, 20, 20, 1, 990, 0, None, None, None, None),
]
OUTSIDE = (1, 990)                                      # o0, before the start
SKUS = {  # stock at start, units sold, sell-through, sold out after (s), on shelf (min), oversells, orders, GMV,
    #       GMV while explained, views while explained, GPM then, UV value then
    A: (10, 9, 0.9, None, round((360 - 100 + 640 - 500) / 60, 1), 2, 8, 8910, 6930, 130, 533.08, 34.65),
    B: (5, 7, 1.4, 420, round((500 - 360) / 60, 1), 2, 4, 41300, 35400, 30, 11800.0, 354.0),
    C: (120, 0, 0.0, None, 0.0, 0, 0, 0, 0, None, None, None),   # edited to 50 during the show: it started with 120
}


@pytest.fixture
def money_show(service, clock, writer) -> int:
    return build_money_show(service, clock, writer)


@pytest.fixture
def book(money_show, repo, tmp_path):
    out = tmp_path / "money.xlsx"
    recap = export_recap(repo, money_show, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out, read_only=True)
    yield recap, wb
    wb.close()


def _table(ws) -> tuple[list[dict], list[tuple]]:
    """A sheet's table (up to its first empty row) as dicts by header, and the rows after it."""
    head, *rest = rows(ws)
    body = []
    for i, row in enumerate(rest):
        if all(v is None for v in row):
            return body, rest[i + 1:]
        body.append(dict(zip(head, (*row, *[None] * (len(head) - len(row))), strict=True)))  # trailing blanks
    return body, []


def _seconds(duration) -> int:
    """A duration cell as openpyxl reads it back (a timedelta), in whole seconds."""
    return round(duration.total_seconds())


def _header(key: str, **params) -> str:
    return EN(key, **params)


def test_summary_gpm_and_uv_value_per_unique_viewer(book):
    recap, wb = book
    s = labelled(wb[EN("sheet.summary")])
    assert summary_totals(wb).gmv_cents == GMV and summary_totals(wb).orders == ORDERS
    assert s[EN("kpi.views")][0] == VIEWS
    assert s[EN("kpi.gpm")][0] == round(GMV / 100 / VIEWS * 1000, 2) == 3010.5
    assert s[EN("kpi.uv_value")][0] == round(GMV / 100 / VIEWERS, 2) == 120.42
    assert EN("kpi.uv_value_per_entry") not in s
    assert recap.slots is not None and recap.slots.basis.viewers_known


def test_per_slot_rows_as_worked_out_by_hand(book):
    _, wb = book
    body, foot = _table(wb[EN("sheet.slots")])
    assert [r[EN("sl.title")] for r in body] == [run[0] for run in RUNS]
    tail_o, tail_g = _header("sl.tail_orders", n=1), _header("sl.tail_gmv", n=1)
    for row, (title, actual, over, ahead, orders, gmv, views, gpm, uv, product, tail) in zip(body, RUNS, strict=True):
        assert _seconds(row[EN("sl.actual")]) == actual, title
        assert round(row[EN("sl.overrun")] * 60) == over, title
        assert round(row[EN("sl.ahead")] * 60) == ahead, title
        assert (row[EN("sl.orders")], to_cents(row[EN("sl.gmv")])) == (orders, gmv), title
        assert (row[EN("sl.views")], row[EN("sl.gpm")], row[EN("sl.uv")]) == (views, gpm, uv), title
        got_product = None if row[EN("sl.product_orders")] is None else (
            row[EN("sl.product_orders")], to_cents(row[EN("sl.product_gmv")]))
        assert got_product == product, title
        got_tail = None if row[tail_o] is None else (row[tail_o], to_cents(row[tail_g]))
        assert got_tail == tail, title
        if tail is not None:
            assert _seconds(row[EN("sl.tail_length")]) == 60
    assert [r[EN("sl.no")] for r in body] == [1, 2, 3, 4, 6, 7]  # the jump skipped the plan's 5th
    outside, total = foot[0], foot[1]
    head = rows(wb[EN("sheet.slots")])[0]
    col = {h: i for i, h in enumerate(head)}
    assert outside[col[EN("sl.title")]] == EN("sl.outside")
    assert (outside[col[EN("sl.orders")]], to_cents(outside[col[EN("sl.gmv")]])) == OUTSIDE
    assert (total[col[EN("sl.orders")]], to_cents(total[col[EN("sl.gmv")]])) == (ORDERS, GMV)
    assert sum(r[EN("sl.orders")] for r in body) + OUTSIDE[0] == ORDERS
    assert sum(to_cents(r[EN("sl.gmv")]) for r in body) + OUTSIDE[1] == GMV
    assert sum(r[EN("sl.views")] for r in body) == VIEWS


def test_interactions_planned_vs_held_and_the_longest_gap(book):
    _, wb = book
    _, foot = _table(wb[EN("sheet.slots")])
    block = {r[0]: r[1:] for r in foot if r and r[0] is not None}
    assert block[EN("ia.planned")][0] == 2
    assert block[EN("ia.runs")][0] == 1 and block[EN("ia.marked")][0] == 1 and block[EN("ia.held")][0] == 2
    longest = block[EN("ia.longest")]
    assert longest[0] == 5.0  # from the start (0) to the interaction segment (300); the last stretch 360→640 is 4.7
    assert longest[2].timestamp() == pytest.approx(T0) and longest[4].timestamp() == pytest.approx(T0 + 300)


def test_per_sku_rows_as_worked_out_by_hand(book):
    recap, wb = book
    body = [r for r in _table(wb[EN("sheet.skus")])[0]]
    by_sku = {r[EN("pr.sku")]: r for r in body if r[EN("pr.sku")]}
    for sku, (start, sold, through, sold_out, shelf, oversells, orders, gmv, gmv_x, views, gpm, uv) in SKUS.items():
        r = by_sku[sku]
        assert (r[EN("sk.stock_start")], r[EN("sk.sold")], r[EN("sk.sell_through")]) == (start, sold, through), sku
        after = r[EN("sk.sold_out_after")]
        assert (None if after is None else _seconds(after)) == sold_out, sku
        assert (r[EN("sk.shelf_minutes")], r[EN("sk.oversells")], r[EN("sk.orders")]) == (shelf, oversells, orders), sku
        assert (to_cents(r[EN("sk.gmv")]), to_cents(r[EN("sk.gmv_explained")])) == (gmv, gmv_x), sku
        assert (r[EN("sk.views")], r[EN("sk.gpm")], r[EN("sk.uv")]) == (views, gpm, uv), sku
    assert by_sku[B][EN("sk.sold_out_at")].timestamp() == pytest.approx(T0 + 420)
    products = {p.sku: p for p in recap.products}
    assert products[C].stock_start == 120 and products[C].stock_end == 50  # the Products sheet's agree
    total = body[-1]
    assert total[EN("pr.name")] == EN("sk.total")
    assert (total[EN("sk.orders")], to_cents(total[EN("sk.gmv")]), total[EN("sk.oversells")]) == (ORDERS, GMV, 4)
    assert sum(r[EN("sk.orders")] for r in body[:-1]) == ORDERS
    assert sum(to_cents(r[EN("sk.gmv")]) for r in body[:-1]) == GMV
    assert labelled(wb[EN("sheet.summary")])[EN("kpi.oversells")][0] == 4


def test_the_sheets_agree_with_status(money_show, service, book):
    _, wb = book
    totals = service.status()["totals"]
    assert (totals["orders"], round(totals["gmv"] * 100)) == (ORDERS, GMV) == (
        summary_totals(wb).orders, summary_totals(wb).gmv_cents)
    assert totals["views"] == VIEWS and totals["oversells"] == 4
    s = labelled(wb[EN("sheet.summary")])
    assert s[EN("kpi.gpm")][0] == round(totals["gmv"] / totals["views"] * 1000, 2)
    assert service.status()["stock"][B] == 5 - 7 and service.status()["stock"][A] == 10 - 9


def test_uv_value_is_per_entry_and_says_so_when_no_join_names_a_viewer(known_show, repo, tmp_path):
    out = tmp_path / "entries.xlsx"
    export_recap(repo, known_show.show_id, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out, read_only=True)
    s = labelled(wb[EN("sheet.summary")])
    gmv = sum(round(v * 100) for _, _, _, v, _ in known_show.orders)
    views = s[EN("kpi.views")][0]
    assert EN("kpi.uv_value") not in s
    assert s[EN("kpi.uv_value_per_entry")][0] == round(gmv / 100 / views, 2)
    assert rows(wb[EN("sheet.slots")])[0].count(EN("sl.uv_per_entry")) == 1
    assert rows(wb[EN("sheet.skus")])[0].count(EN("sk.uv_per_entry")) == 1
    wb.close()


ACRONYMS = re.compile(r"\b(GPM|UV|GMV|SKU|OBS)\b")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def test_the_chinese_sheets_hold_no_english(money_show, repo, tmp_path):
    zh = Texts("zh_CN")
    out = tmp_path / "zh.xlsx"
    export_recap(repo, money_show, out, lang="zh_CN", utc_offset_s=0)
    state = repo.load_show(money_show)
    # Outside text: the show's title ("测试场 Test show") and product names ("儿童保温杯 500ml").
    outside = [state.info.title, *(p.name for p in state.queue.products.values())]
    wb = openpyxl.load_workbook(out, read_only=True)
    for key in ("sheet.slots", "sheet.skus", "sheet.summary"):
        texts = [v for row in wb[zh(key)].iter_rows(values_only=True) for v in row if isinstance(v, str)]
        for name in outside:
            texts = [v.replace(name, "") for v in texts]
        words = [w for v in texts for w in LATIN_WORD.findall(ACRONYMS.sub("", v))]
        assert not words, (key, words)
    wb.close()
