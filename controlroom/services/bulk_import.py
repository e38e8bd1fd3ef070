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

`import_in_child` does the same for a platform export with the mapping in a child process
(services/platform_mapper.py): the window's process only takes the ready events, a batch
at a time — each held against the copy (core/platform_settle.py) and staged — and the
re-check under the lock is a filter of those (no mapping again), so no step of the import
holds the window's GIL for long. `progress` is called after every small step: the window
makes the worker wait there until its event loop came round (ui/background.py).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import minute_of
from controlroom.core.platform_rows import Catalogue, PlatformImport, PlatformSpec
from controlroom.core.platform_settle import Settler
from controlroom.core.sheet_problem import placed
from controlroom.core.sheet_rows import RowProblems
from controlroom.core.show import ShowState
from controlroom.services.platform_mapper import ChildMapper
from controlroom.services.show_service import ShowService
from controlroom.sheets.table import SheetError
from controlroom.store.errors import StoreUnavailable, reason
from controlroom.store.import_stage import staged

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


def import_in_child(service: ShowService, path: Any, spec: PlatformSpec, progress: Progress | None = None) -> PlatformImport:
    """The platform export at `path` (`spec.file_key`: the key of the file as the window read
    it) mapped in a child, held against the show, committed and folded; SheetError names every
    bad row (nothing changes), StoreUnavailable. Safe from any thread."""
    told = progress or (lambda _done, _total: None)
    with service.lock:
        basis = reading_copy(service.state)
    settler = Settler(basis, spec)
    with ChildMapper(path, spec, Catalogue.of(basis)) as child, staged(service.repo.engine, service.show_id) as stage:
        got = 0
        for batch in child.batches():
            got += len(batch)
            _stored(service, lambda batch=batch: stage.add(settler.take(batch)))
            told(got, 2 * (child.total or got))
        _settled(settler, Path(path).name)
        events = _stored(service, stage.added)

        def checked(state: ShowState) -> list[Event]:
            nonlocal events
            if changed_since(basis, state, events, settler.order_refs):
                settler.rebase(state)
                events = settler.take(events)  # some of them: the stage drops the others' rows
                _settled(settler, Path(path).name)
            return events

        if events:
            service.import_events(checked, progress=progress, stage=stage, order_refs=lambda: settler.order_refs)
    return settler.result(events)


def _settled(settler: Settler, name: str) -> None:
    try:
        settler.finish()
    except RowProblems as exc:
        raise SheetError(placed(exc.problems, file=name)) from None


def _stored(service: ShowService, write: Callable[[], Any]) -> Any:
    """`write()`; a database that cannot write refuses with a sentence (as the service does)."""
    try:
        return write()
    except Exception as exc:
        why = reason(exc)
        if why is None:
            raise
        raise StoreUnavailable(why, service.writer.retry_after_s, service.writer.waiting) from exc


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


def changed_since(basis: ShowState, state: ShowState, events: list[Event], orders: set[str] | None = None) -> bool:
    """Whether a mapping against `basis` could differ against `state`: an id of the import
    arrived since, or live figures for a minute the import brings figures for. Quick (it
    runs under the lock): set operations, and a walk of the events only when a minute of
    live figures is new. `orders`: the import's order ids when the caller has them (and it
    has no other ids), so that not even those are gathered under the lock."""
    if len(state.order_ids) != len(basis.order_ids) or len(state.event_ids) != len(basis.event_ids):
        others = set() if orders is not None else {e.ref for e in events if e.ref and e.kind != ev.ORDER}
        if orders is None:
            orders = {e.ref for e in events if e.ref and e.kind == ev.ORDER}
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
