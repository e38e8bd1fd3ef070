"""The recap's "Against the usual" sheet: this show per minute of show time against the
room's usual (core/baseline.py) — online, GMV per minute and cumulative, each with its band —
and a few lines of totals (this show's against the usual's). The same repository method
(`room_history`) and the same bands as the live charts and the below-usual alert; this
show's minutes come from the recap's own fold, read by the same `show_minutes`."""

from __future__ import annotations

from typing import Any

from controlroom.core.baseline import (
    GMV,
    GMV_TOTAL,
    ONLINE,
    TOTALS,
    Band,
    Baseline,
    ShowMinutes,
    baseline_of,
    show_minutes,
    show_totals,
)
from controlroom.core.recap import RecapFold
from controlroom.core.recap_figures import Recap
from controlroom.recap.cells import INT, MONEY, NUMBER, PERCENT, RowWriter, money, styled
from controlroom.recap.texts import Texts

COLUMNS = (
    ("bl.minute", 7, None),
    ("bl.online", 11, NUMBER), ("bl.online_usual", 11, NUMBER), ("bl.online_low", 11, NUMBER),
    ("bl.online_high", 11, NUMBER),
    ("bl.gmv", 12, MONEY), ("bl.gmv_usual", 12, MONEY), ("bl.gmv_low", 12, MONEY), ("bl.gmv_high", 12, MONEY),
    ("bl.cum", 14, MONEY), ("bl.cum_usual", 14, MONEY), ("bl.cum_low", 14, MONEY), ("bl.cum_high", 14, MONEY),
    ("bl.shows_on_air", 9, INT),
)
TOTAL_FORMATS = {"gmv_cents": MONEY, "avg_online": NUMBER, "minutes": INT}


def this_show(fold: RecapFold, recap: Recap) -> ShowMinutes:
    """This show's minutes from the recap's fold (minute 0 at its start, up to its end)."""
    info = recap.state.info
    return show_minutes(info.id, info.title, recap.t0, recap.end, fold.metrics)


def write_baseline(ws: Any, mine: ShowMinutes, history: list[ShowMinutes], shows: int, t: Texts) -> None:
    """Totals first (this show, the usual, the band, the difference), then one row a minute."""
    for i, (_key, width, _fmt) in enumerate(COLUMNS):
        ws.column_dimensions[chr(ord("A") + i)].width = 22 if i == 0 else width  # A: the totals' labels too
    ws.append([styled(ws, t("bl.heading", n=shows), bold=True)])
    if not history:
        ws.append([t("bl.none")])
        return
    base = baseline_of(history)
    # titles are the user's: made safe (a formula, an illegal character) as every outside text
    ws.append([t("bl.shows"), styled(ws, "; ".join(f"#{s.show_id} {s.title}" for s in history))])
    ws.append([t("bl.band_rule")])
    ws.append([])
    _totals(ws, mine, base, t)
    ws.append([])
    _minutes(ws, mine, base, t)


def _totals(ws: Any, mine: ShowMinutes, base: Baseline, t: Texts) -> None:
    ws.append([styled(ws, t(k), bold=True) for k in ("bl.figure", "bl.this", "bl.usual", "bl.low", "bl.high", "bl.vs")])
    values = show_totals(mine)
    for name in TOTALS:
        fmt = TOTAL_FORMATS[name]
        band = base.total(name)
        shown = (lambda v: money(round(v))) if name == "gmv_cents" else (lambda v: round(v, 1))
        value = values[name]
        row = [t(f"bl.total.{name}"), styled(ws, shown(value), fmt)]
        if band is not None:
            row += [styled(ws, shown(band.usual), fmt), styled(ws, shown(band.low), fmt),
                    styled(ws, shown(band.high), fmt),
                    styled(ws, value / band.usual - 1 if band.usual else None, PERCENT)]
        ws.append(row)


def _minutes(ws: Any, mine: ShowMinutes, base: Baseline, t: Texts) -> None:
    ws.append([styled(ws, t(k), bold=True) for k, _, _ in COLUMNS])
    rows = RowWriter(ws, [f for _, _, f in COLUMNS], text_columns=())
    cumulative = mine.gmv_total_cents
    for m in range(max(mine.minutes, base.minutes)):
        ours = m < mine.minutes
        online = mine.online[m] if ours else None
        rows.append([
            m, None if online is None else round(online, 1), *_band(base.band(ONLINE, m), lambda v: round(v, 1)),
            money(mine.gmv_cents[m]) if ours else None, *_band(base.band(GMV, m), _yuan),
            money(cumulative[m]) if ours else None, *_band(base.band(GMV_TOTAL, m), _yuan),
            _shows(base, m),
        ])


def _yuan(cents_value: float) -> float | None:
    return money(round(cents_value))


def _band(band: Band | None, shown: Any) -> list[Any]:
    return [None, None, None] if band is None else [shown(band.usual), shown(band.low), shown(band.high)]


def _shows(base: Baseline, m: int) -> int | None:
    band = base.band(GMV, m)
    return band.shows if band is not None else None
