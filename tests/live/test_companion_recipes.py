"""docs/companion.md's button recipes, sent as Companion's Generic HTTP and Generic OSC modules send them."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
from pythonosc.udp_client import SimpleUDPClient

from controlroom.feeds.api_commands import CommandRunner
from controlroom.feeds.osc import OscIn, OscOut
from tests.live.conftest import TOKEN
from tests.live.test_osc_companion import recorder, stored_kinds  # noqa: F401 - a fixture

DOC = Path(__file__).resolve().parents[2] / "docs" / "companion.md"
HEADER_INPUT = '{"Authorization": "Bearer YOUR-TOKEN"}'  # what the doc tells to type


def rows(marker: str) -> list[list[str]]:
    """The table between <!-- marker… --> and <!-- /marker -->, its cells without backticks."""
    text = DOC.read_text(encoding="utf-8")
    body = text.split(f"<!-- {marker}", 1)[1].split(f"<!-- /{marker} -->", 1)[0]
    table = [line for line in body.splitlines() if line.startswith("|")][2:]  # no header, no rule
    return [[cell.strip().strip("`") for cell in line.strip("|").split("|")] for line in table]


def test_the_doc_has_a_recipe_for_every_command():
    from controlroom.feeds.api_commands import SPECS

    http = {json.loads(body)["command"] for _, _, body in rows("http-recipes")}
    osc = {path.removeprefix("/controlroom/") for _, path, _ in rows("osc-recipes")}
    assert http == osc == set(SPECS)
    assert HEADER_INPUT in DOC.read_text(encoding="utf-8")


def test_http_recipes_as_the_generic_http_module_sends_them(server, service):
    """The module JSON.parse()s Body and header input, and posts with its Content Type (application/json)."""
    headers = json.loads(HEADER_INPUT.replace("YOUR-TOKEN", TOKEN))
    headers["Content-Type"] = "application/json"

    async def press_all() -> list[tuple[str, int, dict]]:
        out = []
        async with aiohttp.ClientSession() as s:
            for button, url, body in rows("http-recipes"):
                url = url.replace(":8765", f":{server.port}")
                async with s.post(url, json=json.loads(body), headers=headers) as resp:
                    out.append((button, resp.status, await resp.json()))
        return out

    for button, status, answer in asyncio.run(press_all()):
        assert status == 200, (button, answer)
    assert service.state.timer.status.value == "ended"
    assert stored_kinds(service).count("host_message") == 1


def _typed(cell: str) -> list:
    out = []
    for arg in filter(None, (a.strip().strip("`") for a in cell.split(","))):
        kind, _, value = arg.partition(" ")
        out.append({"i": int, "f": float, "s": str}[kind](value))
    return out


def test_osc_recipes_as_the_generic_osc_module_sends_them(service, recorder):  # noqa: F811 - the fixture
    port = OscIn(CommandRunner(service), "127.0.0.1", 0, OscOut("127.0.0.1", recorder.port))
    port.start()
    try:
        client = SimpleUDPClient("127.0.0.1", port.port)
        for button, path, args in rows("osc-recipes"):
            client.send_message(path, _typed(args))
            assert recorder.answer() == ("/controlroom/ok", (path.removeprefix("/controlroom/"),)), button
    finally:
        port.stop()
    assert service.state.timer.status.value == "ended"
