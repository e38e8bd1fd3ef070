"""Where outside live data enters a show: validated events, all or nothing per batch.

Every outside source (the local API, the file tail, the TikTok connector) hands its
JSON here. A batch is validated whole first (core.feed_schema); operator-like events
(note, incident) are checked against the show and committed at once in one
transaction; feed events then go to `service.ingest`, which dedupes repeated order
ids (within the batch too), flags unexpected orders and batches them to the writer.
Nothing of a refused batch reaches the service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.events import Event
from controlroom.core.feed_schema import FeedError, check_reach, is_operator, parse_batch
from controlroom.core.show import ShowState

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService
    from controlroom.store.writer import Ticket


@dataclass(frozen=True)
class Receipt:
    """What became of a batch: `accepted` went into the log, `duplicates` were repeated order ids."""

    received: int
    accepted: int
    duplicates: int
    cut: tuple[int, ...] = ()  # indices of events whose over-long text was kept cut to its limit
    set_aside: int = 0  # taken, but the database refused the row: not in the log (the writer kept it aside)

    def as_dict(self) -> dict[str, Any]:
        out = {"received": self.received, "accepted": self.accepted, "duplicates": self.duplicates,
               "cut": list(self.cut)}
        return {**out, "set_aside": self.set_aside} if self.set_aside else out


class Intake:
    """Thread-safe: the service's lock is held across one batch's admission. `submit`
    returns once the batch is committed (an acknowledgement means it is in the log), and
    raises FeedError (nothing stored) or StoreUnavailable (nothing stored, or — after a
    timeout — queued but not yet committed; a re-send with the same ids is safe)."""

    def __init__(self, service: ShowService) -> None:
        self.service = service

    def submit_json(self, payload: Any) -> Receipt:
        """A decoded JSON object or array. Raises FeedError; then nothing was stored."""
        now = self.service.now()
        with self.service.lock:
            reach = self.service.state.feed_reach(now)
        return self.submit(parse_batch(payload, now, window=reach))

    def submit(self, events: list[Event]) -> Receipt:
        """Parsed events from any source; all or nothing, acknowledged once committed."""
        operator = [(i, e) for i, e in enumerate(events) if is_operator(e)]
        feed = [e for e in events if not is_operator(e)]
        # The batch's check and admission are one step; the wait is not. A batch with notes or
        # incidents runs a command: it takes the lock when no import is moving, never held waiting.
        with self.service.import_gate.locked() if operator else self.service.lock:
            check_reach(events, self.service.state.feed_reach(self.service.now()))
            self.service.check_writable(len(events), feed=feed)
            done = self.service.run(_operator_command(operator, len(events) > 1)) if operator else []
            # Checked above under this same hold of the lock: a second check could refuse the feed
            # after the notes were committed (the writer failing meanwhile), half a batch stored.
            taken, ticket = self.service.queue_feed(feed, refuse_outage=False) if feed else (0, None)
        set_aside = self._committed(ticket, duplicates=len(feed) - taken) if ticket is not None else 0
        cut = tuple(i for i, e in enumerate(events) if e.data and e.data.get("cut"))
        return Receipt(len(events), len(done) + taken - set_aside, len(feed) - taken, cut, set_aside)

    def _committed(self, ticket: Ticket, duplicates: int) -> int:
        """Wait until the batch is in the log; how many of its rows the writer set aside.
        A duplicate may be of an event still queued (a re-send after a timeout, another client's
        copy): it is acknowledged only once everything queued before it is committed too."""
        self.service.committed(ticket)  # a timeout raises StoreUnavailable(queued=True)
        if duplicates:
            self.service.committed(self.service.writer.pending())
        return ticket.set_aside


def _operator_command(items: list[tuple[int, Event]], batch: bool) -> Any:
    """A command that turns every note/incident of a batch into its events, checking
    each against the show and the batch before it (an incident opened and closed in
    the same batch is fine); the first that makes no sense refuses the whole batch."""

    def command(state: ShowState, _now: float) -> list[Event]:
        out: list[Event] = []
        opened: dict[str, Event] = {}
        closed: set[str] = set()
        for i, e in items:
            try:
                out += _one(state, e, opened, closed)
            except FeedError as exc:
                raise exc.at(i if batch else None) from None
            except CommandError as exc:
                field = "text" if e.kind == ev.NOTE else "incident_id"
                raise FeedError(str(exc), field, i if batch else None) from None
        return out

    return command


def _one(state: ShowState, e: Event, opened: dict[str, Event], closed: set[str]) -> list[Event]:
    ref = e.ref or ""
    if e.kind == ev.NOTE:
        return commands.note(state, e.ts, e.text or "")
    if e.kind == ev.INCIDENT_OPENED:
        if ref in opened:
            raise CommandError(f"incident {ref} exists already")
        new = commands.open_incident(state, e.ts, e.text or "", ref)
        opened[ref] = new[0]
        return new
    if ref in closed:
        raise CommandError(f"no open incident {ref}")
    if ref in opened:
        new = [Event(ev.INCIDENT_CLOSED, e.ts, ref=ref, text=opened[ref].text)]
        opened_at = opened[ref].ts
    else:
        new = commands.close_incident(state, e.ts, ref)
        opened_at = state.incidents[ref].opened_at
    # The log is replayed in time order: a close before the opening would undo itself.
    if e.ts < opened_at:
        raise FeedError(f"closes incident {ref} before it was opened ({_iso(opened_at)})", "ts")
    closed.add(ref)
    return new


def commit_imported(service: ShowService, events: list[Event]) -> int:
    """Events mapped from an import, committed in one transaction and folded (no batching:
    an import is all or nothing). Returns how many."""
    if not events:
        return 0
    return len(service.run(lambda _state, _now: list(events)))


def import_mapped(service: ShowService, mapper: Any) -> Any:
    """Map an import against the show's state and commit it, holding the show's lock
    across both so no feed event slips between the check and the write.
    `mapper(state)` returns something with `.events`; that is returned."""
    with service.lock:
        result = mapper(service.state)
        commit_imported(service, result.events)
    return result


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
