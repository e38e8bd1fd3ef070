"""Undo through the service on a real SQLite file: the undo is committed as an event naming
the action's ids, a restart replays to the same state (and can undo further), the show list
does not call a show paused whose pause was undone, a refused undo writes nothing."""

from __future__ import annotations

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.commands import CommandError
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter


@pytest.fixture
def opened(tmp_path):
    engine = open_engine(tmp_path / "show.db")
    repo = ShowRepository(engine)
    clock = FakeClock()
    show_id = create_show(repo, "撤销 undo", 30, sample_products(), clock.now())
    services = []

    def open_service() -> ShowService:
        for s in services:
            s.writer.close()
            s.close()
        services.clear()
        s = ShowService(repo, FeedWriter(engine, checkpoint_every_s=3600), show_id, clock)
        services.append(s)
        return s

    yield open_service, repo, clock
    for s in services:
        s.writer.close()
        s.close()
    engine.dispose()


def test_the_undo_is_in_the_log_and_survives_a_restart(opened):
    open_service, repo, clock = opened
    service = open_service()
    service.start()
    clock.advance(20)
    service.run(c.mark_interaction)
    clock.advance(20)
    moved = service.next()
    clock.advance(30)
    undone = service.undo()
    stored = [e for e in repo.events(service.show_id) if e.kind == ev.UNDONE]
    assert [(e.id, e.data, e.text) for e in stored] == [(undone.id, {"ids": [e.id for e in moved]}, "next segment")]
    live = service.status()
    assert live["undo"] == "interaction"
    again = open_service()
    assert again.status() == live
    again.undo()  # the action before, after the restart
    assert again.status()["since_interaction_s"] == again.status()["show_elapsed_s"]
    assert again.status()["undo"] is None


def test_an_undone_pause_is_not_a_paused_show_in_the_list(opened):
    open_service, repo, clock = opened
    service = open_service()
    service.start()
    service.run(c.pause)
    assert repo.list_shows()[0].state == "paused"
    service.undo()
    assert repo.list_shows()[0].state == "running"
    assert service.status()["state"] == "running"


def test_a_refused_undo_writes_nothing(opened):
    open_service, repo, clock = opened
    service = open_service()
    with pytest.raises(CommandError, match="nothing to undo"):
        service.undo()
    service.start()
    before = repo.count_events(service.show_id)
    with pytest.raises(CommandError, match="since the show started"):
        service.undo()
    assert repo.count_events(service.show_id) == before
