"""Edits as events: the rules (nothing in use removed, no history rewritten), the merge
of a product sheet and of an imported plan, their previews, and the fold — live and
replayed in time order give the same show; the plan at any moment is a fold too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.edits import (
    ADDED,
    KEPT,
    REFUSED,
    REMOVED,
    UPDATED,
    Usage,
    catalogue_adjustments,
    edit_products,
    merge_products,
)
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.plan_edits import (
    Catalogue,
    catalogue_at,
    edit_plan,
    edit_settings,
    edit_show,
    match_uids,
    merge_plan,
    with_marker,
)
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowInfo, ShowState, status_dict
from tests.core.helpers import PRODUCTS, Driver, small_plan


def products(d: Driver) -> list[Product]:
    q = d.state.queue
    return [replace(q.products[s]) for s in q.order]


def edit(d: Driver, make) -> list[Event]:
    """Apply a core edit as the service does: judged, then folded and logged."""
    return d.do(lambda s, now: with_marker(make(s, now), now))


def order(d: Driver, sku: str, qty: int = 1, ts: float | None = None, ref: str | None = None) -> None:
    d.feed(Event(ev.ORDER, d.clock.now() if ts is None else ts, user="u", product=sku, qty=qty,
                 value=9.9 * qty, ref=ref or f"o{len(d.log)}"))


def live_show() -> Driver:
    """Started, T1 on shelf with 3 sold, P1 unused by sales."""
    d = Driver()
    d.do(commands.start)
    d.clock.advance(10)
    d.do(commands.next_segment)  # slot1: T1 on air
    d.do(commands.set_shelf, "T1", True)
    order(d, "T1", 3)
    d.clock.advance(10)
    return d


def replayed(d: Driver) -> ShowState:
    """What load_show does: the show as created, then the log in time order."""
    state = ShowState.new(ShowInfo(1, "t", d.state.info.created_at), small_plan(),
                          [Product(**vars(p)) for p in PRODUCTS], ShowSettings())
    for e in sorted(d.log, key=lambda e: e.ts):  # sorted() is stable: same-ts events keep their order
        state.apply(e)
    return state


def same_show(d: Driver) -> None:
    now = d.clock.now()
    assert status_dict(replayed(d).snapshot(now)) == status_dict(d.state.snapshot(now))


# -- the rules --------------------------------------------------------------------------
def test_what_is_in_use_cannot_be_removed():
    d = live_show()
    d.do(commands.set_shelf, "P1", True)
    everything = products(d)
    for sku, why in (("T1", "T1 is on air: it cannot be removed"),
                     ("P1", "P1 is on shelf: it cannot be removed")):
        with pytest.raises(CommandError, match=why):
            edit(d, lambda s, now, sku=sku: edit_products(s, [p for p in everything if p.sku != sku], now))
    d.do(commands.next_segment)  # interaction: T1 is no longer on air, still on shelf, has sales
    d.do(commands.set_shelf, "T1", False)
    with pytest.raises(CommandError, match="T1 has sales: it cannot be removed"):
        edit(d, lambda s, now: edit_products(s, [p for p in everything if p.sku != "T1"], now))
    assert Usage.of(d.state).rename_refusal("T1") == "T1 has sales: its SKU cannot change"
    d.do(commands.set_shelf, "P1", False)
    with pytest.raises(CommandError, match=r"P1 is used by segment\(s\) 4: change them first"):
        edit(d, lambda s, now: edit_products(s, [p for p in everything if p.sku != "P1"], now))
    assert edit(d, lambda s, now: edit_products(s, [p for p in everything if p.sku != "I1"], now))
    assert d.state.queue.order == ["T1", "P1"]


def test_a_product_that_has_sold_keeps_its_sku_and_its_stock_history():
    d = live_show()
    usage = Usage.of(d.state)
    assert usage.rename_refusal("T1") == "T1 is on air: its SKU cannot change"
    assert usage.rename_refusal("I1") is None
    renamed = [replace(p, sku="T1-NEW") if p.sku == "T1" else p for p in products(d)]
    with pytest.raises(CommandError, match="T1 is on air"):
        edit(d, lambda s, now: edit_products(s, renamed, now))
    restocked = [replace(p, stock=600) if p.sku == "T1" else p for p in products(d)]
    with pytest.raises(CommandError, match="set its stock in the queue"):
        edit(d, lambda s, now: edit_products(s, restocked, now))
    assert d.state.queue.stock("T1") == 97


def test_duplicates_and_bad_rows_are_named_and_change_nothing():
    d = live_show()
    twice = products(d) + [replace(products(d)[1], name="again")]
    with pytest.raises(CommandError, match="product row 4: SKU P1 appears twice"):
        edit(d, lambda s, now: edit_products(s, twice, now))
    with pytest.raises(CommandError, match="product row 1: price"):
        edit(d, lambda s, now: merge_products(s, [Product("X", "x", Role.PROFIT, -1.0, 1)], now))
    assert [e.kind for e in d.log if e.kind in ev.EDIT_KINDS] == []


# -- merging a product sheet ---------------------------------------------------------------
def test_a_sheet_into_a_running_show_merges_and_previews_per_sku():
    d = live_show()
    sheet = [
        Product("T1", "防晒袖套 新款", Role.TRAFFIC, 8.8, 100, "凉感", "买一送一"),  # on air: renamed, re-priced
        Product("I1", "围巾", Role.IMAGE, 599.0, 8),  # unused: re-priced, restocked
        Product("N1", "新品", Role.PROFIT, 19.9, 50),
    ]  # P1 is missing
    preview = merge_products(d.state, sheet, d.clock.now())
    by = {(c.key, c.action): c for c in preview.changes}
    assert set(by) == {("T1", UPDATED), ("T1", REFUSED), ("I1", UPDATED), ("N1", ADDED), ("P1", KEPT)}
    assert by["T1", UPDATED].fields == (("price", 9.9, 8.8), ("promo", "半价", "买一送一"))
    assert by["T1", REFUSED].why == "T1 is on air: its name and role stay as they are"
    assert by["P1", KEPT].why == "not in the sheet"
    assert preview.summary() == "1 added, 2 updated, 1 kept, 1 refused, 0 unchanged"
    assert d.log[-1].kind == ev.ORDER  # a preview changes nothing
    edit(d, lambda s, now: merge_products(s, sheet, now))
    q = d.state.queue
    assert q.order == ["T1", "P1", "I1", "N1"]
    assert (q.products["T1"].name, q.products["T1"].price, q.stock("T1")) == ("防晒袖套", 8.8, 97)
    assert (q.products["I1"].price, q.stock("I1")) == (599.0, 8)
    assert "T1" in q.on_shelf and q.sales["T1"].quantity == 3
    same_show(d)


def test_a_new_stock_figure_for_a_sold_product_is_an_adjustment_made_once():
    d = live_show()
    sheet = [replace(p, stock=700) if p.sku == "T1" else p for p in products(d)]  # the sheet said 100
    preview = merge_products(d.state, sheet, d.clock.now())
    (change,) = preview.changes
    assert change.fields == (("stock", 100, 700),) and "what was sold stays sold, 697 left" in change.why
    edit(d, lambda s, now: merge_products(s, sheet, now))
    adjusted = [e for e in d.log if e.kind == ev.STOCK_ADJUSTED]
    assert [(e.qty, e.value, e.text) for e in adjusted] == [(600, 697.0, "import")]
    assert d.state.queue.products["T1"].stock == 100 and d.state.queue.stock("T1") == 697
    again = merge_products(d.state, sheet, d.clock.now(), catalogue_adjustments(d.log))
    assert again.events == [] and again.unchanged == 3
    too_few = [replace(p, stock=2) if p.sku == "T1" else p for p in products(d)]
    (refused,) = merge_products(d.state, too_few, d.clock.now(), catalogue_adjustments(d.log)).changes
    assert refused.action == REFUSED and refused.why == "T1: stock 2 would leave -1 after what was sold"
    same_show(d)


def test_before_the_start_a_sheet_replaces_what_no_segment_uses_and_sets_the_order():
    d = Driver()
    sheet = [Product("N1", "新品", Role.TRAFFIC, 1.0, 5), Product("P1", "面膜", Role.PROFIT, 59.0, 30)]
    preview = merge_products(d.state, sheet, d.clock.now())
    actions = {c.key: c.action for c in preview.changes}
    assert actions == {"N1": ADDED, "P1": UPDATED, "T1": KEPT, "I1": REMOVED}
    assert next(c for c in preview.changes if c.key == "T1").why == "T1 is used by segment(s) 2: change them first"
    edit(d, lambda s, now: merge_products(s, sheet, now))
    assert d.state.queue.order == ["N1", "P1", "T1"]
    assert d.state.queue.stock("P1") == 30
    assert d.state.queue.products["P1"].promo == "满99减20"  # the sheet's empty promo changes nothing
    same_show(d)


# -- the plan -----------------------------------------------------------------------------
def test_the_segment_on_air_stays_and_imported_segments_keep_their_uid():
    d = live_show()
    plan = d.state.plan
    without = Plan([s for s in plan.segments if s.uid != "slot1"])
    with pytest.raises(CommandError, match="“防晒袖套” is on air: move on before removing it"):
        edit(d, lambda s, now: edit_plan(s, without, now))
    typed = Plan([replace(s, uid=f"typed{i}", planned_s=s.planned_s + (60 if s.uid == "push" else 0))
                  for i, s in enumerate(without.segments)])  # a plan typed in Excel, no ids
    assert [s.uid for s in match_uids(plan, typed).segments] == ["open", "inter", "slot2", "push", "close"]
    preview = merge_plan(d.state, typed, d.clock.now())
    assert [(c.key, c.action) for c in preview.changes] == [("slot1", KEPT), ("push", UPDATED)]
    assert preview.changes[0].why == "“防晒袖套” is on air: it stays in the plan"
    edit(d, lambda s, now: merge_plan(s, typed, now))
    assert [s.uid for s in d.state.plan.segments] == ["open", "slot1", "inter", "slot2", "push", "close"]
    assert d.state.pacing(d.clock.now()).segment.uid == "slot1"
    same_show(d)


def test_products_and_plan_edited_together_let_a_segment_follow_a_renamed_product():
    d = Driver()
    renamed = [replace(p, sku="P1-B") if p.sku == "P1" else p for p in products(d)]
    plan = Plan([replace(s, product_sku="P1-B") if s.product_sku == "P1" else s for s in d.state.plan.segments])
    with pytest.raises(CommandError, match="used by segment"):
        edit(d, lambda s, now: edit_products(s, renamed, now))
    d.do(lambda s, now: edit_show(s, renamed, plan, now))
    assert d.state.queue.order == ["T1", "P1-B", "I1"] and d.state.plan.segments[3].product_sku == "P1-B"
    assert [e.kind for e in d.log] == [ev.PRODUCT_ADDED, ev.PRODUCT_REMOVED, ev.PRODUCTS_ORDERED, ev.PLAN_EDITED,
                                      ev.PLAN_SET, ev.PLAN_EDITED]
    same_show(d)


def test_settings_changes_carry_only_what_changed():
    d = Driver()
    (changed, marker) = d.do(lambda s, now: edit_settings(s, s.settings.replace(low_stock_units=3), now))
    assert changed.data == {"low_stock_units": 3} and marker.kind == ev.PLAN_EDITED
    assert d.do(lambda s, now: edit_settings(s, s.settings, now)) == []
    with pytest.raises(CommandError, match="slot_warn_minutes"):
        d.do(lambda s, now: edit_settings(s, ShowSettings(slot_warn_minutes=9), now))
    assert replayed(d).settings.low_stock_units == 3


# -- the fold -------------------------------------------------------------------------------
def test_a_late_order_before_its_product_was_added_replays_as_it_was_counted():
    """Replay goes in time order: an order stamped before the product_added that came
    after it is still that product's sale (its flag says so), not an unknown one."""
    d = live_show()
    before = d.clock.now() - 5
    edit(d, lambda s, now: merge_products(s, products(d) + [Product("N1", "新品", Role.PROFIT, 5.0, 10)], now))
    order(d, "N1", 2, ts=before)  # the feed's timestamp is earlier than the edit
    assert d.state.queue.sales["N1"].quantity == 2 and d.log[-1].flag == ev.FLAG_OFF_SHELF
    same_show(d)
    assert replayed(d).queue.stock("N1") == 8


