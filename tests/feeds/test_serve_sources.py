"""`controlroom serve --source …` as a real process: the sources' health in /api/v1/state and
in `controlroom status` (from the health file) while it runs, the log filled, nothing after."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from controlroom.app import main
from controlroom.feeds.config import CONFIG_ENV

pytestmark = pytest.mark.slow


def _state(url: str, token: str) -> dict:
    req = urllib.request.Request(url + "/api/v1/state", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def _status(db, capsys) -> dict:
    capsys.readouterr()
    assert main(["status", "--db", str(db), "--show", "1"]) == 0
    return json.loads(capsys.readouterr().out)


def test_serve_starts_sources_and_reports_their_health(db_path, tmp_path, capsys, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(config))
    assert main(["new-show", "--db", str(db_path), "--title", "t", "--minutes", "60"]) == 0
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"type": "comment", "user": f"u{i}", "text": "好"}) + "\n" for i in range(5)))
    args = ["serve", "--db", str(db_path), "--show", "1", "--port", "0",
            "--source", "tail", "--source-option", f"path={feed}", "--source-option", "from_start=1",
            "--source", "tiktok", "--source-option", "unique_id=@room"]
    env = {**os.environ, CONFIG_ENV: str(config), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "controlroom", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = next(line for line in proc.stdout if line.startswith("listening on ")).split()[2]
        token = (config / "api_token").read_text().strip()
        deadline = time.monotonic() + 30
        while True:
            lines = {s["name"]: s for s in _state(url, token)["sources"]}
            if lines.get("tail", {}).get("events_per_min") == 5.0:
                break
            assert time.monotonic() < deadline, lines
            time.sleep(0.1)
        assert lines["tail"]["state"] == "connected" and lines["tail"]["last_event_age_s"] is not None
        assert lines["tiktok"]["state"] == "failed" and "pip install" in lines["tiktok"]["detail"]
        offline = {s["name"]: s["state"] for s in _status(db_path, capsys)["sources"]}
        assert offline == {"tail": "connected", "tiktok": "failed"}
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "source tiktok: failed" in out
    after = _status(db_path, capsys)
    assert after["sources"] == [] and after["totals"]["comments"] == 5
