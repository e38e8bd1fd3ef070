"""The window under load: a 12-hour show replayed into the charts (43,200 seconds: five
per-second series and the per-minute interaction rate, segment bands, shelf markers),
then live feed events at 5,000/s from a thread while the display timers run.

Ours: the real main window (charts on "whole show", the worst case) with its own timers;
its display timer refreshes one row of plots per step, every plot once per second.
Bare: a pyqtgraph window of the same size as our charts, six plain plots with the same
curve settings, fed the same arrays by a timer at the same rate. The two run in
alternating blocks, so the machine's noise falls on both.
A tick is one refresh of every plot (update + synchronous repaint; ours summed over its
steps) and is timed; a 10 ms precise QTimer probe
measures how late the event loop answers.

Run: QT_QPA_PLATFORM=offscreen /tmp/venv/bin/python bench/ui.py [--seconds S]
The UI thread's CPU time (time.thread_time) over ours' blocks against bare's is printed too
(steadier than wall time on a loaded machine); --profile prints where ours spends it.
Prints the figures and last: RESULT ui tick_ratio=<ours/bare> lateness_p99_ms=<ours>
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui import prefs as ui_prefs
from controlroom.ui.charts import ROWS, make_curve
from controlroom.ui.prefs import Prefs
from controlroom.ui.session import ShowSession
from controlroom.ui.window import MainWindow

HOURS = 12
T0 = 1_767_261_600.0  # 2026-01-01 10:00 UTC
FEED_RATE = 5000  # events per second during the measurement
FEED_STEP_S = 0.01
PROBE_MS = 10


class BenchClock:
    """Replay time first (set by hand), then live: the end of the replay plus wall time."""

    def __init__(self, t: float) -> None:
        self.t = t
        self._mono0: float | None = None

    def now(self) -> float:
        if self._mono0 is None:
            return self.t
        return self.t + time.monotonic() - self._mono0

    def go_live(self) -> None:
        self._mono0 = time.monotonic()


def replay(session: ShowSession, clock: BenchClock) -> int:
    """12 hours: the plan run segment by segment, shelves toggled, a viewer sample, orders
    and comments every second. Returns the events ingested."""
    service, rng = session.service, random.Random(7)
    plan = service.state.plan
    ends, t = [], T0
    for seg in plan.segments:
        t += seg.planned_s
        ends.append(t)
    service.run(commands.start)
    index, n, online = 0, 0, 1500.0
    shelf_sku = None
    for s in range(HOURS * 3600):
        clock.t = T0 + s
        if index < len(ends) - 1 and clock.t >= ends[index]:
            index += 1
            service.run(commands.next_segment)
            sku = plan.segments[index].product_sku
            if shelf_sku and shelf_sku != sku:
                service.run(commands.set_shelf, shelf_sku, False)
            if sku:
                service.run(commands.set_shelf, sku, True)
                shelf_sku = sku
        online = max(100.0, online + rng.gauss(0, 15))
        batch = [Event(ev.VIEWERS, clock.t, value=round(online), qty=s * 3)]
        for k in range(rng.choice((0, 1, 1, 2))):
            batch.append(Event(ev.ORDER, clock.t, user=f"b{s}-{k}", product=shelf_sku, qty=1, value=59.0,
                               ref=f"r{s}-{k}"))
        batch += [Event(ev.COMMENT, clock.t, user=f"u{rng.randrange(5000)}", text="好看") for _ in range(2)]
        n += service.ingest(batch)
    session.writer.flush(timeout=120)
    return n


class Feeder(threading.Thread):
    """Live events at FEED_RATE per second, in batches every FEED_STEP_S."""

    def __init__(self, session: ShowSession) -> None:
        super().__init__(daemon=True)
        self.session = session
        self.stop = threading.Event()
        self.sent = 0

    def run(self) -> None:
        service, per_step = self.session.service, int(FEED_RATE * FEED_STEP_S)
        sku = service.state.queue.order[0]
        next_at, k = time.perf_counter(), 0
        while not self.stop.is_set():
            now = service.now()
            batch = [Event(ev.LIKE, now, qty=1) for _ in range(per_step - 7)]
            batch += [Event(ev.COMMENT, now, user=f"u{k}-{i}", text="来了") for i in range(5)]
            batch.append(Event(ev.VIEWERS, now, value=1500.0, qty=k))
            batch.append(Event(ev.ORDER, now, user=f"o{k}", product=sku, qty=1, value=9.9, ref=f"live-{k}"))
            self.sent += service.ingest(batch)
            k += 1
            next_at += FEED_STEP_S
            time.sleep(max(0.0, next_at - time.perf_counter()))


class Probe:
    """A precise 10 ms timer; lateness = interval between firings minus 10 ms."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._fire)
        self.late_ms: list[float] = []
        self._last: float | None = None

    def _fire(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.late_ms.append(max(0.0, (now - self._last) * 1000 - PROBE_MS))
        self._last = now

    def start(self) -> None:
        self._last = None
        self.late_ms = []
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def run_loop(app: QApplication, seconds: float) -> None:
    """Run the event loop for a while (a local loop: app.quit() would close every window)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def p99(values: list[float]) -> float:
    return float(np.percentile(values, 99)) if values else 0.0


class Ours:
    """The real main window; its chart steps are timed, a tick = one refresh of every plot."""

    def __init__(self, session: ShowSession) -> None:
        prefs = Prefs(QSettings(str(Path(tempfile.mkdtemp()) / "p.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(session, prefs)
        self.window.resize(1600, 1000)
        self.window.show()
        self.panel = self.window.charts_panel
        self.panel.range_mode.setCurrentIndex(0)  # the whole show: every point in view
        self.panel.redraw(force=True)  # the first frame (all 43,200 points at once) is not a tick
        self.panel.graphs.viewport().repaint()
        self.panel.timer.timeout.disconnect()
        self.panel.timer.timeout.connect(self._step)
        self.steps: list[float] = []
        self.pause()

    def _step(self) -> None:
        panel = self.panel
        t0 = time.perf_counter()
        row = ROWS[panel._turn]
        panel.tick()
        # Paint now what Qt would paint next: the region of this step's plots only.
        rect = panel.plots[row[0]].sceneBoundingRect().united(panel.plots[row[-1]].sceneBoundingRect())
        panel.graphs.viewport().repaint(panel.graphs.mapFromScene(rect).boundingRect())
        self.steps.append((time.perf_counter() - t0) * 1000)

    def ticks(self) -> list[float]:
        rows = len(ROWS)
        return [sum(self.steps[i : i + rows]) for i in range(0, len(self.steps) - rows + 1, rows)]

    def resume(self) -> None:
        self.panel._turn = 0
        for timer in (self.panel.timer, self.window.refresh_timer, self.window.feed_timer):
            timer.start()

    def pause(self) -> None:
        for timer in (self.panel.timer, self.window.refresh_timer, self.window.feed_timer):
            timer.stop()
        self.steps = self.steps[: len(self.steps) - len(self.steps) % len(ROWS)]  # whole ticks only

    def close(self) -> None:
        self.window.detach_session()
        self.window.close()


class Bare:
    """A bare pyqtgraph window of our charts' size: six plots, same curve settings."""

    def __init__(self, session: ShowSession, size: tuple[int, int]) -> None:
        self.session = session
        self.win = pg.GraphicsLayoutWidget()
        self.win.resize(*size)
        self.win.show()
        self.names = list(session.charts.SERIES) + ["online"]
        self.curves = []
        for i, _name in enumerate(self.names):
            plot = self.win.addPlot(row=i // 2, col=i % 2)
            curve = make_curve("#1f77b4")
            plot.addItem(curve)
            self.curves.append(curve)
        self.timer = QTimer()
        self.timer.setInterval(ui_prefs.CHART_REDRAW_MS)
        self.timer.timeout.connect(self.tick)
        self.times: list[float] = []

    def tick(self) -> None:
        t0 = time.perf_counter()
        data = self.session.charts
        data.settle(self.session.service.now())
        views = data.views()
        for curve, name in zip(self.curves, self.names):
            curve.setData(*views[name])
        self.win.viewport().repaint()
        self.times.append((time.perf_counter() - t0) * 1000)

    def close(self) -> None:
        self.timer.stop()
        self.win.close()


def measure(app: QApplication, session: ShowSession, seconds: float, blocks: int,
            profile: cProfile.Profile | None = None) -> dict[str, list[float]]:
    """Alternate blocks of ours and bare (noise on this machine hits both alike); `profile`
    (the UI thread's) runs during ours."""
    ours = Ours(session)
    run_loop(app, 0.5)  # laid out and exposed: the bare window gets our charts' real size
    bare = Bare(session, (ours.panel.graphs.width(), ours.panel.graphs.height()))
    run_loop(app, 0.5)
    late: dict[str, list[float]] = {"ours": [], "bare": []}
    cpu_s = {"ours": 0.0, "bare": 0.0}  # the UI thread's CPU time in each side's blocks
    probe = Probe()
    bare.tick()  # the first frame is not a tick
    bare.times.clear()
    for _ in range(blocks):
        for name, start, stop in (("ours", ours.resume, ours.pause), ("bare", bare.timer.start, bare.timer.stop)):
            start()
            probe.start()
            cpu = time.thread_time()
            if profile is not None and name == "ours":
                profile.enable()
            run_loop(app, seconds / blocks)
            if profile is not None:
                profile.disable()
            cpu_s[name] += time.thread_time() - cpu
            probe.stop()
            stop()
            late[name] += probe.late_ms
    size = f"{ours.panel.graphs.width()}x{ours.panel.graphs.height()}"
    result = {"ours": ours.ticks(), "bare": bare.times, "late_ours": late["ours"], "late_bare": late["bare"],
              "cpu": [cpu_s["ours"] / cpu_s["bare"] if cpu_s["bare"] else 0.0]}
    ours.close()
    bare.close()
    print(f"chart size {size}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="measured time of each side")
    parser.add_argument("--blocks", type=int, default=5, help="alternations of ours and bare")
    parser.add_argument("--profile", action="store_true", help="cProfile the UI thread during ours; print the top")
    args = parser.parse_args()
    profile = cProfile.Profile(time.thread_time) if args.profile else None  # CPU, not GIL waits
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        engine = open_engine(db)
        sid = create_show(ShowRepository(engine), "12 h", HOURS * 60, sample_products(), T0)
        engine.dispose()
        clock = BenchClock(T0)
        session = ShowSession(db, sid, clock)
        t = time.perf_counter()
        n = replay(session, clock)
        sizes = {k: getattr(session.charts, k).n for k in session.charts.SERIES}
        print(f"replayed {n:,} events in {time.perf_counter() - t:.1f} s; series points: {sizes}")
        clock.go_live()
        feeder = Feeder(session)
        feeder.start()
        t = time.perf_counter()
        r = measure(app, session, args.seconds, args.blocks, profile)
        feeder.stop.set()
        feeder.join()
        rate = feeder.sent / (time.perf_counter() - t)
        session.close()
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
    ours, bare = r["ours"] or [float("nan")], r["bare"] or [float("nan")]  # a block too short for a whole tick
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"feed: {feeder.sent:,} events, {rate:,.0f}/s")
    print(f"tick ms   ours: median {statistics.median(ours):.1f} max {max(ours):.1f} (n={len(ours)})   "
          f"bare: median {statistics.median(bare):.1f} max {max(bare):.1f} (n={len(bare)})")
    print(f"lateness p99 ms   ours (whole window): {p99(r['late_ours']):.1f}   bare: {p99(r['late_bare']):.1f}")
    print(f"UI thread CPU time, ours / bare over the same blocks: {r['cpu'][0]:.2f}")
    print(f"RESULT ui tick_ratio={ratio:.2f} lateness_p99_ms={p99(r['late_ours']):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
