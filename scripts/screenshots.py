#!/usr/bin/env python3
"""Screenshots of the main window and the host display during a rehearsal, in Chinese
and in English, for docs/screenshots/ (and the README).

    xvfb-run -a -s "-screen 0 1920x1200x24" .venv/bin/python scripts/screenshots.py

A rehearsal show is played on the simulator (seeded, so the pictures are reproducible)
and operated by the automatic controller up to MINUTES into the show; then each
language's window is built over it and grabbed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from controlroom.core.clock import FakeClock
from controlroom.feeds.rehearsal import AutoController
from controlroom.ui.i18n import Translations
from controlroom.ui.main import WindowManager
from controlroom.ui.prefs import Prefs
from controlroom.ui.session import ShowSession, new_rehearsal

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
START = datetime(2026, 1, 15, 20, 0).timestamp()  # an evening show, local time
TITLES = {"zh_CN": "周四晚场 彩排", "en": "Thursday night rehearsal"}
HOST_MESSAGES = {"zh_CN": "还有 2 分钟，准备上福袋", "en": "2 minutes left: lucky bag next"}


def play(db: str, minutes: int, seed: int, title: str, lang: str) -> tuple[int, FakeClock]:
    """A rehearsal in `lang` played to `minutes` into the show; returns (show id, its clock)."""
    clock = FakeClock(START)
    session = new_rehearsal(db, title, 120, clock=clock, seed=seed, language=lang)
    auto = AutoController(session.service, seed, lambda _line: None)
    for _ in range(minutes * 60):
        auto.act(clock.now())
        clock.advance(1.0)
        session.tick_feed()
    show_id = session.show_id
    session.close()
    return show_id, clock


def shoot(app: QApplication, db: str, show_id: int, clock: FakeClock, lang: str, prefs_dir: Path) -> list[Path]:
    translations = Translations()
    translations.install(lang)
    prefs = Prefs(QSettings(str(prefs_dir / f"{lang}.ini"), QSettings.Format.IniFormat))
    session = ShowSession(db, show_id, clock)
    session.feed = None  # the picture is of one moment: the room stands still
    manager = WindowManager(prefs, translations, db)
    window = manager.open(session)
    window.resize(1600, 1000)
    window.toggle_host_display()
    window.timer_panel.host_text.setText(HOST_MESSAGES[lang])
    window.timer_panel._send()
    window.host_display.resize(1280, 720)
    _settle(app, 1.0)
    window.refresh()
    window.charts_panel.redraw(force=True)
    _settle(app, 0.5)
    paths = [OUT / f"main_{lang}.png", OUT / f"host_{lang}.png"]
    window.grab().save(str(paths[0]))
    window.host_display.grab().save(str(paths[1]))
    manager.close()
    translations.remove()
    return paths


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, default=41, help="how far into the show (default 41)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("zh_CN", "en"):  # the same seeded show, played once for each language's log
            db = str(Path(tmp) / f"rehearsal-{lang}.db")
            show_id, clock = play(db, args.minutes, args.seed, TITLES[lang], lang)
            for path in shoot(app, db, show_id, clock, lang, Path(tmp)):
                print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
