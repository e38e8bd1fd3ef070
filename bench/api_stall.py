"""Does a big batch stall the local API's other clients? One client POSTs near-4 MB
arrays back to back while two others GET in a loop: the state (which waits for the
show's lock) and a path that touches no show data (a 404: it measures the event loop
alone). Their latency under that load is compared with the same GETs on an idle
server, in the same run.

Run: PYTHONPATH=$PWD python bench/api_stall.py [--posts N]
Prints the figures and last:
RESULT api_stall loop_max_ms=<loaded max> ratio=<loaded max / idle median> state_max_ms=<loaded max>
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
from api import TOKEN, Show, as_json
from common import mixed_feed

from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH, ApiServer
from controlroom.feeds.config import ApiSettings

HEADERS = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


def big_body(limit: int) -> bytes:
    """The largest mixed-feed array that fits under `limit` bytes."""
    events = [as_json(e) for e in mixed_feed(60_000)]
    while True:
        body = json.dumps(events, ensure_ascii=False).encode()
        if len(body) <= limit:
            return body
        events = events[: int(len(events) * limit / len(body) * 0.98)]


async def _get_times(session: aiohttp.ClientSession, url: str, until: asyncio.Event | None, n: int) -> list[float]:
    times = []
    while (until is None and len(times) < n) or (until is not None and not until.is_set()):
        t0 = time.perf_counter()
        async with session.get(url, headers=HEADERS) as resp:
            await resp.read()
        times.append(time.perf_counter() - t0)
        await asyncio.sleep(0.01)
    return times


async def _run(server: ApiServer, body: bytes, posts: int) -> dict[str, list[float]]:
    state_url, loop_url = server.url + STATE_PATH, server.url + "/api/v1/no-such-path"
    async with aiohttp.ClientSession() as getter, aiohttp.ClientSession() as prober, \
            aiohttp.ClientSession() as poster:
        idle = await _get_times(prober, loop_url, None, 50)
        done = asyncio.Event()

        async def post_all() -> None:
            for _ in range(posts):
                async with poster.post(server.url + EVENTS_PATH, data=body, headers=HEADERS) as resp:
                    if resp.status != 200:
                        raise RuntimeError(f"HTTP {resp.status}: {await resp.text()}")
            done.set()

        state, loop, _ = await asyncio.gather(
            _get_times(getter, state_url, done, 0), _get_times(prober, loop_url, done, 0), post_all()
        )
    return {"idle": idle, "state": state, "loop": loop}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--posts", type=int, default=4)
    args = p.parse_args()
    settings = ApiSettings()
    body = big_body(settings.max_body_bytes)
    with tempfile.TemporaryDirectory() as tmp:
        show = Show(Path(tmp), "stall")
        server = ApiServer(show.intake, TOKEN, "127.0.0.1", 0, settings)
        server.start()
        try:
            times = asyncio.run(_run(server, body, args.posts))
        finally:
            server.stop()
            show.close()
    ms = {name: [t * 1000 for t in values] for name, values in times.items()}
    idle_ms = statistics.median(ms["idle"])
    print(f"{args.posts} POSTs of {len(body) / 1e6:.1f} MB; an idle GET takes {idle_ms:.1f} ms (median)")
    for name in ("loop", "state"):
        got = ms[name]
        print(f"under load, GET {name}: {len(got)} requests, median {statistics.median(got):.1f} ms, "
              f"max {max(got):.1f} ms")
    loop_max, state_max = max(ms["loop"]), max(ms["state"])
    print(f"RESULT api_stall loop_max_ms={loop_max:.0f} ratio={loop_max / idle_ms:.0f} state_max_ms={state_max:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
