"""Nothing acknowledged is lost: the feed writer under poison rows and a database that
cannot write (injected by SQLite error code, and a real full disk), and the service's
acknowledgements on top of it."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest
from sqlalchemy import event

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.store.errors import POISON, TRANSIENT, StoreUnavailable, classify
from controlroom.store.rows import event_values
from controlroom.store.writer import FeedWriter


class Fault:
    """Makes the engine's inserts into events fail with a SQLite error code while `on`."""

    def __init__(self, engine, code: int, message: str) -> None:
        self.code, self.message, self.on, self.hits = code, message, False, 0
        event.listen(engine, "before_cursor_execute", self._check)

    def _check(self, _conn, _cursor, statement, *_args) -> None:
        if self.on and statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            self.hits += 1
            exc = sqlite3.OperationalError(self.message)
            exc.sqlite_errorcode = self.code
            raise exc


def orders(n: int, start: int = 0, ts: float = 1_767_225_700.0) -> list[Event]:
    return [Event(ev.ORDER, ts + i, user=f"u{i}", value=10.0, qty=1, ref=f"O-{start + i}") for i in range(n)]


def stored_refs(repo, show_id: int = 1) -> list[str]:
    return [e.ref for e in repo.events(show_id, (ev.ORDER,))]


def test_errors_are_classified_by_code_not_by_message():
    full = sqlite3.OperationalError("whatever the text says")
    full.sqlite_errorcode = 13
    assert classify(full) == TRANSIENT
    assert classify(UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")) == POISON
    locked_in_words_only = sqlite3.IntegrityError("database is locked")
    locked_in_words_only.sqlite_errorcode = 19  # SQLITE_CONSTRAINT: a retry will not help
    assert classify(locked_in_words_only) == POISON


def test_a_poison_row_is_set_aside_and_the_rest_of_its_batch_is_stored(repo, tmp_path):
    rescue = tmp_path / "rescue.jsonl"
    writer = FeedWriter(repo.engine, rescue_path=rescue)
    rows = [event_values(1, e) for e in orders(120)]
    rows.insert(37, event_values(1, Event(ev.COMMENT, 1_767_225_700.0, user="x", text="bad \ud800 text")))
    ticket = writer.submit(rows)
    assert ticket.wait(30)
    writer.close()
    assert len(stored_refs(repo)) == 120
    assert ticket.set_aside == 1 and writer.failed == 1 and writer.written == 120
    (row, why), = writer.set_aside
    assert row[2] == ev.COMMENT and "UnicodeEncodeError" in why
    kept = [json.loads(line) for line in rescue.read_text(encoding="ascii").splitlines()]
    assert kept[0]["text"] == "bad \ud800 text" and "UnicodeEncodeError" in kept[0]["reason"]


@pytest.mark.parametrize(("code", "why"), [(13, "the disk is full"), (8, "the database is read-only"),
                                           (10, "a disk I/O error")])
def test_a_database_that_cannot_write_keeps_every_row_and_writes_them_when_it_can(repo, code, why):
    fault = Fault(repo.engine, code, "injected")
    writer = FeedWriter(repo.engine)
    writer.retry_after_s = 0.05
    fault.on = True
    ticket = writer.submit([event_values(1, e) for e in orders(500)])
    assert not ticket.wait(0.5)
    assert writer.unavailable == why and writer.waiting == 500 and fault.hits >= 2
    fault.on = False
    assert ticket.wait(30)
    writer.close()
    assert writer.unavailable is None and writer.failed == 0
    assert sorted(stored_refs(repo)) == sorted(f"O-{i}" for i in range(500))  # each exactly once


def test_closing_on_a_broken_database_keeps_the_rows_in_the_rescue_file(repo, tmp_path):
    fault = Fault(repo.engine, 13, "injected")
    rescue = tmp_path / "rescue.jsonl"
    writer = FeedWriter(repo.engine, rescue_path=rescue)
    writer.retry_after_s = 0.01
    fault.on = True
    writer.submit([event_values(1, e) for e in orders(5)])
    writer.close()
    assert writer.failed == 5 and stored_refs(repo) == []
    assert [json.loads(x)["ref"] for x in rescue.read_text().splitlines()] == [f"O-{i}" for i in range(5)]


def test_while_the_database_cannot_write_new_batches_are_refused_and_nothing_is_taken(service, repo):
    fault = Fault(repo.engine, 13, "injected")
    service.writer.retry_after_s = 0.05
    service.ack_timeout_s = 0.3
    service.start()
    service.run(c.set_shelf, service.state.queue.order[0], True)
    before = service.status()
    fault.on = True
    with pytest.raises(StoreUnavailable, match="disk is full"):  # queued, not committed in time
        service.ingest(orders(3), wait=True)
    with pytest.raises(StoreUnavailable) as refused:  # the outage is known: refused before admission
        service.ingest(orders(3, start=100), wait=True)
    assert refused.value.waiting == 3 and "O-100" not in service.state.order_ids
    with pytest.raises(StoreUnavailable, match="nothing was changed"):
        service.run(c.note, "a note while the disk is full")
    assert service.health() == {"unsaved": 3, "unavailable": "the disk is full", "set_aside": 0, "lock_lost": None}
    fault.on = False
    assert service.writer.flush(10)
    assert service.ingest(orders(3, start=100), wait=True) == 3
    assert service.ingest(orders(3), wait=True) == 0  # the first three were kept and written
    assert sorted(stored_refs(repo)) == ["O-0", "O-1", "O-100", "O-101", "O-102", "O-2"]
    assert service.status()["totals"]["orders"] == before["totals"]["orders"] + 6


def test_a_set_aside_row_is_taken_back_out_of_the_screen(service, repo, clock):
    service.start()
    bad = Event(ev.COMMENT, clock.now(), user="x", text="\ud800")
    service.ingest([*orders(2, ts=clock.now()), bad], wait=True)
    assert service.writer.set_aside and service.state.metrics.totals().comments == 0
    replayed = repo.load_show(service.show_id)
    assert service.status() == _status(replayed, clock)


def test_a_real_full_disk_refuses_then_recovers_without_losing_an_acknowledged_event(tmp_path, clock):
    import subprocess

    from controlroom.feeds.catalogue import sample_products
    from controlroom.services.show_service import ShowService, create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], check=False).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        engine = open_engine(mnt / "show.db")
        repo = ShowRepository(engine)
        sid = create_show(repo, "full disk", 60, sample_products(), clock.now())
        writer = FeedWriter(engine)
        writer.retry_after_s = 0.05
        service = ShowService(repo, writer, sid, clock)
        service.ack_timeout_s = 1.0
        service.start()
        acked, refused, n = [], 0, 0
        filler = mnt / "filler"
        with open(filler, "wb") as f:  # fill the disk but for a few pages
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        while refused < 5 and n < 200_000:
            batch = [Event(ev.ORDER, clock.now(), user=f"u{n + i}", value=1.0, qty=1, ref=f"F-{n + i}",
                           product=None) for i in range(500)]
            n += 500
            try:
                service.ingest(batch, wait=True)
                acked += [e.ref for e in batch]
            except StoreUnavailable:
                refused += 1
        assert refused == 5 and writer.unavailable == "the disk is full"
        filler.unlink()
        assert writer.flush(30) and writer.unavailable is None
        writer.close()
        service.close()
        stored = set(stored_refs(repo, sid))
        assert set(acked) <= stored and len(stored) == len(set(stored))
        assert sum(1 for _ in repo.events(sid, (ev.ORDER,))) == len(stored)
        engine.dispose()
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _status(state, clock):
    from controlroom.core.show import status_dict

    return status_dict(state.snapshot(clock.now()))


def test_group_commit_serves_concurrent_waiters(service, repo):
    service.start()
    done: list[int] = []

    def send(k: int) -> None:
        done.append(service.ingest(orders(200, start=k * 1000), wait=True))

    threads = [threading.Thread(target=send, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert done == [200] * 8
    assert len(stored_refs(repo, service.show_id)) == 1600  # acknowledged means already in the log
