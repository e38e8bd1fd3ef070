"""The review's figures on hand-built shows with known answers: incident time (overlaps
once), degraded-stream time per OBS problem, provenance shares of a show with live orders,
a manual entry and a platform import, the no-data minutes, the reconciliation's known
difference, and the ranking order."""

from __future__ import annotations

import datetime as dt

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.manual import manual_entry
from controlroom.core.plan import Plan, Segment, SegmentKind
from controlroom.core.platform_rows import ORDERS, PlatformSpec, platform_events
from controlroom.core.recap import recap_of
from controlroom.core.recap_figures import P_OVERSELL
from controlroom.core.recap_ranking import P_DEGRADED_STREAM, P_INCIDENT, P_NO_DATA, P_RECONCILE, severity
from controlroom.core.recap_reconcile import DIFF_GMV, DIFF_ORDERS, GMV_TOLERANCE_CENTS, ORDERS_TOLERANCE, beyond
from controlroom.core.recap_sources import FAMILY_INTERACTIONS, FAMILY_ORDERS, FAMILY_VIEWERS

from .helpers import Driver


def _free_show() -> Driver:
    """One hour-long free segment: no overrun, no interaction alarm within a few minutes."""
    d = Driver(Plan([Segment(SegmentKind.FREE, "自由", 3600, uid="free")]))
    d.t0 = d.clock.now()
    d.pending = []  # (closed at, ref) of incidents still to close
    d.do(c.start)
    return d


def _at(d: Driver, seconds: float) -> None:
    d.clock.t = d.t0 + seconds


def _order(d: Driver, sku: str, value: float, ref: str) -> None:
    d.feed(Event(ev.ORDER, d.clock.now(), user=f"b-{ref}", product=sku, value=value, qty=1, ref=ref))


def _incident(d: Driver, ref: str, opened: float, closed: float | None) -> None:
    """Opened and closed at those show seconds (the log in time order: called in order of `opened`)."""
    _at(d, opened)
    d.do(c.open_incident, f"technical: {ref}", ref)
    if closed is not None:
        d.pending.append((closed, ref))


def _close_due(d: Driver, upto: float) -> None:
    for closed, ref in sorted(p for p in d.pending if p[0] <= upto):
        _at(d, closed)
        d.do(c.close_incident, ref)
        d.pending.remove((closed, ref))


def _end(d: Driver, seconds: float):
    _close_due(d, seconds)
    _at(d, seconds)
    d.do(c.end_show)
    return recap_of(d.state, d.log)


def test_incident_time_counts_overlapping_incidents_once_and_an_open_one_to_the_end():
    d = _free_show()
    _incident(d, "INC-1", 60, 180)
    _incident(d, "INC-2", 120, 240)  # overlaps INC-1 by 60 s
    _close_due(d, 590)
    _incident(d, "INC-3", 600, None)  # still open at the end (660)
    r = _end(d, 660)
    assert r.kpis.incident_s == (240 - 60) + (660 - 600)
    assert r.review.incidents.incident_s == r.kpis.incident_s
    assert r.kpis.degraded_stream_s == 0  # none of them is a stream incident
    ranked = {p.subject: p for p in r.review.ranked if p.code == P_INCIDENT}
    assert ranked["technical: INC-1"].params["minutes"] == 2.0
    assert ranked["technical: INC-3"].params["minutes"] == 1.0  # open at the end: counted to the end


def test_degraded_stream_minutes_per_obs_problem():
    d = _free_show()
    _incident(d, "obs:bitrate", 30, 90)
    _incident(d, "obs:congestion", 60, 120)  # overlaps the bitrate one: the stream total counts it once
    _incident(d, "INC-1", 150, 400)  # not a stream incident: incident time, not degraded
    _incident(d, "obs:bitrate-2", 200, 260)
    r = _end(d, 600)
    time = r.review.incidents
    assert {(s.problem, s.incidents, s.seconds) for s in time.by_problem} == {("bitrate", 2, 120.0),
                                                                               ("congestion", 1, 60.0)}
    assert time.degraded_s == r.kpis.degraded_stream_s == (120 - 30) + (260 - 200)
    assert r.kpis.incident_s == (120 - 30) + (400 - 150)
    stream = {p.subject: p for p in r.review.ranked if p.code == P_DEGRADED_STREAM}
    assert stream["bitrate"].params == {"minutes": 2.0, "count": 2}
    assert stream["bitrate"].ts == d.t0 + 30  # its first incident


def _mixed_show() -> tuple[Driver, object]:
    """Live: 3 orders of ¥10 (minutes 0, 1, 2) and 3 viewer samples; a manual entry brings
    the totals to 5 orders / ¥50 and types in an online figure; a platform order list
    then holds the three live ids (skipped) and one more order of ¥50 in minute 1."""
    d = _free_show()
    d.do(c.set_shelf, "T1", True)
    for n, t in enumerate((10, 70, 130), 1):
        _at(d, t)
        d.feed(Event(ev.VIEWERS, d.clock.now(), value=100.0 * n))
        _order(d, "T1", 10.0, f"o{n}")
    _at(d, 140)
    d.feed(Event(ev.COMMENT, d.clock.now(), user="u1", text="好"))
    _at(d, 150)
    d.feed(*manual_entry(d.state, d.clock.now(), online=250, gmv_total=50.0, orders_total=5))
    end = _end(d, 240)  # the show is over; the platform's export comes in after
    assert end.review.reconciliation.imported is False
    t0 = dt.datetime.fromtimestamp(d.t0, dt.UTC)
    rows = [[f"o{n}", (t0 + dt.timedelta(seconds=s)).strftime("%Y-%m-%d %H:%M:%S"), "T1", 10.0]
            for n, s in ((1, 10), (2, 70), (3, 130))]
    rows.append(["p9", (t0 + dt.timedelta(seconds=95)).strftime("%Y-%m-%d %H:%M:%S"), "T1", 50.0])
    spec = PlatformSpec(ORDERS, {"order_id": 0, "time": 1, "product": 2, "amount": 3}, dt.UTC)
    imported = platform_events(d.state, ["订单号", "下单时间", "商品", "实付金额"], rows, spec)
    assert imported.duplicate_orders == 3 and len(imported.events) == 1
    for e in imported.events:  # as the service commits an import: folded, in the log
        d.state.apply(e)
        d.log.append(e)
    d.log.sort(key=lambda e: e.ts)
    return d, recap_of(d.state, d.log)


