"""Clock-only times in an export are read by a fast path that must agree with strptime's
%H:%M[:%S] on every text — accepted or refused alike — and still need the show's day."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from controlroom.core.sheet_problem import ProblemError
from controlroom.core.sheet_times import CLOCK_FORMATS, to_epoch

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 1, 15)


def slow(text: str) -> float | None:
    for fmt in CLOCK_FORMATS:
        try:
            return dt.datetime.combine(DAY, dt.datetime.strptime(text, fmt).time()).replace(tzinfo=TZ).timestamp()
        except ValueError:
            continue
    return None


def ours(text: str) -> float | None:
    try:
        return to_epoch(text, TZ, DAY)
    except ProblemError:
        return None


@pytest.mark.parametrize("text", ["20:05", "9:05", "20:5", "00:00", "23:59:59", "20:05:07", "24:00", "20:60",
                                  "20:05:60", "2005", "20:05:", ":05", "20::05", "120:05"])
def test_the_fast_path_agrees_with_strptime(text):
    assert ours(text) == slow(text)


@given(st.integers(0, 130), st.integers(0, 130), st.none() | st.integers(0, 130))
def test_the_fast_path_agrees_on_any_numbers(h, m, s):
    text = f"{h}:{m}" if s is None else f"{h}:{m}:{s}"
    assert ours(text) == slow(text)


def test_a_clock_time_without_the_shows_day_is_refused_naming_it():
    with pytest.raises(ProblemError) as refused:
        to_epoch("20:05", TZ, None)
    assert refused.value.problem.code == "no_date" and "20:05" in str(refused.value)


def test_dated_texts_still_read():
    assert to_epoch("2026-01-15 20:05", TZ, None) == to_epoch("20:05", TZ, DAY)
    assert to_epoch("2026年01月15日 20:05:00", TZ, None) == to_epoch("20:05:00", TZ, DAY)
