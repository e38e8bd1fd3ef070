"""Control surfaces started together with the local API: OSC in, OSC out, Companion's variables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from controlroom.feeds.api_commands import CommandRunner
from controlroom.feeds.companion import CompanionPush, parse_target
from controlroom.feeds.osc import OscIn, OscOut
from controlroom.feeds.view_poll import Outward, ViewPoller


@dataclass
class Surfaces:
    """What runs; `stop()` ends it all (in reverse order)."""

    lines: list[str] = field(default_factory=list)  # what to tell the user, one line each
    _stops: list[Callable[[], None]] = field(default_factory=list)

    def stop(self) -> None:
        while self._stops:
            self._stops.pop()()


def start_surfaces(runner: CommandRunner, osc_in: int | None = None, osc_out: str | None = None,
                   companion: str | None = None, osc_host: str = "127.0.0.1") -> Surfaces:
    """Start what is asked for. Raises ValueError (a bad HOST:PORT) or OSError (a port
    taken), having stopped whatever it had started."""
    s = Surfaces()
    try:
        out = _start_out(runner, s, osc_out, companion)
        if osc_in is not None:
            port = OscIn(runner, osc_host, osc_in, out)
            port.start()
            s._stops.append(port.stop)
            s.lines.append(f"OSC commands in on udp://{osc_host}:{port.port} (/controlroom/next, …)")
    except BaseException:
        s.stop()
        raise
    return s


def _start_out(runner: CommandRunner, s: Surfaces, osc_out: str | None, companion: str | None) -> OscOut | None:
    consumers: list[Callable[[Outward], None]] = []
    out = None
    if osc_out is not None:
        out = OscOut(*parse_target(osc_out))
        consumers.append(out.feed)
        s.lines.append(f"OSC out to {osc_out} (segment, remaining, phase, alerts)")
    if companion is not None:
        push = CompanionPush(*parse_target(companion))
        consumers.append(push.feed)
        s.lines.append(f"Companion custom variables at {companion} (cr_segment, cr_remaining, cr_product)")
    if consumers:
        poller = ViewPoller(runner.service, lambda now: [c(now) for c in consumers], name="surfaces")
        poller.start()
        s._stops.append(poller.stop)
    return out
