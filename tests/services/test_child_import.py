"""A platform export mapped in a child process (sheets/platform_child.py) and imported by
`bulk_import.import_in_child`: the same events as the mapping in the process, every guarantee
kept — a bad row named and nothing changed, a file changed since it was read refused, an
order id the feed brings meanwhile stored once (filtered under the lock, no mapping again),
and a command that comes while the import moves its rows into the log waits holding nothing,
so the window's reads of the show never wait behind it."""

from __future__ import annotations

import copy
import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.platform_rows import PlatformSpec, platform_events, propose
from controlroom.core.show import status_dict
from controlroom.models import EventRow
from controlroom.services.bulk_import import import_in_child
from controlroom.services.intake import Intake
from controlroom.sheets.platform_child import EVENT_FRAME, file_key
from controlroom.sheets.table import SheetError
from controlroom.store.import_stage import Stage

ZONE = ZoneInfo("Asia/Shanghai")
WAIT_S = 60


def local(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, ZONE).strftime("%Y-%m-%d %H:%M:%S")


def write_csv(path, headers, rows):
    path.write_text("\n".join(",".join(str(c) for c in r) for r in [headers, *rows]) + "\n", encoding="utf-8")
    return path


def orders_file(tmp_path, start: float, n: int, bad_row: int | None = None):
    rows = [[f"P{i}", "x" if i == bad_row else 9.9 + i % 7, 1 + i % 3, ("SKU-1001", "无线降噪耳机", "nobody")[i % 3],
             local(start + i % 1800)] for i in range(n)]
    return write_csv(tmp_path / "orders.csv", ["订单号", "实付金额", "数量", "商品", "下单时间"], rows)


def spec_for(path, headers, **kw) -> PlatformSpec:
    kind, mapping = propose(headers)
    return PlatformSpec(kind, mapping, ZONE, None, file_key=file_key(path), **kw)


def rows_of(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[0].split(","), [line.split(",") for line in lines[1:]]


def fields(events):
    return [(e.kind, e.ts, e.user, e.product, e.value, e.qty, e.ref, e.flag, e.data) for e in events]


def count(service, *where):
    with service.repo.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(EventRow).where(EventRow.show_id == service.show_id,
                                                                             *where))


