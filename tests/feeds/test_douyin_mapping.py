"""The Douyin mapping on its own: odd messages map to nothing or to something the validator
judges, never to an exception; the relay's own notices are told apart from the feed."""

from __future__ import annotations

import json

from controlroom.feeds.douyin import map_message, relay_status
from controlroom.feeds.source_health import HealthFile, read_health
from tests.feeds.relay import fixture_lines


def _nothing(_product, _title):
    return None, 0.0


def test_odd_messages_map_to_nothing_without_raising():
    odd = [None, [], "text", {}, {"method": 5}, {"method": "WebcastChatMessage", "common": "x", "user": "bob"},
           {"msg_type": None}, {"msg_type": "live_order", "order_status": "已付款"},
           {"method": "WebcastGiftMessage", "gift": "rose", "repeatCount": "many"},
           {"method": "WebcastLikeMessage", "count": {"n": 1}}]
    got = [map_message(m, "auto", _nothing) for m in odd]
    assert got[:5] == [None] * 5 and got[6] is None
    assert got[5] == {"type": "comment", "text": ""}  # the validator refuses it, naming text
    assert got[7] == {"type": "order", "quantity": 1, "amount": 0.0}  # no order_id: refused by the validator
    assert got[8] == {"type": "gift", "count": 1} and got[9] == {"type": "like", "count": 1}


def test_the_relays_status_notices_are_not_feed():
    status, chat = (json.loads(line) for line in fixture_lines("douyinlive.jsonl", 1_767_225_600.0)[:2])
    assert relay_status(status) == "直播间已开播" and relay_status(chat) is None
    assert map_message(chat, "auto", _nothing)["ts"] == 1_767_225_600.0
    assert map_message(chat, "oba", _nothing) is None  # a forced format reads only its own


def test_the_health_file_is_read_only_fresh_and_for_its_show(tmp_path):
    path = tmp_path / "show.db.sources.json"
    line = {"name": "douyin", "state": "connected", "events_per_min": 3.0, "last_event_age_s": 1.0, "errors": 0,
            "detail": ""}
    writer = HealthFile(path, 7, lambda: [line])
    writer.write()
    written = json.loads(path.read_text())["written_at"]
    assert read_health(path, 7, written + 1) == [line]
    assert read_health(path, 8, written + 1) == []  # another show's
    assert read_health(path, 7, written + 60) == []  # a serve that died a minute ago feeds nothing
    writer.stop()
    assert not path.exists() and read_health(path, 7) == []
