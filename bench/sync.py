"""Sync: a 500k-event show shipped from its laptop file into a PostgreSQL server, against a
bare psycopg COPY of the same rows, in the same run.

Run: PYTHONPATH=. .venv/bin/python bench/sync.py [--events N] [--to URL]
Without --to (or CONTROLROOM_BENCH_PG) it starts a throw-away cluster (tests/pgserver.py).
Prints the figures and last: RESULT sync ratio=<ours/bare> events_per_s=<ours>
ours: `Shipper.ship_show` into a fresh database (reading the SQLite file included);
bare: the same rows, already in memory, COPYed into a fresh database's events table in one
transaction. The ratio is events per second, ours over bare (target ≥ 0.5); best of two each.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import mixed_feed

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.services.sync import Shipper, local_origin, open_local, open_server
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.rows import event_values

_COPY = "COPY events (show_id, ts, kind, \"user\", product, value, qty, ref, text, flag, data) FROM STDIN"


def build(path: Path, n: int) -> int:
    """A laptop's show of n mixed feed events after its start, written straight into the file."""
    start = 1_767_225_600.0
    engine = open_engine(path)
    show_id = create_show(ShowRepository(engine), "bench", 720, sample_products(), start)
    engine.dispose()
    rows = [event_values(show_id, e) for e in [Event(ev.SHOW_STARTED, start), *mixed_feed(n - 1, start + 1)]]
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO events (show_id, ts, kind, user, product, value, qty, ref, text, flag, data) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return show_id


def server(given: str | None) -> tuple[str, object]:
    from tests import pgserver

    admin = given or os.environ.get("CONTROLROOM_BENCH_PG") or pgserver.server_url()
    if admin is None:
        sys.exit("no PostgreSQL server: give --to URL")
    return admin, pgserver


def ours(local_path: Path, url: str, show_id: int) -> float:
    local, target = open_local(str(local_path)), open_server(url)
    try:
        shipper = Shipper(local, target, local_origin(local))
        t0 = time.perf_counter()
        sent = shipper.ship_show(show_id)
        return sent / (time.perf_counter() - t0)
    finally:
        local.dispose()
        target.dispose()


def bare(rows: list[tuple], url: str) -> float:
    import psycopg

    open_server(url).dispose()  # the same schema, made outside the timing
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1)) as conn:
        t0 = time.perf_counter()
        with conn.cursor() as cur, cur.copy(_COPY) as copy:
            for r in rows:
                copy.write_row(r)
        conn.commit()
        return len(rows) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=500_000)
    ap.add_argument("--to", help="an admin URL of a PostgreSQL server (databases are made and dropped there)")
    args = ap.parse_args()
    admin, pgserver = server(args.to)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "laptop.db"
        show_id = build(path, args.events)
        with sqlite3.connect(path) as conn:
            rows = conn.execute("SELECT 1, ts, kind, user, product, value, qty, ref, text, flag, data FROM events "
                                "WHERE show_id = ? ORDER BY id", (show_id,)).fetchall()
        print(f"{len(rows)} events in the laptop's show")
        best_ours = best_bare = 0.0
        for _ in range(2):
            for measure in ("ours", "bare"):
                url = pgserver.fresh_database(admin)
                try:
                    rate = ours(path, url, show_id) if measure == "ours" else bare(rows, url)
                finally:
                    pgserver.drop_database(admin, url)
                print(f"{measure}: {rate:,.0f} events/s")
                if measure == "ours":
                    best_ours = max(best_ours, rate)
                else:
                    best_bare = max(best_bare, rate)
    print(f"RESULT sync ratio={best_ours / best_bare:.2f} events_per_s={best_ours:.0f}")


if __name__ == "__main__":
    main()