def test_an_unreadable_edit_event_is_left_out_not_fatal():
    d = Driver()
    for e in (Event(ev.PLAN_SET, 1.0, data={"segments": [{"kind": "nonsense"}]}),
              Event(ev.PRODUCT_ADDED, 1.0, product="X", data={"name": "x"}),
              Event(ev.SETTINGS_CHANGED, 1.0, data={"slot_warn_minutes": -1}),
              Event(ev.PLAN_EDITED, 1.0, ref="plan", qty=3)):  # what older logs hold: folds to nothing
        d.state.apply(e)
    assert [s.uid for s in d.state.plan.segments] == [s.uid for s in small_plan().segments]
    assert d.state.queue.order == ["T1", "P1", "I1"] and d.state.settings == ShowSettings()


def test_the_plan_at_any_moment_is_the_creation_and_the_edits_until_then():
    d = Driver()
    created = Catalogue(small_plan(), [Product(**vars(p)) for p in PRODUCTS], ShowSettings())
    t0 = d.clock.now()
    d.clock.advance(60)
    longer = Plan([replace(s, planned_s=900.0) if s.uid == "push" else s for s in d.state.plan.segments])
    edit(d, lambda s, now: edit_plan(s, longer, now))
    d.clock.advance(60)
    extra = Segment(SegmentKind.FREE, "加播", 300.0, uid="extra")
    edit(d, lambda s, now: edit_plan(s, Plan(s.plan.segments + [extra]), now))
    edit(d, lambda s, now: merge_products(s, products(d) + [Product("N1", "新品", Role.PROFIT, 5.0, 10)], now))
    at = [catalogue_at(created, d.log, t) for t in (t0 + 30, t0 + 90, t0 + 150)]
    assert [a.plan.total_s() for a in at] == [1800.0, 2100.0, 2400.0]
    assert [len(a.products) for a in at] == [3, 3, 4]
    assert created.plan.total_s() == 1800.0  # the starting point is not changed
