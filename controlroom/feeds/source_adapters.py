"""The sources that existed before the registry (API, file tail, simulator, TikTok) as plug-ins.

Each wraps the existing class, gives it a metered intake (what it got into the log counts
on its health line) and turns its failures into a "failed" state with the reason instead
of an exception: a source that fails never stops the show.
"""

from __future__ import annotations

import threading
from typing import Any

from controlroom.feeds.sources import STOPPED, HealthMeter, MeteredIntake, SourceContext, SourceHealth

TIKTOK_EXTRA = "pip install 'controlroom[tiktok]'"
REHEARSAL_ROOM = "rehearsal"  # the room a rehearsal show is created with (ui/session.py)


class _Metered:
    """What every adapter shares: a name, a meter, problems counted and passed on."""

    def __init__(self, name: str, ctx: SourceContext) -> None:
        self.name = name
        self.ctx = ctx
        self.meter = HealthMeter(name, ctx.clock, ctx.stall_s)
        self.intake = MeteredIntake(ctx.service, self.meter)

    def health(self, now: float) -> SourceHealth:
        return self.meter.health(now)

    def problem(self, text: str) -> None:
        self.meter.problem(text)
        self.ctx.on_problem(text)


class ApiSource(_Metered):
    """The local API (feeds/api_server.py) on host:port with a token."""

    def __init__(self, ctx: SourceContext, options: dict[str, str]) -> None:
        super().__init__("api", ctx)
        from controlroom.feeds.api_server import ApiServer  # aiohttp only when used
        from controlroom.feeds.config import ApiSettings, load_or_create_token

        settings = ApiSettings()
        port = int(options.get("port", settings.port))
        token = options.get("token") or load_or_create_token()
        self.server = ApiServer(self.intake, token, options.get("host") or settings.host, port, settings)

    def start(self) -> None:
        self.meter.starting()
        try:
            self.server.start()
        except OSError as exc:
            self.meter.failed(str(exc))
            return
        self.meter.connected(f"listening on {self.server.url}")

    def stop(self) -> None:
        self.server.stop()
        self.meter.stopped()


class TailSource(_Metered):
    """The JSON-lines file tail (feeds/tail.py)."""

    def __init__(self, ctx: SourceContext, options: dict[str, str]) -> None:
        super().__init__("tail", ctx)
        from controlroom.feeds.tail import FileTail, TailReader

        path = options.get("path", "").strip()
        if not path:
            raise ValueError("give the file to follow as path=FILE")
        from_start = options.get("from_start", "").strip().lower() in ("1", "true", "yes")
        self.tail = FileTail(TailReader(path, self.intake, self.problem, from_start))

    def start(self) -> None:
        self.tail.start()
        self.meter.connected(f"following {self.tail.reader.path}")

    def stop(self) -> None:
        self.tail.stop()
        self.meter.stopped()


class SimulatorSource(_Metered):
    """The rehearsal room (feeds/rehearsal.py RoomFeed) played in real time into the show."""

    TICK_S = 0.5

    def __init__(self, ctx: SourceContext, options: dict[str, str]) -> None:
        super().__init__("simulator", ctx)
        from controlroom.feeds.rehearsal import RoomFeed

        # Simulated viewers and orders in a real show's log would be taken for real ones.
        if ctx.service.view().info.room != REHEARSAL_ROOM and options.get("on_real_show") != "yes":
            raise ValueError(f"it plays made-up viewers and orders into the log, so it runs only on a rehearsal "
                             f"show (room {REHEARSAL_ROOM!r}); give on_real_show=yes to play it into this one")
        from controlroom.feeds.sample_texts import DEFAULT_LANGUAGE

        self.feed = RoomFeed(ctx.service, int(options.get("seed", "1")), options.get("language") or DEFAULT_LANGUAGE)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.feed.resume()  # a show under way keeps its audience, and order ids go on
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="simulator-source", daemon=True)
        self._thread.start()
        self.meter.connected("the simulated room")

    def _run(self) -> None:
        while not self._stop.wait(self.TICK_S):
            try:
                taken = self.feed.tick(self.ctx.clock.now())
            except Exception as exc:  # noqa: BLE001 - shown as failed; the show goes on
                self.meter.failed(f"{exc.__class__.__name__}: {exc}")
                return
            self.meter.took(taken)
            if self.feed.finished:
                self.meter.set(STOPPED, "the show has ended")
                return

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5.0)
        self._thread = None
        self.meter.stopped()


class TikTokSource(_Metered):
    """The TikTok LIVE connector (feeds/tiktok.py); failed with how to install it without the extra."""

    def __init__(self, ctx: SourceContext, options: dict[str, str]) -> None:
        super().__init__("tiktok", ctx)
        from controlroom.feeds.tiktok import TikTokConnector

        unique_id = options.get("unique_id", "").strip()
        if not unique_id.lstrip("@"):
            raise ValueError("give the room's @handle as unique_id=@name")
        self.connector = TikTokConnector(self.intake, unique_id, self._connector_problem)
        self.connector.on_ended = self._ended

    def start(self) -> None:
        self.meter.starting(f"connecting to {self.connector.unique_id}")
        try:
            self.connector.start()
        except RuntimeError:
            self.meter.failed(TIKTOK_EXTRA)

    def _connector_problem(self, text: str) -> None:
        self.problem(text)

    def _ended(self, failure: str | None) -> None:
        if failure is not None:
            self.meter.failed(failure)
        else:
            self.meter.stopped()

    def stop(self) -> None:
        self.connector.stop()
        self.meter.stopped()


def _made(cls: Any) -> Any:
    def make(ctx: SourceContext, options: dict[str, str]) -> Any:
        return cls(ctx, options)

    return make


make_api = _made(ApiSource)
make_tail = _made(TailSource)
make_simulator = _made(SimulatorSource)
make_tiktok = _made(TikTokSource)
