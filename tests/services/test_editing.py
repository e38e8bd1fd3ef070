"""Edits through the service on a real SQLite file: a product sheet imported into a
running show with sales keeps the show whole, a fresh replay equals the live state, a
preview goes stale when the show changes, and an old log replays as it always did."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.commands import CommandError
from controlroom.core.plan import Plan
from controlroom.core.products import Product, Role
from controlroom.core.show import status_dict
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.simulator import RoomSimulator, room_context
from controlroom.services import editing
from controlroom.services.show_service import ShowService, create_show
from controlroom.sheets.products import read_products
from controlroom.store.writer import FeedWriter

HEADER = "商品名称,SKU,类型,价格,库存,卖点,优惠\n"


def replayed(service, now=None):
    assert service.writer.flush()
    return status_dict(service.repo.load_show(service.show_id).snapshot(service.now() if now is None else now))


def sell(service, sku, qty, ref):
    service.ingest([ev.Event(ev.ORDER, service.now(), user=f"buyer-{ref}", product=sku, qty=qty, value=9.9 * qty,
                             ref=ref)])


@pytest.fixture
def running(service, clock):
    """On air: SKU-1001's slot; SKU-1001 and SKU-1002 on shelf and sold; SKU-2001 restocked by hand."""
    service.start()
    clock.advance(30)
    service.next()
    for sku in ("SKU-1001", "SKU-1002"):
        service.run(c.set_shelf, sku, True)
    sell(service, "SKU-1001", 3, "o1")
    sell(service, "SKU-1002", 2, "o2")
    service.run(c.set_stock, "SKU-2001", 250, "recount")
    clock.advance(30)
    return service


def sheet_file(tmp_path, rows, name="sheet.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(",".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_200_row_sheet_into_a_running_show_keeps_everything_in_use(running, clock, tmp_path):
    before = running.status()
    rows = [["冰丝防晒袖套 二代", "SKU-1001-B", "引流款", 8.9, 600, "", ""],  # SKU-1001 renamed
            ["玻尿酸补水面膜 10片", "SKU-2001", "利润款", 49, 300, "", "满99减30"],  # re-priced
            ["真丝围巾 礼盒装", "SKU-3001", "形象款", 599, 30, "", ""]]
    rows += [[f"新品{i}", f"NEW-{i:03d}", "利润款", 10 + i, 20, "", ""] for i in range(197)]
    sheet = read_products(sheet_file(tmp_path, rows))  # omits SKU-1001, SKU-1002 and four more
    preview = editing.preview_products(running, sheet)
    assert preview.count("added") == 198 and preview.count("kept") == 6 and preview.count("updated") == 2
    assert running.status() == before  # a preview changes nothing
    done = editing.import_products(running, sheet, preview)
    after = running.status()
    for sku in ("SKU-1001", "SKU-1002", "SKU-2001"):  # sold, or with a stock history
        assert after["stock"][sku] == before["stock"][sku]
    assert after["on_shelf"] == before["on_shelf"] and after["segment"] == before["segment"]
    assert after["totals"] == before["totals"] and len(after["stock"]) == 8 + 198
    q = running.state.queue
    assert q.sales["SKU-1001"].quantity == 3 and q.products["SKU-2001"].price == 49.0
    assert [e.kind for e in done.events].count(ev.PRODUCT_ADDED) == 198
    sell(running, "SKU-1001", 1, "o3")  # still on shelf: an ordinary order
    assert running.state.queue.sales["SKU-1001"].oversells == 0
    assert replayed(running) == running.status()
    assert [p.sku for p in running.repo.load_products(running.show_id)] == [p.sku for p in sample_products()]


def test_a_sheet_restocking_a_sold_product_adjusts_its_stock_once(running, tmp_path):
    sheet = [Product(p.sku, p.name, p.role, p.price, 700 if p.sku == "SKU-1001" else p.stock, p.selling_points,
                     p.promo) for p in sample_products()]
    editing.import_products(running, sheet)
    assert running.status()["stock"]["SKU-1001"] == 697
    again = editing.import_products(running, sheet)  # the same sheet a second time
    assert not again.changed and running.status()["stock"]["SKU-1001"] == 697
    (adjusted,) = [e for e in running.repo.events(running.show_id, kinds=(ev.STOCK_ADJUSTED,)) if e.text == "import"]
    assert (adjusted.product, adjusted.qty, adjusted.value) == ("SKU-1001", 100, 697.0)
    assert replayed(running) == running.status()


def test_a_sale_between_preview_and_apply_makes_the_preview_stale(running):
    sheet = [Product("SKU-3001", "围巾", Role.IMAGE, 599.0, 30)]  # renames an unused product
    preview = editing.preview_products(running, sheet)
    assert [(ch.key, ch.action) for ch in preview.changes][0] == ("SKU-3001", "updated")
    running.run(c.set_shelf, "SKU-3001", True)  # the feed or another operator, meanwhile
    n = running.repo.count_events(running.show_id)
    with pytest.raises(editing.StalePreview) as stale:
        editing.import_products(running, sheet, preview)
    assert running.repo.count_events(running.show_id) == n
    refused = [ch for ch in stale.value.preview.changes if ch.action == "refused"]
    assert refused[0].why == "SKU-3001 is on shelf: its name and role stay as they are"


def test_every_entry_point_refuses_what_the_window_refuses(running):
    q = running.state.queue
    products = [q.products[s] for s in q.order]
    with pytest.raises(CommandError, match="SKU-1001 is on air: it cannot be removed"):
        running.update_products(products[1:])
    with pytest.raises(CommandError, match="product row 2: SKU SKU-1001 appears twice"):
        running.update_products([products[0], *products])
    plan = running.state.plan
    with pytest.raises(CommandError, match="is on air: move on before removing it"):
        running.update_plan(Plan(plan.segments[:1] + plan.segments[2:]))
    imported = editing.import_plan(running, Plan(plan.segments[:1] + plan.segments[2:]))  # the sheet left it out
    assert [ch.action for ch in imported.changes] == ["kept"]
    assert running.state.plan.segments[1].uid == plan.segments[1].uid


def test_the_plan_at_any_moment_comes_from_the_log(running, clock):
    t_before = clock.now()
    clock.advance(60)
    plan = running.state.plan
    running.update_plan(Plan(plan.segments + [plan.segments[-1].__class__(plan.segments[-1].kind, "加播", 300.0)]))
    running.update_settings(running.state.settings.replace(low_stock_units=3))
    past = editing.catalogue_of(running.repo, running.show_id, t_before)
    now = editing.catalogue_of(running.repo, running.show_id, clock.now())
    assert len(past.plan.segments) + 1 == len(now.plan.segments) == len(running.state.plan.segments)
    assert (past.settings.low_stock_units, now.settings.low_stock_units) == (10, 3)


def test_an_old_log_whose_side_tables_hold_the_last_edit_replays_as_before(service, repo):
    """Before edits were events, the side tables were rewritten and the log held a bare
    plan_edited: such a show must open exactly as it did."""
    service.start()
    with repo.engine.begin() as conn:  # what the old update_products/update_settings did
        conn.execute(text("UPDATE products SET price = 1.5 WHERE sku = 'SKU-2002'"))
        conn.execute(text("DELETE FROM segments WHERE position = 12"))
        settings = {**service.state.settings.to_dict(), "low_stock_units": 4}
        conn.execute(text("UPDATE shows SET settings_json = :s"), {"s": json.dumps(settings)})
    repo.append(service.show_id, [ev.Event(ev.PLAN_EDITED, service.now(), ref="products", qty=8)])
    state = repo.load_show(service.show_id)
    assert state.queue.products["SKU-2002"].price == 1.5 and len(state.plan.segments) == 12
    assert state.settings.low_stock_units == 4


EDITS = ["add", "reprice", "restock", "reorder", "plan", "settings", "shelf", "shelf", "next"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 120)), max_size=25),
       seed=st.integers(0, 1000))
