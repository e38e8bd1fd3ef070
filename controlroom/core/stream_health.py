"""Stream health from OBS's status samples: which incidents to open and close, and when.

Pure: samples (with their own timestamps) in, open/close decisions out. The I/O lives in
feeds/obs.py. A problem opens once its condition has held for its hold time (a single
bitrate dip is not an incident) and closes once it has been clear for `recover_s`
(hysteresis, so a flapping figure does not open ten incidents). Congestion also has a
band: it is clear only below half its limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The problems, in the order they are judged; the incident ref is `obs:<problem>`.
UNREACHABLE = "unreachable"
STOPPED = "stopped"
RECONNECTING = "reconnecting"
CONGESTION = "congestion"
BITRATE = "bitrate"
SKIPPED = "skipped"
PROBLEMS = (UNREACHABLE, STOPPED, RECONNECTING, CONGESTION, BITRATE, SKIPPED)
REF_PREFIX = "obs:"


@dataclass(frozen=True)
class StreamSample:
    """One answer to GetStreamStatus at `ts`, or `reachable=False` when OBS gave none."""

    ts: float
    reachable: bool
    active: bool = False
    reconnecting: bool = False
    congestion: float = 0.0  # 0..1, as OBS reports it
    skipped_frames: int = 0
    total_frames: int = 0
    output_bytes: int = 0
    duration_ms: float | None = None  # outputDuration: OBS's own clock for the bitrate



@dataclass(frozen=True)
class HealthLimits:
    congestion_percent: float = 50.0
    min_bitrate_kbps: float = 1000.0  # 0 turns the bitrate check off
    low_bitrate_s: float = 10.0
    skipped_percent: float = 1.0  # of the frames since the previous sample
    unreachable_s: float = 10.0  # also how long "not streaming" may last
    recover_s: float = 10.0

    @classmethod
    def of(cls, settings: Any) -> HealthLimits:
        """From a show's ShowSettings (the obs_* figures)."""
        return cls(settings.obs_congestion_percent, settings.obs_min_bitrate_kbps,
                   settings.obs_low_bitrate_seconds, settings.obs_skipped_percent,
                   settings.obs_unreachable_seconds, settings.obs_recover_seconds)

    def hold_s(self, problem: str) -> float:
        if problem == BITRATE:
            return self.low_bitrate_s
        if problem in (UNREACHABLE, STOPPED):
            return self.unreachable_s
        return 0.0


@dataclass(frozen=True)
class Decision:
    action: str  # "open" | "close"
    problem: str
    text: str


@dataclass
class _Track:
    bad_since: float | None = None
    good_since: float | None = None
    is_open: bool = False
    figure: str = ""


@dataclass(frozen=True)
class Reading:
    """What one sample says of each problem: True bad, False clear, None cannot tell
    (OBS unreachable: its figures are unknown, so open incidents stay as they are)."""

    bad: Mapping[str, bool | None]
    figures: Mapping[str, str]
    bitrate_kbps: float | None


@dataclass
class StreamHealth:
    limits: HealthLimits = field(default_factory=HealthLimits)
    language: str = "en"  # of the incidents' texts: "en" or "zh_CN"
    _tracks: dict[str, _Track] = field(default_factory=lambda: {p: _Track() for p in PROBLEMS})
    _prev: StreamSample | None = None
    last_bitrate_kbps: float | None = None

    def adopt_open(self, problems: Iterable[str], now: float) -> None:
        """Incidents of ours already open in the log (a restarted source): close them
        when they recover instead of opening them a second time."""
        for p in problems:
            if p in self._tracks:
                self._tracks[p] = _Track(bad_since=now, is_open=True)

    def open_problems(self) -> list[str]:
        return [p for p in PROBLEMS if self._tracks[p].is_open]

    def observe(self, sample: StreamSample, live: bool) -> list[Decision]:
        """Fold one sample. `live`: the show is running (started, not ended); nothing
        opens outside it, and OBS being away or idle is a problem only inside it."""
        reading = read(sample, self._prev, self.limits, live)
        if sample.reachable:
            self._prev = sample
        self.last_bitrate_kbps = reading.bitrate_kbps
        out: list[Decision] = []
        for problem in PROBLEMS:
            decision = self._step(problem, reading.bad[problem], reading.figures.get(problem, ""),
                                  sample.ts, live)
            if decision is not None:
                out.append(decision)
        return out

    def retract(self, decision: Decision) -> None:
        """The decision could not be logged (the log refused it): judge it again next time."""
        track = self._tracks[decision.problem]
        track.is_open = decision.action != "open"

    def _step(self, problem: str, bad: bool | None, figure: str, ts: float, live: bool) -> Decision | None:
        t = self._tracks[problem]
        if bad is None:
            return None
        if bad:
            t.good_since = None
            t.bad_since = ts if t.bad_since is None else t.bad_since
            t.figure = figure or t.figure
            held = ts - t.bad_since
            if not t.is_open and live and held >= self.limits.hold_s(problem):
                t.is_open = True
                return Decision("open", problem, describe(problem, t.figure, held, self.limits, self.language))
            return None
        t.bad_since = None
        if not t.is_open:
            return None
        t.good_since = ts if t.good_since is None else t.good_since
        if ts - t.good_since >= self.limits.recover_s:
            t.is_open, t.good_since = False, None
            return Decision("close", problem, "")
        return None


