"""Operator commands: checked against the state, turned into the events that record them.

A command never changes state itself; the service logs its events and then folds them.
A command that makes no sense now raises CommandError with a sentence for the user.
"""

from __future__ import annotations

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.pacing import ShowStatus
from controlroom.core.plan import Segment, SegmentKind
from controlroom.core.show import ShowState
from controlroom.core.undo import joined, undo_event


class CommandError(ValueError):
    """A refusal: the sentence is for the user, `code` (a short snake_case word) for programs
    (the API's 409 answers carry it). Refusals raised elsewhere carry the default code."""

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code


def _live(s: ShowState) -> None:
    if s.timer.status not in (ShowStatus.RUNNING, ShowStatus.PAUSED):
        raise CommandError(f"the show is {s.timer.status.value}, not running", "not_live")


def _index(s: ShowState) -> int:
    run = s.timer.current
    i = s.plan.index_of(run.uid) if run else None
    return -1 if i is None else i


def start(s: ShowState, now: float) -> list[Event]:
    if s.timer.status == ShowStatus.PAUSED:
        return [Event(ev.SHOW_RESUMED, now)]
    if s.timer.status != ShowStatus.PLANNED:
        raise CommandError(f"the show is already {s.timer.status.value}", "already_started")
    if not s.plan.segments:
        raise CommandError("the plan has no segments", "empty_plan")
    first = s.plan.segments[0]
    return [Event(ev.SHOW_STARTED, now), Event(ev.SEGMENT_STARTED, now, ref=first.uid, text="start")]


def pause(s: ShowState, now: float) -> list[Event]:
    if s.timer.status != ShowStatus.RUNNING:
        raise CommandError("the show is not running", "not_running")
    return [Event(ev.SHOW_PAUSED, now)]


def resume(s: ShowState, now: float) -> list[Event]:
    if s.timer.status != ShowStatus.PAUSED:
        raise CommandError("the show is not paused", "not_paused")
    return [Event(ev.SHOW_RESUMED, now)]


def toggle_pause(s: ShowState, now: float) -> list[Event]:
    if s.timer.status == ShowStatus.RUNNING:
        return pause(s, now)
    return start(s, now)


def jump(s: ShowState, now: float, index: int, cause: str = "jump") -> list[Event]:
    _live(s)
    if not 0 <= index < len(s.plan.segments):
        raise CommandError(f"there is no segment {index + 1}", "no_such_segment")
    segment = s.plan.segments[index]
    return [Event(ev.SEGMENT_STARTED, now, ref=segment.uid, text=cause), *_move_on(s, now, segment)]


def _move_on(s: ShowState, now: float, segment: Segment) -> list[Event]:
    """Onto a product slot: its product explained now and (setting auto_shelf) on shelf, the
    previous slot's product off shelf — all joined to the move, one action for undo."""
    q, sku = s.queue, segment.product_sku
    if segment.kind != SegmentKind.PRODUCT or sku is None or sku not in q.products:
        return []
    out = []
    if s.settings.auto_shelf:
        previous = _previous_slot_product(s)
        if previous is not None and previous != sku and previous in q.on_shelf:
            out.append(Event(ev.PRODUCT_OFF_SHELF, now, product=previous))
        if sku not in q.on_shelf:
            out.append(Event(ev.PRODUCT_ON_SHELF, now, product=sku))
    if q.explaining != sku:
        out.append(Event(ev.EXPLAINING_STARTED, now, product=sku))
    return [joined(e) for e in out]


def _previous_slot_product(s: ShowState) -> str | None:
    """The product of the last product slot on air (the one being left, or before it)."""
    slots = {seg.uid: seg.product_sku for seg in s.plan.segments if seg.kind == SegmentKind.PRODUCT}
    for run in reversed(s.timer.runs):
        if slots.get(run.uid):
            return slots[run.uid]
    return None


def next_segment(s: ShowState, now: float) -> list[Event]:
    _live(s)
    i = _index(s) + 1
    if i >= len(s.plan.segments):
        raise CommandError("this is the last segment: end the show instead", "last_segment")
    return jump(s, now, i, "next")


def previous_segment(s: ShowState, now: float) -> list[Event]:
    _live(s)
    i = _index(s) - 1
    if i < 0:
        raise CommandError("this is the first segment", "first_segment")
    return jump(s, now, i, "previous")


def skip(s: ShowState, now: float) -> list[Event]:
    """Skip the next segment: go straight to the one after it."""
    _live(s)
    i = _index(s) + 2
    if i >= len(s.plan.segments):
        raise CommandError("there is no segment after the next one", "no_such_segment")
    return jump(s, now, i, "skip")


