"""Slot targets over the real API (a server on loopback, aiohttp clients): orders posted as
feed events show in `/api/v1/state`'s and the live socket's `targets`, the same as the
fold replayed from the log after a restart."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import Any

import aiohttp

from controlroom.core import commands
from controlroom.core.plan import Plan
from controlroom.core.show import status_dict
from controlroom.feeds.api_server import EVENTS_PATH, STATE_PATH
from tests.live.conftest import TOKEN
from tests.live.test_state_push import _live


def _with_targets(service) -> tuple[int, str]:
    """Give the first product slot a ¥1000 / 10-order target; start the show on that slot."""
    plan = service.state.plan
    i, slot = next((i, s) for i, s in enumerate(plan.segments) if s.product_sku)
    segments = list(plan.segments)
    segments[i] = replace(slot, gmv_target=1000.0, orders_target=10)
    service.update_plan(Plan(segments))
    service.start()
    service.run(commands.jump, i)
    service.run(commands.set_shelf, slot.product_sku, True)
    return i, slot.product_sku


async def _request(method: str, url: str, **kw: Any) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as s, s.request(method, url, headers=headers, **kw) as resp:
        return resp.status, await resp.json()


def test_orders_sent_to_the_api_count_against_the_slots_target(server, service, clock):
    _, sku = _with_targets(service)
    clock.advance(30)
    orders = [{"type": "order", "order_id": f"T{n}", "product": sku, "amount": 125.25, "buyer": f"b{n}"}
              for n in range(4)]
    status, body = asyncio.run(_request("POST", server.url + EVENTS_PATH, data=json.dumps(orders)))
    assert status == 200, body
    clock.advance(30)
    status, state = asyncio.run(_request("GET", server.url + STATE_PATH))
    assert status == 200
    slot = state["targets"]["slot"]
    assert (slot["gmv"], slot["orders"], slot["gmv_left"], slot["orders_left"]) == (501.0, 4, 499.0, 6)
    assert state["targets"]["show"]["gmv"] == 501.0
    pushed = asyncio.run(_live(server, TOKEN, lambda m: len(m) >= 1))[0]
    assert pushed["targets"] == state["targets"]
    service.writer.flush()
    replayed = status_dict(service.repo.load_show(service.show_id).snapshot(clock.now()))
    assert replayed["targets"] == state["targets"]
