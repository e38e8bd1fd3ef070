"""Issue 13 part 3: three rehearsals of one room, then a fourth — its recap's baseline sheet
and its live chart data show the usual of the three, and `status` carries the alert when the
fourth is driven well below it. Another room's shows never count; a room with no history has
no band and no alert."""

from __future__ import annotations

import re

import openpyxl
import pytest

from controlroom.core.alerts import BELOW_USUAL_GMV, BELOW_USUAL_ONLINE
from controlroom.core.baseline import GMV, GMV_TOTAL, ONLINE, Band
from controlroom.recap.texts import Texts
from controlroom.recap.workbook import export_recap
from controlroom.ui.charts_data import baseline_band
from tests.usual_shows import DAY, MINUTES, T0, drive, open_show, rehearse, three_rehearsals

EN = Texts("en")
BELOW = {BELOW_USUAL_ONLINE, BELOW_USUAL_GMV}


def alerts(service) -> dict[str, str]:
    return {a["code"]: a["message"] for a in service.status()["alerts"]}


@pytest.fixture
def room(repo, writer, clock):
    """Three rehearsals of the room, and another room's show between them (far above them)."""
    first, second, third = three_rehearsals(repo, writer, clock)
    rehearse(repo, writer, clock, 2.5 * DAY, 50_000, 900_000, room="another room")
    return first, second, third


def test_the_fourth_show_reads_the_usual_of_the_three(repo, writer, clock, room):
    first, second, third = room
    fourth = open_show(repo, writer, clock, 4 * DAY)
    base = fourth.usual.baseline
    assert base.shows == (third, second, first)  # newest first; the other room's show is not one
    assert base.minutes == MINUTES
    for m in (0, 7, MINUTES - 1):
        assert base.band(ONLINE, m) == Band(1000, 900, 1100, 3)  # median; min–max below four shows
        assert base.band(GMV, m) == Band(1200, 1000, 1400, 3)
        assert base.band(GMV_TOTAL, m) == Band(1200 * (m + 1), 1000 * (m + 1), 1400 * (m + 1), 3)
    fourth.close()


def test_the_live_chart_data_draw_that_usual_from_the_start(repo, writer, clock, room):
    fourth = open_show(repo, writer, clock, 4 * DAY)
    clock.t = T0 + 4 * DAY
    fourth.start()
    assert fourth.usual.wait(30)  # computed again at the start (nothing changed)
    start = fourth.view().info.started_at
    x, low, usual, high = baseline_band(fourth.usual.baseline, start, "online")
    assert list(x[:2]) == [start + 30, start + 90] and len(x) == MINUTES
    assert set(usual) == {1000.0} and set(low) == {900.0} and set(high) == {1100.0}
    x, low, usual, high = baseline_band(fourth.usual.baseline, start, "gmv_total")
    assert x[0] == start + 60 and list(usual[:3]) == [12.0, 24.0, 36.0] and high[-1] == 14.0 * MINUTES
    fourth.close()


def test_status_carries_the_alert_once_the_fourth_runs_well_below(repo, writer, clock, room):
    fourth = open_show(repo, writer, clock, 4 * DAY)
    start = T0 + 4 * DAY
    clock.t = start
    fourth.start()
    drive(fourth, clock, start, 5 * 60, 950, 1150)  # about as usual: nothing
    assert not BELOW & set(alerts(fourth))
    drive(fourth, clock, start + 5 * 60, 5 * 60, 400, 300)  # then far below, for five minutes
    got = alerts(fourth)
    assert got[BELOW_USUAL_ONLINE] == "online 60% below your last 3 shows at minute 10"
    # by minute 10: 5 × 11.50 + 5 × 3.00 = ¥72.50 against the usual's ¥120.00 by the end of minute 9
    assert got[BELOW_USUAL_GMV] == "GMV 40% below your last 3 shows at minute 10"
    fourth.close()


def test_the_recap_compares_with_the_same_usual(repo, writer, clock, room, tmp_path):
    fourth = rehearse(repo, writer, clock, 4 * DAY, 400, 300, minutes=10)
    out = tmp_path / "recap.xlsx"
    export_recap(repo, fourth, out, lang="en", utc_offset_s=0)
    ws = openpyxl.load_workbook(out)[EN("sheet.baseline")]
    rows = [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]
    labels = {r[0]: r[1:] for r in rows}
    assert labels[EN("bl.total.gmv_cents")][:5] == (30.0, 240.0, 200.0, 280.0, 30 / 240 - 1)
    assert labels[EN("bl.total.avg_online")][:4] == (400.0, 1000.0, 900.0, 1100.0)
    assert labels[EN("bl.total.minutes")][:4] == (10, 20, 20, 20)
    head = rows.index(next(r for r in rows if r[0] == EN("bl.minute")))
    table = [dict(zip(rows[head], r, strict=True)) for r in rows[head + 1:]]
    assert len(table) == MINUTES  # the usual runs on after this (shorter) show
    minute3 = table[3]
    assert (minute3[EN("bl.online")], minute3[EN("bl.online_usual")], minute3[EN("bl.online_low")],
            minute3[EN("bl.online_high")]) == (400, 1000, 900, 1100)
    assert (minute3[EN("bl.gmv")], minute3[EN("bl.gmv_usual")], minute3[EN("bl.cum")], minute3[EN("bl.cum_usual")],
            minute3[EN("bl.shows_on_air")]) == (3, 12, 12, 48, 3)
    assert table[15][EN("bl.online")] is None and table[15][EN("bl.online_usual")] == 1000


def test_another_room_and_no_history(repo, writer, clock):
    """The first show of a room has no usual: no band, no alert, a recap that says so; a
    show of another room never counts."""
    rehearse(repo, writer, clock, DAY, 5000, 50_000, room="another room")
    first = open_show(repo, writer, clock, 2 * DAY)
    assert first.usual.baseline.shows == () and baseline_band(first.usual.baseline, T0, "online")[0].size == 0
    start = T0 + 2 * DAY
    clock.t = start
    first.start()
    drive(first, clock, start, 10 * 60, 10, 1)
    assert not BELOW & set(alerts(first))
    first.end()
    writer.flush()
    first.close()


def test_the_chinese_baseline_sheet_holds_no_english(repo, writer, clock, room, tmp_path):
    fourth = rehearse(repo, writer, clock, 4 * DAY, 400, 300, minutes=3)
    out = tmp_path / "zh.xlsx"
    export_recap(repo, fourth, out, lang="zh_CN", utc_offset_s=0)
    ws = openpyxl.load_workbook(out)[Texts("zh_CN")("sheet.baseline")]
    words = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str))
    assert "彩排" in words and "常态" in words
    assert re.findall(r"[A-Za-z]{2,}", words.replace("GMV", "")) == []


def test_an_earlier_shows_title_is_written_as_text(repo, writer, clock, tmp_path):
    hostile = '=HYPERLINK("http://example.com","click")\x01'
    first = rehearse(repo, writer, clock, DAY, 1000, 1000, minutes=2, title=hostile)
    second = rehearse(repo, writer, clock, 2 * DAY, 500, 500, minutes=2)
    out = tmp_path / "recap.xlsx"
    export_recap(repo, second, out, lang="en", utc_offset_s=0)
    ws = openpyxl.load_workbook(out)[EN("sheet.baseline")]
    cell = next(row[1] for row in ws.iter_rows() if row[0].value == EN("bl.shows"))
    assert cell.data_type == "s" and cell.value == f'#{first} =HYPERLINK("http://example.com","click")'
