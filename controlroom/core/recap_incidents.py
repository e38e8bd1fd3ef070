"""Incident time and degraded-stream time for the recap: how long the show ran with an
incident open (overlaps once), and per OBS stream problem how long its incidents were open.

The degraded-stream figures reuse core/stream_health.py `degraded_seconds` (the one
formula, also the Summary's), per problem. Definitions in docs/recap.md ("Incidents").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from controlroom.core.recap_figures import IncidentRecap
from controlroom.core.stream_health import PROBLEMS, degraded_seconds, open_seconds, problem_of


@dataclass(frozen=True)
class StreamProblemTime:
    """One OBS stream problem (stream_health.PROBLEMS): its incidents and their open time."""

    problem: str
    incidents: int
    seconds: float


@dataclass
class IncidentTime:
    incident_s: float = 0.0  # time with at least one incident (of any kind) open
    degraded_s: float = 0.0  # time with at least one OBS stream incident open (= Kpis.degraded_stream_s)
    by_problem: list[StreamProblemTime] = field(default_factory=list)  # only problems that occurred


def incident_time(incidents: list[IncidentRecap], t0: float, end: float) -> IncidentTime:
    spans = [(i.ref, i.opened_at, i.closed_at) for i in incidents]
    out = IncidentTime(
        incident_s=open_seconds(((o, c) for _r, o, c in spans), t0, end),
        degraded_s=degraded_seconds(spans, end, start=t0),
    )
    for problem in PROBLEMS:
        own = [s for s in spans if problem_of(s[0]) == problem]
        if own:
            out.by_problem.append(StreamProblemTime(problem, len(own), degraded_seconds(own, end, start=t0)))
    return out
