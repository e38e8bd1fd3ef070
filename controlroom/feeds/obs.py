"""The OBS source: polls obs-websocket 5 for the stream's health, opens and closes incidents
by themselves (core/stream_health.py decides), and switches scenes on segment changes.

Runs on a thread of its own with its own asyncio loop; OBS going away, a wrong password or
a missing scene is a problem line and a health state, never an exception in the show.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import deque
from pathlib import Path
from typing import Any

import aiohttp

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.pacing import ShowStatus
from controlroom.core.settings import scene_map
from controlroom.core.stream_health import (
    Decision,
    HealthLimits,
    StreamHealth,
    StreamSample,
    incident_ref,
    problem_of,
)
from controlroom.feeds.obs_protocol import (
    RESOURCE_NOT_FOUND,
    SUB_OUTPUTS,
    ObsAuthError,
    ObsConnection,
    ObsError,
    ObsRequestFailed,
)
from controlroom.feeds.sources import SourceContext, SourceHealth
from controlroom.store.errors import StoreUnavailable

DEFAULT_URL = "ws://127.0.0.1:4455"
PASSWORD_ENV = "CONTROLROOM_OBS_PASSWORD"
SCENE_KINDS_OF_EVENTS = frozenset({ev.SHOW_STARTED, ev.SEGMENT_STARTED, ev.UNDONE, ev.PLAN_SET})


def make_source(ctx: SourceContext, options: dict[str, str]) -> ObsSource:
    """Options: url (ws://127.0.0.1:4455), password_file (else env CONTROLROOM_OBS_PASSWORD;
    a password is never an option, so never in argv), poll_s (2), timeout_s (5), language
    of the incidents' texts (en or zh_CN). Raises ValueError naming the option at fault."""
    known = {"url", "password_file", "poll_s", "timeout_s", "language"}
    if "password" in options:
        raise ValueError(f"obs: give the password in {PASSWORD_ENV} or password_file=PATH, "
                         "never on the command line")
    unknown = sorted(set(options) - known)
    if unknown:
        raise ValueError(f"obs: unknown option {unknown[0]} (known: {', '.join(sorted(known))})")
    url = options.get("url", DEFAULT_URL).strip()
    if not url.startswith(("ws://", "wss://")):
        raise ValueError(f"obs: url {url!r} is not ws://host:port")
    language = options.get("language", "en")
    if language not in ("en", "zh_CN"):
        raise ValueError(f"obs: language {language!r} is not en or zh_CN")
    return ObsSource(ctx, url, read_password(options.get("password_file")),
                     poll_s=_seconds(options, "poll_s", 2.0), timeout_s=_seconds(options, "timeout_s", 5.0),
                     language=language)


def read_password(path: str | None) -> str | None:
    """From the file (its first line) when given, else from the environment; None: none."""
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"obs: password_file {path}: cannot read it ({type(exc).__name__})") from None
        return text.splitlines()[0].strip() if text.strip() else None
    return os.environ.get(PASSWORD_ENV) or None


def _seconds(options: dict[str, str], name: str, default: float) -> float:
    try:
        value = float(options.get(name, default))
    except ValueError:
        raise ValueError(f"obs: {name} {options[name]!r} is not a number of seconds") from None
    if not 0.01 <= value <= 600:
        raise ValueError(f"obs: {name} must be between 0.01 and 600 seconds")
    return value


def sample_of(ts: float, status: dict[str, Any]) -> StreamSample:
    """A GetStreamStatus answer as a sample (missing or odd fields count as zero/false)."""
    def num(key: str) -> float:
        value = status.get(key)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0
    return StreamSample(ts, True, bool(status.get("outputActive")), bool(status.get("outputReconnecting")),
                        num("outputCongestion"), int(num("outputSkippedFrames")),
                        int(num("outputTotalFrames")), int(num("outputBytes")),
                        num("outputDuration") if "outputDuration" in status else None)


