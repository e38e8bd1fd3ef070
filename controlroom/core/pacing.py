"""The pacing engine: a fold over operator events, asked for its state at `now`.

Nothing here counts ticks: every figure is recomputed from event timestamps and `now`.
The live stream does not stop when the controller pauses, so show elapsed time is wall
time since the start; a pause freezes only the segment's own timer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.settings import ShowSettings


class ShowStatus(str, Enum):
    PLANNED = "planned"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class Phase(str, Enum):
    NORMAL = "normal"
    WARNING = "warning"
    OVERRUN = "overrun"


@dataclass
class SegmentRun:
    """One time a segment was on air."""

    uid: str
    started_at: float
    ended_at: float | None = None
    paused_s: float = 0.0
    cause: str = ""


@dataclass
class TimerLog:
    """The pacing facts folded from the log. Mutated only by `apply`."""

    status: ShowStatus = ShowStatus.PLANNED
    started_at: float | None = None
    ended_at: float | None = None
    paused_at: float | None = None
    runs: list[SegmentRun] = field(default_factory=list)
    extensions: dict[str, float] = field(default_factory=dict)
    interactions: list[float] = field(default_factory=list)
    promo_counts: dict[str, int] = field(default_factory=dict)

    @property
    def current(self) -> SegmentRun | None:
        return self.runs[-1] if self.runs and self.status != ShowStatus.PLANNED else None

    def apply(self, e: Event) -> None:
        handler = _HANDLERS.get(e.kind)
        if handler is not None:
            handler(self, e)


def _started(t: TimerLog, e: Event) -> None:
    t.status, t.started_at = ShowStatus.RUNNING, e.ts


def _paused(t: TimerLog, e: Event) -> None:
    if t.status == ShowStatus.RUNNING:
        t.status, t.paused_at = ShowStatus.PAUSED, e.ts


def _resumed(t: TimerLog, e: Event) -> None:
    if t.status == ShowStatus.PAUSED and t.paused_at is not None:
        if t.runs:
            t.runs[-1].paused_s += e.ts - max(t.paused_at, t.runs[-1].started_at)
        t.status, t.paused_at = ShowStatus.RUNNING, None


def _ended(t: TimerLog, e: Event) -> None:
    _resumed(t, e)
    if t.runs and t.runs[-1].ended_at is None:
        t.runs[-1].ended_at = e.ts
    t.status, t.ended_at = ShowStatus.ENDED, e.ts


def _segment_started(t: TimerLog, e: Event) -> None:
    if t.runs and t.runs[-1].ended_at is None:
        last = t.runs[-1]
        if t.status == ShowStatus.PAUSED and t.paused_at is not None:
            last.paused_s += e.ts - max(t.paused_at, last.started_at)
            t.paused_at = e.ts
        last.ended_at = e.ts
    t.runs.append(SegmentRun(uid=e.ref or "", started_at=e.ts, cause=e.text or ""))


def _extended(t: TimerLog, e: Event) -> None:
    uid = e.ref or ""
    t.extensions[uid] = t.extensions.get(uid, 0.0) + float(e.value or 0.0)


def _interaction(t: TimerLog, e: Event) -> None:
    t.interactions.append(e.ts)


def _promo(t: TimerLog, e: Event) -> None:
    key = e.product or e.text or ""
    t.promo_counts[key] = t.promo_counts.get(key, 0) + 1


_HANDLERS = {
    ev.SHOW_STARTED: _started,
    ev.SHOW_PAUSED: _paused,
    ev.SHOW_RESUMED: _resumed,
    ev.SHOW_ENDED: _ended,
    ev.SEGMENT_STARTED: _segment_started,
    ev.SEGMENT_EXTENDED: _extended,
    ev.INTERACTION_MARKED: _interaction,
    ev.PROMO_REPEATED: _promo,
}


_NO_INTERACTION_NAG = (SegmentKind.FINAL_PUSH, SegmentKind.CLOSING)


@dataclass(frozen=True)
class PacingState:
    status: ShowStatus
    show_elapsed_s: float
    index: int | None
    segment: Segment | None
    next_segment: Segment | None
    elapsed_s: float
    planned_s: float
    remaining_s: float
    phase: Phase
    ahead_behind_s: float
    expected_end_s: float
    planned_total_s: float
    since_interaction_s: float
    interaction_due: bool
    interaction_overdue: bool
    final_push: bool
    promos: dict[str, tuple[int, str]]


def planned_with_extension(log: TimerLog, seg: Segment) -> float:
    return seg.planned_s + log.extensions.get(seg.uid, 0.0)


def segment_elapsed(log: TimerLog, run: SegmentRun, now: float) -> float:
    end = run.ended_at
    if end is None:
        end = log.paused_at if log.status == ShowStatus.PAUSED and log.paused_at else now
    return max(0.0, end - run.started_at - run.paused_s)


def phase_for(seg: Segment, planned: float, elapsed: float, s: ShowSettings) -> Phase:
    if elapsed > planned:
        return Phase.OVERRUN
    if seg.kind == SegmentKind.PRODUCT:
        lead = (s.slot_max_minutes - s.slot_warn_minutes) * 60
    else:
        lead = s.warning_lead_minutes * 60
    return Phase.WARNING if elapsed >= planned - lead else Phase.NORMAL


def compute(
    log: TimerLog, plan: Plan, s: ShowSettings, now: float, promo_keys: tuple[str, ...] = ()
) -> PacingState:
    """The whole pacing picture at `now`."""
    run = log.current
    index = plan.index_of(run.uid) if run else None
    seg = plan.segments[index] if index is not None else None
    show_now = log.ended_at if log.status == ShowStatus.ENDED else now
    show_elapsed = max(0.0, show_now - log.started_at) if log.started_at is not None else 0.0
    elapsed = segment_elapsed(log, run, now) if run and seg else 0.0
    planned = planned_with_extension(log, seg) if seg else 0.0
    remaining = planned - elapsed
    total = plan.total_s()
    after = _planned_after(log, plan, index)
    if log.status == ShowStatus.ENDED:
        expected_end = show_elapsed
    elif log.status == ShowStatus.PLANNED:
        expected_end = sum(planned_with_extension(log, x) for x in plan.segments)
    else:
        expected_end = show_elapsed + max(remaining, 0.0) + after
    since = _since_interaction(log, plan, now if log.status != ShowStatus.ENDED else show_now)
    in_interaction = seg is not None and seg.kind == SegmentKind.INTERACTION and log.status != ShowStatus.ENDED
    live = log.status in (ShowStatus.RUNNING, ShowStatus.PAUSED)
    # The final push and the closing are about orders and goodbyes: no interaction nagging.
    nag = live and not in_interaction and not (seg is not None and seg.kind in _NO_INTERACTION_NAG)
    return PacingState(
        status=log.status,
        show_elapsed_s=show_elapsed,
        index=index,
        segment=seg,
        next_segment=_next(plan, index) if log.status != ShowStatus.ENDED else None,
        elapsed_s=elapsed,
        planned_s=planned,
        remaining_s=remaining,
        phase=phase_for(seg, planned, elapsed, s) if seg and live else Phase.NORMAL,
        ahead_behind_s=(total - expected_end) if log.status != ShowStatus.PLANNED else 0.0,
        expected_end_s=expected_end,
        planned_total_s=total,
        since_interaction_s=0.0 if in_interaction else since,
        interaction_due=nag and since >= s.interaction_remind_minutes * 60,
        interaction_overdue=nag and since >= s.interaction_alarm_minutes * 60,
        final_push=live and (
            (seg is not None and seg.kind == SegmentKind.FINAL_PUSH)
            or show_elapsed >= total - s.final_push_minutes * 60
        ),
        promos=promo_status(log, promo_keys, s),
    )


def _planned_after(log: TimerLog, plan: Plan, index: int | None) -> float:
    start = 0 if index is None else index + 1
    return sum(planned_with_extension(log, x) for x in plan.segments[start:])


def _next(plan: Plan, index: int | None) -> Segment | None:
    i = 0 if index is None else index + 1
    return plan.segments[i] if i < len(plan.segments) else None


def _since_interaction(log: TimerLog, plan: Plan, now: float) -> float:
    """Seconds since the last interaction: marked, or an interaction segment's start."""
    if log.started_at is None:
        return 0.0
    last = log.started_at
    if log.interactions:
        last = max(last, log.interactions[-1])
    kinds = {s.uid: s.kind for s in plan.segments}
    for run in reversed(log.runs):
        if kinds.get(run.uid) == SegmentKind.INTERACTION:
            last = max(last, run.ended_at or now)
            break
    return max(0.0, now - last)


def promo_status(
    log: TimerLog, keys: tuple[str, ...], s: ShowSettings
) -> dict[str, tuple[int, str]]:
    """Per promo key: (times repeated, 'low' | 'ok' | 'over') against the 3–5 target."""
    counts = {k: 0 for k in keys}
    counts.update(log.promo_counts)
    return {key: (n, _promo_band(n, s)) for key, n in counts.items()}


def _promo_band(count: int, s: ShowSettings) -> str:
    if count < s.promo_target_min:
        return "low"
    return "over" if count > s.promo_target_max else "ok"
