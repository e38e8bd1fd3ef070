"""A computer's clocks moved by hand, for clock tests: wall, boot (counts suspend),
monotonic (stands still in suspend) and the boot id."""

from __future__ import annotations

from controlroom.core.clock import SystemClock

START = 1_767_225_600.0  # 2026-01-01T00:00:00Z
HOUR = 3600.0


class Machine:
    def __init__(self, boot_id: str | None = "boot-1") -> None:
        self.wall, self.boot, self.mono, self.id = START, 50.0, 50.0, boot_id

    def run(self, seconds: float) -> None:
        self.wall += seconds
        self.boot += seconds
        self.mono += seconds

    def sleep(self, seconds: float) -> None:
        """A suspended laptop: the monotonic clock stands still, the others go on."""
        self.wall += seconds
        self.boot += seconds

    def reboot(self, boot_id: str, down_s: float) -> None:
        self.id, self.boot, self.mono = boot_id, 5.0, 5.0
        self.wall += down_s

    def clock(self, anchor_path=None, **kw) -> SystemClock:
        return SystemClock(anchor_path, wall=lambda: self.wall, boot=lambda: self.boot,
                           boot_id=lambda: self.id, **kw)
