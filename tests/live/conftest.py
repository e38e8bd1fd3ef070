"""Live-data fixtures: a private config folder, an intake over the test show, a real server on loopback."""

from __future__ import annotations

import pytest

from controlroom.core.comment_watch import CommentWatch
from controlroom.feeds.api_server import ApiServer
from controlroom.feeds.config import CONFIG_ENV
from controlroom.services.intake import Intake

TOKEN = "test-token"


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """Every live test gets its own config folder: the real user's is never touched."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


@pytest.fixture
def intake(service):
    service.state.comment_classifier = CommentWatch().classify
    return Intake(service)


@pytest.fixture
def live_service(service):
    """The test show, started, with every product on shelf."""
    service.start()
    from controlroom.core import commands

    for sku in service.state.queue.order:
        service.run(commands.set_shelf, sku, True)
    return service


@pytest.fixture
def server(intake):
    srv = ApiServer(intake, TOKEN, host="127.0.0.1", port=0)
    srv.start()
    yield srv
    srv.stop()
    assert not srv.running