class ObsSource:
    """The `obs` source (feeds/sources.py protocol)."""

    name = "obs"

    def __init__(self, ctx: SourceContext, url: str, password: str | None, *, poll_s: float = 2.0,
                 timeout_s: float = 5.0, backoff_max_s: float = 10.0, language: str = "en") -> None:
        self.ctx, self.url, self._password = ctx, url, password
        self.poll_s, self.timeout_s, self.backoff_max_s = poll_s, timeout_s, backoff_max_s
        self.stream = StreamHealth(language=language)
        self._refs: dict[str, str] = {}  # problem → the ref of its open incident
        self._mutex = threading.Lock()
        self._state, self._detail, self._errors = "stopped", "", 0
        self._replies: deque[float] = deque()
        self._last_reply: float | None = None
        self._connected_at: float | None = None  # a session that never answered is stalled too
        self._last_problem = ""
        self.samples = 0  # samples judged so far (tests wait on it)
        self._segment_uid: str | None = None
        self._scene_wanted: tuple[str, str] | None = None  # (scene, segment kind) not yet sent
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:  # never the password
        return f"ObsSource({self.url!r})"

    # -- the source protocol --------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._adopt_open_incidents()
        with self.ctx.service.lock:
            current = self.ctx.service.state.timer.current
            self._segment_uid = current.uid if current else None
        self.ctx.service.subscribe(self._on_service)
        self._set("starting", f"connecting to {self.url}")
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), name="obs-source", daemon=True)
        self._thread.start()
        ready.wait(5.0)

    def stop(self) -> None:
        self.ctx.service.unsubscribe(self._on_service)
        loop, stopping, thread = self._loop, self._stopping, self._thread
        if loop is not None and stopping is not None:
            try:
                loop.call_soon_threadsafe(stopping.set)
            except RuntimeError:
                pass  # the loop has finished already
        if thread is not None:
            thread.join(10.0)
        self._thread = None
        self._set("stopped", "")

    def health(self, now: float) -> SourceHealth:
        with self._mutex:
            while self._replies and self._replies[0] < now - 60:
                self._replies.popleft()
            age = None if self._last_reply is None else max(0.0, now - self._last_reply)
            state = self._state
            heard = max(t for t in (self._last_reply, self._connected_at, -1.0) if t is not None)
            if state == "connected" and now - heard > max(3 * self.poll_s, self.timeout_s):
                state = "stalled"
            return SourceHealth(self.name, state, float(len(self._replies)), age, self._errors, self._detail)

    # -- the loop ---------------------------------------------------------------
    def _run(self, ready: threading.Event) -> None:
        loop = self._loop = asyncio.new_event_loop()
        try:
            self._wake, self._stopping = asyncio.Event(), asyncio.Event()
            loop.call_soon(ready.set)
            loop.run_until_complete(self._main())
        except Exception as exc:  # noqa: BLE001 - a bug here must stop this source, never the show
            self._set("failed", f"the OBS source stopped: {type(exc).__name__}: {exc}")
            self._problem(f"OBS: the source stopped ({type(exc).__name__}); start it again")
        finally:
            self._loop = None
            loop.close()

    async def _main(self) -> None:
        assert self._stopping is not None
        delay = 0.5
        async with aiohttp.ClientSession() as session:
            while not self._stopping.is_set():
                try:
                    conn = await ObsConnection.connect(session, self.url, self._password, self._on_obs_event,
                                                       subscriptions=SUB_OUTPUTS, timeout_s=self.timeout_s)
                except ObsError as exc:
                    self._failed(exc)
                    await self._away(delay)
                    delay = min(delay * 2, self.backoff_max_s)
                    continue
                delay = 0.5
                self._connected_at = self.ctx.clock.now()
                self._set("connected", f"OBS at {self.url}")
                self._last_problem = ""
                try:
                    await self._session(conn)
                finally:
                    await conn.close()

    async def _session(self, conn: ObsConnection) -> None:
        assert self._stopping is not None and self._wake is not None
        while not self._stopping.is_set():
            await self._send_scene(conn)
            try:
                status = await conn.request("GetStreamStatus", timeout_s=self.timeout_s)
            except ObsError as exc:
                if conn.closed.done():
                    self._failed(exc)
                    return
                self._count_error(str(exc))  # connected but silent: health() says stalled
                self._judge(StreamSample(self.ctx.clock.now(), False))
            else:
                now = self.ctx.clock.now()
                with self._mutex:
                    self._replies.append(now)
                    while self._replies[0] < now - 60:  # events/min needs only the last minute
                        self._replies.popleft()
                    self._last_reply = now
                    if self._state != "connected":
                        self._state, self._detail = "connected", f"OBS at {self.url}"
                self._judge(sample_of(now, status))
            if conn.closed.done():
                self._failed(ObsError(conn.closed.result()))
                return
            await self._pause(self.poll_s)

    async def _away(self, seconds: float) -> None:
        """Wait before trying OBS again, judging "unreachable" every poll meanwhile."""
        assert self._stopping is not None
        left = seconds
        while left > 0 and not self._stopping.is_set():
            self._judge(StreamSample(self.ctx.clock.now(), False))
            step = min(self.poll_s, left)
            await self._pause(step)
            left -= step

    async def _pause(self, seconds: float) -> None:
        """Sleep up to `seconds`; a scene to send, a stream event or stop ends it early."""
        assert self._wake is not None and self._stopping is not None
        wake, stop = asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({wake, stop}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            wake.cancel()
            stop.cancel()
        self._wake.clear()

    def _on_obs_event(self, event_type: str, data: dict[str, Any]) -> None:
        if event_type == "StreamStateChanged" and self._wake is not None:
            self._wake.set()  # poll now: the state just changed

    # -- incidents ----------------------------------------------------------------
    def _judge(self, sample: StreamSample) -> None:
        service = self.ctx.service
        with service.lock:
            status = service.state.timer.status
            self.stream.limits = HealthLimits.of(service.state.settings)
        live = status in (ShowStatus.RUNNING, ShowStatus.PAUSED)
        for decision in self.stream.observe(sample, live):
            self._apply(decision)
        self.samples += 1

    def _apply(self, decision: Decision) -> None:
        service = self.ctx.service
        try:
            with service.lock:
                if decision.action == "open":
                    ref = incident_ref(decision.problem, service.state.incidents)
                    service.run(commands.open_incident, decision.text, ref)
                    self._refs[decision.problem] = ref
                else:
                    ref = self._refs.pop(decision.problem, "")
                    open_now = service.state.incidents.get(ref)
                    if open_now is not None and open_now.closed_at is None:
                        service.run(commands.close_incident, ref)
        except (commands.CommandError, StoreUnavailable) as exc:
            self.stream.retract(decision)
            self._problem(f"OBS: could not log the incident ({exc})")

    def _adopt_open_incidents(self) -> None:
        with self.ctx.service.lock:
            now = self.ctx.clock.now()
            for ref, inc in self.ctx.service.state.incidents.items():
                problem = problem_of(ref)
                if problem is not None and inc.closed_at is None:
                    self._refs[problem] = ref
                    self.stream.adopt_open([problem], now)

    # -- scenes ---------------------------------------------------------------------
    def _on_service(self, events: list[Event]) -> None:
        """A listener on the service (the caller's thread): on a segment change, the scene
        its kind maps to is sent by the loop."""
        if not any(e.kind in SCENE_KINDS_OF_EVENTS for e in events):
            return
        service = self.ctx.service
        with service.lock:
            state = service.state
            run = state.timer.current if state.timer.status != ShowStatus.ENDED else None
            i = state.plan.index_of(run.uid) if run else None
            kind = state.plan.segments[i].kind.value if i is not None else None
            scenes = scene_map(state.settings.obs_scenes)
            uid = run.uid if run else None
        if uid == self._segment_uid:
            return
        self._segment_uid = uid
        scene = scenes.get(kind or "")
        loop, wake = self._loop, self._wake
        if scene and kind and loop is not None and wake is not None:
            self._scene_wanted = (scene, kind)
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:
                pass  # stopping

    async def _send_scene(self, conn: ObsConnection) -> None:
        wanted = self._scene_wanted
        if wanted is None:
            return
        scene, kind = wanted
        try:
            await conn.request("SetCurrentProgramScene", {"sceneName": scene}, timeout_s=self.timeout_s)
        except ObsRequestFailed as exc:
            self._scene_wanted = None if self._scene_wanted == wanted else self._scene_wanted
            missing = exc.code == RESOURCE_NOT_FOUND
            self._problem(f"OBS has no scene “{scene}” (obs_scenes, {kind}); the show goes on" if missing
                          else f"OBS did not switch to scene “{scene}” ({exc.comment or exc.code})")
            return
        except ObsError:
            return  # the session ended: sent after the reconnect
        if self._scene_wanted == wanted:
            self._scene_wanted = None

    # -- health and problems -------------------------------------------------------------
    def _set(self, state: str, detail: str) -> None:
        with self._mutex:
            self._state, self._detail = state, detail

    def _count_error(self, detail: str) -> None:
        with self._mutex:
            self._errors += 1
            self._detail = detail

    def _failed(self, exc: ObsError) -> None:
        with self._mutex:
            self._errors += 1
            self._state, self._detail = "failed", str(exc)
        self._problem(str(exc) if isinstance(exc, ObsAuthError) else f"OBS: {exc}")

    def _problem(self, text: str) -> None:
        """Tell the operator once per distinct problem (a retry loop must not flood the list)."""
        if text == self._last_problem:
            return
        self._last_problem = text
        try:
            self.ctx.on_problem(text)
        except Exception:  # noqa: BLE001 - a broken problem sink must not stop the source
            pass
