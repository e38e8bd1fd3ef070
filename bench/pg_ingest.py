"""Feed ingest into PostgreSQL: our writer (group commit, Core insert, executemany per batch)
against a bare psycopg executemany of the same rows, same SQL and batch, into a second fresh
database of the same server, in the same run.

Run: .venv/bin/python bench/pg_ingest.py [--events N] [--batch B] [--server URL]
(the server: --server, else $CONTROLROOM_TEST_PG, else a throw-away cluster, tests/pgserver.py).
Prints `RESULT pg_ingest ratio=<ours/bare> events_per_s=<n>`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import psycopg  # noqa: E402
from common import mixed_feed  # noqa: E402

from controlroom.store.db import open_engine  # noqa: E402
from controlroom.store.rows import ROW_KEYS, event_values  # noqa: E402
from controlroom.store.writer import FeedWriter  # noqa: E402
from tests import pgserver  # noqa: E402

_COLUMNS = ", ".join(f'"{k}"' for k in ROW_KEYS)  # "user" quoted: alone it is the role
SQL = f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join(['%s'] * len(ROW_KEYS))})"


def ours(url: str, rows: list[tuple], batch: int) -> float:
    engine = open_engine(url)
    writer = FeedWriter(engine, batch_size=batch, checkpoint_every_s=3600)
    t0 = time.perf_counter()
    for start in range(0, len(rows), batch):
        writer.put_many(rows[start:start + batch])
    assert writer.flush(timeout=600)
    elapsed = time.perf_counter() - t0
    writer.close()
    assert writer.written == len(rows) and writer.failed == 0
    engine.dispose()
    return elapsed


def bare(url: str, rows: list[tuple], batch: int) -> float:
    open_engine(url).dispose()  # the same schema
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1)) as conn:
        t0 = time.perf_counter()
        for start in range(0, len(rows), batch):
            with conn.cursor() as cur:
                cur.executemany(SQL, rows[start:start + batch])
            conn.commit()
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--server", help="an admin URL (postgresql+psycopg://user@host:port/postgres)")
    args = ap.parse_args()
    admin = args.server or pgserver.server_url()
    if admin is None:
        sys.exit("no PostgreSQL server: give --server or install postgresql")
    rows = [event_values(1, e) for e in mixed_feed(args.events)]
    urls = [pgserver.fresh_database(admin) for _ in range(2)]
    try:
        t_bare, t_ours = bare(urls[0], rows, args.batch), ours(urls[1], rows, args.batch)
    finally:
        for url in urls:
            pgserver.drop_database(admin, url)
    print(f"bare psycopg executemany: {args.events / t_bare:,.0f} events/s ({t_bare:.2f} s)")
    print(f"our writer:               {args.events / t_ours:,.0f} events/s ({t_ours:.2f} s)")
    print(f"RESULT pg_ingest ratio={t_bare / t_ours:.2f} events_per_s={args.events / t_ours:.0f}")


if __name__ == "__main__":
    main()
