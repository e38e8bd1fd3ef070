#!/usr/bin/env python3
"""Screenshots of the main window and the host display, as a user sees them under a real
X server with a window manager, for docs/screenshots/ (and the README).

    python scripts/screenshots.py              # every size (each in its own xvfb-run + openbox)
    python scripts/screenshots.py --sizes 1280x720

For each screen size (1280×720, 1366×768, 1920×1080) it starts `xvfb-run -a -s "-screen 0
WxHx24"` running this script with --inside, which starts openbox, and for each language
(zh_CN, en) plays a seeded rehearsal of 200 products (the first with a long name, long
selling points and a long promo) to 52½ minutes into a 60-minute show, on that product's
slot with its promo repeated, a long message for the host, the interaction cue (due) and
the final-push cue showing; it grabs the screen with the main window windowed and full
screen, the host display windowed (on one screen: in its corner, over the main window)
and full screen; then ends the show and grabs the host display (full screen) and the main
window again. Files: docs/screenshots/{main,host}_<lang>_<W>x<H>_<state>.png, state one
of windowed, fullscreen, ended_windowed, ended_fullscreen; main_<lang>.png and
host_<lang>.png (the README's) are the 1920×1080 ones. PNGs are reduced to 256 colours
when ImageMagick's `convert` is there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZES = ("1280x720", "1366x768", "1920x1080")
LANGUAGES = ("zh_CN", "en")
START = datetime(2026, 1, 15, 20, 0).timestamp()  # an evening show, local time
SHOW_MINUTES = 60
AUTO_UNTIL_MINUTES = 50  # the automatic controller runs the plan up to here (the final push)
SHOT_AT_S = 52 * 60 + 30  # then back on the long product's slot until here
INSIDE_TIMEOUT_S = 900
TEXTS = {
    "zh_CN": {
        "title": "周四晚场 彩排",
        "name": "【直播间专享】德国进口超柔软加厚珊瑚绒四件套 床单被套枕套 1.8米双人床 多色可选",
        "points": "进口珊瑚绒面料，双面加厚不掉毛不起球；高密度锁边，机洗五十次不变形不褪色；独立礼盒包装，支持七天无理由退换",
        "promo": "今晚前一百名下单再送记忆棉枕头一对，拍二再减三十元",
        "message": "还有两分钟，准备上福袋！记得提醒大家点关注、加粉丝团，报价之后马上上链接",
        "filler": "直播间爆款 第 %d 号",
    },
    "en": {
        "title": "Thursday night rehearsal",
        "name": "Imported German ultra-soft double-sided coral fleece four-piece bedding set, king size",
        "points": "Thick coral fleece that never sheds or pills; tight overlock seams that survive fifty washes; "
                  "gift boxed; seven-day returns",
        "promo": "The first hundred orders tonight get two memory-foam pillows, and buy two save ¥30",
        "message": "Two minutes left: lucky bag next! Remind everyone to follow; link goes up right after the price",
        "filler": "Best seller no. %d",
    },
}


# -- outside: one X server per size ----------------------------------------------------
def run_all(sizes: list[str]) -> int:
    for tool in ("xvfb-run", "openbox"):
        if shutil.which(tool) is None:
            print(f"screenshots: {tool} not found (install xvfb and openbox)", file=sys.stderr)
            return 2
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="xcb")
    failed = []
    for size in sizes:
        cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", sys.executable, str(Path(__file__).resolve()),
               "--inside", size]
        try:
            result = subprocess.run(cmd, env=env, cwd=ROOT, timeout=INSIDE_TIMEOUT_S)
            if result.returncode:
                failed.append(size)
        except subprocess.TimeoutExpired:
            failed.append(size)
    if failed:
        print(f"screenshots: failed for {', '.join(failed)}", file=sys.stderr)
        return 1
    _readme_copies()
    return 0


def _readme_copies() -> None:
    for lang in LANGUAGES:
        for kind, state in (("main", "windowed"), ("host", "fullscreen")):
            shot = OUT / f"{kind}_{lang}_1920x1080_{state}.png"
            if shot.exists():
                shutil.copyfile(shot, OUT / f"{kind}_{lang}.png")


# -- inside: a window manager, then the shots ------------------------------------------
def run_inside(size: str) -> int:
    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_window_manager()
        return _shoot_all(size)
    finally:
        wm.terminate()
        try:
            wm.wait(timeout=5)
        except subprocess.TimeoutExpired:
            wm.kill()


def _wait_for_window_manager(timeout_s: float = 10.0) -> None:
    """openbox sets _NET_SUPPORTING_WM_CHECK on the root window once it manages the screen."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], capture_output=True, text=True)
        if "window id" in probe.stdout:
            return
        time.sleep(0.2)
    print("screenshots: no window manager came up; shooting without one", file=sys.stderr)


