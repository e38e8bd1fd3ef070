"""SIGTERM stops `rehearse` and `import` cleanly: real processes, signalled mid-run, then
the database read back. Where in its run the process is comes from /proc (the sheet it
holds open, the system call it waits in), never from a sleep."""

from __future__ import annotations

import json
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")]
PRODUCTS = 5000  # the most one sheet may hold: reading it takes about a second
SLEEP_SYSCALLS = {"35", "230"}  # nanosleep, clock_nanosleep on x86_64: SQLite's busy wait


def controlroom(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "controlroom", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def start(*args: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "controlroom", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def status(db) -> dict:
    done = controlroom("status", "--db", db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def wait_until(check, proc: subprocess.Popen, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if proc.poll() is not None:
            raise AssertionError(f"exited ({proc.returncode}) before {what}: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"still not {what} after {timeout:.0f} s")
        time.sleep(0.005)


def holds_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:  # a descriptor closed while we looked
        return False


def sleeping(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/syscall").read_text().split()[0] in SLEEP_SYSCALLS
    except (OSError, IndexError):
        return False


@pytest.fixture(scope="module")
def big_sheet(tmp_path_factory) -> Path:
    from openpyxl import Workbook

    path = tmp_path_factory.mktemp("sheet") / "products.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["商品名称", "SKU", "类型", "价格", "库存", "卖点", "优惠"])
    for i in range(PRODUCTS):
        ws.append([f"商品{i}", f"P{i}", "利润款", 59, 20, "补水保湿", "满99减20"])
    wb.save(path)
    return path


@pytest.fixture
def show_db(tmp_path) -> Path:
    db = tmp_path / "show.db"
    assert controlroom("new-show", "--db", db, "--title", "t", "--minutes", 60).returncode == 0
    return db


def test_rehearse_stops_on_sigterm_with_everything_it_took_in_the_log(tmp_path):
    db = tmp_path / "r.db"
    proc = start("rehearse", "--db", db, "--minutes", 30, "--speed", 300)
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("[") and "orders=0 " not in line:  # a report with orders in it
            break
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    lines += out.splitlines()
    assert proc.returncode == 143, err
    assert "stopped by SIGTERM" in err and len(err.strip().splitlines()) == 1
    last = dict(part.split("=", 1) for part in lines[-1].split() if "=" in part)  # printed after the flush
    s = status(db)
    assert s["state"] == "running"
    t = s["totals"]
    assert (f"{t['online']:.0f}", f"{t['peak_online']:.0f}", str(t["orders"]), f"{t['gmv']:.2f}") == (
        last["online"], last["peak"], last["orders"], last["GMV"])
    conn = sqlite3.connect(db)
    stored = dict(conn.execute("SELECT id, kind FROM events").fetchall())
    conn.close()
    acked = [dict(p.split("=", 1) for p in line.split()[1:]) for line in lines if line.startswith("ack ")]
    assert acked and all(stored.get(int(a["id"])) == a["kind"] for a in acked)
    assert controlroom("rehearse", "--db", db, "--show", 1, "--speed", 100000).returncode == 0  # lock released


def test_import_stopped_while_reading_changes_nothing(show_db, big_sheet):
    before = status(show_db)["stock"]
    proc = start("import", "products", big_sheet, "--db", show_db, "--yes")
    wait_until(lambda: holds_open(proc.pid, big_sheet), proc, "opening the sheet")
    proc.send_signal(signal.SIGSTOP)  # hold it still to make sure it is reading yet
    reading = holds_open(proc.pid, big_sheet)
    proc.send_signal(signal.SIGTERM)
    proc.send_signal(signal.SIGCONT)
    out, err = proc.communicate(timeout=60)
    if not reading:
        pytest.skip("the sheet was read before the process could be stopped")
    assert proc.returncode == 143, (out, err)
    assert "stopped by SIGTERM before importing" in err and "nothing was changed" in err
    assert "imported" not in out
    assert status(show_db)["stock"] == before


@pytest.mark.skipif(platform.machine() != "x86_64", reason="reads x86_64 system call numbers from /proc")
def test_import_signalled_while_writing_finishes_the_write(show_db, big_sheet):
    """The write waits on a lock the test holds; SIGTERM comes then; the import must
    finish in full (the products and the edit event both), exit 0, and say so."""
    blocker = sqlite3.connect(show_db, isolation_level=None, timeout=30)
    blocker.execute("BEGIN IMMEDIATE")
    proc = start("import", "products", big_sheet, "--db", show_db, "--yes")
    try:
        wait_until(lambda: holds_open(proc.pid, big_sheet), proc, "opening the sheet")
        wait_until(lambda: sleeping(proc.pid), proc, "waiting for the database")
        proc.send_signal(signal.SIGTERM)
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "products imported" in out and f"{PRODUCTS} added" in out
    assert "SIGTERM came while the import was being written; it was finished first" in err
    s = status(show_db)
    assert len(s["stock"]) >= PRODUCTS  # the sheet's products (and any the plan still uses)
    conn = sqlite3.connect(show_db)
    edits = conn.execute("SELECT COUNT(*) FROM events WHERE kind = 'plan_edited' AND ref = 'products'").fetchone()
    added = conn.execute("SELECT COUNT(*) FROM events WHERE kind = 'product_added'").fetchone()
    conn.close()
    assert edits == (1,) and added == (PRODUCTS,)
