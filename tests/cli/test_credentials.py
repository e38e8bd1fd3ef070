"""A server URL's password is never on a command line or in a message: the recap child
gets the database in its environment, and URLs in errors are shown with the password masked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import make_url

from controlroom.core import commands
from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.recap.runner import DB_ENV, command, environment, parse_line
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter

SECRET = "s3cret-Pa55"


def with_password(url: str) -> str:
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


def one_show(url: str) -> int:
    engine = open_engine(url)
    repo, writer, clock = ShowRepository(engine), FeedWriter(engine), FakeClock()
    sid = create_show(repo, "口令", 30, sample_products(), clock.now())
    service = ShowService(repo, writer, sid, clock)
    service.run(commands.start)
    clock.advance(30)
    service.ingest([Event(ev.ORDER, clock.now(), user="b", value=9.9, qty=1, ref="o-1", product="SKU-1001")])
    service.run(commands.end_show)
    writer.close()
    service.close()
    engine.dispose()
    return sid


def test_the_recap_child_gets_the_url_in_its_environment_not_its_argv(pg_url, tmp_path):
    url = with_password(pg_url)  # the test server trusts loopback, so any password is accepted
    sid = one_show(url)
    out = tmp_path / "recap.xlsx"
    argv = command(sid, out, "en")
    assert not any(SECRET in a for a in argv) and "--db" not in argv
    env = environment(url)
    assert env[DB_ENV] == url
    done = subprocess.run(argv, env={**env, "PYTHONPATH": os.getcwd()}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    reports = [r for r in map(parse_line, done.stdout.splitlines()) if r is not None]
    assert reports[-1].path == str(out) and Path(out).is_file()
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("cmd", [["status"], ["recap", "-o", "x.xlsx"], ["serve", "--port", "0"]])
def test_a_url_in_an_error_has_its_password_masked(cmd, tmp_path):
    url = f"postgresql+psycopg://agency:{SECRET}@127.0.0.1:1/shows"  # nothing listens on port 1
    done = subprocess.run([sys.executable, "-m", "controlroom", *cmd, "--db", url], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert done.returncode == 2
    assert "agency:***@127.0.0.1:1/shows" in done.stderr
    assert SECRET not in done.stdout + done.stderr
