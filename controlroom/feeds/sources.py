"""Live data sources as plug-ins: one protocol, a registry of names, a health line each.

A source (the local API, the file tail, the simulator, TikTok, Douyin, OBS …) is made by a
factory `make_source(ctx, options) -> Source` named in `REGISTRY` as "module:function" and
imported only when asked for, so an optional library is needed only by the source that
uses it. Every source keeps a `HealthMeter`: connected / stalled / failed, events per
minute, the age of its last event, its errors. A source that fails is shown as failed
with its reason; the show goes on (docs/architecture.md, "Sources").
"""

from __future__ import annotations

import importlib
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from controlroom.core.clock import Clock
from controlroom.services.intake import Intake, Receipt

if TYPE_CHECKING:
    from controlroom.services.show_service import ShowService

STOPPED, STARTING, CONNECTED, STALLED, FAILED = "stopped", "starting", "connected", "stalled", "failed"
DEFAULT_STALL_S = 60.0  # a connected source that brings nothing for this long is "stalled"
RATE_WINDOW_S = 60.0

REGISTRY: dict[str, str] = {
    "api": "controlroom.feeds.source_adapters:make_api",
    "tail": "controlroom.feeds.source_adapters:make_tail",
    "simulator": "controlroom.feeds.source_adapters:make_simulator",
    "tiktok": "controlroom.feeds.source_adapters:make_tiktok",
    "douyin": "controlroom.feeds.douyin:make_source",
    "obs": "controlroom.feeds.obs:make_source",
}
# The options each source takes (name → what it means), for `--source-option` and the window.
OPTIONS: dict[str, dict[str, str]] = {
    "api": {"host": "address to bind", "port": "port (0: any free one)", "token": "the token clients send"},
    "tail": {"path": "the JSON-lines file to follow", "from_start": "1: read the lines already in it"},
    "simulator": {"seed": "the simulated room's seed", "language": "zh or en comments",
                  "on_real_show": "yes: play into a show that is not a rehearsal"},
    "tiktok": {"unique_id": "the room's @handle"},
    "douyin": {"url": "the relay's WebSocket, e.g. ws://127.0.0.1:1088/ws/ROOM_ID", "format": "auto, douyinlive or oba"},
    "obs": {"url": "obs-websocket, e.g. ws://127.0.0.1:4455", "password": "obs-websocket's password"},
}
OPEN_OPTIONS = {"obs"}  # written elsewhere: its factory checks its own options


@dataclass(frozen=True)
class SourceHealth:
    name: str
    state: str  # "stopped" | "starting" | "connected" | "stalled" | "failed"
    events_per_min: float
    last_event_age_s: float | None
    errors: int
    detail: str = ""  # the last problem, or what it is connected to

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SourceContext:
    service: ShowService  # commands, view(), listeners
    intake: Intake  # validated feed batches (services/intake.py)
    clock: Clock
    on_problem: Callable[[str], None]
    stall_s: float = DEFAULT_STALL_S


class Source(Protocol):
    name: str

    def start(self) -> None: ...  # returns at once; runs on its own thread(s)

    def stop(self) -> None: ...

    def health(self, now: float) -> SourceHealth: ...


class SourceUnavailable(Exception):
    """The name is unknown, its module is not installed, or its options are wrong: a sentence."""


def known_names() -> list[str]:
    return list(REGISTRY)


def factory(name: str) -> Callable[[SourceContext, dict[str, str]], Source]:
    """The factory registered under `name`, imported now."""
    target = REGISTRY.get(name)
    if target is None:
        raise SourceUnavailable(f"no source named {name!r}; the sources are: {', '.join(REGISTRY)}")
    module_name, _, function = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module_name.startswith(exc.name):
            raise SourceUnavailable(f"the {name} source is not installed (no module {module_name})") from None
        raise SourceUnavailable(f"the {name} source needs a module that is not installed: {exc.name}") from None
    made = getattr(module, function, None)
    if made is None:
        raise SourceUnavailable(f"the {name} source is not installed ({module_name} has no {function})")
    return made


def make(name: str, ctx: SourceContext, options: dict[str, str] | None = None) -> Source:
    """A source ready to start; SourceUnavailable (a sentence) if it cannot be made."""
    options = dict(options or {})
    if "stall_s" in options:  # every source takes it: how long "connected" may bring nothing
        ctx = _with_stall(ctx, options.pop("stall_s"))
    known = OPTIONS.get(name)
    unknown = sorted(set(options) - set(known)) if known is not None and name not in OPEN_OPTIONS else []
    if unknown:
        raise SourceUnavailable(
            f"the {name} source takes no option {', '.join(unknown)}; it takes: {', '.join(known or {}) or 'none'}")
    try:
        return factory(name)(ctx, options)
    except (ValueError, KeyError) as exc:
        raise SourceUnavailable(f"the {name} source: {exc}") from None


