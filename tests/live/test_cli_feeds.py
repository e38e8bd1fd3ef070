"""`controlroom serve` and `controlroom tail` as real processes, stopped with SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request

import pytest

from controlroom.app import main
from controlroom.feeds.config import CONFIG_ENV

pytestmark = pytest.mark.slow


def _start(args: list[str], config_dir) -> subprocess.Popen:
    env = {**os.environ, CONFIG_ENV: str(config_dir), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "controlroom", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _wait_for(proc: subprocess.Popen, prefix: str) -> str:
    for out in proc.stdout:
        if out.startswith(prefix):
            return out
    raise AssertionError(f"never printed {prefix!r}: {proc.stderr.read()}")


def _stop(proc: subprocess.Popen) -> tuple[str, str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    return out, err


def _new_show(db) -> str:
    assert main(["new-show", "--db", str(db), "--title", "t", "--minutes", "60"]) == 0
    return "1"


def test_serve_takes_events_until_sigterm(db_path, config_dir, capsys):
    show = _new_show(db_path)
    proc = _start(["serve", "--db", str(db_path), "--show", show, "--port", "0"], config_dir)
    try:
        url = _wait_for(proc, "listening on ").split()[2]
        token = (config_dir / "api_token").read_text().strip()
        assert (config_dir / "api_token").stat().st_mode & 0o777 == 0o600
        body = json.dumps([{"type": "comment", "text": "hi"}, {"type": "viewers", "online": 42}]).encode()
        req = urllib.request.Request(url + "/api/v1/events", body, {"Authorization": f"Bearer {token}",
                                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert json.load(resp)["accepted"] == 2
    finally:
        out, _ = _stop(proc)
    assert "stopped" in out
    capsys.readouterr()
    assert main(["status", "--db", str(db_path), "--show", show]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert totals["comments"] == 1 and totals["online"] == 42


def test_serve_refuses_a_taken_port(db_path, config_dir, capsys):
    import socket

    show = _new_show(db_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        capsys.readouterr()
        code = main(["serve", "--db", str(db_path), "--show", show, "--port", str(port), "--token", "abcdefgh12"])
    assert code == 2
    assert "cannot serve" in capsys.readouterr().err


def test_tail_follows_a_file(db_path, config_dir, tmp_path, capsys):
    show = _new_show(db_path)
    feed = tmp_path / "events.jsonl"
    feed.write_text(json.dumps({"type": "comment", "text": "before"}) + "\n{bad\n", encoding="utf-8")
    proc = _start(["tail", "--db", str(db_path), "--show", show, "--from-start", str(feed)], config_dir)
    try:
        _wait_for(proc, "show ")
        for err in proc.stderr:
            if "line 2" in err:
                break
    finally:
        out, _ = _stop(proc)
    assert "2 lines, 1 events taken" in out and "1 bad lines" in out
    capsys.readouterr()
    main(["status", "--db", str(db_path), "--show", show])
    assert json.loads(capsys.readouterr().out)["totals"]["comments"] == 1


def test_a_second_process_cannot_write_to_a_show_being_fed(db_path, config_dir, tmp_path, capsys):
    """serve holds show 1: a rehearsal, a tail or an import of the same show from another
    process would judge orders against a state that misses serve's (orders flagged off
    shelf, order ids counted twice), so they are refused, naming the reason; another
    show of the same file is fine, and so is reading."""
    show = _new_show(db_path)
    assert main(["new-show", "--db", str(db_path), "--title", "other", "--minutes", "60"]) == 0
    proc = _start(["serve", "--db", str(db_path), "--show", show, "--port", "0"], config_dir)
    try:
        _wait_for(proc, "listening on ")
        capsys.readouterr()
        assert main(["rehearse", "--db", str(db_path), "--show", show, "--speed", "100000"]) == 2
        err = capsys.readouterr().err
        assert "another ControlRoom process" in err and "show 1" in err
        feed = tmp_path / "e.jsonl"
        feed.write_text("", encoding="utf-8")
        assert main(["import", "plan", str(feed), "--db", str(db_path), "--show", show]) == 2
        assert "another ControlRoom process" in capsys.readouterr().err
        assert main(["status", "--db", str(db_path), "--show", show]) == 0
        assert main(["rehearse", "--db", str(db_path), "--show", "2", "--speed", "100000", "--minutes", "30"]) == 0
    finally:
        _stop(proc)
    capsys.readouterr()
    # released when serve stopped (and the OS drops it if the process dies)
    assert main(["rehearse", "--db", str(db_path), "--show", show, "--speed", "100000"]) == 0


def test_sigterm_while_starting_still_stops_cleanly(db_path, config_dir, capsys):
    """serve/tail print their first lines before they wait; a SIGTERM that comes then
    (a supervisor stopping it at once) must still close the writer (exit 0), not kill
    the process with queued events."""
    _new_show(db_path)
    code = f"""
import os, signal, argparse
from controlroom.cli.feed_common import feed_intake, wait_for_interrupt
from controlroom.services.intake import Intake
args = argparse.Namespace(db={str(db_path)!r}, show=None)
with feed_intake(args) as intake:
    intake.submit_json({{"type": "comment", "text": "queued"}})
    os.kill(os.getpid(), signal.SIGTERM)
    wait_for_interrupt()
print("clean")
"""
    env = {**os.environ, CONFIG_ENV: str(config_dir)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                          check=False)
    assert done.returncode == 0 and "clean" in done.stdout, done.stderr
    capsys.readouterr()
    main(["status", "--db", str(db_path)])
    assert json.loads(capsys.readouterr().out)["totals"]["comments"] == 1
