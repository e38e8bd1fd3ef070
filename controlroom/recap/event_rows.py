"""The Events sheet: one row per log event, its values built apart from their writing.

`EventValues` turns an event into the row's plain values — names instead of SKUs and
segment ids, incidents with their durations (known from the replay before the log
streams), order amounts to the cent as the other sheets sum them, a mark on each event
after the show's end, outside text made safe. Plain values, so the log pass that builds
them can run in another process (recap/log_pass.py). `EventSheet` writes them; a log
longer than Excel's row limit goes on in continuation sheets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.money import cents
from controlroom.core.show import ShowState
from controlroom.recap.cells import DATETIME, DURATION, ExcelTime, RowWriter, days, header, make_texts_safe, string_cell
from controlroom.recap.texts import Texts

EVENT_COLUMNS = (
    ("ev.time", 19, DATETIME), ("ev.elapsed", 10, DURATION), ("ev.kind", 12, None), ("ev.product", 22, None),
    ("ev.user", 14, None), ("ev.value", 12, None), ("ev.qty", 8, None), ("ev.detail", 40, None),
    ("ev.flag", 12, None), ("ev.duration", 12, DURATION), ("ev.after_end", 12, None),
)
# Where an Events row can hold text that came from outside (kind, product, user, detail, flag).
EVENT_TEXT_COLUMNS = (2, 3, 4, 7, 8)
_PLAIN_DETAIL = frozenset({ev.VIEWERS, ev.LIKE, ev.SHARE, ev.FOLLOW, ev.JOIN, ev.COMMENT, ev.NOTE, ev.GIFT,
                           ev.PROMO_REPEATED, ev.STOCK_ADJUSTED, ev.HOST_MESSAGE, ev.INTERACTION_MARKED})
EXCEL_MAX_ROWS = 1_048_576

# A row's values (no trailing empty ones), and the columns whose text must go out as a
# forced string cell.
Row = tuple[list[Any], tuple[int, ...]]


class EventValues:
    def __init__(self, state: ShowState, t: Texts, clock: ExcelTime) -> None:
        self._t = t
        self._clock = clock
        self._t0 = state.timer.started_at
        self._names = {sku: p.name for sku, p in state.queue.products.items()}
        self._titles = {seg.uid: seg.title for seg in state.plan.segments}
        self._incidents = {ref: i.closed_at - i.opened_at for ref, i in state.incidents.items() if i.closed_at}
        self._kinds: dict[str, str] = {}
        self._after_mark = t("ev.after_end_mark")

    def row(self, e: Event, after_end: bool = False) -> Row:
        k = e.kind
        kind = self._kinds.get(k)
        if kind is None:
            kind = self._kinds[k] = self._t.kind(k)
        ts = e.ts
        since = None if self._t0 is None or ts < self._t0 else (ts - self._t0) / 86400.0
        value = e.value
        duration = None
        if k == ev.ORDER:
            value = None if value is None else cents(value) / 100
        elif k == ev.INCIDENT_OPENED or k == ev.INCIDENT_CLOSED:
            duration = days(self._incidents.get(e.ref or ""))
        product = e.product
        values = [
            self._clock.serial(ts), since, kind, self._names.get(product, product) if product else None,
            e.user, value, e.qty, e.text if k in _PLAIN_DETAIL else self._detail(e), self._t.code("flag", e.flag),
            duration, self._after_mark if after_end else None,
        ]
        forced = make_texts_safe(values, EVENT_TEXT_COLUMNS)
        while values and values[-1] is None:  # trimmed here, where the pass runs, not by the writer
            values.pop()
        return values, forced

    def _detail(self, e: Event) -> str | None:
        kind = e.kind
        if kind == ev.INCIDENT_OPENED or kind == ev.INCIDENT_CLOSED:
            return self._t.incident(e.text)
        if kind == ev.SEGMENT_STARTED or kind == ev.SEGMENT_EXTENDED:
            title = self._titles.get(e.ref or "", e.ref or "")
            return f"{title} ({self._t.code('cause', e.text)})" if e.text else title
        if kind == ev.CHECKLIST_TICKED:
            return self._t.code("check", e.ref)
        if kind == ev.ORDER:
            if e.flag == ev.FLAG_MANUAL:
                return f"{e.ref or ''} orders={(e.data or {}).get('orders', 0)}"
            return e.ref
        if kind == ev.PLAN_EDITED:
            return e.ref
        return e.text


class EventSheet:
    """Writes Events rows; `more_sheets()` gives the next continuation sheet."""

    def __init__(self, ws: Any, t: Texts, more_sheets: Callable[[], Any] | None = None) -> None:
        self._t = t
        self._more = more_sheets
        self._rows = self._table(ws)

    def _table(self, ws: Any) -> RowWriter:
        ws.freeze_panes = "A2"
        header(ws, [self._t(k) for k, _, _ in EVENT_COLUMNS], [w for _, w, _ in EVENT_COLUMNS])
        return RowWriter(ws, [f for _, _, f in EVENT_COLUMNS], EVENT_TEXT_COLUMNS)

    def write(self, rows: list[list[Any]], forced: list[tuple[int, tuple[int, ...]]] = ()) -> None:
        """Append `rows`; `forced` names (row, columns) whose text goes out as a forced string."""
        for r, columns in forced:
            for i in columns:
                rows[r][i] = string_cell(self._rows.ws, rows[r][i])
        writer, more = self._rows, self._more
        for values in rows:
            if writer.rows >= EXCEL_MAX_ROWS - 1 and more is not None:
                writer = self._rows = self._table(more())
            writer.append_safe(values)
