"""The source registry (names, lazy imports, options) and the health line's states on a FakeClock."""

from __future__ import annotations

import importlib.util

import pytest

from controlroom.core.clock import FakeClock
from controlroom.feeds import sources
from controlroom.feeds.sources import (
    CONNECTED,
    FAILED,
    STALLED,
    STARTING,
    STOPPED,
    HealthMeter,
    SourceContext,
    SourceSet,
    SourceUnavailable,
    make,
    parse_options,
)
from controlroom.services.intake import Intake


@pytest.fixture
def ctx(service):
    problems: list[str] = []
    c = SourceContext(service, Intake(service), service.clock, problems.append)
    c.problems = problems  # type: ignore[attr-defined]
    return c


def test_an_unknown_name_lists_the_known_ones(ctx):
    with pytest.raises(SourceUnavailable) as err:
        make("douyn", ctx, {})
    assert "'douyn'" in str(err.value)
    for name in ("api", "tail", "simulator", "tiktok", "douyin", "obs"):
        assert name in str(err.value)


def test_a_registered_module_that_is_missing_is_not_installed(ctx, monkeypatch):
    monkeypatch.setitem(sources.REGISTRY, "ghost", "controlroom.feeds.no_such_source:make_source")
    with pytest.raises(SourceUnavailable, match="the ghost source is not installed"):
        make("ghost", ctx, {})
    monkeypatch.setitem(sources.REGISTRY, "hollow", "controlroom.feeds.sources:no_such_factory")
    with pytest.raises(SourceUnavailable, match="the hollow source is not installed"):
        make("hollow", ctx, {})


def test_obs_is_registered_through_the_registry(ctx):
    from controlroom.feeds import obs

    assert sources.REGISTRY["obs"] == "controlroom.feeds.obs:make_source"
    assert sources.factory("obs") is obs.make_source
    with pytest.raises(SourceUnavailable, match="password"):
        make("obs", ctx, {"password": "never-on-argv"})  # its own options are checked through the registry


def test_options_are_checked_by_name_and_value(ctx):
    with pytest.raises(SourceUnavailable, match="takes no option colour; it takes: unique_id"):
        make("tiktok", ctx, {"colour": "red"})
    with pytest.raises(SourceUnavailable, match="unique_id=@name"):
        make("tiktok", ctx, {})
    with pytest.raises(SourceUnavailable, match="url=ws://"):
        make("douyin", ctx, {"url": "http://example"})
    with pytest.raises(SourceUnavailable, match="stall_s"):
        make("simulator", ctx, {"stall_s": "soon"})
    with pytest.raises(SourceUnavailable, match="only on a rehearsal show"):
        make("simulator", ctx, {})  # made-up orders never slip into a real show's log
    assert make("simulator", ctx, {"stall_s": "5", "on_real_show": "yes"}).meter.stall_s == 5.0
    assert parse_options(["unique_id=@a", "url = ws://x=y"]) == {"unique_id": "@a", "url": "ws://x=y"}
    with pytest.raises(ValueError, match="not key=value"):
        parse_options(["unique_id"])


def test_tiktok_without_its_extra_is_failed_and_says_how_to_install(ctx):
    assert importlib.util.find_spec("TikTokLive") is None  # this test is about the machine without it
    health = SourceSet(ctx).start("tiktok", {"unique_id": "@room"}).health(ctx.clock.now())
    assert health.state == FAILED and health.detail == "pip install 'controlroom[tiktok]'"


def test_a_failing_source_is_shown_failed_and_the_others_run_on(ctx, tmp_path):
    followed = tmp_path / "feed.jsonl"
    followed.write_text("")
    running = SourceSet(ctx)
    running.start("nosuch")
    running.start("tail", {"path": str(followed)})
    states = {h.name: h.state for h in running.health()}
    running.stop_all()
    assert states == {"nosuch": FAILED, "tail": CONNECTED}
    assert running.health() == []


def test_health_connected_stalled_connected_failed():
    clock = FakeClock()
    meter = HealthMeter("douyin", clock, stall_s=30)
    assert meter.health(clock.now()).state == STOPPED
    meter.starting("connecting")
    assert meter.health(clock.now()).state == STARTING
    clock.advance(100)
    meter.took(3)  # the first event proves the connection
    h = meter.health(clock.now())
    assert (h.state, h.events_per_min, h.last_event_age_s) == (CONNECTED, 3.0, 0.0)
    clock.advance(29)
    assert meter.health(clock.now()).state == CONNECTED
    clock.advance(1)
    h = meter.health(clock.now())
    assert (h.state, h.last_event_age_s, h.events_per_min) == (STALLED, 30.0, 3.0)
    clock.advance(31)  # the minute's events are out of the rate's window
    assert meter.health(clock.now()).events_per_min == 0.0
    meter.took(2)
    h = meter.health(clock.now())
    assert (h.state, h.events_per_min, h.last_event_age_s) == (CONNECTED, 2.0, 0.0)
    meter.problem("a refused comment")
    assert meter.health(clock.now()).errors == 1 and meter.health(clock.now()).state == CONNECTED
    meter.failed("the relay went away")
    h = meter.health(clock.now())
    assert (h.state, h.errors, h.detail) == (FAILED, 2, "the relay went away")
    meter.stopped()  # a failure stays shown after the stop
    assert meter.health(clock.now()).state == FAILED


def test_a_fresh_connection_is_not_stalled_by_old_quiet():
    clock = FakeClock()
    meter = HealthMeter("tail", clock, stall_s=30)
    meter.connected("following")
    clock.advance(29)
    assert meter.health(clock.now()).state == CONNECTED
    clock.advance(1)
    assert meter.health(clock.now()).state == STALLED
    meter.set(STARTING, "reconnecting")
    meter.connected("again")
    assert meter.health(clock.now()).state == CONNECTED


def test_serve_keeps_each_option_with_its_source():
    from controlroom.app import build_parser

    parser, _ = build_parser(["serve"])
    args = parser.parse_args(["serve", "--source", "tail", "--source-option", "from_start=1",
                              "--source", "douyin", "--source-option", "tail.path=/tmp/a.b.jsonl",
                              "--source-option", "url=ws://127.0.0.1:1088/ws/1"])
    assert args.source_plan == [["tail", ["from_start=1", "path=/tmp/a.b.jsonl"]],
                                ["douyin", ["url=ws://127.0.0.1:1088/ws/1"]]]
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "--source-option", "url=ws://x"])
