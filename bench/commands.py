"""Operator commands over the local API against the same commands through ShowService.run (what the
window's buttons call) in the same run: the HTTP + JSON + thread-pool hop a Stream Deck button adds.
Every command commits on its own (synchronous=FULL), so both paths are mostly the disk's fsync.

Run: PYTHONPATH=$PWD python bench/commands.py [--commands N]
Prints the figures and last: RESULT commands http_per_s=<http> ratio=<http/direct> p95_ms=<http p95>
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from controlroom.core import commands
from controlroom.core.clock import SystemClock
from controlroom.feeds.api_commands import COMMANDS_PATH
from controlroom.feeds.api_server import ApiServer
from controlroom.feeds.catalogue import sample_products
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

TOKEN = "bench-token-0123456789"
HEADERS = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


def started_service(folder: Path, name: str) -> ShowService:
    repo = ShowRepository(open_engine(folder / f"{name}.db"))
    clock = SystemClock()
    show = create_show(repo, name, 600, sample_products(), clock.now())
    service = ShowService(repo, FeedWriter(repo.engine), show, clock)
    service.start()
    return service


def direct(service: ShowService, n: int) -> float:
    t0 = time.perf_counter()
    for i in range(n):
        service.run(commands.extend, 1.0 if i % 2 == 0 else -1.0)
    return n / (time.perf_counter() - t0)


async def over_http(url: str, n: int) -> tuple[float, list[float]]:
    waits = []
    async with aiohttp.ClientSession() as s:
        t0 = time.perf_counter()
        for i in range(n):
            body = json.dumps({"command": "extend", "minutes": 1 if i % 2 == 0 else -1}).encode()
            t = time.perf_counter()
            async with s.post(url + COMMANDS_PATH, data=body, headers=HEADERS) as resp:
                assert resp.status == 200, await resp.text()
            waits.append(time.perf_counter() - t)
        return n / (time.perf_counter() - t0), waits


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--commands", type=int, default=300)
    n = p.parse_args().commands
    with tempfile.TemporaryDirectory() as tmp:
        base = direct(started_service(Path(tmp), "direct"), n)
        service = started_service(Path(tmp), "http")
        server = ApiServer(Intake(service), TOKEN, "127.0.0.1", 0)
        server.start()
        try:
            rate, waits = asyncio.run(over_http(server.url, n))
        finally:
            server.stop()
    p95 = statistics.quantiles(waits, n=20)[-1] * 1000
    print(f"direct {base:.0f}/s, over HTTP {rate:.0f}/s, HTTP p95 {p95:.1f} ms ({n} commands each)")
    print(f"RESULT commands http_per_s={rate:.0f} ratio={rate / base:.2f} p95_ms={p95:.1f}")


if __name__ == "__main__":
    main()