def _with_stall(ctx: SourceContext, raw: str) -> SourceContext:
    try:
        stall_s = float(raw)
    except ValueError:
        stall_s = -1.0
    if not stall_s > 0:
        raise SourceUnavailable(f"stall_s={raw!r} is not a number of seconds above 0")
    return replace(ctx, stall_s=stall_s)


def parse_options(pairs: list[str]) -> dict[str, str]:
    """`key=value` strings (the CLI's --source-option) → a dict; ValueError names a bad one."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--source-option {pair!r} is not key=value")
        out[key.strip()] = value.strip()
    return out


class HealthMeter:
    """What a source reports about itself, thread-safe: the adapters call `connected`,
    `took`, `problem`, `failed`, `stopped` from their own threads; `health(now)` reads it.
    Times are the context clock's (`now` passed in), so a FakeClock drives it in tests."""

    def __init__(self, name: str, clock: Clock, stall_s: float = DEFAULT_STALL_S) -> None:
        self.name = name
        self.clock = clock
        self.stall_s = stall_s
        self._lock = threading.Lock()
        self._state = STOPPED
        self._detail = ""
        self._errors = 0
        self._since = 0.0  # when it connected: a fresh connection is not stalled yet
        self._last: float | None = None
        self._recent: deque[tuple[float, int]] = deque()
        self._taken = 0

    @property
    def taken(self) -> int:
        return self._taken

    def set(self, state: str, detail: str = "") -> None:
        with self._lock:
            if state == CONNECTED and self._state != CONNECTED:
                self._since = self.clock.now()
            self._state = state
            self._detail = detail

    def starting(self, detail: str = "") -> None:
        self.set(STARTING, detail)

    def connected(self, detail: str = "") -> None:
        self.set(CONNECTED, detail)

    def stopped(self) -> None:
        with self._lock:
            if self._state != FAILED:
                self._state = STOPPED

    def failed(self, reason: str) -> None:
        with self._lock:
            self._errors += 1
            self._state = FAILED
            self._detail = reason

    def problem(self, text: str) -> None:
        """A problem the source outlives (a refused event, a dropped connection)."""
        with self._lock:
            self._errors += 1
            self._detail = text

    def took(self, count: int) -> None:
        if count <= 0:
            return
        now = self.clock.now()
        with self._lock:
            if self._state == STARTING:  # the first event is the proof of a connection
                self._state, self._since = CONNECTED, now
            self._last = now
            self._taken += count
            self._recent.append((now, count))
            self._trim(now)

    def _trim(self, now: float) -> None:
        while self._recent and self._recent[0][0] <= now - RATE_WINDOW_S:
            self._recent.popleft()

    def health(self, now: float) -> SourceHealth:
        with self._lock:
            self._trim(now)
            state = self._state
            quiet_since = max(self._since, self._last or self._since)
            if state == CONNECTED and now - quiet_since >= self.stall_s:
                state = STALLED
            age = None if self._last is None else max(0.0, now - self._last)
            rate = float(sum(n for _, n in self._recent))
            return SourceHealth(self.name, state, rate, age, self._errors, self._detail)


class MeteredIntake(Intake):
    """The show's intake, counting what a source got into the log on its meter."""

    def __init__(self, service: ShowService, meter: HealthMeter) -> None:
        super().__init__(service)
        self.meter = meter

    def submit(self, events: list[Any]) -> Receipt:
        receipt = super().submit(events)
        self.meter.took(receipt.accepted)
        return receipt


class FailedSource:
    """Stands in for a source that could not even be made: shown failed, with why."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason

    def start(self) -> None:
        return None

    def stop(self) -> None:
        return None

    def health(self, now: float) -> SourceHealth:
        return SourceHealth(self.name, FAILED, 0.0, None, 1, self.reason)


class SourceSet:
    """The running sources of one show (serve's --source, the window's panel). A source
    that cannot be made or started is kept as failed; the others run on."""

    def __init__(self, ctx: SourceContext) -> None:
        self.ctx = ctx
        self.sources: dict[str, Source] = {}

    def start(self, name: str, options: dict[str, str] | None = None) -> Source:
        self.stop(name)
        try:
            source: Source = make(name, self.ctx, options)
        except SourceUnavailable as exc:
            source = FailedSource(name, str(exc))
        try:
            source.start()
        except Exception as exc:  # noqa: BLE001 - one source failing must not stop the show
            source = FailedSource(name, f"{exc.__class__.__name__}: {exc}")
        self.sources[name] = source
        return source

    def stop(self, name: str) -> None:
        source = self.sources.pop(name, None)
        if source is not None:
            source.stop()

    def stop_all(self) -> None:
        for name in list(self.sources):
            self.stop(name)

    def health(self, now: float | None = None) -> list[SourceHealth]:
        at = self.ctx.clock.now() if now is None else now
        return [s.health(at) for s in list(self.sources.values())]
