"""Export a show's recap (复盘) workbook: one streamed pass over the log, written atomically.

The log is streamed once (recap/log_pass.py): each event is folded into the recap
figures and its Events row written as the pass yields it, so neither the events nor the
sheet are held in memory (write-only workbook). The other sheets are small and written afterwards; in
write-only mode each sheet has its own stream, so Summary still comes first. The file
is written under a temporary name in the same folder and renamed when complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference

from controlroom.core.recap_figures import Recap
from controlroom.recap import sheets, sheets_baseline, sheets_review, sheets_slots
from controlroom.recap.cells import ExcelTime
from controlroom.recap.event_rows import EventSheet
from controlroom.recap.log_pass import PassItem, Rows, ShowLog, Total, log_pass
from controlroom.recap.runner import partial_path
from controlroom.recap.texts import Texts

Progress = Callable[[float, str], None]
Reader = Callable[[ShowLog, int, str, "float | None"], Iterator[PassItem]]


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
    utc_offset_s: float | None = None, progress: Progress | None = None, reader: Reader = log_pass,
) -> Recap:
    """Write the recap of `show_id` to `path` (.xlsx). Nothing appears at `path` unless
    the whole workbook was written. `reader` makes the log pass (recap/log_pass.py): in
    this process by default, or one that runs it in another (services/recap_pass.py)."""
    path = Path(path)
    check_target(path)
    t = Texts(lang)
    report = progress or _quiet
    tmp = partial_path(path, os.getpid())
    report(0.0, "reading")
    wb = Workbook(write_only=True)
    items = reader(repo, show_id, lang, utc_offset_s)
    try:
        recap = _fill(items, wb, tmp, t, ExcelTime(utc_offset_s), report)
        os.replace(tmp, path)
    except BaseException:
        _discard(wb)
        tmp.unlink(missing_ok=True)
        raise
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a pass in another process is stopped with it
    report(1.0, "done")
    return recap


def _quiet(_fraction: float, _stage: str) -> None:
    pass


def _fill(items: Iterator[PassItem], wb: Workbook, tmp: Path, t: Texts, clock: ExcelTime, progress: Progress) -> Recap:
    ws = {key: wb.create_sheet(t(f"sheet.{key}")) for key in SHEET_KEYS}
    events = EventSheet(ws["events"], t, _continuation(wb, ws["events"]))
    total, end, reported = 1, None, 0
    for item in items:
        if isinstance(item, Rows):
            events.write(item.rows, item.forced)
            if item.read - reported >= PROGRESS_EVERY:
                progress(0.05 + 0.8 * item.read / total, "events")
                reported = item.read
        elif isinstance(item, Total):
            total = max(1, item.events)
            progress(0.05, "events")
        else:
            end = item
    if end is None:
        raise RuntimeError("the log pass ended before its end")
    progress(0.86, "sheets")
    _write_sheets(ws, end.recap, t, clock)
    sheets_baseline.write_baseline(ws["baseline"], end.this_show, end.history, end.shows, t)
    progress(0.9, "saving")
    wb.save(tmp)
    return end.recap


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
