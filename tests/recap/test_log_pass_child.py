"""The recap's log pass in a second process (services/recap_pass.py): the same workbook
as the pass in this process, on SQLite and PostgreSQL, hostile text included; a child
that fails or dies leaves no workbook; a writer that fails stops its child."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from controlroom import app
from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.recap import log_pass as log_pass_module
from controlroom.recap.log_pass import log_pass
from controlroom.recap.workbook import export_recap
from controlroom.services import recap_pass
from controlroom.services.recap_pass import LogPassError, in_child, reader_for
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

HOSTILE = ("=HYPERLINK(\"http://x\")", "#N/A", "bell\x07in text", "")


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


def beside(db):
    return lambda log, sid, lang, off: in_child(db, sid, lang, off)


def values(path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {name: list(wb[name].iter_rows(values_only=True)) for name in wb.sheetnames}
    finally:
        wb.close()


def with_hostile_comments(service, clock, writer) -> None:
    service.ingest([Event(ev.COMMENT, clock.now(), user=text or "u", text=text) for text in HOSTILE])
    assert writer.flush()


def test_the_child_writes_the_workbook_the_pass_here_writes(known_show, service, clock, writer, repo, db_path,
                                                            tmp_path):
    with_hostile_comments(service, clock, writer)
    here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
    a = export_recap(repo, known_show.show_id, here, lang="en", utc_offset_s=0)
    b = export_recap(repo, known_show.show_id, there, lang="en", utc_offset_s=0, reader=beside(db_path))
    assert a.kpis == b.kpis and a.kpis.gmv > 0
    assert values(here) == values(there)
    wb = openpyxl.load_workbook(there)  # not read-only: the cells' types
    events = wb.worksheets[[n.startswith("Events") for n in wb.sheetnames].index(True)]
    cells = {c.value: c.data_type for row in events.iter_rows(min_row=2) for c in row if c.value in HOSTILE}
    assert cells == {HOSTILE[0]: "s", HOSTILE[1]: "s"}  # text, never a formula or an error
    assert "bellin text" in {c.value for row in events.iter_rows(min_row=2) for c in row}


def test_the_child_reads_a_server_database_too(store_url, clock, tmp_path):
    engine = open_engine(store_url)
    repo, writer = ShowRepository(engine), FeedWriter(engine)
    try:
        sid = create_show(repo, "服务器 Server", 30, sample_products(), clock.now())
        service = ShowService(repo, writer, sid, clock)
        service.run(commands.start)
        clock.advance(20)
        service.ingest([Event(ev.ORDER, clock.now(), user="b", value=12.5, qty=1, ref="o1", product="SKU-1001")])
        with_hostile_comments(service, clock, writer)
        service.run(commands.end_show)
        assert writer.flush()
        here = export_recap(repo, sid, tmp_path / "a.xlsx", lang="en")
        there = export_recap(repo, sid, tmp_path / "b.xlsx", lang="en", reader=beside(store_url))
        assert here.kpis == there.kpis and there.kpis.gmv == pytest.approx(12.5)
        assert values(tmp_path / "a.xlsx") == values(tmp_path / "b.xlsx")
    finally:
        writer.close()
        engine.dispose()


def test_only_a_big_log_is_read_in_a_child(known_show, repo, db_path, monkeypatch):
    seen = []

    def first_item(reader):
        items = reader(repo, known_show.show_id, "en", 0)
        next(items)
        seen.append(len(multiprocessing.active_children()))
        items.close()

    first_item(reader_for(db_path))
    monkeypatch.setattr(recap_pass, "CHILD_FROM_EVENTS", 1)
    first_item(reader_for(db_path))
    assert seen == [0, 1]
    assert multiprocessing.active_children() == []  # closed: the child is gone


def test_a_child_that_fails_leaves_no_workbook(known_show, repo, db_path, folder):
    out = folder / "r.xlsx"
    with pytest.raises(LogPassError, match="reading the log failed: .*999"):
        export_recap(repo, 999, out, reader=beside(db_path))
    assert list(folder.iterdir()) == []


def test_a_child_that_dies_midway_leaves_no_workbook(known_show, repo, db_path, folder, monkeypatch):
    rows = log_pass_module.EventValues.row
    count = iter(range(10**6))

    def dies_at_the_tenth(self, e, after_end=False):
        if next(count) == 10:
            os._exit(3)  # in the (forked) child only: this process never reaches ten
        return rows(self, e, after_end)

    monkeypatch.setattr(log_pass_module, "CHUNK_ROWS", 1)
    monkeypatch.setattr(log_pass_module.EventValues, "row", dies_at_the_tenth)
    out = folder / "r.xlsx"
    with pytest.raises(LogPassError, match=r"stopped before the end \(exit code 3\)"):
        export_recap(repo, known_show.show_id, out, reader=beside(db_path))
    assert list(folder.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_a_writer_that_fails_stops_its_child(known_show, repo, db_path, folder, monkeypatch):
    rows = log_pass_module.EventValues.row

    def stalls(self, e, after_end=False):
        time.sleep(600)  # in the child, at its first row: still reading when the writer gives up
        return rows(self, e, after_end)

    monkeypatch.setattr(log_pass_module, "CHUNK_ROWS", 1)
    monkeypatch.setattr(log_pass_module.EventValues, "row", stalls)
    children = []

    def fails(_fraction, stage):
        children.extend(multiprocessing.active_children())
        if stage == "events" and children:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        export_recap(repo, known_show.show_id, folder / "r.xlsx", progress=fails, reader=beside(db_path))
    assert children and children[0].exitcode == -signal.SIGTERM  # stopped, not finished
    assert multiprocessing.active_children() == []
    assert list(folder.iterdir()) == []


def test_the_command_reads_a_big_log_in_a_child(known_show, db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(recap_pass, "CHILD_FROM_EVENTS", 1)
    started = []
    real = recap_pass.in_child
    monkeypatch.setattr(recap_pass, "in_child", lambda *a: started.append(a[1]) or real(*a))
    out = tmp_path / "r.xlsx"
    assert app.main(["recap", "--db", str(db_path), "-o", str(out), "--lang", "en"]) == 0
    assert started == [known_show.show_id]
    here = tmp_path / "here.xlsx"
    repo = ShowRepository(open_engine(db_path, create=False))
    export_recap(repo, known_show.show_id, here, lang="en", reader=log_pass)
    repo.engine.dispose()
    assert values(out) == values(here)


def test_where_there_is_no_fork_the_spawned_child_writes_the_same(known_show, repo, db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(recap_pass.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
    export_recap(repo, known_show.show_id, here, lang="zh_CN", utc_offset_s=0)
    export_recap(repo, known_show.show_id, there, lang="zh_CN", utc_offset_s=0, reader=beside(db_path))
    assert values(here) == values(there)


def test_a_failing_child_is_one_clear_line_from_the_command(known_show, db_path, tmp_path, monkeypatch, capsys):
    def refuses(self, e, after_end=False):
        raise ValueError("bad amount in event 7")

    monkeypatch.setattr(recap_pass, "CHILD_FROM_EVENTS", 1)
    monkeypatch.setattr(log_pass_module.EventValues, "row", refuses)  # in the forked child
    out = tmp_path / "out.xlsx"
    assert app.main(["recap", "--db", str(db_path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "controlroom: reading the log failed: ValueError: bad amount in event 7" in err
    assert "Traceback" not in err and not out.exists()


def _children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


@pytest.mark.slow
def test_a_killed_export_leaves_no_log_reader_behind(tmp_path):
    """The window's Cancel kills `controlroom recap`: its child, blocked on the pipe, ends too."""
    db = tmp_path / "big.db"
    engine = open_engine(db)
    repo, writer = ShowRepository(engine), FeedWriter(engine)
    clock = FakeClock()
    sid = create_show(repo, "大场 Big", 60, sample_products(), clock.now())
    service = ShowService(repo, writer, sid, clock)
    service.run(commands.start)
    for n in range(60):
        clock.advance(1)
        service.ingest([Event(ev.COMMENT, clock.now(), user=f"u{n}-{i}", text="多少钱") for i in range(500)])
    assert writer.flush()
    writer.close()
    engine.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "recap", "--db", str(db), "-o",
                             str(tmp_path / "r.xlsx"), "--progress"], stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("PROGRESS") and line.split()[2] == "events":
                break
        readers = _children_of(proc.pid)
        assert len(readers) == 1
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 60  # a liveness wait, not a timing claim
    while not _gone(readers[0]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(readers[0])
