"""The recap's count of what the log holds after the show's end (core/show_span.py).

Those events stay in the log and on the Events sheet, marked; here they are summed with
the show's own rules (an order's amount in cents, a typed-in total's `data["orders"]`,
a like event's count) so the Summary can show them apart from the show's figures.
"""

from __future__ import annotations

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.money import cents
from controlroom.core.recap_figures import AfterEnd


class AfterEndFold:
    """Feed it the events after the end (`add`), then `finish` with the show's counter."""

    def __init__(self) -> None:
        self._figures = AfterEnd()
        self._entries_max = -1
        self._joins = 0

    def add(self, e: Event) -> None:
        a = self._figures
        a.events += 1
        kind = e.kind
        if kind == ev.ORDER:
            a.gmv_cents += cents(e.value)
            if e.flag == ev.FLAG_MANUAL:
                a.orders += int((e.data or {}).get("orders", 0))
            else:
                a.orders += 1
                a.quantity += int(e.qty or 1)
        elif kind == ev.VIEWERS:
            if e.qty is not None:
                self._entries_max = max(self._entries_max, int(e.qty))
        elif kind == ev.JOIN:
            self._joins += 1
        elif kind == ev.LIKE:
            a.likes += int(e.qty or 1)
        elif kind == ev.COMMENT:
            a.comments += 1
        elif kind == ev.SHARE:
            a.shares += 1
        elif kind == ev.FOLLOW:
            a.follows += 1

    def finish(self, show_counter: int | None) -> AfterEnd:
        """`show_counter`: the highest entries counter of the show, None when the show's
        views came from join events (then so do these)."""
        a = self._figures
        if show_counter is None:
            a.entries = self._joins
        else:
            a.entries = max(0, self._entries_max - show_counter)
        return a
