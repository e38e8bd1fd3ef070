"""`controlroom recap`: headless export, the most recent show by default, clear refusals,
no half-written workbook, and the comparison with the previous show of the same title."""

from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from controlroom import app
from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.recap import workbook
from controlroom.recap.runner import parse_line
from controlroom.recap.texts import Texts
from controlroom.services.show_service import ShowService, create_show

EN = Texts("en")


def small_show(repo, writer, clock, title: str, gmv: float, room: str = "") -> int:
    sid = create_show(repo, title, 60, sample_products(), clock.now(), room=room)
    service = ShowService(repo, writer, sid, clock)
    service.run(commands.start)
    clock.advance(30)
    service.ingest([Event(ev.VIEWERS, clock.now(), value=50, qty=60),
                    Event(ev.ORDER, clock.now(), user="b", value=gmv, qty=1, ref=f"o-{sid}", product="SKU-1001")])
    clock.advance(30)
    service.run(commands.end_show)
    assert writer.flush()
    clock.advance(3600)
    return sid


def summary(path) -> dict:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return {r[0]: r[1:] for r in wb.worksheets[0].iter_rows(values_only=True) if r and r[0] is not None}
    finally:
        wb.close()


def test_exports_the_most_recent_show_by_default(repo, writer, clock, db_path, tmp_path, capsys):
    small_show(repo, writer, clock, "A", 10.0)
    small_show(repo, writer, clock, "B", 20.0)
    out = tmp_path / "r.xlsx"
    assert app.main(["recap", "--db", str(db_path), "-o", str(out), "--lang", "en"]) == 0
    assert summary(out)[EN("summary.title")][0] == "B"
    assert app.main(["recap", "--db", str(db_path), "--show", "1", "-o", str(out), "--lang", "en"]) == 0
    assert summary(out)[EN("summary.title")][0] == "A"
    assert f"wrote {out}" in capsys.readouterr().out


def test_compares_with_the_previous_show_of_the_same_title(repo, writer, clock, tmp_path):
    small_show(repo, writer, clock, "Weekly", 10.0)
    small_show(repo, writer, clock, "Other", 99.0)
    third = small_show(repo, writer, clock, "Weekly", 25.0)
    out = tmp_path / "c.xlsx"
    workbook.export_recap(repo, third, out, lang="en")
    value, previous, delta, change = summary(out)[EN("kpi.gmv")][:4]
    assert (value, previous, delta) == (25.0, 10.0, 15.0)
    assert change == pytest.approx(1.5)
    assert summary(out)[EN("summary.previous_show")][0] == "#1 Weekly"


def test_same_room_wins_over_the_title(repo, writer, clock):
    first = small_show(repo, writer, clock, "Mon", 1.0, room="room-7")
    small_show(repo, writer, clock, "Tue", 2.0, room="room-8")
    third = small_show(repo, writer, clock, "Wed", 3.0, room="room-7")
    assert repo.previous_show_id(third) == first
    assert repo.previous_show_id(first) is None


@pytest.mark.parametrize("name, words", [("r.csv", ".xlsx"), ("missing/r.xlsx", "no such folder")])
def test_a_bad_target_is_refused_and_nothing_written(repo, writer, clock, db_path, tmp_path, capsys, name, words):
    small_show(repo, writer, clock, "A", 1.0)
    assert app.main(["recap", "--db", str(db_path), "-o", str(tmp_path / name)]) == 2
    assert words in capsys.readouterr().err
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob("*.csv")) == []


def test_no_such_show(repo, writer, clock, db_path, tmp_path, capsys):
    small_show(repo, writer, clock, "A", 1.0)
    assert app.main(["recap", "--db", str(db_path), "--show", "9", "-o", str(tmp_path / "r.xlsx")]) == 2
    assert "no show 9" in capsys.readouterr().err


def test_a_crash_while_saving_leaves_the_old_file_and_no_partial(repo, writer, clock, tmp_path, monkeypatch):
    sid = small_show(repo, writer, clock, "A", 1.0)
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"the previous recap")

    def crash(self, filename):
        with open(filename, "wb") as f:
            f.write(b"PK half a zip")
        raise OSError("disk full")

    monkeypatch.setattr(workbook.Workbook, "save", crash)
    temp_files = list(ALL_TEMP_FILES)
    with pytest.raises(OSError, match="disk full"):
        workbook.export_recap(repo, sid, out)
    assert ALL_TEMP_FILES == temp_files  # the sheets' streams were removed too
    assert out.read_bytes() == b"the previous recap"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_child_process_reports_progress_then_done(repo, writer, clock, db_path, tmp_path):
    small_show(repo, writer, clock, "A", 1.0)
    out = tmp_path / "child.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "controlroom", "recap", "--db", str(db_path), "-o", str(out), "--progress"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    reports = [r for r in map(parse_line, done.stdout.splitlines()) if r is not None]
    percents = [r.percent for r in reports]
    assert percents == sorted(percents) and percents[-1] == 100
    assert reports[-1].path == str(out) and out.is_file()


def test_an_unwritable_folder_is_one_line(repo, writer, clock, db_path, tmp_path, capsys, monkeypatch):
    small_show(repo, writer, clock, "A", 1.0)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(workbook.os, "replace", refuse)
    out = tmp_path / "r.xlsx"
    assert app.main(["recap", "--db", str(db_path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Permission denied" in err
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_progress_lines_parse_and_anything_else_is_ignored():
    assert parse_line("PROGRESS 42 events\n").percent == 42
    assert parse_line("DONE /tmp/a b.xlsx").path == "/tmp/a b.xlsx"
    for junk in ("", "PROGRESS", "PROGRESS x events", "show 1: 3 events", "DONE"):
        assert parse_line(junk) is None
