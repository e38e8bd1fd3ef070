"""The OBS source against a real obs-websocket 5 server on loopback (tests/feeds/obs_server.py):
the handshake with its password, incidents opened and closed by the stream's health, OBS
killed and back, scene switching on segment changes. Time is the show's FakeClock: each
step moves it, then waits (no timed asserts) until the source has judged two samples."""

from __future__ import annotations

import time
from collections.abc import Callable

import openpyxl
import pytest

from controlroom.core import events as ev
from controlroom.core.recap import recap_of
from controlroom.feeds.obs import ObsSource, make_source
from controlroom.feeds.sources import SourceContext
from controlroom.recap.texts import Texts
from controlroom.recap.workbook import export_recap
from controlroom.services.intake import Intake
from tests.feeds.obs_server import FakeObs

EN = Texts("en")


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.01)


@pytest.fixture
def problems():
    return []


@pytest.fixture
def ctx(service, clock, problems):
    return SourceContext(service, Intake(service), clock, problems.append)


@pytest.fixture
def obs(clock):
    server = FakeObs(clock, password="secret").start()
    yield server
    server.kill()


@pytest.fixture
def source(ctx, obs):
    src = ObsSource(ctx, obs.url, "secret", poll_s=0.02, timeout_s=5.0, backoff_max_s=0.1)
    yield src
    src.stop()


def step(source: ObsSource, clock, seconds: float) -> None:
    """Move the show's clock, then let the source judge two samples taken after it."""
    clock.advance(seconds)
    seen = source.samples
    wait_for(lambda: source.samples >= seen + 2, "the source to judge two samples")


def change(source: ObsSource, obs: FakeObs, **values) -> None:
    """OBS's figures change now: the source judges two samples of them before the clock moves."""
    for name, value in values.items():
        setattr(obs, name, value)
    seen = source.samples
    wait_for(lambda: source.samples >= seen + 2, "the source to judge two samples")


def open_refs(service) -> dict[str, str]:
    return {i.ref: i.text for i in service.view().open_incidents}


def logged(service, kind: str) -> list[ev.Event]:
    service.writer.flush()
    return list(service.repo.events(service.show_id, (kind,)))


def on_air(service, source, clock) -> None:
    service.start()
    source.start()
    wait_for(lambda: source.health(clock.now()).state == "connected", "the source to connect")
    step(source, clock, 1)


def test_congestion_reconnecting_and_recovery_open_and_close_incidents(service, source, obs, clock):
    on_air(service, source, clock)
    assert open_refs(service) == {}
    change(source, obs, congestion=0.72)
    opened_at = clock.now()
    assert open_refs(service) == {"obs:congestion": "technical: OBS stream congestion 72% (limit 50%)"}
    change(source, obs, congestion=0.1)  # clear from now on
    step(source, clock, 9)
    assert "obs:congestion" in open_refs(service)  # clear for less than obs_recover_seconds
    step(source, clock, 1)
    assert open_refs(service) == {}
    [opened] = logged(service, ev.INCIDENT_OPENED)
    [closed] = logged(service, ev.INCIDENT_CLOSED)
    assert (opened.ref, opened.ts, closed.ref, closed.ts) == ("obs:congestion", opened_at, "obs:congestion",
                                                              opened_at + 10)

    change(source, obs, reconnecting=True)
    obs.push_event("StreamStateChanged", {"outputActive": True, "outputState": "OBS_WEBSOCKET_OUTPUT_RECONNECTING"})
    step(source, clock, 1)
    assert list(open_refs(service)) == ["obs:reconnecting"]
    change(source, obs, reconnecting=False)
    step(source, clock, 10)
    assert open_refs(service) == {}

    change(source, obs, congestion=0.9)  # the same problem again: a new incident, a new ref
    assert list(open_refs(service)) == ["obs:congestion-2"]
    opens = logged(service, ev.INCIDENT_OPENED)
    assert [e.ref for e in opens] == ["obs:congestion", "obs:reconnecting", "obs:congestion-2"]


