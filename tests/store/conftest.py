"""Every test here that takes `repo` (or `writer`, `service`) runs on SQLite and on PostgreSQL."""

import pytest


@pytest.fixture
def repo(any_repo):
    return any_repo
