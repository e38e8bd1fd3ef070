"""Shared fixtures: a fresh SQLite file per test, a fake clock, an offscreen Qt."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests' processes keep their clock anchor and data in a folder of their own, never the
# user's (a real anchor file written by a test would outlive it for the rest of the boot).
os.environ.setdefault("CONTROLROOM_TEST_DATA", tempfile.mkdtemp(prefix="controlroom-tests-"))
os.environ["XDG_DATA_HOME"] = os.environ["CONTROLROOM_TEST_DATA"]

import pytest

from controlroom.core.clock import FakeClock
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "show.db"


@pytest.fixture
def repo(db_path):
    engine = open_engine(db_path)
    yield ShowRepository(engine)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, db_path):
    """The store on each backend: a fresh SQLite file, and a fresh database on a real
    PostgreSQL server. tests/store, tests/services and the CLI subset take their `repo`
    from it (their conftest.py), so each of their tests runs on both."""
    if request.param == "sqlite":
        return f"sqlite:///{db_path}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_repo(store_url):
    engine = open_engine(store_url)
    yield ShowRepository(engine)
    engine.dispose()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def writer(repo):
    w = FeedWriter(repo.engine)
    yield w
    w.close()


@pytest.fixture
def service(repo, writer, clock):
    """A 60-minute show over the sample catalogue, not started."""
    show_id = create_show(repo, "测试场 Test show", 60, sample_products(), clock.now())
    return ShowService(repo, writer, show_id, clock)


@pytest.fixture
def pg_url():
    """A fresh database on a real PostgreSQL server (tests/pgserver.py); skipped without one,
    except under CI, where a missing server is a failure."""
    from tests import pgserver

    admin = pgserver.server_url()
    if admin is None:
        if os.environ.get("CI"):
            pytest.fail("CI: no PostgreSQL server (CONTROLROOM_TEST_PG unset and no initdb)")
        pytest.skip("no PostgreSQL server here")
    url = pgserver.fresh_database(admin)
    yield url
    pgserver.drop_database(admin, url)


@pytest.fixture
def own_pg():
    """A PostgreSQL cluster of this test's own, which it may stop and start (a server restart
    mid-show); skipped without the server's binaries, except under CI."""
    from tests import pgserver

    cluster = pgserver.own_cluster()
    if cluster is None:
        if os.environ.get("CI"):
            pytest.fail("CI: no PostgreSQL binaries (initdb)")
        pytest.skip("no PostgreSQL binaries here")
    yield cluster
    cluster.stop()
