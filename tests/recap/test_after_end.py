"""The end is the end: events stamped after the show ended stay in the log, are marked on the
Events sheet and counted apart; every sheet agrees with the Summary on the show, to the cent."""

from __future__ import annotations

import openpyxl
import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.recap.workbook import export_recap
from tests.recap.books import (
    EN,
    Totals,
    after_end_section,
    event_rows,
    events_totals,
    labelled,
    minutes_sum,
    products_rows_sum,
    products_total_row,
    summary_totals,
    table,
)

TRAFFIC, IMAGE = "SKU-1001", "SKU-3001"
END = 120.0


def _order(t: float, sku: str | None, value: float, qty: int, ref: str, user: str | None = None, **kw) -> Event:
    return Event(ev.ORDER, t, user=user or f"b-{ref}", product=sku, value=value, qty=qty, ref=ref, **kw)


def _manual(t: float, value: float, orders: int, ref: str) -> Event:
    return Event(ev.ORDER, t, value=value, qty=0, ref=ref, flag=ev.FLAG_MANUAL, data={"orders": orders})


@pytest.fixture
def ended_show(service, clock, writer) -> int:
    """Two minutes of show, then the platform keeps reporting: orders (one stamped at the
    very moment of the end), a typed-in total, viewers and likes, after the end too."""
    t0 = clock.now()

    def at(t: float, *events: Event) -> None:
        clock.t = t0 + t
        for e in events:
            e.ts = t0 + e.ts
        if events:
            service.ingest(list(events))

    service.run(commands.start)
    service.run(commands.set_shelf, TRAFFIC, True)
    service.run(commands.set_shelf, IMAGE, True)
    at(10, Event(ev.VIEWERS, 10, value=100, qty=150))
    at(12, Event(ev.LIKE, 12, user="u1", qty=7))
    at(20, _order(20, TRAFFIC, 29.7, 3, "o1"))
    at(30, _order(30, IMAGE, 699.0, 1, "o2"))
    at(65, _order(65, TRAFFIC, 0.1, 1, "o3"), _order(70, TRAFFIC, 0.2, 2, "o4"))  # 0.1 + 0.2 ≠ 0.3 in floats
    at(90, _manual(90, 33.33, 2, "m1"))
    at(100, Event(ev.VIEWERS, 100, value=200, qty=260), Event(ev.LIKE, 100, qty=4))
    at(119.5, _order(119.5, IMAGE, 699.0, 1, "o5"))
    at(END)
    service.run(commands.end_show)
    at(END, _order(END, TRAFFIC, 9.9, 1, "o6"))  # stamped at the end: the show's
    at(120.5, _order(120.5, TRAFFIC, 19.8, 2, "late1"))
    at(130, Event(ev.VIEWERS, 130, value=50, qty=300), Event(ev.LIKE, 131, user="u9", qty=3))
    at(140, _order(140, IMAGE, 699.0, 1, "late2"), Event(ev.COMMENT, 140, user="u9", text="还能买吗"))
    at(150, _manual(150, 10.01, 1, "m2"))
    assert writer.flush()
    return service.show_id


SHOW = Totals(orders=1 + 1 + 1 + 1 + 2 + 1 + 1, gmv_cents=2970 + 69900 + 10 + 20 + 3333 + 69900 + 990)
AFTER = Totals(orders=3, gmv_cents=1980 + 69900 + 1001)


@pytest.fixture
def book(ended_show, repo, tmp_path):
    out = tmp_path / "ended.xlsx"
    export_recap(repo, ended_show, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out)
    yield wb
    wb.close()


def test_every_sheet_agrees_with_the_summary_on_the_show_to_the_cent(book):
    assert summary_totals(book) == SHOW
    assert products_total_row(book) == SHOW
    assert products_rows_sum(book) == SHOW
    assert minutes_sum(book) == SHOW
    assert events_totals(book, after_end=False) == SHOW


def test_the_after_the_end_line_counts_what_came_later(book):
    after = after_end_section(book)
    assert after[EN("after.orders")] == AFTER.orders
    assert round(after[EN("after.gmv")] * 100) == AFTER.gmv_cents
    assert after[EN("after.quantity")] == 2 + 1
    assert after[EN("after.entries")] == 300 - 260
    assert (after[EN("after.likes")], after[EN("after.comments")]) == (3, 1)
    assert EN("after.shares") not in after  # none: no line
    assert after[EN("after.events")] == 6
    assert events_totals(book, after_end=True) == AFTER


def test_the_show_figures_leave_the_late_audience_out(book):
    s = labelled(book[EN("sheet.summary")])
    assert s[EN("kpi.views")][0] == 260 and s[EN("kpi.likes")][0] == 11
    assert s[EN("kpi.peak_online")][0] == 200 and s[EN("kpi.comments")][0] == 0
    assert s[EN("kpi.buyers")][0] == 6  # o1…o6; the late buyers are not the show's
    minutes = table(book[EN("sheet.minutes")])
    assert [r[EN("mi.minute")] for r in minutes] == [0, 1, 2]  # the end's minute is the last


def test_the_events_sheet_keeps_the_whole_log_and_marks_what_came_after(book, repo, ended_show):
    rows = event_rows(book)
    assert len(rows) == repo.count_events(ended_show)
    mark = EN("ev.after_end_mark")
    marked = [r for r in rows if r[EN("ev.after_end")] == mark]
    assert [r[EN("ev.kind")] for r in marked] == ["order", "viewers", "like", "order", "comment", "order"]
    ended = next(i for i, r in enumerate(rows) if r[EN("ev.kind")] == "show_ended")
    assert all(r[EN("ev.after_end")] is None for r in rows[:ended + 2])  # the end, and the order stamped at it
    assert all(r[EN("ev.after_end")] == mark for r in rows[ended + 2:])


def test_a_show_still_running_counts_everything_and_says_so(service, clock, writer, repo, tmp_path):
    service.run(commands.start)
    service.run(commands.set_shelf, TRAFFIC, True)
    clock.advance(30)
    service.ingest([_order(clock.now(), TRAFFIC, 9.9, 1, "o1")])
    assert writer.flush()
    out = tmp_path / "running.xlsx"
    recap = export_recap(repo, service.show_id, out, lang="en", utc_offset_s=0)
    assert (recap.kpis.orders, recap.after_end.orders) == (1, 0)
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        assert labelled(wb[EN("sheet.summary")])[EN("after.heading")][0] == EN("after.not_ended")
    finally:
        wb.close()
