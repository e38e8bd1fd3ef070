"""The Douyin source against a real WebSocket relay on loopback, playing messages in
douyinLive's and oba-live-tool's formats: what lands in the log, duplicates, refusals,
reconnects, and the health line."""

from __future__ import annotations

import time

from controlroom.core import events as ev
from controlroom.feeds.douyin import DouyinRelaySource, make_source
from controlroom.feeds.sources import CONNECTED, FAILED, SourceContext
from controlroom.services.intake import Intake
from tests.feeds.relay import Relay, fixture_lines

FEED = (ev.COMMENT, ev.LIKE, ev.JOIN, ev.FOLLOW, ev.SHARE, ev.GIFT, ev.VIEWERS, ev.ORDER)


def _ctx(service, problems: list[str]) -> SourceContext:
    return SourceContext(service, Intake(service), service.clock, problems.append)


def _log(service) -> list:
    service.writer.flush()
    return list(service.repo.events(service.show_id, kinds=FEED))


def _until(check, timeout: float = 20.0) -> None:
    """Wait for the source's thread to have done something (a bound, not a timing figure)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the source never got there"
        time.sleep(0.05)


def _run(service, sessions, problems, fmt="auto", expect=1):
    with Relay(sessions) as relay:
        source = DouyinRelaySource(_ctx(service, problems), relay.url, fmt, backoff_s=(0.05,))
        source.start()
        try:
            _until(lambda: len(_log(service)) >= expect and relay.connections >= len(sessions))
            _until(lambda: source.meter.health(service.now()).state == CONNECTED)
            health = source.health(service.now())
        finally:
            source.stop()
    return health


def test_douyinlive_messages_become_our_events(service):
    problems: list[str] = []
    lines = fixture_lines("douyinlive.jsonl", service.now())
    health = _run(service, [lines], problems, expect=8)
    got = {(e.kind, e.user, e.ref): e for e in _log(service)}
    assert len(_log(service)) == 8  # the re-sent chat, the running combo, the blank chat, room stats: not in
    comment = got[(ev.COMMENT, "小红", "douyin:7412000000000000001")]
    assert comment.text == "这个面膜多少钱？" and comment.ts == service.now()
    assert got[(ev.LIKE, "阿强", "douyin:7412000000000000002")].qty == 15
    assert (ev.JOIN, "路人甲", "douyin:7412000000000000003") in got
    assert (ev.FOLLOW, "老粉", "douyin:7412000000000000004") in got
    assert (ev.SHARE, "分享达人", "douyin:7412000000000000005") in got
    hearts = got[(ev.GIFT, "土豪", "douyin:7412000000000000007")]
    assert (hearts.text, hearts.qty, hearts.value) == ("小心心", 5, 5.0)  # the combo's end only
    car = got[(ev.GIFT, "大哥", "douyin:7412000000000000008")]
    assert (car.text, car.qty, car.value) == ("跑车", 1, 99.0)
    viewers = got[(ev.VIEWERS, None, "douyin:7412000000000000009")]
    assert (viewers.value, viewers.qty) == (1234.0, 56789)
    assert service.status()["totals"]["comments"] == 1
    # the blank comment and the line that is not JSON: reported, counted, the rest went in
    assert any("comment" in p and "text" in p for p in problems) and any("not JSON" in p for p in problems)
    assert health.state == CONNECTED and health.errors == 2 and "not JSON" in health.detail  # the last problem
    assert health.events_per_min == 8.0 and health.last_event_age_s == 0.0


def test_oba_live_tool_messages_and_paid_orders(service):
    problems: list[str] = []
    _run(service, [fixture_lines("oba.jsonl", service.now())], problems, expect=6)
    log = _log(service)
    kinds = sorted(e.kind for e in log)
    assert kinds == sorted([ev.COMMENT, ev.JOIN, ev.LIKE, ev.FOLLOW, ev.ORDER, ev.ORDER]), problems
    orders = {e.ref: e for e in log if e.kind == ev.ORDER}
    # placed-only messages are not orders; the paid one re-sent is a duplicate
    assert set(orders) == {"douyin:900001", "douyin:900002"}
    mask = orders["douyin:900001"]
    assert (mask.product, mask.value, mask.qty, mask.user) == ("SKU-2001", 59.0, 1, "买家A")
    sleeves = orders["douyin:900002"]  # the relay's product id is not ours: found by its title
    assert (sleeves.product, sleeves.value) == ("SKU-1001", 9.9)
    assert service.status()["totals"]["orders"] == 2
    assert next(e for e in log if e.kind == ev.COMMENT).ref == "douyin:c-1001"


def test_a_relay_that_drops_the_connection_is_reconnected(service):
    problems: list[str] = []
    lines = fixture_lines("douyinlive.jsonl", service.now())
    health = _run(service, [lines[1:2], lines[3:4]], problems, expect=2)
    assert {e.kind for e in _log(service)} == {ev.COMMENT, ev.LIKE}
    assert any("closed the connection" in p for p in problems)
    assert health.state == CONNECTED and health.errors >= 1


def test_an_unreachable_relay_is_failed_with_its_reason_and_retried(service):
    problems: list[str] = []
    with Relay([[]]) as relay:
        url = relay.url
    source = make_source(_ctx(service, problems), {"url": url})
    source.backoff_s = (0.05,)
    source.start()
    try:
        _until(lambda: len(problems) >= 2)  # tried again, and again
        health = source.health(service.now())
    finally:
        source.stop()
    assert health.state == FAILED and "cannot reach the relay" in health.detail and health.errors >= 2
