"""The sell-out forecast over the local API, for real: orders POSTed to a server on loopback,
then `/api/v1/state` and the live socket's push carry `forecast` for every product on shelf."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp

from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH
from controlroom.feeds.view_routes import LIVE_PATH

from .conftest import TOKEN


async def _request(method: str, url: str, **kw: Any) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as s, s.request(method, url, headers=headers, **kw) as resp:
        return resp.status, await resp.json()


async def _first_push(url: str) -> dict[str, Any]:
    async with aiohttp.ClientSession() as s, s.ws_connect(url + LIVE_PATH) as ws:
        await ws.send_str(json.dumps({"token": TOKEN}))
        async with asyncio.timeout(30):
            return json.loads((await ws.receive()).data)


def test_state_and_the_live_push_carry_the_forecast(server, live_service, clock):
    sku, *others = live_service.state.queue.order
    stock = live_service.state.queue.stock(sku)
    orders = []
    for i in range(30):  # one unit every 2 s for a minute: 30 a minute
        orders.append({"type": "order", "ts": clock.now() - 58 + 2 * i, "order_id": f"A-{i}", "product": sku,
                       "quantity": 1, "amount": 9.9})
    status, body = asyncio.run(_request("POST", server.url + EVENTS_PATH, data=json.dumps(orders)))
    assert status == 200, body
    status, state = asyncio.run(_request("GET", server.url + STATE_PATH))
    assert status == 200
    assert state["forecast"] == {sku: (stock - 30) * 2, **{other: None for other in others}}
    push = asyncio.run(_first_push(server.url))
    assert push["forecast"] == state["forecast"]
