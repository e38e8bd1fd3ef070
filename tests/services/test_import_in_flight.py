"""An import reserves its order ids before its one transaction moves it into the log. Until
that commit, a feed order with one of those ids is no duplicate yet: were it acknowledged as
one and the move then failed (disk full), the acknowledged order would be in neither the log
nor the state. So it is refused (nothing stored, send it again): after the commit it is a
duplicate, after a failed move it is taken."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.services.intake import Intake
from controlroom.store import import_stage
from controlroom.store.errors import StoreUnavailable


def _order(service, ref: str) -> Event:
    sku = service.state.queue.order[0]
    return Event(ev.ORDER, service.now() - 5, user="b", product=sku, value=9.9, qty=1, ref=ref)


def _import_held(service, monkeypatch, fail: bool):
    """Run an import of order X-1 whose move waits for `go`, then fails or commits."""
    moving, go, errors = threading.Event(), threading.Event(), []
    commit = import_stage.Stage.commit

    def held_commit(stage):
        moving.set()
        assert go.wait(10)
        if fail:
            raise sqlite3.OperationalError("database or disk is full")
        return commit(stage)

    monkeypatch.setattr(import_stage.Stage, "commit", held_commit)
    imported = [_order(service, "X-1")]
    imported[0].data = {"source": "platform"}

    def run() -> None:
        try:
            service.import_events(lambda _state: imported, first=imported)
        except Exception as exc:  # noqa: BLE001 - checked by the test
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert moving.wait(10)
    return go, thread, errors


@pytest.mark.parametrize("fail", [True, False])
def test_a_feed_order_with_an_id_being_imported_is_refused_until_the_move_ends(service, monkeypatch, fail):
    service.start()
    go, thread, errors = _import_held(service, monkeypatch, fail)
    with pytest.raises(StoreUnavailable, match="import"):
        Intake(service).submit([_order(service, "X-1")])
    go.set()
    thread.join(10)
    assert (len(errors) == 1) == fail
    receipt = Intake(service).submit([_order(service, "X-1")])  # the client sends it again
    service.writer.flush()
    stored = [e for e in service.repo.events(service.show_id, (ev.ORDER,)) if e.ref == "X-1"]
    assert len(stored) == 1  # in the log once: the import's, or (its move failed) the feed's
    assert (receipt.accepted, receipt.duplicates) == ((1, 0) if fail else (0, 1))
    assert service.status()["totals"]["orders"] == 1


def test_other_feed_events_are_taken_during_the_move_and_logged_after_it(service, monkeypatch):
    service.start()
    go, thread, _errors = _import_held(service, monkeypatch, False)
    assert service.ingest([_order(service, "Y-1")]) == 1  # taken (queued) while the move runs
    go.set()
    thread.join(10)
    service.writer.flush()
    assert sorted(e.ref for e in service.repo.events(service.show_id, (ev.ORDER,))) == ["X-1", "Y-1"]


@pytest.mark.parametrize("step", ["incident", "move_product", "notes_batch"])
def test_a_locked_step_during_the_move_waits_holding_nothing(service, monkeypatch, step):
    """open_incident_next, move_product, a feed batch with a note: each takes the service's lock
    for a command; during a move it must wait without it, so the window's view() answers."""
    service.start()
    go, thread, _errors = _import_held(service, monkeypatch, False)
    sku = service.state.queue.order[-1]
    actions = {
        "incident": lambda: service.open_incident_next("audio: gone"),
        "move_product": lambda: service.move_product(sku, 0),
        "notes_batch": lambda: Intake(service).submit([Event(ev.NOTE, service.now(), text="mic check")]),
    }
    waiting = threading.Thread(target=actions[step])
    waiting.start()
    waiting.join(0.3)  # it waits for the move
    assert waiting.is_alive()
    answered: list[object] = []
    reader = threading.Thread(target=lambda: answered.append(service.view()))
    reader.start()
    reader.join(5)
    assert answered and not go.is_set()  # the view came while the move was still held
    go.set()
    thread.join(10)
    waiting.join(10)
    assert not waiting.is_alive()
    kinds = {"incident": ev.INCIDENT_OPENED, "move_product": ev.PRODUCTS_ORDERED, "notes_batch": ev.NOTE}
    assert list(service.repo.events(service.show_id, (kinds[step],)))
