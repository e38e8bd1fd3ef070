"""What the window asks the service, each in one locked step: the room as an immutable
view, a manual entry, the next incident ref, a queue move — run against feed threads
that ingest at the same time, on a real SQLite file."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from sqlalchemy import event

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.events import Event
from controlroom.core.show import status_dict


class Fault:
    """Makes the engine's inserts into events fail with a SQLite error code while `on`
    (the idea of tests/store/test_writer_durability.py)."""

    def __init__(self, engine, code: int = 13, message: str = "injected") -> None:
        self.code, self.message, self.on = code, message, False
        event.listen(engine, "before_cursor_execute", self._check)

    def _check(self, _conn, _cursor, statement, *_args) -> None:
        if self.on and statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            exc = sqlite3.OperationalError(self.message)
            exc.sqlite_errorcode = self.code
            raise exc


@pytest.fixture
def busy_switching():
    """Threads switch every few microseconds: a race between two steps shows up at once."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


class Feed(threading.Thread):
    """Orders of ¥1.00 for one product, one per ingest, until stopped."""

    def __init__(self, service, sku: str) -> None:
        super().__init__(daemon=True)
        self.service, self.sku, self.stop, self.sent = service, sku, threading.Event(), 0

    def run(self) -> None:
        while not self.stop.is_set():
            e = Event(ev.ORDER, self.service.now(), user=f"b{self.sent}", product=self.sku, qty=1, value=1.0,
                      ref=f"F-{self.sent}")
            self.sent += self.service.ingest([e])


def stored_orders(service) -> list[Event]:
    assert service.writer.flush(30)
    return sorted(service.repo.events(service.show_id, kinds=(ev.ORDER,)), key=lambda e: e.id)


def test_manual_totals_are_exact_at_the_moment_they_are_taken_while_a_feed_sells(service, busy_switching):
    """Each dashboard total is computed and ingested in one step: the log up to a manual
    entry sums to exactly what was typed, whatever the feed brought in around it."""
    sku = service.state.queue.order[0]
    service.start()
    service.run(c.set_shelf, sku, True)
    feed = Feed(service, sku)
    feed.start()
    targets = [(1000.0 * (i + 1), 1000 * (i + 1)) for i in range(150)]
    try:
        for gmv, orders in targets:
            assert service.record_manual(gmv_total=gmv, orders_total=orders) == 1
    finally:
        feed.stop.set()
        feed.join()
    gmv_cents = orders = manual = 0
    for e in stored_orders(service):
        gmv_cents += round(e.value * 100)
        orders += int((e.data or {}).get("orders", 0)) if e.flag == ev.FLAG_MANUAL else 1
        if e.flag == ev.FLAG_MANUAL:
            assert (gmv_cents, orders) == (round(targets[manual][0] * 100), targets[manual][1]), f"entry {manual}"
            manual += 1
    assert manual == len(targets) and feed.sent > 0
    t = service.view().totals
    assert (round(t.gmv * 100), t.orders) == (gmv_cents, orders)  # nothing lost, nothing counted twice
    assert status_dict(service.repo.load_show(service.show_id).snapshot(service.now())) == service.status()


def test_a_manual_total_below_the_log_is_refused_and_changes_nothing(service):
    service.start()
    service.record_manual(gmv_total=500.0, orders_total=10)
    before = service.status()
    with pytest.raises(ValueError, match="GMV: 400"):
        service.record_manual(online=900, gmv_total=400.0)
    assert service.status() == before
    assert service.record_manual(online=900) == 1 and service.view().totals.online == 900


def test_incident_refs_are_chosen_and_used_in_one_step_while_others_open_incidents(service, busy_switching):
    """Four controllers and an outside source (its own ids) open incidents at once: every
    INC-n the service picks is free, none is refused, none overwrites another."""
    service.start()
    refs: list[str] = []
    errors: list[Exception] = []

    def controller(k: int) -> None:
        for i in range(25):
            try:
                refs.append(service.open_incident_next(f"technical: c{k}-{i}"))
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    def outside() -> None:
        for i in range(25):
            service.run(c.open_incident, f"other: api-{i}", f"api-{i}")

    threads = [threading.Thread(target=controller, args=(k,)) for k in range(4)] + [threading.Thread(target=outside)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(refs) == len(set(refs)) == 100 and all(r.startswith("INC-") for r in refs)
    incidents = service.repo.load_show(service.show_id).incidents
    assert len(incidents) == 125
    view = service.view()
    assert {i.ref for i in view.open_incidents} == set(incidents)
    assert sorted(i.text for i in view.open_incidents if i.ref in refs) == sorted(
        f"technical: c{k}-{i}" for k in range(4) for i in range(25))


def test_a_queue_move_keeps_the_rest_in_order_and_an_unknown_product_is_refused(service):
    order = list(service.state.queue.order)
    service.move_product(order[0], 2)
    assert [r.sku for r in service.view().queue] == [order[1], order[2], order[0], *order[3:]]
    assert service.repo.load_show(service.show_id).queue.order == [order[1], order[2], order[0], *order[3:]]
    with pytest.raises(CommandError):
        service.move_product("nope", 0)


def test_the_view_carries_the_logs_health(service):
    fault = Fault(service.repo.engine)
    service.writer.retry_after_s = 0.05
    service.start()
    assert service.view().health.troubled is False
    fault.on = True
    service.ingest([Event(ev.COMMENT, service.now(), user="u", text="好")])
    for _ in range(600):  # the writer meets the fault on its next round (at most 30 s)
        if service.view().health.unavailable is not None or service.writer.flush(0.05):
            break
    health = service.view().health
    assert health.unavailable == "the disk is full" and health.unsaved == 1 and health.troubled
    fault.on = False
    assert service.writer.flush(30)
    assert service.view().health.troubled is False
