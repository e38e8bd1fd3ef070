#!/usr/bin/env python3
"""Screenshots of the main window as it opens on a given screen, under a real X server
with a window manager, to check the layout at laptop sizes (docs/window.md, "Layout and
the log"):

    for s in 1280x720 1366x768 1920x1080; do for l in zh_CN en; do
      xvfb-run -a -s "-screen 0 ${s}x24" .venv/bin/python scripts/layout_shots.py --lang $l --out docs/screenshots
    done; done

Starts openbox, plays a seeded rehearsal 41 minutes in (200 products with a promo with
--crowded), opens the window without telling it a size (it picks one that fits the
screen) and grabs the whole screen with ImageMagick's `import`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import TITLES, _settle, play  # noqa: E402

from controlroom.ui.i18n import Translations  # noqa: E402
from controlroom.ui.main import WindowManager  # noqa: E402
from controlroom.ui.prefs import Prefs  # noqa: E402
from controlroom.ui.session import ShowSession  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--minutes", type=int, default=41)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        screen = app.primaryScreen().geometry()
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "rehearsal.db")
            show_id, clock = play(db, args.minutes, 3, TITLES[args.lang])
            translations = Translations()
            translations.install(args.lang)
            prefs = Prefs(QSettings(str(Path(tmp) / "prefs.ini"), QSettings.Format.IniFormat))
            session = ShowSession(db, show_id, clock)
            session.feed = None
            manager = WindowManager(prefs, translations, db)
            window = manager.open(session)
            _settle(app, 2.0)
            window.refresh()
            window.charts_panel.redraw(force=True)
            _settle(app, 1.0)
            out = Path(args.out) / f"layout_{screen.width()}x{screen.height()}_{args.lang}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["import", "-window", "root", str(out)], check=True)
            print(out, window.frameGeometry().getRect(), "min", window.minimumSizeHint().toTuple())
            manager.close()
            translations.remove()
    finally:
        wm.terminate()
        wm.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