def test_provenance_shares_of_live_manual_and_platform_figures():
    _d, r = _mixed_show()
    shares = {(s.family, s.source): s for s in r.review.provenance.shares}
    orders = [shares[(FAMILY_ORDERS, s)] for s in ("live", "manual", "platform")]
    assert [o.count for o in orders] == [3, 2, 1]
    assert [o.share for o in orders] == pytest.approx([3 / 6, 2 / 6, 1 / 6])
    assert [o.gmv_cents for o in orders] == [3000, 2000, 5000]
    assert [o.gmv_share for o in orders] == pytest.approx([0.3, 0.2, 0.5])
    assert sum(o.count for o in orders) == r.kpis.orders  # the same orders as the Summary's
    assert sum(o.gmv_cents for o in orders) == round(r.kpis.gmv * 100)
    viewers = [shares[(FAMILY_VIEWERS, s)] for s in ("live", "manual", "platform")]
    assert [v.count for v in viewers] == [3, 1, 0] and viewers[1].share == 0.25
    assert shares[(FAMILY_INTERACTIONS, "live")].count == 1 and shares[(FAMILY_INTERACTIONS, "live")].share == 1.0


def test_reconciliation_flags_the_order_the_live_feed_missed():
    _d, r = _mixed_show()
    rc = r.review.reconciliation
    assert rc.imported
    assert (rc.live_orders, rc.live_gmv_cents) == (5, 5000)  # live feed and manual entries
    assert (rc.platform_orders, rc.platform_gmv_cents) == (6, 10000)
    assert rc.total_differences == (DIFF_ORDERS, DIFF_GMV)
    [row] = rc.rows  # the one minute the platform brought figures for
    assert (row.minute, row.live_orders, row.platform_orders, row.gmv_diff_cents) == (1, 1, 2, 5000)
    assert row.live_online == 200.0 and row.platform_online is None
    assert row.differences == (DIFF_ORDERS, DIFF_GMV)
    [problem] = [p for p in r.review.ranked if p.code == P_RECONCILE]
    assert problem.params["orders"] == 1 and problem.params["gmv"] == 50.0 and problem.params["percent"] == 50.0


def test_tolerances():
    assert not beyond(100, 101, ORDERS_TOLERANCE)  # 1 in 101 is within 2 %
    assert beyond(10, 11, ORDERS_TOLERANCE)
    assert not beyond(1000, 1099, GMV_TOLERANCE_CENTS)  # 99 cents on ¥10: within ¥1
    assert beyond(100_000, 103_000, GMV_TOLERANCE_CENTS)  # ¥30 on ¥1000: over 2 %


def test_no_data_minutes_are_the_minutes_without_any_feed_event():
    d = _free_show()
    _at(d, 5)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=10.0))
    _at(d, 200)  # minute 3: a comment alone is data
    d.feed(Event(ev.COMMENT, d.clock.now(), user="u", text="在吗"))
    _at(d, 330)  # minute 5
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=12.0))
    _at(d, 350)
    d.do(c.note, "a note is no feed data")
    r = _end(d, 420)  # ends at exactly 7:00: minutes 0 … 6
    gaps = [(g.first_minute, g.last_minute, g.start) for g in r.review.provenance.gaps]
    assert gaps == [(1, 2, d.t0 + 60), (4, 4, d.t0 + 240), (6, 6, d.t0 + 360)]
    assert r.review.provenance.no_data_minutes == 4
    assert [p.params["minutes"] for p in r.review.ranked if p.code == P_NO_DATA] == [2, 1, 1]


def test_problems_are_ranked_by_severity_with_ties_in_time_order():
    d = _free_show()
    _at(d, 5)
    d.feed(Event(ev.VIEWERS, d.clock.now(), value=100.0))
    _incident(d, "obs:congestion", 30, 330)  # 5 min degraded: 60 + 2 × 5 = 70
    _at(d, 40)
    _order(d, "P1", 59.0, "x1")  # off shelf: an oversell, 70 + 5 × 1 = 75
    for t in (100, 160, 360, 420, 480):  # data in minutes 1, 2, 6, 7, 8; none in 3 … 5
        _at(d, t)
        d.feed(Event(ev.VIEWERS, d.clock.now(), value=100.0))
    r = _end(d, 540)
    ranked = [(p.code, p.score) for p in r.review.ranked]
    assert ranked == [(P_OVERSELL, 75.0), (P_DEGRADED_STREAM, 70.0), (P_NO_DATA, 46.0)]
    assert severity(P_OVERSELL, 100) == 100.0  # capped
