"""When a show ended, and which events came after: one definition for the recap and the live fold.

A show ends once. `commands.end_show` needs a running or paused show, and no command
brings an ended show back (`start` needs a planned one, `resume` a paused one), so the
log holds at most one show_ended event. Should a log hold more (a database edited by
hand), the first one counts: the end is the end.

"After the end" is a timestamp strictly later than the show_ended event's. Events in the
log after the end are kept (platforms report late; an order can be stamped after the
end) and counted apart from the show's figures.
"""

from __future__ import annotations

from collections.abc import Iterable

from controlroom.core import events as ev
from controlroom.core.events import Event


def ended_at(events: Iterable[Event]) -> float | None:
    """The timestamp of the show's (first) show_ended event; None while it has not ended."""
    for e in events:
        if e.kind == ev.SHOW_ENDED:
            return e.ts
    return None


def is_after_end(ts: float, ended: float | None) -> bool:
    """Whether something stamped `ts` came after a show that ended at `ended` (None: not ended)."""
    return ended is not None and ts > ended


class EndWatch:
    """`ended_at` for a log streamed in time order (the repository's order), one event at a
    time: once the show_ended event has passed, every later-stamped event is after the end."""

    def __init__(self) -> None:
        self.ended_at: float | None = None

    def after_end(self, e: Event) -> bool:
        if self.ended_at is None:
            if e.kind == ev.SHOW_ENDED:
                self.ended_at = e.ts
            return False
        return e.ts > self.ended_at
