"""The source protocol (issue 11's contract): every live source starts, stops and reports its health."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from controlroom.core.clock import Clock
from controlroom.services.intake import Intake
from controlroom.services.show_service import ShowService


@dataclass(frozen=True)
class SourceHealth:
    name: str
    state: str            # "stopped" | "starting" | "connected" | "stalled" | "failed"
    events_per_min: float
    last_event_age_s: float | None
    errors: int
    detail: str = ""      # the last problem, or what it is connected to


@dataclass
class SourceContext:
    service: ShowService  # commands, view(), listeners
    intake: Intake        # validated feed batches (services/intake.py)
    clock: Clock
    on_problem: Callable[[str], None]


class Source(Protocol):
    name: str
    def start(self) -> None: ...   # returns at once; runs on its own thread(s)
    def stop(self) -> None: ...
    def health(self, now: float) -> SourceHealth: ...
