"""Build a ShowState for core tests, with no database: events are folded directly."""

from __future__ import annotations

from controlroom.core.clock import FakeClock
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.products import Product, Role
from controlroom.core.settings import ShowSettings
from controlroom.core.show import ShowInfo, ShowState

PRODUCTS = [
    Product("T1", "防晒袖套", Role.TRAFFIC, 9.9, 100, "凉感", "半价"),
    Product("P1", "面膜", Role.PROFIT, 59.0, 20, "补水", "满99减20"),
    Product("I1", "围巾", Role.IMAGE, 699.0, 5),
]


def small_plan() -> Plan:
    return Plan([
        Segment(SegmentKind.OPENING, "开场", 300, uid="open"),
        Segment(SegmentKind.PRODUCT, "防晒袖套", 300, "T1", uid="slot1"),
        Segment(SegmentKind.INTERACTION, "互动", 120, uid="inter"),
        Segment(SegmentKind.PRODUCT, "面膜", 300, "P1", uid="slot2"),
        Segment(SegmentKind.FINAL_PUSH, "逼单", 600, uid="push"),
        Segment(SegmentKind.CLOSING, "结束", 180, uid="close"),
    ])


class Driver:
    """Runs core commands against a ShowState as the service would (minus the log)."""

    def __init__(self, plan: Plan | None = None, settings: ShowSettings | None = None) -> None:
        self.clock = FakeClock()
        self.state = ShowState.new(ShowInfo(1, "t", self.clock.now()), plan or small_plan(),
                                   [Product(**vars(p)) for p in PRODUCTS], settings or ShowSettings())
        self.log = []

    def do(self, command, *args):
        events = command(self.state, self.clock.now(), *args)
        for e in events:
            self.state.apply(e)
            self.log.append(e)
        return events

    def feed(self, *events):
        for e in events:
            admitted = self.state.admit(e)
            if admitted is not None:
                self.state.apply(admitted)
                self.log.append(admitted)

    def at(self, seconds: float):
        """Move the clock forward and return the pacing state."""
        self.clock.advance(seconds)
        return self.state.pacing(self.clock.now())
