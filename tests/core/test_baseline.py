"""The room's usual (core/baseline.py): bands per minute of show time from known shows, and
the below-usual alert held for its minutes."""

from __future__ import annotations

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.alerts import BELOW_USUAL_GMV, BELOW_USUAL_ONLINE
from controlroom.core.baseline import (
    GMV,
    GMV_TOTAL,
    ONLINE,
    Band,
    ShowMinutes,
    band_of,
    baseline_of,
    show_minutes,
)
from controlroom.core.events import Event
from controlroom.core.metrics import Metrics
from controlroom.core.settings import ShowSettings
from tests.core.helpers import Driver


def minutes(show_id: int, online: list[float | None], gmv: list[int]) -> ShowMinutes:
    return ShowMinutes(show_id, f"s{show_id}", 0.0, tuple(online), tuple(gmv))


def test_band_is_min_max_below_four_shows_and_the_middle_half_from_four():
    assert band_of([]) is None
    assert band_of([300.0, 100.0, 200.0]) == Band(200.0, 100.0, 300.0, 3)
    assert band_of([100.0, 200.0, 300.0, 400.0, 500.0]) == Band(300.0, 200.0, 400.0, 5)
    assert band_of([10.0, 20.0]) == Band(15.0, 10.0, 20.0, 2)


def test_each_minute_counts_the_shows_on_air_then():
    base = baseline_of([minutes(3, [100, 110, 120], [500, 0, 700]),
                        minutes(2, [200, 210], [100, 300]),
                        minutes(1, [None, 300, 330], [0, 0, 1000])])
    assert base.shows == (3, 2, 1)
    assert base.band(ONLINE, 0) == Band(150.0, 100.0, 200.0, 2)  # show 1 had no sample yet
    assert base.band(ONLINE, 2) == Band(225.0, 120.0, 330.0, 2)  # show 2 had ended
    assert base.band(GMV, 1) == Band(0, 0, 300, 3)
    assert base.band(GMV_TOTAL, 2) == Band(1100.0, 1000, 1200, 2)  # cumulative: 1200 and 1000
    assert base.band(ONLINE, 3) is None and base.band(ONLINE, -1) is None
    assert base.total("gmv_cents") == Band(1000.0, 400.0, 1200.0, 3)
    assert base.total("minutes") == Band(3.0, 2.0, 3.0, 3)


def test_no_history_no_band():
    base = baseline_of([])
    assert base.shows == () and base.band(ONLINE, 0) is None and base.minutes == 0


def test_show_minutes_read_the_fold_as_the_recap_does():
    """Mean online per minute carried forward (a sample before the start carries into
    minute 0); GMV in cents; the last, partial minute counts."""
    t0 = 1_000_000.0
    m = Metrics(origin=t0)
    feed = [Event(ev.VIEWERS, t0 - 10, value=50), Event(ev.VIEWERS, t0 + 70, value=100),
            Event(ev.VIEWERS, t0 + 80, value=200), Event(ev.ORDER, t0 + 90, value=9.9, product="T1"),
            Event(ev.ORDER, t0 + 200, value=0.1, product="T1")]
    for e in feed:
        m.apply(e)
    s = show_minutes(7, "x", t0, t0 + 200.5, m)
    assert s.online == (50.0, 150.0, 150.0, 150.0)
    assert s.gmv_cents == (0, 990, 0, 10)
    assert s.gmv_total_cents == (0, 990, 990, 1000)


def usual_of(online: float, gmv_per_minute_cents: int, shows: int = 3, length: int = 60):
    return baseline_of([minutes(i, [online] * length, [gmv_per_minute_cents] * length) for i in range(shows)])


def driven(online: float, order_value: float, seconds: int, settings: ShowSettings | None = None) -> Driver:
    """A show started at a minute's start, sampled every 10 s, one order a minute."""
    d = Driver(settings=settings)
    d.clock.advance(60 - d.clock.now() % 60)
    d.do(commands.start)
    for s in range(seconds):
        d.clock.advance(1)
        now = d.clock.now()
        if s % 10 == 0:
            d.feed(Event(ev.VIEWERS, now, value=online))
        if s % 60 == 30:
            d.feed(Event(ev.ORDER, now, value=order_value, product="T1", user=f"u{s}", ref=f"o{s}"))
    return d


def codes(d: Driver) -> dict[str, str]:
    return {a.code: a.message for a in d.state.snapshot(d.clock.now()).alerts}


def test_alert_fires_once_the_room_has_held_low_for_the_hold():
    d = driven(500, 5.0, 45 * 60)
    assert not {BELOW_USUAL_ONLINE, BELOW_USUAL_GMV} & set(codes(d))  # no baseline: no alert
    d.state.baseline = usual_of(1000, 1000)  # the usual: 1000 online, ¥10 a minute
    got = codes(d)
    assert got[BELOW_USUAL_ONLINE] == "online 50% below your last 3 shows at minute 45"
    assert got[BELOW_USUAL_GMV].startswith("GMV ") and "below your last 3 shows at minute 45" in got[BELOW_USUAL_GMV]


def test_one_low_sample_does_not_fire_it():
    d = driven(1000, 10.0, 10 * 60)
    d.state.baseline = usual_of(1000, 1000)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=100))  # one sample far below
    assert BELOW_USUAL_ONLINE not in codes(d)
    for _ in range(4):  # …held: a sample every 30 s for two minutes
        d.clock.advance(30)
        d.feed(Event(ev.VIEWERS, d.clock.now(), value=100))
    assert BELOW_USUAL_ONLINE in codes(d)
    assert BELOW_USUAL_GMV not in codes(d)  # GMV runs as usual


def test_near_the_usual_or_a_percent_of_zero_does_not_fire():
    d = driven(800, 8.0, 20 * 60)  # 20 % below: under the 30 % threshold
    d.state.baseline = usual_of(1000, 1000)
    assert not {BELOW_USUAL_ONLINE, BELOW_USUAL_GMV} & set(codes(d))
    d = driven(100, 1.0, 20 * 60, ShowSettings(baseline_alert_percent=0))
    d.state.baseline = usual_of(1000, 1000)
    assert not {BELOW_USUAL_ONLINE, BELOW_USUAL_GMV} & set(codes(d))


def test_past_the_usual_shows_length_there_is_nothing_to_compare():
    d = driven(100, 1.0, 30 * 60)
    d.state.baseline = usual_of(1000, 1000, length=20)
    assert not {BELOW_USUAL_ONLINE, BELOW_USUAL_GMV} & set(codes(d))
