"""`controlroom serve` with every control surface, as a real process: HTTP, OSC in/out and Companion at once."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from pythonosc.udp_client import SimpleUDPClient

from controlroom.app import main
from tests.live.test_cli_feeds import _new_show, _start, _stop, _wait_for
from tests.live.test_osc_companion import companion_server, recorder, wait_until  # noqa: F401 - a fixture

pytestmark = pytest.mark.slow


def test_serve_runs_commands_from_http_and_osc_and_feeds_companion(db_path, config_dir, recorder, capsys):  # noqa: F811
    show = _new_show(db_path)
    with companion_server() as (companion_port, got):
        proc = _start(["serve", "--db", str(db_path), "--show", show, "--port", "0", "--osc-in", "0",
                       "--osc-out", f"127.0.0.1:{recorder.port}", "--companion", f"127.0.0.1:{companion_port}"],
                      config_dir)
        try:
            osc_line = _wait_for(proc, "OSC commands in on ")
            osc_port = int(re.search(r"udp://127\.0\.0\.1:(\d+)", osc_line).group(1))
            url = _wait_for(proc, "listening on ").split()[2]
            token = (config_dir / "api_token").read_text().strip()
            SimpleUDPClient("127.0.0.1", osc_port).send_message("/controlroom/start", [])
            assert recorder.answer() == ("/controlroom/ok", ("start",))
            req = urllib.request.Request(url + "/api/v1/commands", json.dumps({"command": "next"}).encode(),
                                         {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=30) as resp:
                assert json.load(resp)["ok"] is True
            recorder.expect("/controlroom/segment", lambda a: a == ("冰丝防晒袖套",))
            wait_until(lambda: ("cr_segment", "冰丝防晒袖套") in got, "Companion's segment")
        finally:
            out, _ = _stop(proc)
    assert "stopped" in out
    capsys.readouterr()
    assert main(["status", "--db", str(db_path), "--show", show]) == 0
    assert json.loads(capsys.readouterr().out)["segment"]["index"] == 1


def test_serve_refuses_a_bad_target(db_path, config_dir, capsys):
    show = _new_show(db_path)
    assert main(["serve", "--db", str(db_path), "--show", show, "--port", "0", "--osc-out", "nowhere"]) != 0
    assert "HOST:PORT" in capsys.readouterr().err
