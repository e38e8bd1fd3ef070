"""Opening a database already at the head revision needs no Alembic (its import is ~0.4 s of
the show's opening): the head read from the revision files is Alembic's own, and a process
that opens such a database never imports it; any other revision still goes through Alembic
(a newer one is refused)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from controlroom.store import schema
from controlroom.store.db import StoreError, open_engine

OPEN_AND_SAY = (
    "import sys; from controlroom.store.db import open_engine; open_engine(sys.argv[1]).dispose(); "
    "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('alembic')}))"
)


def opened_with(path) -> str:
    out = subprocess.run([sys.executable, "-c", OPEN_AND_SAY, str(path)], capture_output=True, text=True,
                         env={**os.environ}, timeout=120, check=True)
    return out.stdout.strip()


def test_the_head_read_from_the_files_is_alembics():
    assert schema._head_on_disk() == str(schema._script().get_current_head())


def test_a_database_at_head_opens_without_alembic_and_a_newer_one_is_still_refused(tmp_path):
    db = tmp_path / "show.db"
    assert opened_with(db) == "['alembic']"  # new: every revision, through Alembic
    assert opened_with(db) == "[]"  # at head: a plain read of alembic_version
    engine = open_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer than this version"):
        open_engine(db)