def test_an_order_export_mapped_in_the_child_is_what_the_process_maps(service, tmp_path, clock):
    service.start()
    Intake(service).submit([Event(ev.ORDER, clock.now(), value=1.0, qty=1, ref="P5")])  # the feed caught one
    path = orders_file(tmp_path, clock.now() - 3600, 2 * EVENT_FRAME + 7)  # three frames from the child
    headers, rows = rows_of(path)
    spec = spec_for(path, headers)
    with service.lock:
        expected = platform_events(copy.deepcopy(service.state), headers, rows, spec)
    result = import_in_child(service, path, spec)
    assert fields(result.events) == fields(expected.events)
    assert result.duplicate_orders == expected.duplicate_orders == 1
    assert {(e.product, e.flag) for e in result.events} == {("SKU-1001", None), ("SKU-2002", None), ("nobody", ev.FLAG_UNKNOWN_PRODUCT)}  # by SKU, by name, none
    assert count(service, EventRow.ref.like("P%")) == 2 * EVENT_FRAME + 7
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_a_trend_export_refuses_live_minutes_or_fills_only_the_gaps(service, tmp_path, clock):
    service.start()
    start = (int(clock.now()) // 60 - 30) * 60.0
    live = start + 10 * 60
    Intake(service).submit([Event(ev.VIEWERS, live, value=50.0)])
    path = write_csv(tmp_path / "trend.csv", ["时间", "在线人数", "累计成交金额"],
                     [[local(start + 60 * m), 100 + m, 10 * m] for m in range(20)])
    headers, _rows = rows_of(path)
    n = count(service)
    with pytest.raises(SheetError, match="trend.csv.*1 minutes"):
        import_in_child(service, path, spec_for(path, headers))
    assert count(service) == n
    result = import_in_child(service, path, spec_for(path, headers, fill_gaps=True))
    assert result.skipped_minutes == 1
    assert sum(1 for e in result.events if e.kind == ev.VIEWERS) == 19
    assert not any(e.kind == ev.VIEWERS and e.ts == live for e in result.events)
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_a_bad_row_is_named_and_nothing_changes(service, tmp_path, clock):
    service.start()
    path = orders_file(tmp_path, clock.now() - 600, 3000, bad_row=2500)
    headers, _rows = rows_of(path)
    before, n = service.status(), count(service)
    with pytest.raises(SheetError) as refused:
        import_in_child(service, path, spec_for(path, headers))
    assert "orders.csv" in str(refused.value) and "row 2502" in str(refused.value)  # the header is row 1
    assert count(service) == n and service.status() == before


def test_a_file_changed_since_the_window_read_it_is_refused(service, tmp_path, clock):
    path = orders_file(tmp_path, clock.now() - 600, 10)
    headers, _rows = rows_of(path)
    spec = spec_for(path, headers)
    orders_file(tmp_path, clock.now() - 600, 11)  # saved again meanwhile
    with pytest.raises(SheetError, match="changed since it was read"):
        import_in_child(service, path, spec)
    assert count(service, EventRow.kind == ev.ORDER) == 0


def test_an_order_id_the_feed_brings_during_the_import_is_filtered_out_under_the_lock(service, tmp_path, clock,
                                                                                      monkeypatch):
    service.start()
    path = orders_file(tmp_path, clock.now() - 600, 3 * EVENT_FRAME)
    headers, _rows = rows_of(path)
    intake = Intake(service)
    dropped = []
    real = Stage._keep_only
    monkeypatch.setattr(Stage, "_keep_only", lambda stage, events: dropped.append(len(stage.events) - len(events))
                        or real(stage, events))

    def progress(done, _total):
        if done == EVENT_FRAME and "P4100" not in service.state.order_ids:  # staged a third: the feed brings one
            intake.submit([Event(ev.ORDER, clock.now(), value=9.9, qty=1, ref="P4100")])

    result = import_in_child(service, path, spec_for(path, headers), progress)
    assert dropped == [1]  # its row left the staging table; nothing was staged again
    assert result.duplicate_orders == 1 and len(result.events) == 3 * EVENT_FRAME - 1
    assert count(service, EventRow.ref == "P4100") == 1
    assert service.status()["totals"]["orders"] == 3 * EVENT_FRAME
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_a_command_during_the_imports_commit_waits_holding_nothing(service, tmp_path, clock, monkeypatch):
    """The window reads the show (view) while a command waits for the import's short hold of
    the log's write lock: before, the command waited with the service's lock held."""
    service.start()
    path = orders_file(tmp_path, clock.now() - 600, 500)
    headers, _rows = rows_of(path)
    committing, go_on = threading.Event(), threading.Event()
    real = Stage.commit

    def held_commit(stage):
        committing.set()
        assert go_on.wait(WAIT_S)
        return real(stage)

    monkeypatch.setattr(Stage, "commit", held_commit)
    importer = threading.Thread(target=lambda: seen.setdefault("result", import_in_child(service, path,
                                                                                        spec_for(path, headers))))
    seen: dict = {}
    importer.start()
    assert committing.wait(WAIT_S)
    noted: list[Event] = []
    command = threading.Thread(target=lambda: noted.extend(service.run(lambda s, now: [Event(ev.NOTE, now,
                                                                                             text="F7")])))
    command.start()
    command.join(0.2)
    view = service.view()  # on this thread, while the command waits: it must not wait behind it
    waited = command.is_alive()
    go_on.set()
    importer.join(WAIT_S)
    command.join(WAIT_S)
    assert view is not None and waited  # the command was still waiting when the view came
    assert noted and noted[0].id > max(e.id for e in seen["result"].events)  # committed after the import
    assert service.status() == status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))


def test_a_locked_step_that_runs_a_command_during_the_imports_commit_waits_for_it_then_goes_on(
        service, tmp_path, clock, monkeypatch):
    """open_incident_next holds the service's lock and runs a command: it waits for the move
    into the log with that hold (no deadlock: the move needs no lock), then commits."""
    service.start()
    path = orders_file(tmp_path, clock.now() - 600, 300)
    headers, _rows = rows_of(path)
    committing, go_on = threading.Event(), threading.Event()
    real = Stage.commit

    def held_commit(stage):
        committing.set()
        assert go_on.wait(WAIT_S)
        return real(stage)

    monkeypatch.setattr(Stage, "commit", held_commit)
    seen: dict = {}
    importer = threading.Thread(target=lambda: seen.setdefault("result", import_in_child(service, path,
                                                                                        spec_for(path, headers))))
    importer.start()
    assert committing.wait(WAIT_S)
    opener = threading.Thread(target=lambda: seen.setdefault("ref", service.open_incident_next("technical: x")))
    opener.start()
    opener.join(0.2)
    waited = opener.is_alive()
    go_on.set()
    importer.join(WAIT_S)
    opener.join(WAIT_S)
    assert waited and not opener.is_alive() and not importer.is_alive()
    assert seen["ref"].startswith("INC-") and len(seen["result"].events) == 300
