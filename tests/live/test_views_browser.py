"""The browser views in a real headless Chromium, driven over the DevTools protocol (cdp.py):
a real server on loopback, the show on the real clock. The page loads, counts down second by
second, follows a segment change within 1 s (measured on the page's own clock), says so
plainly when its token is wrong or missing, and fits a phone, a tablet and a 1920×1080 screen.

Set CONTROLROOM_SCREENSHOTS=docs/screenshots to write the screenshots there."""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from controlroom.core import commands
from controlroom.core.clock import SystemClock
from controlroom.feeds.api_server import ApiServer
from tests.live.cdp import Browser, Page, chromium_or_skip

pytestmark = pytest.mark.slow
TOKEN, VIEW_TOKEN = "command-token-5678", "view-token-1234"
SIZES = ((390, 844), (1024, 768), (1920, 1080))
COUNTDOWN = "document.getElementById('countdown').textContent"
LOADED = "window.controlroomView && controlroomView.pushes > 0 && controlroomView.lang"
# Every shown element inside the viewport's width (and height, but for the scrolling status page).
OFF_SCREEN = """(() => {
  const W = innerWidth, H = innerHeight, tall = document.body.dataset.view === 'status', bad = [];
  if (document.documentElement.scrollWidth > W) bad.push('page is ' + document.documentElement.scrollWidth + ' wide');
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !el.textContent.trim()) continue;
    if (r.left < -1 || r.right > W + 1 || (!tall && r.bottom > H + 1)) bad.push(el.id || el.className || el.tagName);
  }
  return bad;
})()"""


@pytest.fixture
def clock():
    """The real clock: the page must count down second by second (overrides conftest's)."""
    return SystemClock()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(chromium_or_skip(), tmp_path_factory.mktemp("chromium"))
    try:
        b.wait_ready()
        yield b
    finally:
        b.close()


@pytest.fixture
def views_server(intake, live_service):
    srv = ApiServer(intake, TOKEN, host="127.0.0.1", port=0, view_token=VIEW_TOKEN)
    srv.start()
    yield srv
    srv.stop()


async def _on_page(browser: Browser, url: str, size: tuple[int, int], body: Any) -> Any:
    async with aiohttp.ClientSession() as session:
        page = await browser.page(session)
        try:
            await page.open(url, *size)
            return await body(page)
        finally:
            await page.close()


def _seconds(text: str) -> int:
    m, s = text.split(":")[-2:]
    return int(m) * 60 + int(s)


def test_the_host_view_counts_down_and_follows_a_segment_change_within_a_second(browser, views_server,
                                                                               live_service):
    async def body(page: Page) -> tuple[list[str], dict[str, Any], float, str]:
        await page.poll(LOADED)
        seen = [await page.evaluate(COUNTDOWN)]
        while len(seen) < 4:  # four different seconds, read as they change
            text = await page.evaluate(COUNTDOWN)
            if text != seen[-1]:
                seen.append(text)
            await asyncio.sleep(0.05)
        old = await page.evaluate("controlroomView.state.segment.uid")
        asked = time.time()
        await asyncio.get_running_loop().run_in_executor(None, live_service.next)
        shown = await page.poll(f"controlroomView.segmentShown.uid !== {json.dumps(old)} && controlroomView.segmentShown")
        segment = await page.evaluate("document.getElementById('segment').textContent")
        await asyncio.get_running_loop().run_in_executor(None, live_service.end)
        await page.poll(f"{COUNTDOWN} === '直播已结束' && document.getElementById('product').textContent")
        return seen, shown, asked, segment

    url = f"{views_server.url}/view/host?lang=zh_CN#t={VIEW_TOKEN}"
    seen, shown, asked, segment = asyncio.run(_on_page(browser, url, (1024, 768), body))
    steps = [_seconds(a) - _seconds(b) for a, b in zip(seen, seen[1:], strict=False)]
    assert all(step >= 1 for step in steps) and 1 in steps, seen  # it counts down, a second at a time
    second = live_service.view().plan[1]
    assert shown["uid"] == second.uid and second.title in segment
    delay = shown["at"] - asked  # the page's clock and ours are this machine's
    assert delay < 1.0, f"the page showed the new segment {delay:.2f} s after the change"


