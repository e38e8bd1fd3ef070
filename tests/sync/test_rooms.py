"""The agency's view: three rooms syncing at once into one server; the recap from the server."""

from __future__ import annotations

import json
import shutil
import signal

import pytest

from tests.sync.helpers import cli, events, marks, spawn, sqlite_url, status, wait_until

ROOMS = ("直播间 甲", "直播间 乙", "直播间 丙")
SAME_EVERYWHERE = ("room", "title", "state", "segment", "remaining_s", "ahead_behind_s", "gmv", "gmv_5min",
                   "orders", "online", "open_incidents", "alerts", "last_event_at")


def _shipped_by_origin(url: str) -> list[int]:
    return sorted(r[4] for r in marks(url))


@pytest.mark.slow
def test_three_rooms_sync_at_once_and_rooms_lists_each_with_its_own_figures(tmp_path, pg_url):
    laptops = [tmp_path / f"room{i}.db" for i in range(3)]
    for path, room in zip(laptops, ROOMS):
        cli("new-show", "--db", str(path), "--title", f"{room} 晚场", "--minutes", "30", "--room", room)
    shows = [spawn("rehearse", "--db", str(p), "--show", "1", "--minutes", "30", "--speed", "2000",
                   "--seed", str(i)) for i, p in enumerate(laptops)]
    followers = [spawn("sync", "--db", str(p), "--to", pg_url, "--follow") for p in laptops]
    try:
        for proc in shows:
            assert proc.wait(timeout=300) == 0, proc.stderr.read()
        local = sorted(sum(events(sqlite_url(p), 1).values()) for p in laptops)
        wait_until(lambda: _shipped_by_origin(pg_url) == local, what="three followers catch up")
    finally:
        for proc in followers + shows:
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=60)
    rooms = json.loads(cli("rooms", "--db", pg_url).stdout)
    assert [r["room"] for r in rooms] == sorted(ROOMS)
    assert sorted(r["show_id"] for r in rooms) == [1, 2, 3]  # the server's ids, not the laptops' (all 1)
    for path, room in zip(laptops, ROOMS):
        [on_server] = [r for r in rooms if r["room"] == room]
        [own] = json.loads(cli("rooms", "--db", str(path)).stdout)
        assert {k: on_server[k] for k in SAME_EVERYWHERE} == {k: own[k] for k in SAME_EVERYWHERE}
        laptop_status = status(str(path), 1)
        assert on_server["gmv"] == laptop_status["totals"]["gmv"] > 0
        assert on_server["online"] == laptop_status["totals"]["online"]
        assert (on_server["state"], on_server["segment"], on_server["ahead_behind_s"]) == (
            laptop_status["state"], laptop_status["segment"]["title"], laptop_status["ahead_behind_s"])
        assert events(pg_url, on_server["show_id"]) == events(sqlite_url(path), 1)


@pytest.mark.slow
def test_the_recap_from_the_server_compares_with_the_rooms_previous_show_there(rehearsed_file, tmp_path, pg_url):
    from openpyxl import load_workbook

    first, second = tmp_path / "monday.db", tmp_path / "tuesday.db"  # two laptops of one room
    shutil.copy(rehearsed_file, first)
    shutil.copy(rehearsed_file, second)
    cli("sync", "--db", str(first), "--to", pg_url)
    cli("sync", "--db", str(second), "--to", pg_url)
    cli("recap", "--db", pg_url, "--show", "2", "-o", str(tmp_path / "server.xlsx"), "--lang", "en")
    cli("recap", "--db", str(second), "--show", "1", "-o", str(tmp_path / "laptop.xlsx"), "--lang", "en")

    def compared_with(path) -> str:
        sheet = load_workbook(path, read_only=True).worksheets[0]
        return next(str(r[1]) for r in sheet.iter_rows(values_only=True) if r and r[0] == "Compared with")

    assert compared_with(tmp_path / "server.xlsx").startswith("#1 ")
    assert compared_with(tmp_path / "laptop.xlsx") == "No earlier show with this title/room to compare"
