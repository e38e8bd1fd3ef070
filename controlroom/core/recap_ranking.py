"""The show's problems ranked by severity, each with the playbook's suggested action.

The findings of core/recap_findings.py (overruns, interaction gaps, viewer drops,
sell-outs, low slot conversion, oversells) and the review's own (incidents, degraded
stream, minutes with no data, reconciliation differences) get one severity score,
0–100: a weight for what kind of problem it is (money and customers first), plus its
size. The workbook words each code and its action (recap/texts.py `action.<code>`).
The score is defined once, here and in docs/recap.md ("Ranked problems").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from controlroom.core.recap_figures import (
    P_INTERACTION_OVERDUE,
    P_LOW_CONVERSION,
    P_OVERRUN,
    P_OVERSELL,
    P_SOLD_OUT,
    P_VIEWER_DROP,
    IncidentRecap,
    Problem,
)
from controlroom.core.recap_incidents import IncidentTime, open_seconds
from controlroom.core.recap_reconcile import Reconciliation
from controlroom.core.recap_sources import Provenance
from controlroom.core.stream_health import problem_of

P_INCIDENT = "incident"
P_DEGRADED_STREAM = "degraded_stream"
P_NO_DATA = "no_data"
P_RECONCILE = "reconcile"

# Weight (what kind of problem) and, per unit of its size, how much it adds.
WEIGHTS: dict[str, tuple[float, str | None, float]] = {
    P_OVERSELL: (70, "count", 5),  # customers paid for what cannot ship
    P_DEGRADED_STREAM: (60, "minutes", 2),  # the whole room saw it
    P_RECONCILE: (55, "percent", 1),  # money the live view did not know of
    P_INCIDENT: (50, "minutes", 2),
    P_SOLD_OUT: (45, None, 0),  # sales stopped while viewers could still buy
    P_NO_DATA: (40, "minutes", 2),  # the team steered blind
    P_LOW_CONVERSION: (35, "shortfall", 5),  # per point under low_conversion_percent
    P_VIEWER_DROP: (30, "percent", 0.5),
    P_OVERRUN: (25, "minutes", 3),
    P_INTERACTION_OVERDUE: (25, "over", 2),  # per minute past interaction_alarm_minutes
}
RANK_CODES = tuple(WEIGHTS)


@dataclass(frozen=True)
class RankedProblem:
    score: float
    code: str
    ts: float | None
    subject: str
    params: dict[str, Any] = field(default_factory=dict)


def severity(code: str, size: float) -> float:
    """weight + per-unit × size, within 0 … 100."""
    weight, _unit, per = WEIGHTS[code]
    return round(max(0.0, min(100.0, float(weight + per * max(0.0, size)))), 1)


def rank_problems(
    findings: list[Problem], incidents: list[IncidentRecap], time: IncidentTime, provenance: Provenance,
    recon: Reconciliation, t0: float, end: float, settings: Any,
) -> list[RankedProblem]:
    """Every problem, the most severe first (ties: the earlier first)."""
    out = [_finding(p, settings) for p in findings if p.code in WEIGHTS]
    for i in incidents:
        if problem_of(i.ref) is None:
            minutes = open_seconds([(i.opened_at, i.closed_at)], t0, end) / 60
            out.append(RankedProblem(severity(P_INCIDENT, minutes), P_INCIDENT, i.opened_at, i.text,
                                     {"minutes": minutes}))
    first_open = {problem_of(i.ref): i.opened_at for i in sorted(incidents, key=lambda i: -i.opened_at)}
    for s in time.by_problem:
        minutes = s.seconds / 60
        out.append(RankedProblem(severity(P_DEGRADED_STREAM, minutes), P_DEGRADED_STREAM, first_open.get(s.problem),
                                 s.problem, {"minutes": minutes, "count": s.incidents}))
    for g in provenance.gaps:
        out.append(RankedProblem(severity(P_NO_DATA, g.minutes), P_NO_DATA, g.start, "", {"minutes": g.minutes}))
    out += _reconcile(recon)
    return sorted(out, key=lambda p: (-p.score, p.ts is None, p.ts or 0.0))


def _finding(p: Problem, settings: Any) -> RankedProblem:
    params = p.params
    if p.code == P_LOW_CONVERSION:
        size = settings.low_conversion_percent - params.get("percent", 0.0)
    elif p.code == P_INTERACTION_OVERDUE:
        size = params.get("minutes", 0.0) - settings.interaction_alarm_minutes
    else:
        _w, unit, _per = WEIGHTS[p.code]
        size = float(params.get(unit, 0.0)) if unit else 0.0
    return RankedProblem(severity(p.code, size), p.code, p.ts, p.subject, dict(params))


def _reconcile(recon: Reconciliation) -> list[RankedProblem]:
    if not recon.imported or not recon.total_differences:
        return []
    orders = recon.platform_orders - recon.live_orders
    cents = recon.platform_gmv_cents - recon.live_gmv_cents
    base = recon.platform_gmv_cents or recon.platform_orders
    percent = 100 * abs(cents if recon.platform_gmv_cents else orders) / base if base else 0.0
    first = recon.flagged[0].start if recon.flagged else None
    return [RankedProblem(severity(P_RECONCILE, percent), P_RECONCILE, first, "", {
        "orders": orders, "gmv": cents / 100, "percent": percent, "minutes": len(recon.flagged)})]
