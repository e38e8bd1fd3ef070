"""A recap exported during the show: a snapshot up to the log's last event, labelled as
such on the first sheet and in the default file name; the show goes on."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import openpyxl

from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.recap.texts import Texts
from controlroom.ui.export_dialog import default_name


def recap(db_path, show_id, out, lang):
    done = subprocess.run([sys.executable, "-m", "controlroom", "recap", "--db", str(db_path), "--show", str(show_id),
                           "-o", str(out), "--lang", lang, "--utc-offset", "8"],
                          capture_output=True, text=True, env=os.environ, timeout=120)
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(out, read_only=True)
    rows = [r[0] for r in wb.worksheets[0].iter_rows(max_row=3, values_only=True)]
    wb.close()
    return rows


def test_a_recap_during_the_show_is_a_labelled_snapshot_and_the_show_goes_on(service, clock, db_path, tmp_path):
    service.start()
    clock.advance(65)
    sku = service.state.queue.order[0]
    service.ingest([Event(ev.ORDER, clock.now(), user="u", product=sku, qty=1, value=9.9, ref="o1")])
    service.writer.flush()
    last = time.strftime("%H:%M", time.gmtime(clock.now() + 8 * 3600))
    for lang in ("zh_CN", "en"):
        rows = recap(db_path, service.show_id, tmp_path / f"{lang}.xlsx", lang)
        assert rows[1] == Texts(lang)("summary.snapshot", time=last)
    assert rows[1].startswith(f"Snapshot up to {last}") and "still running" in rows[1]
    assert service.status()["state"] == "running"
    assert ev.SHOW_ENDED not in {e.kind for e in service.repo.events(service.show_id)}


def test_an_ended_shows_recap_is_no_snapshot(service, clock, db_path, tmp_path):
    service.start()
    clock.advance(65)
    service.end()
    rows = recap(db_path, service.show_id, tmp_path / "done.xlsx", "en")
    assert not any(r and "Snapshot" in str(r) for r in rows)


def test_the_default_name_of_a_snapshot_says_up_to_when(qapp):
    from controlroom.ui.i18n import Translations

    assert default_name("晚场", 3, "20:05") == "晚场-3-recap-to-2005.xlsx"  # English: no translator
    assert default_name("晚场", 3) == "晚场-3-recap.xlsx"
    chinese = Translations()
    chinese.install("zh_CN")
    try:
        assert default_name("晚场", 3, "20:05") == "晚场-3-复盘-截至2005.xlsx"
        assert default_name("晚场", 3) == "晚场-3-复盘.xlsx"
    finally:
        chinese.remove()
