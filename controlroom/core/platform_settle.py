"""A platform export's events held against the live log: what it already has is skipped,
minutes with live figures are refused (or skipped, to fill gaps). Policy in
core/platform_rows.py; this is its second half, apart from the mapping of rows so that the
mapping can run in a child process while this runs, batch by batch, where the state is."""

from __future__ import annotations

import datetime as dt

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.metrics import minute_of
from controlroom.core.platform_rows import TREND, PlatformImport, PlatformSpec
from controlroom.core.sheet_problem import SheetProblem
from controlroom.core.sheet_rows import RowProblems
from controlroom.core.show import ShowState


class Settler:
    """Takes the mapped events (`mapped_rows`, in its order) in batches of any size; `finish`
    raises the clash when the file brings figures for minutes the live feed has. The state is
    only read (pass a copy, or hold the service's lock)."""

    def __init__(self, state: ShowState, spec: PlatformSpec) -> None:
        self.spec = spec
        self.skipped: set[int] = set()
        self.clash_viewers: set[int] = set()
        self.clash_sales: set[int] = set()
        self.duplicates = 0
        self.order_refs: set[str] = set()  # of the orders kept
        self.rebase(state)

    def rebase(self, state: ShowState) -> None:
        """Hold what comes next against `state` (newer than the one before: ids and live
        minutes only grow); what was skipped or found before still counts."""
        buckets = state.metrics.buckets
        self.live_viewers = {m for m, b in buckets.items() if b.online_n}
        self.live_sales = {m for m, b in buckets.items() if b.orders or b.gmv}
        self.order_ids = state.order_ids
        self.order_refs = set()

    def take(self, events: list[Event]) -> list[Event]:
        """The events of the batch to import, in their order."""
        trend = self.spec.kind == TREND
        kept: list[Event] = []
        for e in events:
            if trend and e.kind == ev.VIEWERS and self._live(minute_of(e.ts), self.live_viewers, self.clash_viewers):
                continue
            if e.kind == ev.ORDER:
                if trend and self._live(minute_of(e.ts), self.live_sales, self.clash_sales):
                    continue
                if e.ref in self.order_ids:
                    self.duplicates += 1
                    continue
                if e.ref:
                    self.order_refs.add(e.ref)
            kept.append(e)
        return kept

    def _live(self, minute: int, live: set[int], clash: set[int]) -> bool:
        if minute not in live:
            return False
        clash.add(minute)
        self.skipped.add(minute)
        return True

    def finish(self) -> None:
        """RowProblems (nothing is imported) when live minutes clash and gaps are not to be filled."""
        if (self.clash_viewers or self.clash_sales) and not self.spec.fill_gaps:
            raise RowProblems([_clash_message(sorted(self.clash_viewers), sorted(self.clash_sales), self.spec.tz)])

    def result(self, events: list[Event]) -> PlatformImport:
        return PlatformImport(events, skipped_minutes=len(self.skipped), duplicate_orders=self.duplicates)

    def settle(self, mapped: PlatformImport) -> PlatformImport:
        """All at once: the events of `mapped` to import (RowProblems on a clash)."""
        kept = self.take(mapped.events)
        self.finish()
        return self.result(kept)


def _clash_message(clash_v: list[int], clash_s: list[int], tz: dt.tzinfo) -> SheetProblem:
    minutes = sorted(set(clash_v) | set(clash_s))
    first = dt.datetime.fromtimestamp(minutes[0] * 60, tz).strftime("%H:%M")
    last = dt.datetime.fromtimestamp(minutes[-1] * 60, tz).strftime("%H:%M")
    what = " and ".join(w for w, c in (("viewer figures", clash_v), ("sales", clash_s)) if c)
    return SheetProblem("clash", count=len(minutes), first=first, last=last, what=what)
