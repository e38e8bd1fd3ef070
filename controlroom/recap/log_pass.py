"""The recap's one pass over a show's log: folded, and turned into Events rows, in chunks.

Everything the export does besides openpyxl's writing is here: replaying the show,
reading its log once, folding it into the recap's figures, building each Events row's
values, folding the previous show and reading the room's history. What it yields is
plain data, so the same pass runs in this process (`log_pass`) or beside the writer in
a second one (services/recap_pass.py), where it costs the writer nothing but reading.

It yields, in order: `Total(events)`, then `Rows` chunks, then one `PassEnd`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from controlroom.core.baseline import ShowMinutes
from controlroom.core.events import Event
from controlroom.core.legacy_titles import display_plan
from controlroom.core.recap import RecapFold
from controlroom.core.recap_figures import Recap
from controlroom.core.show import ShowState
from controlroom.recap import sheets_baseline
from controlroom.recap.cells import ExcelTime
from controlroom.recap.event_rows import EventValues
from controlroom.recap.texts import Texts

CHUNK_ROWS = 5000


class ShowLog(Protocol):
    """What the recap reads: a show's state and its events (the store's repository is one)."""

    def load_show(self, show_id: int) -> ShowState: ...

    def events(self, show_id: int) -> Iterator[Event]: ...

    def count_events(self, show_id: int) -> int: ...

    def previous_show_id(self, show_id: int) -> int | None: ...

    def room_history(self, show_id: int, shows: int) -> list[ShowMinutes]: ...


@dataclass(frozen=True)
class Total:
    events: int


@dataclass(frozen=True)
class Rows:
    rows: list[list[Any]]  # Events rows' values
    forced: list[tuple[int, tuple[int, ...]]]  # (row, columns) whose text must go out as forced strings
    read: int  # events read so far


@dataclass(frozen=True)
class PassEnd:
    recap: Recap
    this_show: ShowMinutes  # the minutes the baseline sheet compares with the room's usual
    history: list[ShowMinutes]
    shows: int  # how many previous shows make the usual (the show's setting)


PassItem = Total | Rows | PassEnd


def log_pass(log: ShowLog, show_id: int, lang: str, utc_offset_s: float | None) -> Iterator[PassItem]:
    state = log.load_show(show_id)
    state.plan = display_plan(state.plan, lang)  # an older show's bilingual default titles in the recap's language
    yield Total(log.count_events(show_id))
    fold = RecapFold(state)
    values = EventValues(state, Texts(lang), ExcelTime(utc_offset_s))
    chunk: list[list[Any]] = []
    forced: list[tuple[int, tuple[int, ...]]] = []
    n = 0
    for n, e in enumerate(log.events(show_id), 1):
        row, columns = values.row(e, after_end=fold.add(e))
        if columns:
            forced.append((len(chunk), columns))
        chunk.append(row)
        if len(chunk) == CHUNK_ROWS:
            yield Rows(chunk, forced, n)
            chunk, forced = [], []
    if chunk:
        yield Rows(chunk, forced, n)
    recap = fold.finish()
    _compare(log, recap)
    shows = state.settings.baseline_shows  # the room's usual, as live (recap/sheets_baseline.py)
    yield PassEnd(recap, sheets_baseline.this_show(fold, recap), log.room_history(show_id, shows), shows)


def _compare(log: ShowLog, recap: Recap) -> None:
    """Fold the previous show of the same room/title with the same definitions."""
    prev = log.previous_show_id(recap.state.info.id)
    if prev is None:
        return
    state = log.load_show(prev)
    recap.previous = RecapFold(state).add_all(log.events(prev)).finish().kpis
    recap.previous_id, recap.previous_title = prev, state.info.title
