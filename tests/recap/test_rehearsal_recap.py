"""A whole rehearsal to the end (`controlroom rehearse`), the platform's late reports after it,
then `controlroom recap`: Summary = Products total = minute series = Events of the show, to
the cent, the late orders on the after-the-end line, and the show's totals what the live
fold said at the end."""

from __future__ import annotations

import re
import subprocess
import sys

import openpyxl
import pytest

from controlroom.core import events as ev
from controlroom.core.clock import FakeClock
from controlroom.core.events import Event
from controlroom.core.show_span import ended_at
from controlroom.services.show_service import ShowService
from controlroom.store.db import open_engine
from controlroom.store.repository import ShowRepository
from controlroom.store.writer import FeedWriter
from tests.recap.books import (
    EN,
    Totals,
    after_end_section,
    events_totals,
    minutes_sum,
    products_rows_sum,
    products_total_row,
    summary_totals,
)

LATE = [(5.0, "SKU-1001", 19.8, 2), (30.0, "SKU-2001", 59.0, 1)]


def _controlroom(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "controlroom", *args], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _late_reports(db) -> None:
    """Orders the platform stamps after the end, reported once the rehearsal is over."""
    engine = open_engine(db)
    writer = FeedWriter(engine)
    try:
        repo = ShowRepository(engine)
        end = ended_at(repo.events(1, kinds=(ev.SHOW_ENDED,)))
        assert end is not None
        service = ShowService(repo, writer, 1, FakeClock(end + 60))
        service.ingest([Event(ev.ORDER, end + dt, user=f"late{n}", product=sku, value=value, qty=qty, ref=f"late-{n}")
                        for n, (dt, sku, value, qty) in enumerate(LATE)])
        service.ingest([Event(ev.LIKE, end + 10, qty=3)])
        assert writer.flush()
        service.close()
    finally:
        writer.close()
        engine.dispose()


@pytest.mark.slow
def test_a_rehearsed_show_agrees_on_every_sheet_to_the_cent(tmp_path):
    db, out = tmp_path / "r.db", tmp_path / "r.xlsx"
    said = _controlroom("rehearse", "--db", str(db), "--minutes", "20", "--speed", "1e6", "--seed", "4")
    live = re.findall(r"orders=(\d+) GMV=([\d.]+)", said)[-1]  # the live fold's totals at the end
    _late_reports(db)
    _controlroom("recap", "--db", str(db), "--show", "1", "-o", str(out), "--lang", "en", "--utc-offset", "0")
    wb = openpyxl.load_workbook(out)
    try:
        show = summary_totals(wb)
        assert show.orders > 50
        assert show == Totals(int(live[0]), round(float(live[1]) * 100))
        assert products_total_row(wb) == products_rows_sum(wb) == show
        assert minutes_sum(wb) == show
        assert events_totals(wb, after_end=False) == show
        late = Totals(len(LATE), sum(round(value * 100) for _, _, value, _ in LATE))
        assert events_totals(wb, after_end=True) == late
        after = after_end_section(wb)
        assert (after[EN("after.orders")], round(after[EN("after.gmv")] * 100)) == (late.orders, late.gmv_cents)
        assert after[EN("after.likes")] == 3 and after[EN("after.events")] == len(LATE) + 1
    finally:
        wb.close()
