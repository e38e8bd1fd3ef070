"""The command line, run as a user runs it: a real process on a real database file."""

import csv
import json
import sqlite3
import subprocess
import sys

import pytest

from controlroom.feeds.catalogue import sample_products


def cli(*args, check=True):
    done = subprocess.run([sys.executable, "-m", "controlroom", *map(str, args)], capture_output=True, text=True, timeout=120)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def write_sheet(path, rows, headers=("商品名称", "SKU", "类型", "价格", "库存", "卖点", "优惠")):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(headers)
        w.writerows(rows)


def test_new_show_prints_its_id_last_and_status_reads_it(db_path):
    out = cli("new-show", "--db", db_path, "--title", "周五专场", "--minutes", "90").stdout.strip().splitlines()
    show_id = int(out[-1])
    status = json.loads(cli("status", "--db", db_path, "--show", show_id).stdout)
    assert status["show_id"] == show_id and status["title"] == "周五专场" and status["state"] == "planned"
    assert status["segment"] is None and status["on_shelf"] == []
    assert set(status["totals"]) >= {"peak_online", "views", "likes", "comments", "shares", "follows", "orders", "gmv"}


def test_planned_start_room_host_and_controller_are_kept(db_path):
    import datetime as dt

    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository

    out = cli("new-show", "--db", db_path, "--title", "t", "--minutes", "30", "--start", "2026-11-21T20:00:00+08:00",
              "--room", "旗舰店直播间", "--host", "小美", "--controller", "阿强").stdout
    repo = ShowRepository(open_engine(db_path))
    info = repo.load_show(int(out.split()[-1])).info
    repo.engine.dispose()
    assert info.scheduled_at == dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC).timestamp()
    assert (info.room, info.host, info.controller) == ("旗舰店直播间", "小美", "阿强")
    bad = cli("new-show", "--db", db_path, "--title", "t", "--start", "tonight", check=False)
    assert bad.returncode == 2 and "tonight" in bad.stderr


def test_db_before_the_subcommand_is_honoured(db_path):
    cli("--db", db_path, "new-show", "--title", "x", "--minutes", "30")
    assert "x" in cli("shows", "--db", db_path).stdout


def test_product_sheet_import(db_path, tmp_path):
    sheet = tmp_path / "products.csv"
    write_sheet(sheet, [["面膜", "P1", "利润款", "59", "20", "补水", "满99减20"], ["袖套", "T1", "引流款", "9.9", "100", "", ""]])
    show_id = int(cli("new-show", "--db", db_path, "--title", "s", "--minutes", "30", "--products", sheet).stdout.split()[-1])
    status = json.loads(cli("status", "--db", db_path, "--show", show_id).stdout)
    assert status["stock"] == {"P1": 20, "T1": 100}
    assert status["next"] == "Opening"  # the CLI speaks English: its default plan too


def test_a_bad_sheet_names_row_and_column_and_creates_nothing(db_path, tmp_path):
    sheet = tmp_path / "bad.csv"
    write_sheet(sheet, [["面膜", "P1", "利润款", "59", "20", "", ""], ["袖套", "T1", "引流款", "九块九", "100", "", ""]])
    cli("new-show", "--db", db_path, "--title", "keep", "--minutes", "30")
    done = cli("new-show", "--db", db_path, "--title", "s", "--minutes", "30", "--products", sheet, check=False)
    assert done.returncode == 2
    assert "row 3, column 价格" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert [line.split()[-1] for line in cli("shows", "--db", db_path).stdout.splitlines()[1:]] == ["keep"]


@pytest.mark.parametrize("args,message", [
    (("status", "--show", "99"), "no show 99"),
    (("new-show", "--title", "t", "--minutes", "5"), "too short"),
])
def test_errors_are_one_line_and_non_zero(db_path, args, message):
    cli("new-show", "--db", db_path, "--title", "t", "--minutes", "30")
    done = cli(*args, "--db", db_path, check=False)
    assert done.returncode != 0 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_or_unreadable_database(tmp_path):
    done = cli("status", "--db", tmp_path / "none.db", check=False)
    assert done.returncode == 2 and "no database" in done.stderr
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00garbage" * 512)
    done = cli("shows", "--db", garbage, check=False)
    assert done.returncode == 2 and "cannot use database" in done.stderr
    done = cli("rehearse", "--db", tmp_path / "x.db", "--speed", "-3", check=False)
    assert done.returncode == 2 and "positive" in done.stderr


def test_rehearse_runs_a_whole_show(db_path):
    out = cli("rehearse", "--db", db_path, "--minutes", "30", "--speed", "100000", "--seed", "4").stdout
    assert "ack id=" in out and "kind=show_ended" in out
    status = json.loads(cli("status", "--db", db_path).stdout)
    t = status["totals"]
    assert status["state"] == "ended" and t["orders"] > 0 and t["gmv"] > 0 and t["peak_online"] > 0
    shows = cli("shows", "--db", db_path).stdout
    assert f"{t['gmv']:.2f}" in shows and "ended" in shows


def test_rehearse_is_deterministic_for_a_seed(tmp_path):
    """The same seed gives the same show, event for event, relative to its start (per-minute
    figures may bin differently: the start falls at another second of the minute)."""
    logs, totals = [], []
    for name in ("a.db", "b.db"):
        cli("rehearse", "--db", tmp_path / name, "--minutes", "25", "--speed", "100000", "--seed", "9")
        conn = sqlite3.connect(tmp_path / name)
        logs.append(conn.execute(
            "SELECT kind, ROUND(ts - (SELECT MIN(ts) FROM events), 3), user, product, value, qty, text, flag"
            " FROM events WHERE kind != 'segment_started' ORDER BY 2, 1, 3, 4, 5, 6, 7, 8").fetchall())
        conn.close()
        t = json.loads(cli("status", "--db", tmp_path / name).stdout)["totals"]
        totals.append({k: v for k, v in t.items() if k not in ("interaction_rate", "dwell_s")})  # binned by minute
    assert len(logs[0]) > 1000 and logs[0] == logs[1]
    assert totals[0] == totals[1]


def test_rehearse_with_a_product_sheet(db_path, tmp_path):
    sheet = tmp_path / "p.csv"
    write_sheet(sheet, [[p.name, p.sku, p.role.value, p.price, p.stock, "", ""] for p in sample_products()[:3]])
    cli("rehearse", "--db", db_path, "--minutes", "20", "--speed", "100000", "--products", sheet)
    status = json.loads(cli("status", "--db", db_path).stdout)
    assert set(status["stock"]) == {p.sku for p in sample_products()[:3]}