def test_a_wrong_or_missing_view_token_is_said_plainly(browser, views_server):
    async def body(page: Page) -> tuple[str, str]:
        error = await page.poll("window.controlroomView && controlroomView.error")
        return error, await page.evaluate("document.getElementById('banner').textContent")

    wrong = asyncio.run(_on_page(browser, f"{views_server.url}/view/assistant?lang=en#t=nope", (390, 844), body))
    assert wrong[0] == "wrong_token" and "view token is not accepted" in wrong[1]
    missing = asyncio.run(_on_page(browser, f"{views_server.url}/view/status?lang=zh_CN", (390, 844), body))
    assert missing[0] == "no_token" and "查看令牌" in missing[1]
    # The command token works on the socket, but never appears in what a page is sent.
    async def page_text() -> str:
        async with aiohttp.ClientSession() as s, s.get(f"{views_server.url}/view/host") as resp:
            return await resp.text()
    assert TOKEN not in asyncio.run(page_text()) and VIEW_TOKEN not in asyncio.run(page_text())


def _busy_show(service: Any, intake: Any) -> None:
    """A product on air with a promo repeated twice, orders, a host message, an incident."""
    service.next()
    sku = service.view().pacing.segment.product_sku or service.state.queue.order[2]
    service.run(commands.explain, sku)
    service.run(commands.mark_promo, sku)
    service.run(commands.mark_promo, sku)
    service.run(commands.host_message, "3 号链接再讲一遍：今天下单送同款小样，库存只剩最后几十件！")
    service.run(commands.open_incident, "直播间画面卡顿，已切换备用推流", "INC-1")
    intake.submit_json([{"type": "viewers", "online": 12840, "entries_total": 56000}] + [
        {"type": "order", "order_id": f"A{i}", "product": sku, "quantity": 1, "amount": 59.0} for i in range(37)])


def test_the_three_views_fit_phone_tablet_and_full_hd(browser, views_server, live_service, intake, tmp_path):
    _busy_show(live_service, intake)
    out = Path(os.environ.get("CONTROLROOM_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    shots = [(view, "zh_CN", size) for view in ("host", "assistant", "status") for size in SIZES]
    shots += [("host", "en", size) for size in SIZES]

    async def body(page: Page) -> tuple[list[str], dict[str, str]]:
        await page.poll(LOADED)
        await page.poll("document.getElementById('countdown').textContent !== '--:--'")
        await page.evaluate("document.fonts.ready.then(() => true)")
        texts = await page.evaluate("Object.fromEntries([...document.querySelectorAll('[id]')]"
                                    ".map(e => [e.id, e.textContent]))")
        return await page.evaluate(OFF_SCREEN), texts

    for view, lang, (w, h) in shots:
        path = out / f"view-{view}-{lang}-{w}x{h}.png"

        async def shoot(page: Page, path: Path = path) -> tuple[list[str], dict[str, str]]:
            result = await body(page)
            await page.screenshot(path)
            return result
        url = f"{views_server.url}/view/{view}?lang={lang}#t={VIEW_TOKEN}"
        off_screen, texts = asyncio.run(_on_page(browser, url, (w, h), shoot))
        assert off_screen == [], (view, lang, w, h, off_screen)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        _check_texts(view, lang, texts)


def _check_texts(view: str, lang: str, texts: dict[str, str]) -> None:
    if view == "host":
        assert re.fullmatch(r"\d\d:\d\d", texts["countdown"]) and "3 号链接" in texts["message"]
        assert ("重复口播（已 2 次）" if lang == "zh_CN" else "Repeat (×2)") in texts["promo"]
    elif view == "assistant":
        assert texts["price"].startswith("¥") and "已口播 2 次" in texts["repeats"]
    else:
        assert texts["orders"] == "37" and texts["online"] == "12,840" and "INC-1" in texts["incidents"]
