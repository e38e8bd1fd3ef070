"""Between core Events and stored rows: one uniform dict shape for every kind."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, insert

from controlroom.core.events import Event
from controlroom.models import EventRow

ROW_KEYS = ("show_id", "ts", "kind", "user", "product", "value", "qty", "ref", "text", "flag", "data")


def event_row(show_id: int, e: Event) -> dict[str, Any]:
    """Every row carries every key, so executemany stays one statement (design.md)."""
    return dict(zip(ROW_KEYS, event_values(show_id, e)))


def event_values(show_id: int, e: Event) -> tuple[Any, ...]:
    """The same row as a tuple in ROW_KEYS order: what the feed writer sends."""
    data = json.dumps(e.data, ensure_ascii=False) if e.data else None
    return (show_id, e.ts, e.kind, e.user, e.product, e.value, e.qty, e.ref, e.text, e.flag, data)


EVENT_SELECT = ("id", "kind", "ts", "user", "product", "value", "qty", "ref", "text", "flag", "data")


def values_event(values: Any) -> Event:
    """An Event from a row selected in EVENT_SELECT order (positional: about twice as fast as by name)."""
    id_, kind, ts, user, product, value, qty, ref, text, flag, data = values
    return Event(kind, ts, user, product, value, qty, ref, text, flag, json.loads(data) if data else None, id_)


def row_event(row: tuple[Any, ...]) -> Event:
    """An Event from a row in ROW_KEYS order (what the writer holds), without an id."""
    _show, ts, kind, user, product, value, qty, ref, text, flag, data = row
    return Event(kind, ts, user, product, value, qty, ref, text, flag, json.loads(data) if data else None)


def compiled_insert(engine: Engine) -> tuple[str, bool]:
    """The Core insert as the driver's SQL, with parameters in ROW_KEYS order."""
    # inline(): no RETURNING of the new ids (a server would send every one back, unread)
    compiled = insert(EventRow.__table__).inline().compile(dialect=engine.dialect, column_keys=list(ROW_KEYS))
    if compiled.positional and tuple(compiled.positiontup or ()) != ROW_KEYS:
        raise RuntimeError(f"unexpected parameter order {compiled.positiontup}")
    return str(compiled), bool(compiled.positional)
