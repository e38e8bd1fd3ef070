"""The API token: from $CONTROLROOM_TOKEN or --token-file (so it is not in `ps`), checked by
a real `serve` against a real aiohttp client; the kept token file is made 0600 when found looser."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import stat
import subprocess
import sys

import aiohttp
import pytest

from controlroom.feeds import config
from controlroom.feeds.config import CONFIG_ENV, TOKEN_ENV, TOKEN_FILE, load_or_create_token

SECRET = "s3cret-token-from-outside"


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    return folder


@pytest.fixture
def show_db(tmp_path):
    db = tmp_path / "show.db"
    done = subprocess.run([sys.executable, "-m", "controlroom", "new-show", "--db", str(db), "--title", "t"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return db


def serve(db, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", "serve", "--db", str(db), "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("listening on "):
            return proc, line.split()[2], lines
    raise AssertionError(f"serve did not start: {proc.stderr.read()}")


async def _post(url: str, token: str) -> int:
    async with aiohttp.ClientSession() as session, session.post(
        f"{url}/api/v1/events", json=[{"type": "comment", "text": "hi"}], headers={"Authorization": f"Bearer {token}"}
    ) as resp:
        await resp.read()
        return resp.status


def statuses(url: str, *tokens: str) -> list[int]:
    return [asyncio.run(_post(url, t)) for t in tokens]


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode == 0


def comments(db) -> int:
    done = subprocess.run([sys.executable, "-m", "controlroom", "status", "--db", str(db)], capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout)["totals"]["comments"]


def command_line(pid: int) -> str:
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode()


@pytest.mark.slow
def test_serve_takes_the_token_from_the_environment(show_db, config_dir):
    proc, url, lines = serve(show_db, env={TOKEN_ENV: SECRET})
    try:
        assert statuses(url, "wrong-token-123", SECRET) == [401, 200]
        assert SECRET not in command_line(proc.pid)
    finally:
        stop(proc)
    assert f"token: from ${TOKEN_ENV}" in lines and not any(SECRET in line for line in lines)
    assert not (config_dir / TOKEN_FILE).exists()  # the kept token was not needed
    assert comments(show_db) == 1


@pytest.mark.slow
def test_serve_takes_the_token_from_a_file(show_db, config_dir, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(SECRET + "\n")
    token_file.chmod(0o600)
    proc, url, lines = serve(show_db, "--token-file", str(token_file), env={TOKEN_ENV: "the-env-loses-to-the-file"})
    try:
        assert statuses(url, "the-env-loses-to-the-file", SECRET) == [401, 200]
        assert SECRET not in command_line(proc.pid)
    finally:
        stop(proc)
    assert f"token: from {token_file}" in lines
    assert comments(show_db) == 1


@pytest.mark.parametrize("content,message", [("", "at least 8 characters"), ("short\n", "at least 8 characters"),
                                             ("has a space in it\n", "visible ASCII")])
def test_a_bad_token_file_is_one_line_and_exit_2(show_db, config_dir, tmp_path, content, message):
    token_file = tmp_path / "token"
    token_file.write_text(content)
    token_file.chmod(0o600)
    done = subprocess.run([sys.executable, "-m", "controlroom", "serve", "--db", str(show_db), "--port", "0",
                           "--token-file", str(token_file)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and message in done.stderr and str(token_file) in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_help_says_that_token_on_the_command_line_is_visible(config_dir):
    done = subprocess.run([sys.executable, "-m", "controlroom", "serve", "--help"], capture_output=True, text=True,
                          timeout=60, check=True)
    text = " ".join(done.stdout.split())
    assert "VISIBLE TO OTHER USERS" in text and "--token-file" in text and TOKEN_ENV in text


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_looser_token_file_is_tightened_with_one_warning(config_dir, caplog, monkeypatch):
    monkeypatch.setattr(config, "_warned", set())
    first = load_or_create_token()
    path = config_dir / TOKEN_FILE
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="controlroom.feeds.config"):
        assert load_or_create_token() == first  # the same token, not a new one
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o640)
        assert load_or_create_token() == first
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "readable by other users (mode 0644)" in warnings[0]
