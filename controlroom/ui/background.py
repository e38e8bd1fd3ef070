"""Big work off the UI thread, through one helper: a platform import, opening a show.

`run_in_background(parent, label, work, done, failed)` runs `work(progress)` on a worker
thread and returns its `Job` at once; the window's event loop keeps running (timer, charts,
feeds, shortcuts). `progress(done, total)` may be called from the work as often as it likes:
a non-modal progress dialog shows it (after a short delay, so quick work shows nothing), and
never takes the keyboard from the show. The result — or the exception — is delivered on the
UI thread, to `done(result)` or `failed(exc)`. The work must not touch widgets.

Pacing: after each `progress` call the worker waits (at most PACE_MAX_S) until the event
loop has come round to it, so the window's own work between two steps of the job (a
timer, a repaint, a command) runs with the GIL to itself instead of taking turns with the
worker every switch interval. `beside_jobs(request)` runs a request of the window's (an
operator command) on a thread of its own while a job runs, the event loop turning (user
input held) until it is done: a command that has to wait for the job's short hold of the
log's write lock never stalls the window.

The garbage collector: a job makes hundreds of thousands of objects (an import's events),
and a full collection walks every object of the process while holding the GIL — 0.4 s
once the window and a big show are in memory. While jobs run, what existed before the
first one is frozen (`gc.freeze`) and full collections wait (the threshold of the oldest
generation is raised): young ones still run. Both end when the last job is over. `frozen_heap()` does the same around other big work of
the UI thread's (reading a sheet from its child).
"""

from __future__ import annotations

import gc
import queue
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int], None]
SHOW_AFTER_MS = 300
# While a worker runs Python, every call from Qt into Python (a timer, each paint of a chart
# item, each cell a table asks for) waits for the GIL until the worker is made to drop it:
# 5 ms by default, so a repaint of many items stalled for hundreds of ms. At 0.5 ms the
# worker loses a little throughput and the window answers at once.
UI_SWITCH_INTERVAL_S = 0.0005
PACE_MAX_S = 0.25  # a worker never waits longer for the event loop (a UI thread that waits for it)
_RUNNING: set[Job] = set()  # a job lives until its result is delivered, whoever holds it


class Job(QObject):
    """One piece of work on its thread. Signals are queued to the UI thread (the Job lives there)."""

    progressed = Signal(int, int)
    paced = Signal(object)  # a threading.Event the UI thread sets when it comes round
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False
        self._work = work
        self._thread = threading.Thread(target=self._run, name="background-job", daemon=True)
        self.paced.connect(_come_round)

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work is over (tests, closing); its result is delivered by the event loop."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which decides
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        turn = threading.Event()
        self.paced.emit(turn)
        turn.wait(PACE_MAX_S)


_FROZEN = [0]  # how many jobs and `frozen_heap` blocks want the old objects frozen (UI thread only)


_THRESHOLDS: list[tuple[int, int, int]] = []  # the collector's thresholds before the first freeze
FULL_COLLECTIONS_APART = 10_000  # while frozen: young collections between two full ones (Python's: 10)


def _freeze() -> None:
    if not _FROZEN[0]:
        gc.freeze()
        # Even of what is new only, a full collection walks the job's hundreds of thousands of
        # objects (0.1 s with the GIL held, 5 in a 200k-row import): none while frozen. The young
        # generations are still collected; the job's objects hold no cycles to free.
        _THRESHOLDS.append(gc.get_threshold())
        gc.set_threshold(_THRESHOLDS[0][0], _THRESHOLDS[0][1], FULL_COLLECTIONS_APART)
    _FROZEN[0] += 1


def _thaw() -> None:
    _FROZEN[0] -= 1
    if not _FROZEN[0]:
        gc.set_threshold(*_THRESHOLDS.pop())
        gc.unfreeze()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """The objects that exist now are left out of full collections until the block (and
    every job) is over: work that makes many objects meanwhile never waits for a walk of all."""
    _freeze()
    try:
        yield
    finally:
        _thaw()


def _come_round(turn: threading.Event) -> None:
    turn.set()


def busy() -> bool:
    """Whether a job is running (its result not delivered yet)."""
    return bool(_RUNNING)


def beside_jobs(request: Callable[..., Any], *args: Any) -> Any:
    """`request(*args)` — on the thread kept for this while a job runs, the event loop turning
    meanwhile (user input held until it is over, so it cannot start another; requests run in
    the order they came); its result, or its exception raised here."""
    if not _RUNNING:
        return request(*args)
    out: dict[str, Any] = {}
    loop = QEventLoop()
    ended = _Ended()
    ended.over.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    _beside_thread().put((request, args, out, ended))
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in out:
        raise out["error"]
    return out.get("result")


_BESIDE: list[queue.SimpleQueue] = []  # one long-lived thread: starting one per command waits for the GIL


def _beside_thread() -> queue.SimpleQueue:
    if not _BESIDE:
        _BESIDE.append(queue.SimpleQueue())
        threading.Thread(target=_serve_beside, args=(_BESIDE[0],), name="beside-jobs", daemon=True).start()
    return _BESIDE[0]


def _serve_beside(requests: queue.SimpleQueue) -> None:
    while True:
        request, args, out, ended = requests.get()
        try:
            out["result"] = request(*args)
        except BaseException as exc:  # noqa: BLE001 - raised again on the UI thread
            out["error"] = exc
        ended.over.emit()


class _Ended(QObject):
    over = Signal()


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[Progress], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> Job:
    """Start `work` on a worker thread with a progress dialog; `done`/`failed` run on the UI thread."""
    sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL_S))
    job = Job(parent, work)
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # a commit half done cannot be cancelled; it is all or nothing anyway
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setValue(0)
    job.dialog = dialog  # type: ignore[attr-defined]

    def show_progress(n: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(n, total))

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        job.finished = True
        if job in _RUNNING:
            _RUNNING.discard(job)
            _thaw()
        dialog.close()
        dialog.deleteLater()
        handler(value)

    def succeeded(value: Any) -> None:
        job.result = value
        finish(done, value)

    def failed_with(exc: BaseException) -> None:
        job.error = exc
        finish(failed, exc)

    job.progressed.connect(show_progress)
    job.succeeded.connect(succeeded)
    job.failed.connect(failed_with)
    _freeze()
    _RUNNING.add(job)
    job.start()
    return job
