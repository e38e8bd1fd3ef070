"""A feed event's time must fall within the show's reach, whatever source sends it:
a 2099 like cannot make the recap allocate a minute row per minute until then."""

import pytest

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.feed_schema import FeedError
from controlroom.services.intake import Intake


def test_a_2099_timestamp_is_refused_naming_ts_and_nothing_is_taken(service, repo):
    intake = Intake(service)
    with pytest.raises(FeedError) as refused:
        intake.submit_json([{"type": "order", "order_id": "A1", "amount": 5},
                            {"type": "like", "ts": "2099-12-31T00:00:00Z"}])
    assert refused.value.field == "ts" and refused.value.index == 1
    assert "outside this show's times" in str(refused.value)
    assert "A1" not in service.state.order_ids and repo.count_events(service.show_id) == 0


@pytest.mark.parametrize("offset", [-25 * 3600, 6 * 60])
def test_every_source_is_held_to_the_reach(service, clock, offset):
    """The tail and connectors hand parsed events to `submit`: the same reach applies."""
    with pytest.raises(FeedError, match="outside this show's times"):
        Intake(service).submit([Event(ev.LIKE, clock.now() + offset, qty=1)])


def test_the_reach_is_a_setting(service, clock):
    service.update_settings(service.state.settings.replace(feed_ahead_minutes=30.0))
    assert Intake(service).submit([Event(ev.LIKE, clock.now() + 20 * 60, qty=1)]).accepted == 1
    lo, hi = service.state.feed_reach(clock.now())
    assert hi == clock.now() + 30 * 60 and lo == service.state.info.created_at - 24 * 3600
