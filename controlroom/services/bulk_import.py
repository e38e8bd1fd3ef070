"""Big imports (a 200,000-row platform export) into a show that goes on meanwhile.

The file is mapped to events against a copy of what the mapping reads (the minutes with
live figures, the order ids, the queue), taken in one short hold of the service's lock:
the expensive part — every row parsed and checked — holds no lock, so the feeds, the API
and the window keep going. The import is then committed by `ShowService.import_events`:
under the lock, the events are checked once more against the live state (a feed may have
brought, meanwhile, an order id the import has, or live figures for a minute it fills);
if it did, the file is mapped again under the lock (rare: correct before fast). The events
are staged before that check, outside the log (store/import_stage.py: no write lock on
`events`), then moved into it by one short transaction, all or nothing, and folded in
short chunks (live == replay: the fold is order-free, and the import's ids were reserved
before the commit).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import minute_of
from controlroom.core.show import ShowState
from controlroom.services.show_service import ShowService

Progress = Callable[[int, int], None]


def import_mapped(service: ShowService, mapper: Callable[[ShowState], Any], progress: Progress | None = None) -> Any:
    """`mapper(state)` returns something with `.events` (it may raise: nothing changes);
    that is committed and folded, and returned. Safe from any thread."""
    with service.lock:
        basis = reading_copy(service.state)
    result = mapper(basis)

    def checked(state: ShowState) -> list[Event]:
        nonlocal result
        if changed_since(basis, state, result.events):
            result = mapper(state)
        return result.events  # the very list staged, unless mapped again

    if result.events:
        service.import_events(checked, progress=progress, first=result.events)
    return result


def reading_copy(state: ShowState) -> ShowState:
    """What a mapping reads, copied so the live state may move on: the ids, the queue and
    the minute buckets (a few hundred); the rest is shared and never read by a mapping."""
    out = copy.copy(state)
    out.order_ids = set(state.order_ids)
    out.event_ids = set(state.event_ids)
    out.queue = copy.deepcopy(state.queue)
    out.metrics = copy.copy(state.metrics)
    out.metrics.buckets = {m: copy.copy(b) for m, b in state.metrics.buckets.items()}
    return out


def changed_since(basis: ShowState, state: ShowState, events: list[Event]) -> bool:
    """Whether a mapping against `basis` could differ against `state`: an id of the import
    arrived since, or live figures for a minute the import brings figures for. Quick (it
    runs under the lock): set operations, and a walk of the events only when a minute of
    live figures is new."""
    if len(state.order_ids) != len(basis.order_ids) or len(state.event_ids) != len(basis.event_ids):
        orders = {e.ref for e in events if e.ref and e.kind == ev.ORDER}
        others = {e.ref for e in events if e.ref and e.kind != ev.ORDER}
        if not orders.isdisjoint(state.order_ids) or not others.isdisjoint(state.event_ids):
            return True
    viewers = _new_minutes(basis, state, lambda b: b.online_n)
    sales = _new_minutes(basis, state, lambda b: b.orders or b.gmv)
    if not viewers and not sales:
        return False
    return any(
        minute_of(e.ts) in (viewers if e.kind == ev.VIEWERS else sales)
        for e in events
        if e.kind == ev.VIEWERS or (e.kind == ev.ORDER and e.flag == ev.FLAG_MANUAL)
    )


def _new_minutes(basis: ShowState, state: ShowState, has: Callable[[Any], Any]) -> set[int]:
    before = basis.metrics.buckets
    return {m for m, b in state.metrics.buckets.items() if has(b) and not (m in before and has(before[m]))}