def read(sample: StreamSample, prev: StreamSample | None, limits: HealthLimits, live: bool) -> Reading:
    """Judge one sample against the limits (and the previous reachable sample, for rates)."""
    if not sample.reachable:
        bad: dict[str, bool | None] = {p: None for p in PROBLEMS}
        bad[UNREACHABLE], bad[STOPPED] = live, (None if live else False)
        return Reading(bad, {}, None)
    figures: dict[str, str] = {}
    streaming = sample.active
    kbps = bitrate_kbps(prev, sample) if streaming and not sample.reconnecting else None
    congestion = sample.congestion * 100.0
    figures[CONGESTION] = f"{congestion:.0f}%"
    congested: bool | None = None
    if not streaming or congestion < limits.congestion_percent / 2:
        congested = False
    elif congestion >= limits.congestion_percent:
        congested = True
    skipped = skipped_percent(prev, sample) if streaming else None
    if skipped is not None:
        figures[SKIPPED] = f"{skipped:.1f}%"
    if kbps is not None:
        figures[BITRATE] = f"{kbps:.0f} kbps"
    low = None if kbps is None else (limits.min_bitrate_kbps > 0 and kbps < limits.min_bitrate_kbps)
    bad = {
        UNREACHABLE: False,
        STOPPED: live and not streaming,
        RECONNECTING: streaming and sample.reconnecting,
        CONGESTION: congested,
        BITRATE: False if not streaming else low,
        SKIPPED: False if not streaming else (None if skipped is None else skipped > limits.skipped_percent),
    }
    return Reading(bad, figures, kbps)


def bitrate_kbps(prev: StreamSample | None, cur: StreamSample) -> float | None:
    """From the change in outputBytes over the change in outputDuration (or in our own
    timestamps when OBS gave none); None without a comparable previous sample (the first
    one, a restarted output whose counter went back, or no time between them)."""
    if prev is None or not prev.active or cur.output_bytes < prev.output_bytes:
        return None
    if cur.duration_ms is not None and prev.duration_ms is not None:
        seconds = (cur.duration_ms - prev.duration_ms) / 1000  # OBS's time: no polling jitter
    else:
        seconds = cur.ts - prev.ts
    if seconds <= 0:
        return None
    return (cur.output_bytes - prev.output_bytes) * 8 / 1000 / seconds


def skipped_percent(prev: StreamSample | None, cur: StreamSample) -> float | None:
    """Frames skipped since the previous sample, as a share of the frames since then."""
    if prev is None or cur.total_frames < prev.total_frames or cur.skipped_frames < prev.skipped_frames:
        return None
    frames = cur.total_frames - prev.total_frames
    if frames <= 0:
        return None
    return (cur.skipped_frames - prev.skipped_frames) * 100.0 / frames


INCIDENT_KIND = "technical: "  # the kind the window writes first: window and recap word it


def describe(problem: str, figure: str, held_s: float, limits: HealthLimits, language: str = "en") -> str:
    """The incident's text: its kind, what, and the figure (English, or zh_CN)."""
    held = f"{held_s:.0f} s"
    c, b, k = limits.congestion_percent, limits.min_bitrate_kbps, limits.skipped_percent
    if language == "zh_CN":
        texts = {
            UNREACHABLE: f"OBS 连不上已 {held}", STOPPED: f"OBS 未推流已 {held}", RECONNECTING: "OBS 推流断线重连中",
            CONGESTION: f"OBS 推流拥塞 {figure}（上限 {c:g}%）",
            BITRATE: f"OBS 码率 {figure} 已 {held}（下限 {b:g} kbps）",
            SKIPPED: f"OBS 跳帧 {figure}（上限 {k:g}%）",
        }
    else:
        texts = {
            UNREACHABLE: f"OBS unreachable for {held}", STOPPED: f"OBS not streaming for {held}",
            RECONNECTING: "OBS stream reconnecting",
            CONGESTION: f"OBS stream congestion {figure} (limit {c:g}%)",
            BITRATE: f"OBS bitrate {figure} for {held} (minimum {b:g} kbps)",
            SKIPPED: f"OBS skipped {figure} of frames (limit {k:g}%)",
        }
    return INCIDENT_KIND + texts[problem]


def incident_ref(problem: str, taken: Mapping[str, Any] | set[str]) -> str:
    """`obs:<problem>`, or `obs:<problem>-2`, -3… when the show had that problem before
    (an incident ref is never reused)."""
    ref, n = f"{REF_PREFIX}{problem}", 2
    while ref in taken:
        ref, n = f"{REF_PREFIX}{problem}-{n}", n + 1
    return ref


def problem_of(ref: str) -> str | None:
    """The problem an incident ref of ours is about, or None for anyone else's."""
    if not ref.startswith(REF_PREFIX):
        return None
    name = ref[len(REF_PREFIX):].rsplit("-", 1)[0] if "-" in ref else ref[len(REF_PREFIX):]
    return name if name in PROBLEMS else None


def degraded_seconds(spans: Iterable[tuple[str, float, float | None]], end: float,
                     start: float = float("-inf")) -> float:
    """Seconds from `start` to `end` during which at least one `obs:` incident was open
    (spans are (ref, opened, closed or None)); overlapping incidents count once."""
    return open_seconds(((o, c) for ref, o, c in spans if problem_of(ref) is not None), start, end)


def open_seconds(spans: Iterable[tuple[float, float | None]], start: float, end: float) -> float:
    """Seconds of `start` … `end` covered by at least one span (opened, closed or None =
    still open at the end); overlapping spans count once."""
    clipped = sorted((max(a, start), min(b if b is not None else end, end)) for a, b in spans)
    total, cur_a, cur_b = 0.0, None, None
    for a, b in clipped:
        if b <= a:
            continue
        if cur_b is None or a > cur_b:
            if cur_a is not None and cur_b is not None:
                total += cur_b - cur_a
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_a is not None and cur_b is not None:
        total += cur_b - cur_a
    return total
