"""Stream health on constructed sample sequences: what opens, when, and when it closes."""

from __future__ import annotations

import pytest

from controlroom.core.settings import ShowSettings, scene_map
from controlroom.core.stream_health import (
    BITRATE,
    CONGESTION,
    RECONNECTING,
    SKIPPED,
    STOPPED,
    UNREACHABLE,
    HealthLimits,
    StreamHealth,
    StreamSample,
    bitrate_kbps,
    degraded_seconds,
    incident_ref,
    problem_of,
)

T0 = 1_767_225_600.0
LIMITS = HealthLimits(congestion_percent=50, min_bitrate_kbps=1000, low_bitrate_s=10, skipped_percent=1,
                      unreachable_s=10, recover_s=10)


class Stream:
    """Samples 1 s apart of a stream at `kbps`, 60 frames per second."""

    def __init__(self, limits: HealthLimits = LIMITS) -> None:
        self.health = StreamHealth(limits)
        self.t, self.bytes, self.frames, self.skipped = 0.0, 0.0, 0, 0
        self.log: list[tuple[float, str, str, str]] = []

    def run(self, seconds: int, *, kbps: float = 4000, congestion: float = 0.0, reconnecting: bool = False,
            active: bool = True, skipped_per_s: int = 0, reachable: bool = True, live: bool = True) -> None:
        for _ in range(seconds):
            self.t += 1
            if active and reachable:
                self.bytes += kbps * 1000 / 8
                self.frames += 60
                self.skipped += skipped_per_s
            sample = StreamSample(T0 + self.t, reachable, active, reconnecting, congestion, self.skipped,
                                  self.frames, int(self.bytes), self.t * 1000)
            for d in self.health.observe(sample, live):
                self.log.append((self.t, d.action, d.problem, d.text))

    def opened(self) -> list[tuple[float, str]]:
        return [(t, p) for t, a, p, _ in self.log if a == "open"]

    def closed(self) -> list[tuple[float, str]]:
        return [(t, p) for t, a, p, _ in self.log if a == "close"]


def test_a_healthy_stream_opens_nothing():
    s = Stream()
    s.run(600)
    assert s.log == []
    assert s.health.last_bitrate_kbps == pytest.approx(4000)


def test_congestion_opens_at_once_and_closes_only_below_half_after_the_recovery_time():
    s = Stream()
    s.run(5)
    s.run(1, congestion=0.72)
    assert s.opened() == [(6, CONGESTION)]
    assert "72%" in s.log[0][3] and "50%" in s.log[0][3]
    s.run(30, congestion=0.3)  # below the limit but above half: not yet recovered
    assert s.closed() == []
    s.run(10, congestion=0.1)  # clear since t=37: 9 s at t=46
    assert s.closed() == []
    s.run(1, congestion=0.1)
    assert s.closed() == [(47, CONGESTION)]


def test_a_flapping_figure_is_one_incident_not_ten():
    s = Stream()
    for _ in range(10):
        s.run(2, congestion=0.8)
        s.run(3, congestion=0.0)  # clear for less than the recovery time
    assert s.opened() == [(1, CONGESTION)]
    s.run(10)
    assert s.closed() == [(58, CONGESTION)]  # clear since t=48


def test_one_bitrate_dip_is_not_an_incident_a_drop_that_lasts_is():
    s = Stream()
    s.run(5)
    s.run(9, kbps=400)  # 9 s below 1000 kbps: a dip
    s.run(5)
    assert s.log == []
    s.run(11, kbps=400)
    assert s.opened() == [(30, BITRATE)]
    assert "400 kbps" in s.log[0][3] and "1000 kbps" in s.log[0][3]
    s.run(11, kbps=3000)
    assert s.closed() == [(41, BITRATE)]


def test_the_bitrate_check_can_be_turned_off():
    s = Stream(HealthLimits(min_bitrate_kbps=0))
    s.run(60, kbps=10)
    assert s.log == []


def test_reconnecting_opens_at_once_and_closes_after_recovery():
    s = Stream()
    s.run(3)
    s.run(4, reconnecting=True, kbps=0)
    assert s.opened() == [(4, RECONNECTING)]  # bytes stand still while reconnecting: no bitrate incident
    s.run(11)
    assert s.closed() == [(18, RECONNECTING)]


def test_skipped_frames_rising_opens_and_the_share_is_in_the_text():
    s = Stream()
    s.run(3)
    s.run(1, skipped_per_s=3)  # 3 of 60 frames: 5 %
    assert s.opened() == [(4, SKIPPED)]
    assert "5.0%" in s.log[0][3]
    s.run(11)
    assert s.closed() == [(15, SKIPPED)]


