"""The per-slot recap's pieces with no database: the tail after a slot (cut by the product's
next slot and by the show's end), the stock a show starts with, GPM and UV value's edges."""

from __future__ import annotations

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.pacing import SegmentRun
from controlroom.core.recap_money import Audience, AudienceWatch, Basis, gpm, money_per_view, uv_value
from controlroom.core.recap_skus import StartStock
from controlroom.core.recap_slots import _tails
from tests.core.helpers import Driver


def _runs(*spans: tuple[float, float | None]) -> list[SegmentRun]:
    return [SegmentRun(uid=str(i), started_at=a, ended_at=b) for i, (a, b) in enumerate(spans)]


def test_a_tail_ends_at_its_length_the_products_next_slot_or_the_shows_end():
    runs = _runs((0, 100), (100, 130), (130, 200), (200, 400), (400, None))
    tails = _tails(runs, ["A", None, "A", "B", None], 300.0, show_end=450.0)
    a = [(t.start, t.end, t.run, t.closed) for t in tails["A"]]
    assert a == [(100, 130, 0, False), (200, 450, 2, True)]  # cut at A's next slot; then at the end
    assert [(t.start, t.end) for t in tails["B"]] == [(400, 450)]
    last = tails["A"][1]
    assert last.holds(450.0) and last.holds(200.0) and not last.holds(450.5)  # the end's own order is the show's
    assert not tails["A"][0].holds(130.0)  # A's next slot has it


def test_a_slot_still_on_air_at_the_end_has_no_tail():
    assert _tails(_runs((0, None)), ["A"], 300.0, show_end=None) == {}
    assert _tails(_runs((0, 100)), ["A"], 0.0, show_end=None) == {}  # recap_tail_minutes 0: none


def test_stock_at_start_takes_edits_before_it_and_an_edits_old_value_after_it():
    d = Driver()  # T1 100, P1 20, I1 5 in its final catalogue
    stock = StartStock(d.state)
    for e in (
        Event(ev.STOCK_ADJUSTED, 1, product="T1", qty=-40),
        Event(ev.PRODUCT_UPDATED, 2, product="I1", data={"stock": 8, "was": {"stock": 3}}),
        Event(ev.SHOW_STARTED, 3),
        Event(ev.STOCK_ADJUSTED, 4, product="T1", qty=+500),  # a restock in the show: not the start's
        Event(ev.PRODUCT_UPDATED, 5, product="P1", data={"stock": 20, "was": {"stock": 12}}),
        Event(ev.PRODUCT_UPDATED, 6, product="P1", data={"stock": 99, "was": {"stock": 20}}),
        Event(ev.PRODUCT_UPDATED, 7, product="I1", data={"stock": 5, "was": {"stock": 8}}),
    ):
        stock.add(e)
    assert stock.at_start() == {"T1": 100 - 40, "P1": 12, "I1": 8}


def test_money_per_view_divides_only_by_something():
    assert gpm(12345, 0) is None and uv_value(100, 0) is None
    assert gpm(990, 3) == 3300.0 and uv_value(990, 3) == 3.3
    watch = AudienceWatch()
    span = Audience()
    watch.counter(50, (span,))
    watch.counter(30, (span,))  # a counter going back brings no views
    watch.join(None, (span,))
    assert watch.basis == Basis(counter=True, viewers_known=False)
    per_entry = money_per_view(1000, span, watch.basis)
    assert (per_entry.views, per_entry.people, per_entry.uv_value) == (50, 50, 0.2)
    watch.join("u1", (span, None))
    watch.join("u1", (span,))
    by_viewer = money_per_view(1000, span, watch.basis)
    assert (by_viewer.people, by_viewer.uv_value) == (2, 5.0)  # u1 once, and the anonymous one
