"""One rehearsed laptop log for the sync tests (made once; each test copies it)."""

from __future__ import annotations

import shutil

import pytest

from tests.sync.helpers import rehearsed


@pytest.fixture(scope="session")
def rehearsed_file(tmp_path_factory):
    return rehearsed(tmp_path_factory.mktemp("laptop") / "laptop.db", "直播间 A", minutes=40)


@pytest.fixture
def laptop(rehearsed_file, tmp_path):
    path = tmp_path / "laptop.db"
    shutil.copy(rehearsed_file, path)
    return path