def test_obs_unreachable_while_live_opens_after_its_hold_and_closes_when_back():
    s = Stream()
    s.run(3)
    s.run(10, reachable=False)  # unreachable since t=4: 9 s at t=13
    assert s.log == []
    s.run(1, reachable=False)
    assert s.opened() == [(14, UNREACHABLE)]
    s.run(5)
    s.run(2, reachable=False)  # the recovery starts again
    s.run(11)
    assert s.closed() == [(32, UNREACHABLE)]


def test_unreachable_holds_other_incidents_as_they_are():
    s = Stream()
    s.run(1, congestion=0.9)
    s.run(30, reachable=False)
    assert (1, CONGESTION) in s.opened() and s.closed() == []


def test_not_streaming_while_live_is_an_incident_but_not_before_the_show():
    s = Stream()
    s.run(60, active=False, live=False)
    s.run(60, reachable=False, live=False)
    assert s.log == []
    s.run(10, active=False)
    assert s.log == []
    s.run(1, active=False)
    assert s.opened() == [(131, STOPPED)]
    assert "not streaming" in s.log[0][3]


def test_a_restarted_output_whose_counters_went_back_gives_no_rate():
    a = StreamSample(T0, True, True, output_bytes=10_000_000, duration_ms=60_000)
    b = StreamSample(T0 + 2, True, True, output_bytes=1_000, duration_ms=2_000)
    assert bitrate_kbps(a, b) is None
    c = StreamSample(T0 + 4, True, True, output_bytes=501_000, duration_ms=4_000)
    assert bitrate_kbps(b, c) == pytest.approx(2000)


def test_an_incident_already_open_in_the_log_is_closed_not_opened_twice():
    s = Stream()
    s.health.adopt_open([CONGESTION], T0)
    s.run(1, congestion=0.9)
    s.run(11)
    assert s.opened() == [] and s.closed() == [(12, CONGESTION)]


def test_a_retracted_open_is_tried_again():
    health = StreamHealth(LIMITS)
    first = health.observe(StreamSample(T0, True, True, congestion=0.9), True)
    assert [d.action for d in first] == ["open"]
    health.retract(first[0])  # the log refused it
    again = health.observe(StreamSample(T0 + 1, True, True, congestion=0.9), True)
    assert [(d.action, d.problem) for d in again] == [("open", CONGESTION)]


def test_refs_are_never_reused_and_are_read_back():
    assert incident_ref(CONGESTION, {}) == "obs:congestion"
    assert incident_ref(CONGESTION, {"obs:congestion": 1, "obs:congestion-2": 1}) == "obs:congestion-3"
    assert problem_of("obs:congestion-3") == CONGESTION
    assert problem_of("obs:bitrate") == BITRATE
    assert problem_of("INC-1") is None and problem_of("obs:other") is None


def test_degraded_seconds_count_overlaps_once():
    spans = [("obs:congestion", 100.0, 160.0), ("obs:bitrate", 130.0, 200.0), ("INC-1", 0.0, 1000.0),
             ("obs:reconnecting", 500.0, None)]
    assert degraded_seconds(spans, end=560.0) == pytest.approx(100 + 60)
    assert degraded_seconds(spans, end=560.0, start=150.0) == pytest.approx(50 + 60)


def test_obs_settings_are_checked_and_the_scene_map_read():
    s = ShowSettings.from_dict({"obs_scenes": " product=Product cam; interaction = Wide ；final_push=Close-up"})
    assert scene_map(s.obs_scenes) == {"product": "Product cam", "interaction": "Wide", "final_push": "Close-up"}
    with pytest.raises(ValueError, match="obs_scenes: 'dance=Wide'"):
        ShowSettings.from_dict({"obs_scenes": "product=Cam; dance=Wide"})
    with pytest.raises(ValueError, match="obs_scenes"):
        ShowSettings.from_dict({"obs_scenes": 5})
    with pytest.raises(ValueError, match="obs_congestion_percent"):
        ShowSettings.from_dict({"obs_congestion_percent": 150})
    assert HealthLimits.of(ShowSettings()) == HealthLimits()


def test_scene_kinds_are_the_plans_segment_kinds():
    from controlroom.core.plan import SegmentKind
    from controlroom.core.settings import SCENE_KINDS

    assert set(SCENE_KINDS) == {k.value for k in SegmentKind}


def test_the_scene_map_takes_the_windows_chinese_kind_names():
    assert scene_map("产品讲解＝商品机位；互动=全景") == {"product": "商品机位", "interaction": "全景"}
