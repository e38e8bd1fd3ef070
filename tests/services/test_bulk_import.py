"""A big platform import while the feed goes on: the mapping, the writing and the fold hold
no lock across them (feed batches and commands are committed meanwhile), the import is one
short transaction, every
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
from controlroom.store.import_stage import STAGE_CHUNK, Stage
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
        if 2 * STAGE_CHUNK <= done < total // 2 and "while writing" not in seen:  # staged, not in the log yet
            seen["while writing"] = feed.wait_for(5)
        if done > total // 2 and "while folding" not in seen:  # committed; folding, lock let go between chunks
            seen["while folding"] = feed.wait_for(5)

    feed.thread.start()
    try:
        result = import_mapped(service, mapper, progress)
    finally:
        feed.stop.set()
        feed.thread.join()
    assert seen == {"while mapping": True, "while writing": True, "while folding": True}
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


@pytest.mark.parametrize("where", ["staging", "commit"])
def test_a_refused_import_changes_nothing_and_takes_its_ids_back(service, tmp_path, clock, monkeypatch, where):
    service.start()
    export = order_export(tmp_path, clock.now() - 600, n=2 * STAGE_CHUNK + 5)
    before = service.status()
    n = service.repo.count_events(service.show_id)
    calls = []
    real_write, real_commit = Stage.write, Stage.commit

    def fail_late(stage, events, progress=None):
        def failing(done, total):
            calls.append(done)
            if done > STAGE_CHUNK:
                raise OSError("disk gone")  # after two statements into the staging table
        return real_write(stage, events, failing)

    def fail_commit(stage):
        raise OSError("disk gone")

    monkeypatch.setattr(Stage, "write", fail_late) if where == "staging" else monkeypatch.setattr(Stage, "commit",
                                                                                                  fail_commit)
    with pytest.raises(StoreUnavailable, match="nothing was changed"):
        import_mapped(service, lambda s: map_export(s, export, spec(export, dt.date.fromtimestamp(clock.now()))))
    assert calls == ([STAGE_CHUNK, 2 * STAGE_CHUNK] if where == "staging" else [])
    assert service.repo.count_events(service.show_id) == n
    assert service.status() == before
    monkeypatch.setattr(Stage, "write", real_write)
    monkeypatch.setattr(Stage, "commit", real_commit)
    Intake(service).submit([Event(ev.ORDER, clock.now(), value=1.0, qty=1, ref="P3")])  # not held any more
    assert service.status()["totals"]["orders"] == 1
    result = import_mapped(service, lambda s: map_export(s, export, spec(export, dt.date.fromtimestamp(clock.now()))))
    assert len(result.events) == 2 * STAGE_CHUNK + 5 - 1  # the same file again: all in now (P3 came by the feed)
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_an_operator_command_completes_while_the_import_is_still_being_written(service, tmp_path, clock):
    """The import's rows are written without the log's write lock: a command (F7) from the
    window's thread is committed while the import is mid-write, not after it."""
    service.start()
    export = order_export(tmp_path, clock.now() - 600, n=5 * STAGE_CHUNK)
    done_mid_write: list[bool] = []
    committed: list[Event] = []

    def operator_next():
        committed.extend(service.next())

    def progress(done, total):
        if done == 2 * STAGE_CHUNK and not done_mid_write:  # staging: 3 of 5 chunks still to write
            command = threading.Thread(target=operator_next)
            command.start()
            command.join(WAIT_S)
            done_mid_write.append(not command.is_alive())

    result = import_mapped(service, lambda s: map_export(s, export, spec(export, dt.date.fromtimestamp(clock.now()))),
                           progress)
    assert done_mid_write == [True]
    assert committed and committed[0].kind == ev.SEGMENT_STARTED
    # The command is in the log before every imported row: it did not wait for the import.
    assert max(e.id for e in committed) < min(e.id for e in result.events)
    assert len(result.events) == 5 * STAGE_CHUNK
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))
