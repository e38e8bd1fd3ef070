"""The production clock: smooth over small wall-clock steps, right again after a sleep."""

import pytest

from controlroom.core.clock import FakeClock, ScaledClock, SystemClock


class Ticks:
    def __init__(self):
        self.wall, self.mono = 1_000_000.0, 50.0

    def both(self, seconds):
        self.wall += seconds
        self.mono += seconds


def test_follows_the_monotonic_clock_through_a_small_wall_step():
    t = Ticks()
    clock = SystemClock(wall=lambda: t.wall, mono=lambda: t.mono)
    t.both(10)
    t.wall += 0.8  # an NTP correction
    assert clock.now() == pytest.approx(1_000_010.0)


def test_catches_up_with_the_wall_clock_after_a_laptop_sleep():
    t = Ticks()
    clock = SystemClock(wall=lambda: t.wall, mono=lambda: t.mono)
    t.both(60)
    t.wall += 1800  # suspended for half an hour: monotonic time stood still
    assert clock.now() == pytest.approx(1_001_860.0)
    t.both(5)
    assert clock.now() == pytest.approx(1_001_865.0)


def test_fake_and_scaled_clocks():
    fake = FakeClock(100.0)
    assert fake.advance(5) == 105.0 and fake.now() == 105.0
    with pytest.raises(ValueError):
        ScaledClock(0)
    assert ScaledClock(10, start=0.0).now() >= 0.0
