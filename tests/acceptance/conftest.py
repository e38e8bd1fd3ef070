"""Acceptance fixtures: a private config folder, a small tmpfs that can be filled."""

from __future__ import annotations

import subprocess

import pytest

from controlroom.feeds.config import CONFIG_ENV


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """The real user's config folder (and its API token) is never touched."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs: a disk that really fills up."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True,
                          text=True, check=False)
    if done.returncode:
        pytest.skip(f"cannot mount a small tmpfs (needs root): {done.stderr.strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)