def test_a_bitrate_dip_is_not_an_incident_a_lasting_drop_is_and_the_recap_shows_it(service, source, obs, clock,
                                                                                   tmp_path):
    on_air(service, source, clock)
    change(source, obs, kbps=400)
    step(source, clock, 5)  # 400 kbps over these 5 s
    step(source, clock, 5)  # and these: low for 5 s (from the first low sample)
    change(source, obs, kbps=4000)
    step(source, clock, 5)
    assert open_refs(service) == {}
    change(source, obs, kbps=400)
    step(source, clock, 5)
    step(source, clock, 5)
    assert open_refs(service) == {}
    step(source, clock, 5)
    assert open_refs(service) == {"obs:bitrate": "technical: OBS bitrate 400 kbps for 10 s (minimum 1000 kbps)"}
    change(source, obs, kbps=5000)
    step(source, clock, 5)  # the first good sample
    step(source, clock, 10)
    assert open_refs(service) == {}
    service.end()
    service.writer.flush()
    [opened], [closed] = logged(service, ev.INCIDENT_OPENED), logged(service, ev.INCIDENT_CLOSED)
    state = service.repo.load_show(service.show_id)
    recap = recap_of(state, service.repo.events(service.show_id))
    [incident] = recap.incidents
    assert (incident.ref, incident.opened_at, incident.closed_at) == ("obs:bitrate", opened.ts, closed.ts)
    assert recap.kpis.incidents == 1
    assert recap.kpis.degraded_stream_s == closed.ts - opened.ts == 15

    out = tmp_path / "recap.xlsx"  # the workbook the user gets: the figure and both log rows
    export_recap(service.repo, service.show_id, out, lang="en", utc_offset_s=0)
    wb = openpyxl.load_workbook(out)
    try:
        summary = {r[0]: r[1] for r in wb[EN("sheet.summary")].iter_rows(values_only=True) if r[0]}
        events = [r for r in wb[EN("sheet.events")].iter_rows(values_only=True)]
    finally:
        wb.close()
    assert summary[EN("kpi.degraded_stream_s")].total_seconds() == pytest.approx(15)
    assert sum(1 for r in events if any(isinstance(c, str) and "OBS bitrate 400 kbps" in c for c in r)) == 2


def test_obs_killed_and_back_opens_and_closes_unreachable(service, source, obs, clock, ctx, problems):
    on_air(service, source, clock)
    obs.kill()
    wait_for(lambda: source.health(clock.now()).state == "failed", "the source to see OBS gone")
    step(source, clock, 5)
    assert open_refs(service) == {}
    step(source, clock, 6)
    assert list(open_refs(service)) == ["obs:unreachable"]
    assert any("cannot reach OBS" in p or "closed the connection" in p for p in problems)
    back = FakeObs(clock, password="secret", port=obs.port).start()
    try:
        wait_for(lambda: back.identified == 1, "the source to reconnect")
        step(source, clock, 1)
        step(source, clock, 11)
        assert open_refs(service) == {}
        assert source.health(clock.now()).state == "connected"
    finally:
        back.kill()
        obs.kill = lambda: None  # the fixture's server is gone already


def test_a_wrong_password_is_a_clear_problem_and_a_failed_source(ctx, obs, clock, problems):
    src = ObsSource(ctx, obs.url, "not-the-password", poll_s=0.02, backoff_max_s=0.1)
    src.start()
    try:
        wait_for(lambda: problems, "a problem line")
        health = src.health(clock.now())
        assert problems[0] == "OBS refused the password (obs-websocket authentication failed)"
        assert health.state == "failed" and health.errors >= 1 and "password" in health.detail
        assert obs.identified == 0
    finally:
        src.stop()
    assert problems.count(problems[0]) == 1  # retried, but told once


def test_no_password_where_obs_asks_for_one(ctx, obs, clock, problems):
    src = ObsSource(ctx, obs.url, None, poll_s=0.02, backoff_max_s=0.1)
    src.start()
    try:
        wait_for(lambda: problems, "a problem line")
        assert "OBS asks for a password" in problems[0] and "CONTROLROOM_OBS_PASSWORD" in problems[0]
    finally:
        src.stop()


def test_a_silent_obs_is_stalled(service, source, obs, clock):
    on_air(service, source, clock)
    obs.answer_status = False
    clock.advance(30)
    assert source.health(clock.now()).state == "stalled"
    assert source.health(clock.now()).last_event_age_s >= 30


def test_scenes_follow_the_segments_and_a_missing_scene_is_a_problem(service, source, obs, clock, problems):
    service.update_settings(service.state.settings.replace(
        obs_scenes="product=Product cam; interaction=Wide; final_push=Close-up; opening=No such scene"))
    source.start()  # before the show: its start is the first segment change
    wait_for(lambda: source.health(clock.now()).state == "connected", "the source to connect")
    service.start()
    wait_for(lambda: obs.scene_requests == ["No such scene"], "the opening's scene")
    wait_for(lambda: any("No such scene" in p for p in problems), "the missing scene's problem")
    assert service.view().pacing.segment.kind.value == "opening"  # the show goes on
    service.next()  # F7: onto the first product slot
    wait_for(lambda: obs.scene_requests[-1:] == ["Product cam"], "the product scene")
    kinds = [s.kind.value for s in service.state.plan.segments]
    i = kinds.index("interaction")
    while service.view().pacing.index < i:
        service.next()
    wait_for(lambda: obs.scene_requests[-1:] == ["Wide"], "the interaction scene")


