"""Clocks: the only way time enters the core. Times are UTC epoch seconds (float).

The production clock is the wall clock read once (the anchor) and advanced by the boot
clock, which is monotonic and keeps counting while a laptop sleeps: later steps of the
wall clock (NTP, a user changing the time) move nothing. Processes of one boot share
one anchor through a small file, so a restart resumes the show's time exactly.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Protocol

try:  # POSIX only; anchor files are only used where there is a boot id (Linux)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")
_BOOT_CLOCK: int | None = getattr(time, "CLOCK_BOOTTIME", None)


class Clock(Protocol):
    def now(self) -> float: ...


def boot_seconds() -> float:
    """Seconds since boot, counting suspend (Linux CLOCK_BOOTTIME). Elsewhere the
    monotonic clock, which on some systems stands still while the computer sleeps."""
    if _BOOT_CLOCK is not None:
        return time.clock_gettime(_BOOT_CLOCK)
    return time.monotonic()  # pragma: no cover - not Linux


def read_boot_id() -> str | None:
    """This boot's id (changes on every boot), or None where the system has none."""
    try:
        return BOOT_ID_FILE.read_bytes().decode("utf-8", "replace").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class Anchor:
    """Wall time `wall0` was current when the boot clock read `boot0`. `mark` is a time
    this boot's clocks have reached (kept up to date every few seconds, best effort):
    the next boot's anchor is never earlier than it."""

    boot_id: str
    wall0: float
    boot0: float
    mark: float

    def at(self, boot_now: float) -> float:
        return self.wall0 + (boot_now - self.boot0)

    def same_origin(self, other: Anchor) -> bool:
        return (self.boot_id, self.wall0, self.boot0) == (other.boot_id, other.wall0, other.boot0)


