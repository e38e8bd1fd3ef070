"""The views on the local network: the link (view token only, in the fragment), its QR code,
and `controlroom serve --lan` as a real process."""

from __future__ import annotations

import asyncio
import json
import urllib.request

import aiohttp
import pytest

from controlroom.feeds.api_server import ApiServer
from controlroom.feeds.lan import _usable, qr_matrix, qr_svg, qr_text, view_link
from tests.live.test_cli_feeds import _new_show, _start, _stop, _wait_for

LINK = "http://192.168.1.23:8765/view/host#t=view-token-1234"


def test_the_link_carries_the_view_token_in_its_fragment_only():
    link = view_link("192.168.1.23", 8765, "view-token-1234", "assistant", "en")
    assert link == "http://192.168.1.23:8765/view/assistant?lang=en#t=view-token-1234"
    assert view_link("fe80::1", 80, "v" * 8).startswith("http://[fe80::1]:80/view/host#t=")
    with pytest.raises(ValueError, match="the views are host, assistant, status"):
        view_link("h", 1, "t", "admin")


def test_the_view_token_must_differ_from_the_api_token(intake):
    with pytest.raises(ValueError, match="must differ"):
        ApiServer(intake, "same-token-1", view_token="same-token-1")


def test_the_terminal_qr_code_is_the_code_module_for_module():
    rows = qr_matrix(LINK)
    assert len(rows) == len(rows[0]) >= 29 and not any(rows[0])  # a version-3+ code and its quiet zone
    halves = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}
    back: list[list[bool]] = []
    for line in qr_text(LINK, invert=False).splitlines():
        pairs = [halves[c] for c in line]
        back += [[t for t, _ in pairs], [b for _, b in pairs]]
    assert back[: len(rows)] == rows
    assert qr_svg(LINK).count("h1v1h-1z") == sum(map(sum, rows))


def test_only_a_real_network_address_is_offered():
    assert not any(map(_usable, ("127.0.0.1", "0.0.0.0", "169.254.3.4", "not an ip")))
    assert _usable("192.168.1.23") and _usable("10.0.0.5")


@pytest.mark.slow
def test_serve_lan_listens_on_all_interfaces_and_prints_the_view_link_and_qr(db_path, config_dir):
    show = _new_show(db_path)
    proc = _start(["serve", "--db", str(db_path), "--show", show, "--port", "0", "--lan", "--lang", "en"],
                  config_dir)
    try:
        link = _wait_for(proc, "view host: ").split()[2]
        qr = [_wait_for(proc, "") for _ in range(3)]
        url = _wait_for(proc, "listening on ").split()[2]
    finally:
        out, err = _stop(proc)
    api_token = (config_dir / "api_token").read_text().strip()
    view_token = (config_dir / "view_token").read_text().strip()
    assert link.endswith(f"/view/host#t={view_token}") and api_token not in link + out
    assert url.startswith("http://0.0.0.0:") and "reachable from other machines" in err
    assert any("█" in line or "▀" in line for line in qr)


@pytest.mark.slow
def test_serve_without_lan_stays_on_loopback_and_its_views_work(db_path, config_dir):
    show = _new_show(db_path)
    proc = _start(["serve", "--db", str(db_path), "--show", show, "--port", "0"], config_dir)
    try:
        link = _wait_for(proc, "view status: ").split()[2]
        url = _wait_for(proc, "listening on ").split()[2]
        with urllib.request.urlopen(link.split("#")[0], timeout=10) as resp:
            page = resp.read().decode()
        state = asyncio.run(_first_push(url, link.split("#t=")[1]))
    finally:
        out, _ = _stop(proc)
    assert url.startswith("http://127.0.0.1:") and link.startswith(url + "/view/status#t=")
    assert 'data-lang="zh_CN"' in page and 'data-view="status"' in page and "█" not in out
    assert state["type"] == "state" and state["status"] == "planned"


async def _first_push(url: str, token: str) -> dict:
    async with aiohttp.ClientSession() as s, s.ws_connect(url + "/api/v1/live") as ws:
        await ws.send_str(json.dumps({"token": token}))
        return json.loads((await ws.receive(timeout=30)).data)