def test_make_source_reads_options_and_never_takes_a_password_option(ctx, tmp_path, monkeypatch):
    monkeypatch.setenv("CONTROLROOM_OBS_PASSWORD", "from-env")
    src = make_source(ctx, {"url": "ws://127.0.0.1:4456", "poll_s": "1.5"})
    assert (src.url, src.poll_s, src._password) == ("ws://127.0.0.1:4456", 1.5, "from-env")
    assert "from-env" not in repr(src)
    pw = tmp_path / "obs-password"
    pw.write_text("from-file\n", encoding="utf-8")
    assert make_source(ctx, {"password_file": str(pw)})._password == "from-file"
    with pytest.raises(ValueError, match="never on the command line"):
        make_source(ctx, {"password": "x"})
    with pytest.raises(ValueError, match="poll_s"):
        make_source(ctx, {"poll_s": "soon"})
    with pytest.raises(ValueError, match="unknown option colour"):
        make_source(ctx, {"colour": "red"})
    with pytest.raises(ValueError, match="password_file"):
        make_source(ctx, {"password_file": str(tmp_path / "missing")})


def test_a_restarted_source_closes_the_incident_it_left_open_instead_of_opening_another(
        service, source, obs, clock, ctx):
    on_air(service, source, clock)
    change(source, obs, congestion=0.8)
    assert list(open_refs(service)) == ["obs:congestion"]
    source.stop()
    again = ObsSource(ctx, obs.url, "secret", poll_s=0.02, backoff_max_s=0.1)
    again.start()
    try:
        wait_for(lambda: again.samples >= 2, "the new source to judge")
        change(again, obs, congestion=0.0)
        step(again, clock, 10)
        assert open_refs(service) == {}
        assert [e.ref for e in logged(service, ev.INCIDENT_OPENED)] == ["obs:congestion"]
        assert [e.ref for e in logged(service, ev.INCIDENT_CLOSED)] == ["obs:congestion"]
    finally:
        again.stop()


def test_odd_status_answers_never_stop_the_source(service, source, obs, clock, monkeypatch):
    on_air(service, source, clock)
    monkeypatch.setattr(obs, "_status", lambda: {"outputActive": "yes", "outputBytes": "lots",
                                                 "outputCongestion": None, "outputTotalFrames": True})
    step(source, clock, 1)
    assert source.health(clock.now()).state == "connected"
    assert service.view().pacing.status.value == "running"


def test_incident_texts_in_chinese_when_asked(ctx, obs, service, clock):
    src = make_source(ctx, {"url": obs.url, "poll_s": "0.02", "language": "zh_CN"})
    src._password = "secret"  # as if from the environment
    on_air(service, src, clock)
    try:
        change(src, obs, congestion=0.66)
        assert open_refs(service) == {"obs:congestion": "technical: OBS 推流拥塞 66%（上限 50%）"}
    finally:
        src.stop()
    with pytest.raises(ValueError, match="language"):
        make_source(ctx, {"language": "fr"})


def test_a_bug_in_the_source_stops_the_source_not_the_show(service, source, obs, clock, problems, monkeypatch):
    on_air(service, source, clock)

    def broken(sample):
        raise RuntimeError("a bug")

    monkeypatch.setattr(source, "_judge", broken)
    wait_for(lambda: source.health(clock.now()).state == "failed", "the source to say it stopped")
    assert "RuntimeError" in source.health(clock.now()).detail
    assert problems[-1] == "OBS: the source stopped (RuntimeError); start it again"
    service.next()  # the show goes on
    assert service.view().pacing.index == 1


def test_a_session_that_never_answers_is_stalled(service, ctx, obs, clock):
    obs.answer_status = False
    src = ObsSource(ctx, obs.url, "secret", poll_s=0.02, timeout_s=0.5)
    src.start()
    try:
        wait_for(lambda: obs.identified == 1, "the handshake")
        wait_for(lambda: src.health(clock.now()).state == "connected", "connected")
        clock.advance(30)
        health = src.health(clock.now())
        assert (health.state, health.last_event_age_s) == ("stalled", None)
        wait_for(lambda: src.health(clock.now()).errors >= 1, "an unanswered request counted")
        assert "did not answer GetStreamStatus" in src.health(clock.now()).detail
    finally:
        src.stop()
