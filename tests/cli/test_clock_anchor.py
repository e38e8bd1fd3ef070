"""The window and the commands share this boot's clock anchor, kept in the user's data folder."""

import argparse
import json
import subprocess
import sys
import time

import pytest

from controlroom.cli.feed_common import feed_intake
from controlroom.core.clock import Anchor, FakeClock, boot_seconds, load_anchor, read_boot_id, write_anchor
from controlroom.feeds.catalogue import sample_products
from controlroom.feeds.config import CONFIG_ENV
from controlroom.services.show_service import ShowService, create_show
from controlroom.store.clock_anchor import clock_anchor_path
from controlroom.store.writer import FeedWriter
from controlroom.ui.session import ShowSession

pytestmark = pytest.mark.skipif(read_boot_id() is None, reason="this system has no boot id")


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    return tmp_path / "data"


def started_show(repo):
    now = time.time()
    show_id = create_show(repo, "锚点 Anchor", 60, sample_products(), now)
    writer = FeedWriter(repo.engine)
    service = ShowService(repo, writer, show_id, FakeClock(now))
    service.start()
    writer.close()
    service.close()
    return show_id


def test_the_anchor_file_lives_in_the_user_data_folder(data_home):
    assert clock_anchor_path() == data_home / "ControlRoom" / "clock-anchor.json"


def test_status_follows_this_boots_anchor_not_the_wall_clock(repo, db_path, data_home):
    show_id = started_show(repo)
    # This boot's anchor says it is an hour later than the wall clock: the wall clock
    # was put back an hour after the first ControlRoom process of this boot started.
    ahead = time.time() + 3600
    write_anchor(data_home / "ControlRoom" / "clock-anchor.json", Anchor(read_boot_id(), ahead, boot_seconds(), ahead))
    done = subprocess.run([sys.executable, "-m", "controlroom", "status", "--db", str(db_path), "--show", str(show_id)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert 3600 <= json.loads(done.stdout)["show_elapsed_s"] < 7200


def test_the_feed_commands_and_the_window_share_one_anchor(repo, db_path, data_home):
    show_id = started_show(repo)
    args = argparse.Namespace(db=str(db_path), show=show_id)
    with feed_intake(args) as intake:
        feed_clock = intake.service.clock
    session = ShowSession(str(db_path), show_id)
    try:
        window_clock = session.service.clock
    finally:
        session.close()
    assert feed_clock.shared and window_clock.shared
    kept = load_anchor(clock_anchor_path())
    assert kept.boot_id == read_boot_id()
    assert feed_clock.anchor.same_origin(kept) and window_clock.anchor.same_origin(kept)
