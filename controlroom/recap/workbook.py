"""Export a show's recap (复盘) workbook: one streamed pass over the log, written atomically.

The log is streamed once: each event is folded into the recap figures and written as
an Events row at the same time, so neither the events nor the sheet are held in
memory (write-only workbook). The other sheets are small and written afterwards; in
write-only mode each sheet has its own stream, so Summary still comes first. The file
is written under a temporary name in the same folder and renamed when complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference

from controlroom.core.baseline import ShowMinutes
from controlroom.core.events import Event
from controlroom.core.legacy_titles import display_plan
from controlroom.core.recap import RecapFold
from controlroom.core.recap_figures import Recap
from controlroom.core.show import ShowState
from controlroom.recap import sheets, sheets_baseline, sheets_review, sheets_slots
from controlroom.recap.cells import ExcelTime
from controlroom.recap.runner import partial_path
from controlroom.recap.texts import Texts

Progress = Callable[[float, str], None]


class ShowLog(Protocol):
    """What the recap reads: a show's state and its events (the store's repository is one)."""

    def load_show(self, show_id: int) -> ShowState: ...

    def events(self, show_id: int) -> Iterator[Event]: ...

    def count_events(self, show_id: int) -> int: ...

    def previous_show_id(self, show_id: int) -> int | None: ...

    def room_history(self, show_id: int, shows: int) -> list[ShowMinutes]: ...


SHEET_KEYS = ("summary", "ranked", "timeline", "slots", "products", "skus", "minutes", "baseline", "pacing", "events",
              "problems", "incidents", "provenance", "reconciliation")
PROGRESS_EVERY = 5000


class ExportError(ValueError):
    """The workbook cannot be written where asked (a path problem the user can fix)."""


def check_target(path: Path) -> None:
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"{path}: the recap is an .xlsx workbook; name the file ….xlsx")
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}: no such folder")
    if path.is_dir():
        raise ExportError(f"{path}: is a folder")


def export_recap(
    repo: ShowLog, show_id: int, path: str | Path, *, lang: str = "zh_CN",
    utc_offset_s: float | None = None, progress: Progress | None = None,
) -> Recap:
    """Write the recap of `show_id` to `path` (.xlsx). Nothing appears at `path` unless
    the whole workbook was written."""
    path = Path(path)
    check_target(path)
    t = Texts(lang)
    tmp = partial_path(path, os.getpid())
    try:
        recap = _write(repo, show_id, tmp, t, ExcelTime(utc_offset_s), progress or _quiet)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    (progress or _quiet)(1.0, "done")
    return recap


def _quiet(_fraction: float, _stage: str) -> None:
    pass


def _write(repo: ShowLog, show_id: int, tmp: Path, t: Texts, clock: ExcelTime, progress: Progress) -> Recap:
    progress(0.0, "reading")
    state = repo.load_show(show_id)
    state.plan = display_plan(state.plan, t.lang)  # an older show's bilingual default titles in the recap's language
    wb = Workbook(write_only=True)
    try:
        return _fill(repo, show_id, state, wb, tmp, t, clock, progress)
    except BaseException:
        _discard(wb)
        raise


def _fill(
    repo: ShowLog, show_id: int, state: ShowState, wb: Workbook, tmp: Path, t: Texts,
    clock: ExcelTime, progress: Progress,
) -> Recap:
    total = max(1, repo.count_events(show_id))
    ws = {key: wb.create_sheet(t(f"sheet.{key}")) for key in SHEET_KEYS}
    fold = RecapFold(state)
    more = _continuation(wb, ws["events"])
    rows = sheets.EventRows(ws["events"], state, t, clock, more)
    progress(0.05, "events")
    for n, e in enumerate(repo.events(show_id), 1):
        rows.add(e, after_end=fold.add(e))
        if n % PROGRESS_EVERY == 0:
            progress(0.05 + 0.8 * n / total, "events")
    recap = fold.finish()
    _compare(repo, recap)
    progress(0.86, "sheets")
    _write_sheets(ws, recap, t, clock)
    shows = state.settings.baseline_shows  # the room's usual, as live (recap/sheets_baseline.py)
    sheets_baseline.write_baseline(ws["baseline"], sheets_baseline.this_show(fold, recap),
                                   repo.room_history(show_id, shows), shows, t)
    progress(0.9, "saving")
    wb.save(tmp)
    return recap


def _continuation(wb: Workbook, first: Any) -> Callable[[], Any]:
    """Sheets "Events (2)", "Events (3)" … placed right after the previous one."""
    made = [first]

    def more() -> Any:
        index = wb.worksheets.index(made[-1]) + 1
        made.append(wb.create_sheet(f"{first.title} ({len(made) + 1})", index))
        return made[-1]

    return more


def _discard(wb: Workbook) -> None:
    """After a failure: end the sheets' streams and remove their temporary files
    (openpyxl keeps each write-only sheet in a temporary file until it saves)."""
    for ws in wb.worksheets:
        writer = ws._writer
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        with contextlib.suppress(Exception):
            writer.cleanup()


def _compare(repo: ShowLog, recap: Recap) -> None:
    """Fold the previous show of the same room/title with the same definitions."""
    prev = repo.previous_show_id(recap.state.info.id)
    if prev is None:
        return
    state = repo.load_show(prev)
    recap.previous = RecapFold(state).add_all(repo.events(prev)).finish().kpis
    recap.previous_id, recap.previous_title = prev, state.info.title


def _write_sheets(ws: dict[str, Any], recap: Recap, t: Texts, clock: ExcelTime) -> None:
    sheets.write_summary(ws["summary"], recap, t, clock)
    sheets.write_timeline(ws["timeline"], recap, t, clock)
    sheets_slots.write_slots(ws["slots"], recap, t, clock)
    sheets.write_products(ws["products"], recap, t, clock)
    sheets_slots.write_skus(ws["skus"], recap, t, clock)
    n = sheets.write_minutes(ws["minutes"], recap, t, clock)
    if n:
        add_charts(ws["minutes"], n, t)
    sheets.write_pacing(ws["pacing"], recap, t, clock)
    sheets.write_problems(ws["problems"], recap, t, clock)
    sheets_review.write_review(ws, recap, t, clock)


def add_charts(ws: Any, rows: int, t: Texts) -> None:
    """Online viewers and GMV per minute as lines; each segment change a thin bar of
    the series' full height on the same axes, so the boundaries read on the time axis."""
    cats = Reference(ws, min_col=1, min_row=2, max_row=rows + 1)
    charts = (
        (sheets.MINUTE_ONLINE_COL, sheets.MINUTE_BOUNDARY_COL, t("chart.online")),
        (sheets.MINUTE_GMV_COL, sheets.MINUTE_BOUNDARY_COL + 1, t("chart.gmv")),
    )
    for n, (col, marks, title) in enumerate(charts):
        chart = LineChart()
        chart.title = title
        chart.height, chart.width = 9, 26
        chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=rows + 1), titles_from_data=True)
        chart.set_categories(cats)
        chart.series[0].smooth = False
        chart.series[0].marker.symbol = "none"
        chart.x_axis.title = t("mi.minute")
        chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl ≥3.1 hides axes unless told
        bars = BarChart()
        bars.add_data(Reference(ws, min_col=marks, min_row=1, max_row=rows + 1), titles_from_data=True)
        bars.gapWidth = 500
        chart += bars
        ws.add_chart(chart, f"Q{2 + n * 20}")
