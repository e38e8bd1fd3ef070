"""The TikTok LIVE mapping on constructed events shaped like TikTokLive 6.x's (no library, no network)."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from controlroom.core import events as ev
from controlroom.feeds.tiktok import TikTokConnector, map_event

BASE = NS(create_time=1_767_225_605_250)  # ms


def make(name: str, **attrs):
    """An object whose class is called `name`, as the library's event classes are."""
    return type(name, (), {})() if not attrs else _with(type(name, (), {})(), attrs)


def _with(obj, attrs):
    for k, v in attrs.items():
        setattr(obj, k, v)
    return obj


USER = NS(unique_id="shopper_1", nick_name="小王", id=42)


@pytest.mark.parametrize(
    "event, expected",
    [
        (
            make("CommentEvent", user_info=USER, content="多少钱", base_message=BASE),
            {"type": "comment", "user": "shopper_1", "text": "多少钱", "ts": 1_767_225_605.25},
        ),
        (make("LikeEvent", user=USER, count=15, total=900), {"type": "like", "user": "shopper_1", "count": 15}),
        (
            make("RoomUserSeqEvent", m_total=1234, total_user=5678),
            {"type": "viewers", "online": 1234, "entries_total": 5678},
        ),
        (make("FollowEvent", user=NS(unique_id="", nick_name="阿花")), {"type": "follow", "user": "阿花"}),
        (make("ShareEvent", user=None), {"type": "share"}),
        (make("JoinEvent", user=NS(id=7)), {"type": "join", "user": "7"}),
        (
            make(
                "GiftEvent",
                from_user=USER,
                repeat_count=3,
                repeat_end=1,
                m_gift=NS(name="Rose", diamond_count=1, type=1),
            ),
            {"type": "gift", "user": "shopper_1", "count": 3, "gift": "Rose", "value": 3},
        ),
        (
            make(
                "GiftEvent",
                from_user=USER,
                repeat_count=1,
                repeat_end=0,
                m_gift=NS(name="Lion", diamond_count=29999, type=2),
            ),
            {"type": "gift", "user": "shopper_1", "count": 1, "gift": "Lion", "value": 29999},
        ),
    ],
)
def test_mapping(event, expected):
    assert map_event(event) == expected


def test_streaking_gift_waits_for_the_streak_end():
    gift = NS(name="Rose", diamond_count=1, type=1)
    assert map_event(make("GiftEvent", from_user=USER, repeat_count=2, repeat_end=0, m_gift=gift)) is None


def test_other_events_are_ignored():
    assert map_event(make("ControlEvent", action=3)) is None


def test_connector_feeds_the_show_and_reports_refusals(service):
    from controlroom.services.intake import Intake

    problems: list[str] = []
    conn = TikTokConnector(Intake(service), "room", problems.append)
    assert conn.unique_id == "@room"
    conn.handle(make("CommentEvent", user_info=USER, content="假货", base_message=BASE))
    conn.handle(make("RoomUserSeqEvent", m_total=50, total_user=80))
    conn.handle(make("CommentEvent", user_info=USER, content="   "))  # empty comment: refused, reported
    assert conn.taken == 2
    assert len(problems) == 1 and "'text'" in problems[0]
    service.writer.flush()
    (c,) = service.repo.events(service.show_id, (ev.COMMENT,))
    assert (c.user, c.text, c.ts) == ("shopper_1", "假货", 1_767_225_605.25)
    assert service.status()["totals"]["online"] == 50


def test_start_without_the_extra_says_how_to_install(service, monkeypatch):
    import sys

    from controlroom.services.intake import Intake

    monkeypatch.setitem(sys.modules, "TikTokLive", None)
    with pytest.raises(RuntimeError, match=r"controlroom\[tiktok\]"):
        TikTokConnector(Intake(service), "room").start()
