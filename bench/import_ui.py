"""A 200,000-row platform order export imported in the real window while the feed runs.

The window (a running show over the sample catalogue, charts built) reads the CSV through
Data › Import platform export (the child process), then the mapping dialog's Import runs the
import off the UI thread (ui/background.py). Meanwhile a thread posts live comments and
viewer samples through `service.ingest`, and a precise 10 ms QTimer records the gaps between
its firings: a stall of the event loop is a long gap (reported per phase too: read, map and
stage, the commit into the log, the fold). An operator command (a note, committed to the log
like F7) goes through the window's own path every COMMAND_EVERY_MS: how long it takes is how
long the controller waits for it to be committed (while an import runs it waits off the UI
thread, the event loop turning: ui/background.py `beside_jobs`). At the end: every feed event and every
imported order is in the log once. CPU: the UI thread's (time.thread_time) and the
process's (time.process_time) per second of wall time, against the baseline.

Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python bench/import_ui.py [--rows N]
Last line: RESULT import_ui max_stall_ms=<longest gap> p99_ms=<p99 gap> command_max_ms=<longest
command> command_ratio=<that / the baseline's longest> rows=<N>
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import SystemClock
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.models import EventRow
from controlroom.services.show_service import create_show
from controlroom.store import import_stage
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.ui import background
from controlroom.ui.live_data.import_dialogs import ImportActions
from controlroom.ui.prefs import Prefs
from controlroom.ui.session import ShowSession
from controlroom.ui.window import MainWindow

PROBE_MS = 10
COMMAND_EVERY_MS = 200
FEED_STEP_S = 0.02


def write_orders(path: Path, n: int, start: float) -> None:
    zone = dt.timezone(dt.timedelta(hours=8))
    skus = [p.sku for p in sample_products()]
    with open(path, "w", encoding="utf-8") as f:
        f.write("订单号,实付金额,数量,商品,下单时间\n")
        for i in range(n):
            when = dt.datetime.fromtimestamp(start + (i * 3600.0 / n), zone).strftime("%Y-%m-%d %H:%M:%S")
            f.write(f"PF{i},{9.9 + i % 50},1,{skus[i % len(skus)]},{when}\n")


class Gaps:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._fire)
        self.gaps_ms: list[float] = []
        self.ends: list[float] = []  # when each gap ended (perf_counter)
        self._last = time.perf_counter()

    def _fire(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000)
        self.ends.append(now)
        if os.environ.get("BENCH_TRACE") and now - self._last > 0.04:
            print(f"  gap {1000 * (now - self._last):.0f} ms ending at {now - self.t0:.2f} s")
        self._last = now

    def start(self) -> None:
        self._last = self.t0 = time.perf_counter()
        self.cpu0 = (time.thread_time(), time.process_time())  # called on the UI thread
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        wall = time.perf_counter() - self.t0
        self.cpu = tuple((now - then) / wall for now, then in zip((time.thread_time(), time.process_time()), self.cpu0))


class Watchdog(threading.Thread):
    """With --why: where the UI thread is when the probe has not fired for WHY_MS (its Python
    stack, sampled from another thread), counted by place: what the stalls wait in."""

    WHY_MS = 150

    def __init__(self, gaps: Gaps) -> None:
        super().__init__(daemon=True)
        self.gaps, self.stop, self.seen = gaps, threading.Event(), {}
        self.ui = threading.main_thread().ident

    def run(self) -> None:
        import traceback

        while not self.stop.wait(0.03):
            if (time.perf_counter() - self.gaps._last) * 1000 < self.WHY_MS:
                continue
            frame = sys._current_frames().get(self.ui)
            if frame is None:
                continue
            where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                               for f in reversed(traceback.extract_stack(frame)[-4:]))
            self.seen[where] = self.seen.get(where, 0) + 1

    def report(self) -> str:
        top = sorted(self.seen.items(), key=lambda kv: -kv[1])[:6]
        return "\n".join(f"  {n:4d}x {where}" for where, n in top) or "  (none)"


class Commands:
    """An operator command now and then, through the window's own path (as F7 or a note
    would: committed before it returns); how long each took until committed (ms)."""

    def __init__(self, window, every_ms: int = COMMAND_EVERY_MS) -> None:
        self.window, self.ms = window, []
        self.timer = QTimer()
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self._run)

    def _run(self) -> None:
        t = time.perf_counter()
        if not self.window.run(commands.note, f"bench {len(self.ms)}"):
            raise RuntimeError("the bench's note was refused")
        self.ms.append((time.perf_counter() - t) * 1000)


class Collections:
    """The garbage collector's full (generation 2) passes: each holds the GIL throughout."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []  # (start, seconds)
        self._start = 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.spans.append((self._start, time.perf_counter() - self._start))


