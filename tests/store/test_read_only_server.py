"""A server database opened to read (store/db.py `open_read_only`, what a replay reads its
recording with): reading works, and any write — ours by mistake, or anyone's SQL — is
refused by the server itself, on a real PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from controlroom.feeds.catalogue import sample_products
from controlroom.services.show_service import create_show
from controlroom.store.db import StoreError, open_engine, open_read_only
from controlroom.store.repository import ShowRepository


def test_a_server_recording_opened_to_read_refuses_every_write(pg_url):
    engine = open_engine(pg_url)
    sid = create_show(ShowRepository(engine), "录像 Recording", 30, sample_products(), 1_767_225_600.0)
    engine.dispose()
    reader = open_read_only(pg_url)
    try:
        repo = ShowRepository(reader)
        assert repo.latest_show_id() == sid and repo.load_show(sid).info.title == "录像 Recording"
        with pytest.raises(DBAPIError, match="read-only transaction"):
            create_show(repo, "不该写入 Must not land", 30, sample_products(), 1_767_225_700.0)
        with pytest.raises(DBAPIError, match="read-only transaction"), reader.begin() as conn:
            conn.execute(text("DELETE FROM events"))
    finally:
        reader.dispose()
    engine = open_engine(pg_url)
    assert ShowRepository(engine).show_ids() == [sid]
    engine.dispose()


def test_a_server_that_is_not_there_is_one_clear_refusal():
    with pytest.raises(StoreError, match="cannot read postgresql"):
        open_read_only("postgresql+psycopg://nobody:secret@127.0.0.1:9/none")


def test_the_users_own_connection_options_are_kept(pg_url):
    """A search_path in the URL (the user's schema) still chooses what is read."""
    admin = open_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(text("CREATE SCHEMA mine"))
    admin.dispose()
    url = f"{pg_url}?options=-csearch_path%3Dmine"
    engine = open_engine(url)
    sid = create_show(ShowRepository(engine), "我的 Mine", 30, sample_products(), 1_767_225_600.0)
    engine.dispose()
    reader = open_read_only(url)
    try:
        assert ShowRepository(reader).load_show(sid).info.title == "我的 Mine"
        with pytest.raises(DBAPIError, match="read-only transaction"), reader.begin() as conn:
            conn.execute(text("DELETE FROM events"))
    finally:
        reader.dispose()