def extend(s: ShowState, now: float, minutes: float) -> list[Event]:
    _live(s)
    if not minutes or abs(minutes) > 120:
        raise CommandError("extend by a number of minutes between -120 and 120, not 0", "bad_minutes")
    run = s.timer.current
    assert run is not None
    i = s.plan.index_of(run.uid)
    if i is not None and minutes < 0:
        planned = s.plan.segments[i].planned_s + s.timer.extensions.get(run.uid, 0.0)
        if planned + minutes * 60.0 <= 0:
            raise CommandError(
                f"{s.plan.segments[i].title} is planned for {planned / 60:g} min: shorten it by less than that",
                "too_short",
            )
    return [Event(ev.SEGMENT_EXTENDED, now, ref=run.uid, value=minutes * 60.0)]


def end_show(s: ShowState, now: float) -> list[Event]:
    _live(s)
    return [Event(ev.SHOW_ENDED, now)]


def mark_interaction(s: ShowState, now: float, text: str = "") -> list[Event]:
    _live(s)
    return [Event(ev.INTERACTION_MARKED, now, text=text or None)]


def mark_promo(s: ShowState, now: float, sku: str | None = None) -> list[Event]:
    _live(s)
    sku = sku or s.queue.explaining
    product = s.queue.products.get(sku or "")
    if product is None:
        raise CommandError("choose the product whose promo was repeated", "no_product")
    return [Event(ev.PROMO_REPEATED, now, product=product.sku, text=product.promo or None)]


def _product(s: ShowState, sku: str) -> str:
    if sku not in s.queue.products:
        raise CommandError(f"no product with SKU {sku!r} in this show", "unknown_product")
    return sku


def set_shelf(s: ShowState, now: float, sku: str, on: bool) -> list[Event]:
    _product(s, sku)
    if on == (sku in s.queue.on_shelf):
        return []
    return [Event(ev.PRODUCT_ON_SHELF if on else ev.PRODUCT_OFF_SHELF, now, product=sku)]


def toggle_shelf(s: ShowState, now: float, sku: str) -> list[Event]:
    return set_shelf(s, now, sku, sku not in s.queue.on_shelf)


def explain(s: ShowState, now: float, sku: str | None) -> list[Event]:
    if sku is not None:
        _product(s, sku)
    if s.queue.explaining == sku:
        return []
    return [Event(ev.EXPLAINING_STARTED, now, product=sku)]


def set_stock(s: ShowState, now: float, sku: str, stock: int, reason: str = "") -> list[Event]:
    _product(s, sku)
    if not isinstance(stock, int) or stock < 0:
        raise CommandError(f"stock for {sku}: {stock!r} must be a whole number ≥ 0", "bad_stock")
    delta = stock - s.queue.stock(sku)
    if delta == 0:
        return []
    return [Event(ev.STOCK_ADJUSTED, now, product=sku, qty=delta, value=float(stock), text=reason or None)]


def note(s: ShowState, now: float, text: str) -> list[Event]:
    if not text.strip():
        raise CommandError("a note needs some text", "empty_text")
    return [Event(ev.NOTE, now, text=text.strip())]


def open_incident(s: ShowState, now: float, text: str, ref: str) -> list[Event]:
    if not text.strip():
        raise CommandError("describe the incident", "empty_text")
    if ref in s.incidents:
        raise CommandError(f"incident {ref} exists already", "incident_exists")
    return [Event(ev.INCIDENT_OPENED, now, ref=ref, text=text.strip())]


def close_incident(s: ShowState, now: float, ref: str) -> list[Event]:
    inc = s.incidents.get(ref)
    if inc is None or inc.closed_at is not None:
        raise CommandError(f"no open incident {ref}", "no_incident")
    return [Event(ev.INCIDENT_CLOSED, now, ref=ref, text=inc.text)]


def tick_checklist(s: ShowState, now: float, item: str, ticked: bool) -> list[Event]:
    if s.checklist.get(item, False) == ticked:
        return []
    return [Event(ev.CHECKLIST_TICKED, now, ref=item, value=1.0 if ticked else 0.0)]


def host_message(s: ShowState, now: float, text: str, blink: bool = False) -> list[Event]:
    """The message on the host display; `blink` (flag "blink") makes it flash. An empty
    message clears it and never blinks."""
    text = text.strip()
    return [Event(ev.HOST_MESSAGE, now, text=text, flag=ev.FLAG_BLINK if blink and text else None)]


def undo(s: ShowState, now: float) -> list[Event]:
    """Take back the last undoable action since the show's start (core/undo.py)."""
    action = s.undo_log.last
    if action is None:
        if s.timer.status == ShowStatus.ENDED:
            raise CommandError("nothing to undo since the show ended", "nothing_to_undo")
        if s.timer.started_at is not None:
            raise CommandError("nothing to undo since the show started", "nothing_to_undo")
        raise CommandError("nothing to undo", "nothing_to_undo")
    return [undo_event(action, now)]
