"""The sync's COPY carries every value exactly: awkward text (tabs, newlines, backslashes,
a literal \\N), NULL against empty, and doubles of every size."""

from __future__ import annotations

import random
import time

import pytest

from controlroom.core.events import Event
from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.services.sync import Shipper, local_origin, open_local, open_server
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from tests.sync.helpers import events, sqlite_url

AWKWARD = ["tab\there", "new\nline", "cr\rlf\r\n", "back\\slash", "\\N", "\\.", "\\", "", "a\\tb", "bell\x07",
           "😀 主播好", "'quoted' \"double\"", "end\\"]


@pytest.fixture
def awkward_laptop(tmp_path):
    path = tmp_path / "laptop.db"
    repo = ShowRepository(open_engine(path))
    sid = create_show(repo, "awkward\ttitle", 60, sample_products(), time.time(), room="line\nroom")
    rng = random.Random(3)
    batch = []
    for i in range(3000):
        text = rng.choice(AWKWARD + [None])
        batch.append(Event("note", rng.uniform(1.6e9, 2.1e9), user=rng.choice(AWKWARD + [None]),
                           product=rng.choice([None, "SKU-1", "\\N"]), value=rng.choice([None, 1 / 3, -0.0, 59.9,
                           rng.uniform(-1e9, 1e9), -1.1661348785953643e294, 5e-324]), qty=rng.choice([None, 0, -3, 2**31 - 1]), ref=text, text=text,
                           flag=rng.choice([None, "", "x\ty"]), data={"k": rng.choice(AWKWARD)} if i % 3 else None))
    repo.append(sid, batch)
    repo.engine.dispose()
    return path, sid


def test_every_value_reaches_the_server_exactly(awkward_laptop, pg_url):
    path, sid = awkward_laptop
    local, server = open_local(str(path)), open_server(pg_url)
    try:
        shipper = Shipper(local, server, local_origin(local), batch=700)
        assert shipper.ship_show(sid) == 3000
    finally:
        local.dispose()
        server.dispose()
    assert events(pg_url, 1) == events(sqlite_url(path), sid)
