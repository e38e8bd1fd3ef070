"""The serious 复盘's second half, over a finished Recap: incident and degraded-stream
time, data provenance and the minutes with no data, reconciliation with a platform
import, and every problem ranked. `RecapFold` feeds `SourceFold` and calls `review_of`."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from controlroom.core.recap_figures import Recap
from controlroom.core.recap_incidents import IncidentTime, incident_time
from controlroom.core.recap_ranking import RankedProblem, rank_problems
from controlroom.core.recap_reconcile import Reconciliation, reconcile
from controlroom.core.recap_sources import Provenance, SourceFold


@dataclass
class Review:
    incidents: IncidentTime = field(default_factory=IncidentTime)
    provenance: Provenance = field(default_factory=Provenance)
    reconciliation: Reconciliation = field(default_factory=Reconciliation)
    ranked: list[RankedProblem] = field(default_factory=list)


def last_show_minute(t0: float, end: float) -> int:
    """The last minute holding any show time (-1 for a show of no time): a show ended at
    exactly 4:00 has minutes 0 … 3."""
    return math.ceil((end - t0) / 60) - 1 if end > t0 else -1


def review_of(recap: Recap, sources: SourceFold) -> Review:
    t0, end = recap.t0, recap.end
    last = last_show_minute(t0, end)
    time = incident_time(recap.incidents, t0, end)
    provenance = sources.provenance(last, t0)
    recon = reconcile(sources, t0, {r.minute for r in recap.minutes})
    ranked = rank_problems(recap.problems, recap.incidents, time, provenance, recon, t0, end,
                           recap.state.settings)
    return Review(time, provenance, recon, ranked)
