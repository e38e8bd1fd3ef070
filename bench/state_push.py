"""The live state push (feeds/state_feed.py): what one push costs to build, against the
window's own `service.view()` in the same run, and how long a segment change takes to
reach every connected display, against a ping round trip on the same sockets.

Run: PYTHONPATH=$PWD python bench/state_push.py [--events N] [--displays D] [--rounds R]
Prints the figures and last: RESULT state_push build_ratio=<live/view> change_ratio=<change/ping>
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp
from api import Show
from common import mixed_feed

from controlroom.core import commands
from controlroom.feeds.api_server import ApiServer
from controlroom.feeds.state_feed import read_live_state
from controlroom.feeds.view_routes import LIVE_PATH

TOKEN, VIEW_TOKEN = "bench-token-0123456789", "bench-view-token-0123"


def build_cost(show: Show, rounds: int) -> tuple[float, float]:
    """Median seconds of one service.view() and of one live state (which includes a view)."""
    view, live = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        show.service.view()
        view.append(time.perf_counter() - t)
        t = time.perf_counter()
        read_live_state(show.service)
        live.append(time.perf_counter() - t)
    return statistics.median(view), statistics.median(live)


async def change_and_ping(show: Show, url: str, displays: int, rounds: int) -> tuple[float, float]:
    """Median seconds from service.next()/previous() to the last display's push of it, and of a ping."""
    async with aiohttp.ClientSession() as session:
        sockets = [await session.ws_connect(url + LIVE_PATH) for _ in range(displays)]
        for ws in sockets:
            await ws.send_str(json.dumps({"token": VIEW_TOKEN}))
            await ws.receive_json()
        loop = asyncio.get_running_loop()
        changes, pings = [], []
        for i in range(rounds):
            command = commands.next_segment if i % 2 == 0 else commands.previous_segment
            t = time.perf_counter()
            await loop.run_in_executor(None, show.service.run, command)
            index = show.service.view().pacing.index
            await asyncio.gather(*(_until_index(ws, index) for ws in sockets))
            changes.append(time.perf_counter() - t)
            t = time.perf_counter()
            await asyncio.gather(*(_ping(ws) for ws in sockets))
            pings.append(time.perf_counter() - t)
        for ws in sockets:
            await ws.close()
    return statistics.median(changes), statistics.median(pings)


async def _until_index(ws: aiohttp.ClientWebSocketResponse, index: int) -> None:
    while (m := await ws.receive_json())["type"] != "state" or m["segment"]["index"] != index:
        pass


async def _ping(ws: aiohttp.ClientWebSocketResponse) -> None:
    await ws.send_str('{"ping": 1}')
    while (await ws.receive_json())["type"] != "pong":
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--displays", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        show = Show(Path(tmp), "state_push")
        show.service.start()
        for sku in show.service.state.queue.order:
            show.service.run(commands.set_shelf, sku, True)
        show.service.ingest(mixed_feed(args.events, start=time.time() - args.events / 20), wait=True)
        view_s, live_s = build_cost(show, args.rounds)
        server = ApiServer(show.intake, TOKEN, "127.0.0.1", 0, view_token=VIEW_TOKEN)
        server.start()
        try:
            change_s, ping_s = asyncio.run(change_and_ping(show, server.url, args.displays, args.rounds))
        finally:
            server.stop()
        show.close()
    print(f"service.view() {view_s * 1e3:.2f} ms, live state {live_s * 1e3:.2f} ms ({args.events} events)")
    print(f"segment change to {args.displays} displays {change_s * 1e3:.1f} ms, ping round trip {ping_s * 1e3:.1f} ms")
    print(f"RESULT state_push build_ratio={live_s / view_s:.2f} change_ratio={change_s / ping_s:.2f}")


if __name__ == "__main__":
    main()
