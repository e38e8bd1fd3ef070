"""Settings: the playbook's defaults, editable per show, bad values refused by name."""

import pytest

from controlroom.core.settings import ShowSettings


def test_defaults_are_the_playbook_figures():
    s = ShowSettings()
    assert (s.opening_minutes, s.slot_warn_minutes, s.slot_max_minutes) == (5, 3, 5)
    assert (s.interaction_remind_minutes, s.interaction_alarm_minutes, s.final_push_minutes) == (10, 15, 10)
    assert (s.promo_target_min, s.promo_target_max) == (3, 5)


def test_round_trip_and_unknown_keys_ignored():
    s = ShowSettings(slot_max_minutes=4.5, promo_target_max=6)
    assert ShowSettings.from_dict({**s.to_dict(), "from_the_future": 1}) == s


@pytest.mark.parametrize("raw,name", [
    ({"slot_max_minutes": "abc"}, "slot_max_minutes"),
    ({"opening_minutes": -1}, "opening_minutes"),
    ({"slot_warn_minutes": 6}, "slot_warn_minutes"),
    ({"promo_target_min": 2.5}, "promo_target_min"),
    ({"interaction_remind_minutes": 20}, "interaction_remind_minutes"),
])
def test_bad_values_are_refused_by_name(raw, name):
    with pytest.raises(ValueError, match=name):
        ShowSettings.from_dict(raw)