def _shoot_all(size: str) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            db = str(Path(tmp) / f"rehearsal-{lang}.db")
            show_id, clock = play(db, lang)
            for path in shoot(app, db, show_id, clock, lang, size, Path(tmp)):
                print(path.relative_to(ROOT), flush=True)
    return 0


def products(lang: str) -> list:
    from controlroom.core.products import Product, Role
    from controlroom.feeds.catalogue import sample_products

    t = TEXTS[lang]
    long_one = Product("SKU-0001", t["name"], Role.TRAFFIC, 299.0, 500, t["points"], t["promo"])
    fillers = [Product(f"SKU-9{i:03d}", t["filler"] % i, Role.PROFIT, 39.0 + i, 80, "", "") for i in range(1, 192)]
    return [long_one, *sample_products(lang), *fillers]


def play(db: str, lang: str):
    """The rehearsal up to the moment of the pictures; returns (show id, its clock)."""
    from controlroom.core import commands
    from controlroom.core.clock import FakeClock
    from controlroom.core.sample_words import plan_words
    from controlroom.core.settings import ShowSettings
    from controlroom.feeds.rehearsal import AutoController
    from controlroom.services.show_service import create_show
    from controlroom.store.db import open_engine
    from controlroom.store.repository import ShowRepository
    from controlroom.ui.session import REHEARSAL_ROOM, ShowSession

    clock = FakeClock(START)
    engine = open_engine(db)
    # A 5-minute reminder: the interaction cue shows once the plan's last interaction is behind.
    settings = ShowSettings(interaction_remind_minutes=5.0)
    sid = create_show(ShowRepository(engine), TEXTS[lang]["title"], SHOW_MINUTES, products(lang), clock.now(),
                      settings=settings, room=REHEARSAL_ROOM, words=plan_words(lang))
    engine.dispose()
    session = ShowSession(db, sid, clock, rehearsal_seed=3, language=lang)
    service = session.service
    auto = AutoController(service, 3, lambda _line: None)
    while clock.now() - START < AUTO_UNTIL_MINUTES * 60:
        auto.act(clock.now())
        clock.advance(1.0)
        session.tick_feed()
    plan = service.state.plan.segments
    slot = next(i for i, s in enumerate(plan) if s.product_sku == "SKU-0001")
    service.run(commands.jump, slot)
    service.run(commands.set_shelf, "SKU-0001", True)
    service.run(commands.explain, "SKU-0001")
    for _ in range(2):
        service.run(commands.mark_promo, "SKU-0001")
    while clock.now() - START < SHOT_AT_S:
        clock.advance(1.0)
        session.tick_feed()
    session.close()
    return sid, clock


def shoot(app, db: str, show_id: int, clock, lang: str, size: str, prefs_dir: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    from controlroom.core import commands
    from controlroom.ui.i18n import Translations
    from controlroom.ui.main import WindowManager
    from controlroom.ui.prefs import Prefs
    from controlroom.ui.session import ShowSession

    translations = Translations()
    translations.install(lang)
    prefs = Prefs(QSettings(str(prefs_dir / f"{lang}-{size}.ini"), QSettings.Format.IniFormat))
    session = ShowSession(db, show_id, clock)
    session.feed = None  # the picture is of one moment: the room stands still
    manager = WindowManager(prefs, translations, db)
    window = manager.open(session)
    window.timer_panel.host_text.setText(TEXTS[lang]["message"])
    window.timer_panel._send()
    window.host_display.hide()
    shots: list[Path] = []

    def grab(kind: str, state: str) -> None:
        _settle(app, 1.2)
        window.refresh()
        charts = getattr(window, "charts_panel", None)
        if charts is not None:
            charts.redraw(force=True)
        _settle(app, 0.6)
        shots.append(_save(app, OUT / f"{kind}_{lang}_{size}_{state}.png"))

    grab("main", "windowed")
    window.showFullScreen()
    grab("main", "fullscreen")
    window.showNormal()
    window.toggle_host_display()  # opens where a first opening goes: one screen, its corner
    grab("host", "windowed")
    window.host_full_screen()
    grab("host", "fullscreen")
    window.run(commands.end_show)
    grab("host", "ended_fullscreen")
    window.host_display.hide()
    grab("main", "ended_windowed")
    manager.close()
    translations.remove()
    return shots


def _save(app, path: Path) -> Path:
    """The whole screen, as the window manager shows it; 256 colours when ImageMagick is there."""
    image = app.primaryScreen().grabWindow(0)
    image.save(str(path))
    convert = shutil.which("convert")
    if convert:
        subprocess.run([convert, str(path), "-colors", "256", f"PNG8:{path}"], check=False)
    return path


def _settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="screen sizes, e.g. 1280x720,1920x1080")
    parser.add_argument("--inside", metavar="WxH", help=argparse.SUPPRESS)  # run by xvfb-run
    args = parser.parse_args()
    if args.inside:
        return run_inside(args.inside)
    return run_all([s.strip() for s in args.sizes.split(",") if s.strip()])


if __name__ == "__main__":
    sys.exit(main())
