"""The recap's log pass in a second process, beside the workbook's writer.

openpyxl's serialising is most of an export's time and holds this process; the rest —
replaying the show, reading and folding 200,000 events, building their rows — runs in
a child meanwhile (recap/log_pass.py), which sends what it yields over a pipe, pickled
in chunks. The pipe holds a few chunks only: a child ahead of the writer waits, so
memory stays bounded. A small log is read in this process (a child costs more than it
saves). The child opens the database itself, read-only; on Linux it is forked (the
export runs in a process of its own with one thread, cli/recap.py), elsewhere spawned. A
writer that dies closes the pipe's only reading end: the child's next send fails, it ends.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from controlroom.recap.log_pass import PassEnd, PassItem, ShowLog, log_pass
from controlroom.recap.workbook import Reader
from controlroom.store.db import StoreError, open_read_only
from controlroom.store.repository import ShowRepository

CHILD_FROM_EVENTS = 20_000  # below this, a child would cost more than it saves
_ERROR = "error"


class LogPassError(StoreError):
    """The child reading the log failed or stopped; the workbook is not written."""


def reader_for(db: str | Path | None) -> Reader:
    """A `reader` for export_recap that runs the pass beside it when the log is big."""

    def read(log: ShowLog, show_id: int, lang: str, utc_offset_s: float | None) -> Iterator[PassItem]:
        if log.count_events(show_id) < CHILD_FROM_EVENTS:
            return log_pass(log, show_id, lang, utc_offset_s)
        return in_child(db, show_id, lang, utc_offset_s)

    return read


def in_child(db: str | Path | None, show_id: int, lang: str, utc_offset_s: float | None) -> Iterator[PassItem]:
    fork = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")  # macOS: fork is unsafe with its libraries
    ours, theirs = ctx.Pipe(duplex=False)
    # A forked child holds a copy of our reading end too: it closes it first, or a writer that
    # died (a cancel kills `controlroom recap`) would leave it blocked on a pipe for ever.
    child = ctx.Process(target=_run, args=(theirs, ours if fork else None, db, show_id, lang, utc_offset_s),
                        daemon=True, name="recap-log-pass")
    try:
        child.start()
    except OSError as exc:  # no process to be had (EAGAIN, ENOMEM): not the workbook's fault
        raise LogPassError(f"cannot start the log reader: {exc.strerror or exc}") from exc
    finally:
        theirs.close()  # ours is then the only reader: the child's end closing means EOF here
    try:
        yield from _receive(ours, child)
    finally:
        ours.close()
        if child.is_alive():
            child.terminate()
        child.join()


def _receive(conn: Connection, child: multiprocessing.process.BaseProcess) -> Iterator[PassItem]:
    while True:
        try:
            data = conn.recv_bytes()
        except EOFError:
            child.join()
            raise LogPassError(f"the log reader stopped before the end (exit code {child.exitcode})") from None
        item = pickle.loads(data)
        if isinstance(item, tuple) and item[:1] == (_ERROR,):
            raise LogPassError(item[1])
        yield item
        if isinstance(item, PassEnd):
            return


def _run(conn: Connection, reader_end: Connection | None, db: str | Path | None, show_id: int, lang: str,
         utc_offset_s: float | None) -> None:
    """In the child: the pass, each item sent as it comes; a failure sent as one line."""
    if reader_end is not None:
        reader_end.close()
    try:
        repo = ShowRepository(open_read_only(db))
        for item in log_pass(repo, show_id, lang, utc_offset_s):
            conn.send_bytes(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:
        pass  # the writer stopped (a cancel, a failure of its own): nothing to tell it
    except BaseException as exc:  # noqa: BLE001 - every failure reaches the writer, which stops
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        try:
            conn.send_bytes(pickle.dumps((_ERROR, f"reading the log failed: {detail}")))
        except OSError:
            pass
    finally:
        conn.close()