def test_any_mix_of_edits_sales_and_commands_replays_exactly(repo, steps, seed):
    clock = FakeClock()
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, create_show(repo, "edits", 60, sample_products(), clock.now()), clock)
    sim, rng = RoomSimulator(seed=seed), random.Random(seed)
    service.start()
    for n, (step, wait) in enumerate(steps):
        try:
            _edit(service, step, n, rng)
        except CommandError:
            pass
        for _ in range(wait // 4):  # the room: viewers, comments and orders, every 4 s
            clock.advance(4)
            service.ingest(sim.step(clock.now(), room_context(service.state, clock.now())))
    assert replayed(service) == service.status()
    writer.close()
    service.close()


def _edit(service, step, n, rng):
    q = service.state.queue
    products = [q.products[s] for s in q.order]
    sku = rng.choice(q.order)
    if step == "add":
        editing.import_products(service, [*products, Product(f"N{n}", f"新品{n}", Role.PROFIT, 9.9, 50)])
    elif step in ("reprice", "restock"):
        p = q.products[sku]
        changed = Product(p.sku, p.name, p.role, p.price + 1, p.stock + 10, p.selling_points, p.promo)
        editing.import_products(service, [changed if x.sku == sku else x for x in products])
    elif step == "reorder":
        service.update_products(rng.sample(products, len(products)))
    elif step == "plan":
        segs = service.state.plan.segments
        service.update_plan(Plan([s for i, s in enumerate(segs) if i != rng.randrange(len(segs))]))
    elif step == "settings":
        service.update_settings(service.state.settings.replace(low_stock_units=rng.randrange(1, 50)))
    elif step == "shelf":
        service.run(c.toggle_shelf, sku)
    else:
        service.run(c.next_segment)