class Steps:
    """The worker's steps between two progress calls (Python work, the GIL mostly held) and
    its waits for the event loop at each (ui/background.py pacing)."""

    def __init__(self) -> None:
        self.work: list[float] = []  # the worker's CPU time (time.thread_time) per step
        self.waits: list[float] = []
        self.at: list[tuple[float, int, int]] = []
        self._back = None
        real = background.Job._progress

        def timed(job, done, total):
            t, cpu = time.perf_counter(), time.thread_time()
            if self._back is not None:
                self.work.append(cpu - self._back)
                self.at.append((cpu - self._back, done, total))
            real(job, done, total)
            self._back = time.thread_time()
            self.waits.append(time.perf_counter() - t)
        background.Job._progress = timed

    def report(self) -> str:
        w = sorted(self.work)
        return (f"{len(w)} steps, CPU {sum(w):.1f} s (longest {1000 * w[-1]:.0f} ms, p99 "
                f"{1000 * w[int(0.99 * (len(w) - 1))]:.0f} ms), waiting for the event loop {sum(self.waits):.1f} s"
                + " (longest ending at " + ", ".join(f"{d}/{t} {1000 * c:.0f} ms" for c, d, t in sorted(self.at)[-4:]) + ")"
                if w else "no steps")


def phase_report(gaps: Gaps, marks: dict[str, float]) -> str:
    """The longest gap of the event loop in each phase of the import (gaps ending in it)."""
    bounds = sorted(marks.items(), key=lambda kv: kv[1])
    out = []
    for (name, start), (_next, end) in zip(bounds, bounds[1:]):
        inside = [g for g, e in zip(gaps.gaps_ms, gaps.ends) if start < e <= end]
        out.append(f"{name} {end - start:.1f} s max {max(inside, default=0):.0f} ms")
    return "; ".join(out)


class Feed(threading.Thread):
    def __init__(self, service) -> None:
        super().__init__(daemon=True)
        self.service, self.stop, self.sent = service, threading.Event(), 0

    def run(self) -> None:
        k = 0
        while not self.stop.is_set():
            now = self.service.now()
            batch = [Event(ev.COMMENT, now, user=f"u{k}-{i}", text="来了", ref=f"live-{k}-{i}") for i in range(4)]
            batch.append(Event(ev.VIEWERS, now, value=1500.0, qty=k, ref=f"live-v{k}"))
            self.sent += self.service.ingest(batch)
            k += 1
            time.sleep(FEED_STEP_S)


def wait_until(app: QApplication, done) -> None:
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start(20)
    loop.exec()
    poll.stop()


