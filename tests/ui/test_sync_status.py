"""The window's background sync: the open show reaches a real server on a thread of its own,
and the status bar says synced / behind / offline since."""

from __future__ import annotations

import socket

import pytest

from tests.sync.helpers import events, marks

pytestmark = pytest.mark.gui


def _server_events(url: str) -> int:
    rows = marks(url)
    return rows[0][4] if rows else -1


def _local_events(window) -> int:
    return window.service.repo.count_events(window.service.show_id)


def test_the_open_show_is_synced_in_the_background_and_the_status_bar_says_so(window, qtbot, pg_url):
    label = window.sync_status.label
    assert not label.isVisible() and label.text() == ""  # no agency server: no sync, nothing said
    assert window.sync_status.set_server(pg_url) is None
    qtbot.waitUntil(lambda: label.text() == "Agency: synced", timeout=60_000)
    assert _server_events(pg_url) == 0 == _local_events(window)
    window.act_start.trigger()  # an operator action: committed locally, shipped by the thread
    qtbot.waitUntil(lambda: _server_events(pg_url) == _local_events(window) > 0, timeout=60_000)
    qtbot.waitUntil(lambda: label.text() == "Agency: synced", timeout=60_000)
    assert events(pg_url, 1) == events(window.db, window.service.show_id)
    assert window.prefs.agency_server() == pg_url


def test_an_unreachable_server_is_offline_since_and_the_show_goes_on(window, qtbot):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there
    window.sync_status.set_server(f"postgresql+psycopg://nobody@127.0.0.1:{port}/agency")
    qtbot.waitUntil(lambda: window.sync_status.label.text().startswith("Agency: offline since "), timeout=60_000)
    window.act_start.trigger()
    assert window.service.view().status.value == "running"  # the show never waits on the server
    assert window.sync_status.state.behind >= 0


def test_a_password_in_the_address_is_refused_and_not_kept(window):
    problem = window.sync_status.set_server("postgresql+psycopg://sync:hunter2@127.0.0.1/agency")
    assert problem and ".pgpass" in problem
    assert window.prefs.agency_server() == ""
