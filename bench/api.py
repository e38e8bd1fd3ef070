"""The local API's throughput: events POSTed over HTTP in batched JSON arrays, against
the same events handed straight to the intake (validation, fold, batched writer) in
the same run. Both paths end when the writer has committed everything.

Run: /tmp/venv/bin/python bench/api.py [--events N] [--batch B] [--clients C]
Prints the figures and last: RESULT api events_per_s=<http> ratio=<http/direct>
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp
from common import mixed_feed

from controlroom.core import events as ev
from controlroom.core.clock import SystemClock
from controlroom.feeds.api_server import EVENTS_PATH, ApiServer
from controlroom.feeds.catalogue import sample_products
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

TOKEN = "bench-token-0123456789"


def as_json(e: ev.Event) -> dict[str, Any]:
    """The schema's JSON for one of the bench's core events (docs/events.md)."""
    if e.kind == ev.VIEWERS:
        return {"type": "viewers", "online": int(e.value or 0), "entries_total": e.qty}
    if e.kind == ev.COMMENT:
        return {"type": "comment", "user": e.user, "text": e.text}
    if e.kind == ev.LIKE:
        return {"type": "like", "count": e.qty}
    if e.kind == ev.GIFT:
        return {"type": "gift", "user": e.user, "gift": e.text, "count": e.qty, "value": e.value}
    if e.kind == ev.ORDER:
        return {
            "type": "order",
            "order_id": e.ref,
            "product": e.product,
            "quantity": e.qty,
            "amount": e.value,
            "buyer": e.user,
        }
    return {"type": e.kind, "user": e.user}


class Show:
    """A fresh show in its own database, with a writer and an intake."""

    def __init__(self, folder: Path, name: str) -> None:
        self.engine = open_engine(folder / f"{name}.db")
        repo = ShowRepository(self.engine)
        sid = create_show(repo, name, 120, sample_products(), time.time())
        self.writer = FeedWriter(self.engine)
        self.service = ShowService(repo, self.writer, sid, SystemClock())
        self.intake = Intake(self.service)

    def close(self) -> int:
        self.writer.flush()
        rows = self.service.repo.count_events(self.service.show_id)
        self.writer.close()
        self.engine.dispose()
        return rows


def direct(show: Show, batches: list[list[dict[str, Any]]]) -> float:
    t0 = time.perf_counter()
    for batch in batches:
        show.intake.submit_json(batch)
    show.writer.flush()
    return time.perf_counter() - t0


async def _post_all(url: str, bodies: list[bytes], clients: int) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    queue = list(reversed(bodies))

    async def worker(session: aiohttp.ClientSession) -> None:
        while queue:
            body = queue.pop()
            async with session.post(url, data=body, headers=headers) as resp:
                if resp.status != 200:
                    raise RuntimeError(f"HTTP {resp.status}: {await resp.text()}")
                await resp.read()

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(worker(session) for _ in range(clients)))


def over_http(show: Show, batches: list[list[dict[str, Any]]], clients: int) -> float:
    bodies = [json.dumps(b, ensure_ascii=False).encode() for b in batches]  # encoded before the clock starts
    server = ApiServer(show.intake, TOKEN, "127.0.0.1", 0)
    server.start()
    try:
        t0 = time.perf_counter()
        asyncio.run(_post_all(server.url + EVENTS_PATH, bodies, clients))
        show.writer.flush()
        return time.perf_counter() - t0
    finally:
        server.stop()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=1000)
    p.add_argument("--clients", type=int, default=2, help="concurrent HTTP connections")
    args = p.parse_args()
    events = [as_json(e) for e in mixed_feed(args.events)]
    batches = [events[i : i + args.batch] for i in range(0, len(events), args.batch)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = Show(folder, "direct"), Show(folder, "http")
        t_direct = direct(a, batches)
        t_http = over_http(b, batches, args.clients)
        rows_a, rows_b = a.close(), b.close()
    n = len(events)
    if rows_a != rows_b:
        print(f"MISMATCH: direct stored {rows_a} rows, http {rows_b}", file=sys.stderr)
        return 1
    http_rate, direct_rate = n / t_http, n / t_direct
    print(f"events: {n} in batches of {args.batch}, {args.clients} HTTP clients, cpus={os.cpu_count()}")
    print(f"direct (intake → writer): {t_direct:.2f} s, {direct_rate:,.0f} events/s")
    print(f"HTTP POST (server thread): {t_http:.2f} s, {http_rate:,.0f} events/s ({rows_b} rows stored)")
    print(f"RESULT api events_per_s={http_rate:.0f} ratio={http_rate / direct_rate:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