def timed_stage(marks: dict[str, float]) -> dict[str, float]:
    """Seconds spent staging (no lock on the log) and committing (the log's write lock held);
    when the commit began and ended into `marks`."""
    spent = {"staging": 0.0, "commit": 0.0}
    for name, method in (("staging", "write"), ("staging", "add"), ("staging", "added"), ("commit", "commit")):
        real = getattr(import_stage.Stage, method)

        def timed(*a, _real=real, _name=name, **k):
            t = time.perf_counter()
            if _name == "commit":
                marks["commit"] = t
            try:
                return _real(*a, **k)
            finally:
                spent[_name] += time.perf_counter() - t
                if _name == "commit":
                    marks["fold"] = time.perf_counter()
        setattr(import_stage.Stage, method, timed)
    return spent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--baseline", type=float, default=10.0, help="seconds measured before the import")
    ap.add_argument("--command-every-ms", type=int, default=COMMAND_EVERY_MS,
                    help="how often a note is committed (a large value: none during the import)")
    ap.add_argument("--why", action="store_true", help="sample the UI thread's stack during stalls")
    ap.add_argument("--profile", action="store_true", help="cProfile the UI thread (CPU time) during the import")
    args = ap.parse_args()
    profile = cProfile.Profile(time.thread_time) if args.profile else None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    db = tmp / "show.db"
    repo = ShowRepository(open_engine(db))
    clock = SystemClock()
    sid = create_show(repo, "导入压测", 120, sample_products(), clock.now())
    session = ShowSession(str(db), sid, clock=clock, repo=repo, rescue_path=tmp / "rescue.jsonl")
    window = MainWindow(session, Prefs(), "zh_CN")
    window.show()
    session.service.start()
    path = tmp / "orders.csv"
    write_orders(path, args.rows, clock.now() - 3600)
    wait_until(app, lambda: window._charts is not None)

    feed = Feed(session.service)
    feed.start()
    base = Gaps()  # the same window and feed without an import: what the machine's load alone gives
    base_cmd = Commands(window, args.command_every_ms)
    base.start()
    base_cmd.timer.start()
    wait_until(app, lambda: time.perf_counter() - base.t0 > args.baseline)
    base.stop()
    base_cmd.timer.stop()
    gaps, cmd = Gaps(), Commands(window, args.command_every_ms)
    collections = Collections()
    steps = Steps()
    gaps.start()
    watchdog = Watchdog(gaps)
    if args.why:
        watchdog.start()
    cmd.timer.start()
    t0 = time.perf_counter()
    dialog = ImportActions(window, lambda: session.service).import_platform(str(path))
    t_read = time.perf_counter() - t0
    assert dialog is not None, "the export was refused"
    dialog.zone.setText("Asia/Shanghai")
    t1 = time.perf_counter()
    if profile is not None:
        profile.enable()
    marks = {"read": gaps.t0, "map+stage": time.perf_counter()}
    spent = timed_stage(marks)
    job = dialog.do_import()
    assert job is not None
    phases: dict[str, float] = {}  # when the mapping, then the write, were over (seconds since the probe began)

    def phase(done: int, total: int) -> None:
        phases.setdefault("mapped", time.perf_counter() - gaps.t0)
        if done >= total // 2:
            phases.setdefault("written", time.perf_counter() - gaps.t0)

    job.progressed.connect(phase)
    wait_until(app, lambda: job.finished)
    t_import = time.perf_counter() - t1
    marks["end"] = time.perf_counter()
    if profile is not None:
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    feed.stop.set()
    feed.join()
    gaps.stop()
    cmd.timer.stop()
    if job.error is not None:
        print(f"import failed: {job.error}")
        return 1
    session.writer.flush(timeout=120)
    with repo.engine.connect() as conn:
        imported = conn.scalar(select(func.count()).select_from(EventRow).where(EventRow.ref.like("PF%")))
        logged = conn.scalar(select(func.count()).select_from(EventRow).where(EventRow.ref.like("live-%")))
    window.close()
    print("phases (s since the probe began): read until", f"{t_read:.1f},",
          ", ".join(f"{k} at {v:.1f}" for k, v in phases.items()), f", done at {time.perf_counter() - gaps.t0:.1f}")
    g, b = sorted(gaps.gaps_ms), sorted(base.gaps_ms)
    p99 = g[int(0.99 * (len(g) - 1))]
    print(f"baseline (no import, {args.baseline:.0f} s): max {b[-1]:.1f} ms, p99 {b[int(0.99 * (len(b) - 1))]:.1f} ms")
    print(f"read {t_read:.2f} s (until {t_read:.2f}), import from {t1 - t0:.2f} s; read {t_read:.1f} s, import {t_import:.1f} s, {len(g)} probe firings, median gap "
          f"{statistics.median(g):.1f} ms; imported {imported}/{args.rows}; feed {logged}/{feed.sent} logged")
    cmd.ms, base_cmd.ms = cmd.ms or [0.0], base_cmd.ms or [1.0]
    print(f"commands through the window: {len(cmd.ms)} during the import, longest {max(cmd.ms):.1f} ms "
          f"(baseline {len(base_cmd.ms)}, longest {max(base_cmd.ms):.1f} ms)")
    print(f"CPU per wall second: UI thread {gaps.cpu[0]:.2f} (baseline {base.cpu[0]:.2f}), "
          f"process {gaps.cpu[1]:.2f} (baseline {base.cpu[1]:.2f})")
    print(f"the write: staged in {spent['staging']:.2f} s (no lock on the log), moved into the log in "
          f"{spent['commit']:.2f} s (its write lock held): {spent['commit'] / (spent['staging'] + spent['commit']):.2f} "
          "of the time an operator command could wait before")
    print("longest stall per phase:", phase_report(gaps, marks))
    print("the worker:", steps.report())
    if args.why:
        watchdog.stop.set()
        print("where the UI thread was during stalls (its Python stack, innermost first):\n" + watchdog.report())
    full = [s for s in collections.spans if s[0] >= gaps.t0]
    print(f"full collections of the garbage collector during the import: {len(full)}, longest "
          f"{1000 * max((d for _t, d in full), default=0):.0f} ms"
          + (" (at " + ", ".join(f"{t - gaps.t0:.1f} s {1000 * d:.0f} ms" for t, d in full) + ")" if full else ""))
    ok = imported == args.rows and logged == feed.sent
    print(f"RESULT import_ui max_stall_ms={g[-1]:.1f} p99_ms={p99:.1f} command_max_ms={max(cmd.ms):.1f} "
          f"command_ratio={max(cmd.ms) / max(base_cmd.ms):.1f} lock_share={spent['commit'] / (spent['staging'] + spent['commit']):.2f} rows={args.rows}" + ("" if ok else " LOST"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