def load_anchor(path: Path) -> Anchor | None:
    """The anchor kept at `path`; None when there is none or it is not a valid one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        anchor = Anchor(str(data["boot_id"]), float(data["wall0"]), float(data["boot0"]), float(data["mark"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not all(math.isfinite(x) for x in (anchor.wall0, anchor.boot0, anchor.mark)) or not anchor.boot_id:
        return None
    return anchor


def write_anchor(path: Path, anchor: Anchor) -> None:
    """Atomically: readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_text(json.dumps(asdict(anchor)) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def _file_lock(path: Path, wait_s: float) -> Iterator[bool]:
    """An exclusive lock on `path`.lock, tried for up to `wait_s` seconds. Yields
    whether it is held: a process stopped while holding it must not freeze the others."""
    if fcntl is None:  # pragma: no cover - Windows
        yield False
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        held, tries = False, max(1, int(wait_s / 0.01))
        for attempt in range(tries):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                held = True
                break
            except BlockingIOError:
                if attempt + 1 < tries:
                    time.sleep(0.01)
        yield held
    finally:
        os.close(fd)  # closing releases the lock


def shared_anchor(path: Path, boot_id: str, wall: Callable[[], float], boot: Callable[[], float]) -> Anchor:
    """This boot's anchor kept at `path`; the first process of a boot makes it.

    A missing, corrupt or other-boot file is replaced by a new anchor on the wall
    clock, clamped to be no earlier than the replaced file's mark. Raises OSError
    when the folder cannot be used."""
    with _file_lock(path, wait_s=2.0):
        existing = load_anchor(path)
        boot_now = boot()
        if existing is not None and existing.boot_id == boot_id and existing.boot0 <= boot_now:
            return existing
        floor = max(existing.mark, existing.wall0) if existing is not None else -math.inf
        wall0 = max(wall(), floor)
        anchor = Anchor(boot_id, wall0, boot_now, wall0)
        write_anchor(path, anchor)
        return anchor


class SystemClock:
    """Wall time at the anchor plus the boot clock since: it ignores wall-clock jumps,
    counts a laptop's sleep, and never goes backwards within a process.

    With `anchor_path`, all processes of one boot share the anchor kept there (see
    `shared_anchor`), so a restart after a wall-clock jump resumes exactly; without it
    (or when the file cannot be used, or the system has no boot id) the anchor is this
    process's own. A wall clock that was wrong when the boot's first anchor was taken
    stays wrong for ControlRoom until the next boot (or until the file is deleted with
    no ControlRoom process running): see `wall_offset_s`.
    """

    def __init__(
        self,
        anchor_path: str | Path | None = None,
        *,
        wall: Callable[[], float] = time.time,
        boot: Callable[[], float] = boot_seconds,
        boot_id: Callable[[], str | None] = read_boot_id,
        mark_every_s: float = 10.0,
    ) -> None:
        self._wall, self._boot = wall, boot
        self._lock = threading.Lock()
        self._path = Path(anchor_path) if anchor_path is not None else None
        self._mark_every = mark_every_s
        self._anchor = self._take_anchor(boot_id())
        self._last = -math.inf
        self._next_mark = self._anchor.mark + mark_every_s

    def _take_anchor(self, boot_id: str | None) -> Anchor:
        if self._path is not None and boot_id is not None:
            try:
                return shared_anchor(self._path, boot_id, self._wall, self._boot)
            except OSError:
                pass  # an unusable folder: this process keeps its own anchor
        self._path = None
        wall0 = self._wall()
        return Anchor(boot_id or "", wall0, self._boot(), wall0)

    @property
    def anchor(self) -> Anchor:
        return self._anchor

    @property
    def shared(self) -> bool:
        """Whether the anchor is the one kept in the anchor file."""
        return self._path is not None

    def now(self) -> float:
        with self._lock:
            t = max(self._anchor.at(self._boot()), self._last)
            self._last = t
            due = self._path is not None and t >= self._next_mark
            if due:
                self._next_mark = t + self._mark_every
        if due:
            self._write_mark(t)
        return t

    def wall_offset_s(self) -> float:
        """How far this clock is ahead of the system's wall clock (after a jump, or an
        anchor taken while the wall clock was wrong)."""
        return self.now() - self._wall()

    def _write_mark(self, t: float) -> None:
        """Record that this boot's time reached `t`. Best effort and never blocking: a
        busy lock or an unusable file skips this mark; a file that now holds another
        anchor (deleted and made again) is left alone."""
        path = self._path
        if path is None:
            return
        try:
            with _file_lock(path, wait_s=0.0) as held:
                current = load_anchor(path)
                if held and current is not None and current.same_origin(self._anchor) and current.mark < t:
                    write_anchor(path, replace(current, mark=t))
        except OSError:
            pass


class ScaledClock:
    """A clock that runs `speed` times faster than real time, from `start`."""

    def __init__(
        self,
        speed: float,
        start: float | None = None,
        *,
        wall: Callable[[], float] = time.time,
        boot: Callable[[], float] = boot_seconds,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._start = wall() if start is None else start
        self._boot, self._boot0 = boot, boot()

    def now(self) -> float:
        return self._start + (self._boot() - self._boot0) * self.speed


MAX_REHEARSAL_SPEED = 60.0


class SpeedClock:
    """A rehearsal's clock `speed` times faster than `base` from the moment it is made:
    now = t0 + (base.now() - t0) * speed. The timer, the cues and the simulated room all
    read it, so a 60-minute rehearsal at 60x takes one real minute and is the same show.
    Only for rehearsals (the window refuses it for a real show); 1 <= speed <= 60."""

    def __init__(self, base: Clock, speed: float) -> None:
        if not 1.0 <= speed <= MAX_REHEARSAL_SPEED:
            raise ValueError(f"speed {speed:g}: a rehearsal runs 1 to {MAX_REHEARSAL_SPEED:g} times faster")
        self.base, self.speed = base, float(speed)
        self._t0 = base.now()

    def now(self) -> float:
        return self._t0 + (self.base.now() - self._t0) * self.speed


class FakeClock:
    """A clock for tests: it moves only when told to."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> float:
        self.t += seconds
        return self.t
