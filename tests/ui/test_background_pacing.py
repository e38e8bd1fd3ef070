"""Big work off the UI thread that never stalls the window (ui/background.py): the worker
waits for the event loop after every step, a command while a job runs is sent from a thread
of its own with the event loop turning, and the window's old objects are left out of full
garbage collections while a job runs."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QTimer

from controlroom.ui import background

WAIT_S = 30


def run_job(qtbot, work):
    job = background.run_in_background(None, "test", work, lambda _r: None, lambda _e: None)
    qtbot.waitUntil(lambda: job.finished, timeout=WAIT_S * 1000)
    assert job.error is None, job.error
    return job


def test_the_worker_waits_for_the_event_loop_after_each_step(qtbot):
    shown: list[int] = []
    came_round: list[bool] = []

    def work(progress):
        for step in range(1, 6):
            progress(step, 5)
            came_round.append(len(shown) >= step)  # the UI thread has handled this step already
        return "done"

    job = background.Job(None, work)
    job.progressed.connect(lambda done, _total: shown.append(done))
    finished = []
    job.succeeded.connect(finished.append)
    job.start()
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_S * 1000)
    assert came_round == [True] * 5


def test_a_request_while_a_job_runs_leaves_the_event_loop_turning(qtbot):
    """A request that waits (a command behind an import's commit) is not waited for on the
    UI thread: a timer of the UI thread fires meanwhile."""
    release = threading.Event()
    job = background.run_in_background(None, "test", lambda _p: release.wait(WAIT_S), lambda _r: None,
                                       lambda _e: None)
    fired = threading.Event()
    timer = QTimer()
    timer.timeout.connect(fired.set)
    timer.start(5)
    try:
        on_ui_thread = []
        answer = background.beside_jobs(lambda: on_ui_thread.append(threading.current_thread() is
                                                                    threading.main_thread()) or fired.wait(WAIT_S))
    finally:
        timer.stop()
        release.set()
    qtbot.waitUntil(lambda: job.finished, timeout=WAIT_S * 1000)
    assert answer is True and on_ui_thread == [False]
    assert background.beside_jobs(lambda: threading.current_thread() is threading.main_thread())  # no job: direct


def test_an_error_of_a_request_beside_a_job_is_raised_on_the_ui_thread(qtbot):
    release = threading.Event()
    job = background.run_in_background(None, "test", lambda _p: release.wait(WAIT_S), lambda _r: None,
                                       lambda _e: None)
    try:
        raised = None
        try:
            background.beside_jobs(lambda: 1 / 0)
        except ZeroDivisionError as exc:
            raised = exc
    finally:
        release.set()
    qtbot.waitUntil(lambda: job.finished, timeout=WAIT_S * 1000)
    assert isinstance(raised, ZeroDivisionError)


def test_old_objects_are_left_out_of_full_collections_while_a_job_runs(qtbot):
    before = gc.get_freeze_count()
    counts = []
    run_job(qtbot, lambda _p: counts.append(gc.get_freeze_count()))
    with background.frozen_heap():
        inside = gc.get_freeze_count()
    assert before == 0 and counts[0] > 0 and inside > 0
    assert gc.get_freeze_count() == 0  # thawed when the last one was over


def test_no_full_collection_runs_while_a_job_runs_and_the_thresholds_come_back(qtbot):
    """A full collection walks every new object with the GIL held (0.1 s each, five of them in a
    200k-row import, bench/import_ui.py): the oldest generation's threshold is raised meanwhile."""
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    run_job(qtbot, lambda _p: seen.append(gc.get_threshold()))
    with background.frozen_heap(), background.frozen_heap():  # nested: one raise, one restore
        inside = gc.get_threshold()
    assert seen[0][2] == inside[2] == background.FULL_COLLECTIONS_APART != before[2]
    assert seen[0][:2] == before[:2]  # the young generations are collected as before
    assert gc.get_threshold() == before
