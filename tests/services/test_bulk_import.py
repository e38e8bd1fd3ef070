"""A big platform import while the feed goes on: the mapping and the fold hold no lock
across them (feed batches are committed meanwhile), the import is one transaction, every
feed event and every imported order is in the log once, and live equals replay."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.platform_rows import ORDERS, PlatformSpec
from controlroom.core.show import status_dict
from controlroom.models import EventRow
from controlroom.services.bulk_import import import_mapped
from controlroom.services.intake import Intake
from controlroom.sheets.platform_import import export_from_rows, map_export
from controlroom.store.errors import StoreUnavailable
from controlroom.store.repository import APPEND_CHUNK

ROWS = 20_000
HEADERS = ["订单号", "实付金额", "数量", "下单时间"]
WAIT_S = 60


def order_export(tmp_path, start: float, n: int = ROWS):
    rows = [[f"P{i}", 9.9, 1, dt.datetime.fromtimestamp(start + i % 3000, ZoneInfo("Asia/Shanghai"))
             .strftime("%Y-%m-%d %H:%M:%S")] for i in range(n)]
    path = tmp_path / "orders.csv"
    path.write_text("x")  # export_from_rows keys the import by the file's digest
    return export_from_rows(path, HEADERS, rows)


def spec(export, day):
    return PlatformSpec(ORDERS, dict(export.mapping), ZoneInfo("Asia/Shanghai"), day)


class Feed:
    """Feed batches posted through the intake (each acknowledged = committed) on a thread."""

    def __init__(self, intake: Intake) -> None:
        self.intake, self.acked, self.stop = intake, 0, threading.Event()
        self.acks = threading.Condition()
        self.thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        while not self.stop.is_set():
            i = self.acked
            self.intake.submit([Event(ev.COMMENT, self.intake.service.now(), user="u", text=f"c{i}",
                                      ref=f"feed-{i}")])
            with self.acks:
                self.acked += 1
                self.acks.notify_all()

    def wait_for(self, more: int) -> bool:
        goal = self.acked + more
        with self.acks:
            return self.acks.wait_for(lambda: self.acked >= goal, WAIT_S)


@pytest.mark.slow
def test_feed_batches_are_committed_while_a_20k_import_maps_and_folds(service, tmp_path, clock):
    service.start()
    export = order_export(tmp_path, clock.now() - 3600)
    feed = Feed(Intake(service))
    seen: dict[str, bool] = {}

    def mapper(state):
        # Acknowledged feed batches while the file is mapped: the mapping holds no lock.
        seen.setdefault("while mapping", feed.wait_for(20))
        return map_export(state, export, spec(export, dt.date.fromtimestamp(clock.now())))

    def progress(done, total):
        if done > total // 2 and "while folding" not in seen:  # committed; folding, lock let go between chunks
            seen["while folding"] = feed.wait_for(5)

    feed.thread.start()
    try:
        result = import_mapped(service, mapper, progress)
    finally:
        feed.stop.set()
        feed.thread.join()
    assert seen == {"while mapping": True, "while folding": True}
    assert len(result.events) == ROWS
    service.writer.flush()
    with service.repo.engine.connect() as conn:
        def count(*where):
            return conn.scalar(select(func.count()).select_from(EventRow).where(EventRow.show_id == service.show_id,
                                                                                 *where))
        assert count(EventRow.kind == ev.ORDER, EventRow.ref.like("P%")) == ROWS
        assert count(EventRow.kind == ev.COMMENT) == feed.acked
        assert conn.scalar(select(func.count(func.distinct(EventRow.ref))).where(EventRow.kind == ev.COMMENT)) == feed.acked
    live = service.status()
    assert live["totals"]["orders"] == ROWS and live["totals"]["comments"] == feed.acked
    assert live == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_an_order_id_the_feed_brings_during_the_import_is_stored_once(service, tmp_path, clock):
    service.start()
    export = order_export(tmp_path, clock.now() - 600, n=3 * APPEND_CHUNK)
    intake = Intake(service)

    def mapper(state):
        if "P7" not in state.order_ids:  # the first mapping, on the copy: the feed brings P7 meanwhile
            intake.submit([Event(ev.ORDER, clock.now(), value=9.9, qty=1, ref="P7")])
        return map_export(state, export, spec(export, dt.date.fromtimestamp(clock.now())))

    result = import_mapped(service, mapper)
    assert result.duplicate_orders == 1 and len(result.events) == 3 * APPEND_CHUNK - 1
    service.writer.flush()
    with service.repo.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(EventRow).where(EventRow.ref == "P7")) == 1
    assert service.status()["totals"]["orders"] == 3 * APPEND_CHUNK
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_a_refused_import_changes_nothing_and_takes_its_ids_back(service, tmp_path, clock, monkeypatch):
    service.start()
    export = order_export(tmp_path, clock.now() - 600, n=2 * APPEND_CHUNK + 5)
    before = service.status()
    n = service.repo.count_events(service.show_id)
    calls = []
    real = service.repo.append

    def fail_late(show_id, events, *, progress=None):
        def failing(done, total):
            calls.append(done)
            if done > APPEND_CHUNK:
                raise OSError("disk gone")  # after two statements of the one transaction
        return real(show_id, events, progress=failing)

    monkeypatch.setattr(service.repo, "append", fail_late)
    with pytest.raises(StoreUnavailable, match="nothing was changed"):
        import_mapped(service, lambda s: map_export(s, export, spec(export, dt.date.fromtimestamp(clock.now()))))
    assert calls == [APPEND_CHUNK, 2 * APPEND_CHUNK]
    assert service.repo.count_events(service.show_id) == n
    assert service.status() == before
    monkeypatch.undo()
    Intake(service).submit([Event(ev.ORDER, clock.now(), value=1.0, qty=1, ref="P3")])  # not held any more
    assert service.status()["totals"]["orders"] == 1
