"""Undo: which operator actions can be taken back, the stack of them since the show's start,
and the rebuild of what they touched.

An undo is itself an event (`undone`, data {"ids": [...]}) naming the events of the one
action it takes back; the log keeps both, and every fold treats the pair as if neither
happened. Replay collects the undone ids first and skips both (store/repository.py). Live,
the state cannot re-read the log, so `UndoLog` keeps in memory the operator events that the
undoable kinds touch (timer, shelf, explaining, incidents, host message) and those parts are
folded again from them without the undone ones; the rest of the state (the feed's
figures, stock and sales, the plan and products) is not touched by an undoable event, so
it stays as it is.

An action is the events one command wrote: the first, and those after it marked joined
(data {"joined": true}: the move-on, core/commands.py). The show's start and end are
boundaries: nothing before them can be undone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from controlroom.core import events as ev
from controlroom.core.events import Event

UNDOABLE_KINDS = frozenset({
    ev.PRODUCT_ON_SHELF, ev.PRODUCT_OFF_SHELF, ev.EXPLAINING_STARTED, ev.SEGMENT_STARTED, ev.SEGMENT_EXTENDED,
    ev.INTERACTION_MARKED, ev.PROMO_REPEATED, ev.HOST_MESSAGE, ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED,
    ev.SHOW_PAUSED, ev.SHOW_RESUMED,
})
BOUNDARY_KINDS = frozenset({ev.SHOW_STARTED, ev.SHOW_ENDED})
# What the parts an undo rebuilds are folded from: the undoable kinds, the boundaries (the
# timer's start and end) and a product's removal (it takes the product off shelf).
REBUILD_KINDS = UNDOABLE_KINDS | BOUNDARY_KINDS | {ev.PRODUCT_REMOVED}
SHELF_KINDS = frozenset({ev.PRODUCT_ON_SHELF, ev.PRODUCT_OFF_SHELF, ev.EXPLAINING_STARTED})
TIMER_KINDS = frozenset({ev.SEGMENT_STARTED, ev.SEGMENT_EXTENDED, ev.INTERACTION_MARKED, ev.PROMO_REPEATED,
                         ev.SHOW_PAUSED, ev.SHOW_RESUMED})
INCIDENT_KINDS = frozenset({ev.INCIDENT_OPENED, ev.INCIDENT_CLOSED})
JOINED = "joined"
START_CAUSE = "start"  # the first segment_started of a show belongs to the start, never undone

_SEGMENT_LABELS = {"next": "next segment", "previous": "previous segment", "jump": "jump to segment",
                   "skip": "skip segment"}
_LABELS = {
    ev.PRODUCT_ON_SHELF: "on shelf", ev.PRODUCT_OFF_SHELF: "off shelf", ev.EXPLAINING_STARTED: "explain",
    ev.SEGMENT_EXTENDED: "extend", ev.INTERACTION_MARKED: "interaction", ev.PROMO_REPEATED: "promo",
    ev.HOST_MESSAGE: "host message", ev.INCIDENT_OPENED: "incident opened", ev.INCIDENT_CLOSED: "incident closed",
    ev.SHOW_PAUSED: "pause", ev.SHOW_RESUMED: "resume",
}
LABELS = frozenset(_LABELS.values()) | frozenset(_SEGMENT_LABELS.values())


def joined(e: Event) -> Event:
    """Mark `e` as part of the action of the event before it (one undo takes both back)."""
    e.data = {**(e.data or {}), JOINED: True}
    return e


def is_joined(e: Event) -> bool:
    return bool(e.data and e.data.get(JOINED))


def label_of(e: Event) -> str:
    """What an action is called ("next segment"): the name of its first event."""
    if e.kind == ev.SEGMENT_STARTED:
        return _SEGMENT_LABELS.get(e.text or "", "jump to segment")
    return _LABELS.get(e.kind, e.kind)


def target_ids(e: Event) -> set[int]:
    """The ids an `undone` event takes back (none from one that cannot be read)."""
    ids = (e.data or {}).get("ids") if e.kind == ev.UNDONE else None
    if not isinstance(ids, list):
        return set()
    return {i for i in ids if isinstance(i, int) and not isinstance(i, bool)}


def undone_ids(events: Iterable[Event]) -> set[int]:
    """Every id the `undone` events among `events` take back: what a replay skips."""
    out: set[int] = set()
    for e in events:
        out |= target_ids(e)
    return out


@dataclass(frozen=True)
class Action:
    """One undoable operator action: its events' ids, its name, what it was about."""

    ids: tuple[int, ...]
    label: str
    kind: str
    product: str | None = None
    ref: str | None = None
    text: str | None = None


@dataclass
class UndoLog:
    """What undo needs, kept by the fold: the actions since the last boundary (newest last),
    and the events the undoable parts of the state are rebuilt from (none undone)."""

    actions: list[Action] = field(default_factory=list)
    kept: list[Event] = field(default_factory=list)

    @property
    def last(self) -> Action | None:
        return self.actions[-1] if self.actions else None

    def record(self, e: Event) -> None:
        """Called by the fold for every operator event, in the log's order."""
        if e.kind in REBUILD_KINDS:
            self.kept.append(e)
        if e.kind in BOUNDARY_KINDS:
            self.actions.clear()
            return
        if e.kind not in UNDOABLE_KINDS or e.id is None:
            return
        if e.kind == ev.SEGMENT_STARTED and e.text == START_CAUSE:
            return
        if is_joined(e) and self.actions:
            head = self.actions[-1]
            self.actions[-1] = replace(head, ids=(*head.ids, e.id))
            return
        self.actions.append(Action((e.id,), label_of(e), e.kind, e.product, e.ref, e.text))

    def take_back(self, ids: set[int]) -> frozenset[str]:
        """Forget the events of `ids` and their action; returns the kinds of those that went
        (what must be rebuilt)."""
        self.actions = [a for a in self.actions if not ids.intersection(a.ids)]
        gone = frozenset(e.kind for e in self.kept if e.id in ids)
        if gone:
            self.kept = [e for e in self.kept if e.id not in ids]
        return gone


def undo_event(action: Action, now: float) -> Event:
    """The event that takes `action` back."""
    return Event(ev.UNDONE, now, product=action.product, ref=action.ref, text=action.label,
                 data={"ids": list(action.ids)})
