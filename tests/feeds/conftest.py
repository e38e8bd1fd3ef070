"""Every feeds test gets its own config folder (the API token): the real user's is never touched."""

from __future__ import annotations

import pytest

from controlroom.feeds.config import CONFIG_ENV


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder
