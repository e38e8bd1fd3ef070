"""Undo in the core: an action then its undo leaves the state exactly as if the action was
never taken (status JSON, the queue, incidents, the timer — time included); undo again
takes back the action before; a move-on (several events) goes back whole; refusals."""

from __future__ import annotations

import copy

import pytest

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.commands import CommandError
from controlroom.core.settings import ShowSettings
from controlroom.core.show import status_dict
from controlroom.core.undo import UNDOABLE_KINDS, undone_ids
from tests.core.helpers import Driver


class LoggedDriver(Driver):
    """Gives every event an id, as the log does on commit."""

    def do(self, command, *args):
        events = command(self.state, self.clock.now(), *args)
        for e in events:
            e.id = len(self.log) + 1
            self.state.apply(e)
            self.log.append(e)
        return events


def picture(d: Driver) -> dict:
    """Everything compared: the status JSON and the queue's and incidents' own facts."""
    q = d.state.queue
    return copy.deepcopy({
        "status": status_dict(d.state.snapshot(d.clock.now())),
        "on_shelf": sorted(q.on_shelf), "explaining": q.explaining, "shelf_times": q.shelf_times,
        "incidents": d.state.incidents, "runs": d.state.timer.runs, "timer": d.state.timer,
    })


def history(d: Driver) -> None:
    """A show well under way: on the first product slot, with a little of everything."""
    d.do(c.set_shelf, "I1", True)
    d.do(c.start)
    d.at(40)
    d.do(c.next_segment)  # onto slot1: T1 explained and on shelf
    d.at(20)
    d.do(c.open_incident, "断流", "INC-1")
    d.do(c.host_message, "先讲价格", True)  # blinking: undoing a later message brings the blink back
    d.do(c.note, "主播换装")
    d.at(15)


ACTIONS = [
    (c.next_segment, ()), (c.previous_segment, ()), (c.jump, (3,)), (c.skip, ()), (c.extend, (2.0,)),
    (c.mark_interaction, ()), (c.mark_promo, ("T1",)), (c.set_shelf, ("P1", True)), (c.set_shelf, ("T1", False)),
    (c.explain, ("P1",)), (c.host_message, ("上福袋",)), (c.host_message, ("上福袋", True)), (c.open_incident, ("卡顿", "INC-2")),
    (c.close_incident, ("INC-1",)), (c.toggle_pause, ()),
]


@pytest.mark.parametrize(("command", "args"), ACTIONS, ids=[f.__name__ + str(a) for f, a in ACTIONS])
def test_an_action_then_undo_is_as_if_it_never_happened(command, args):
    done, never = LoggedDriver(), LoggedDriver()
    for d in (done, never):
        history(d)
    assert done.do(command, *args)
    done.at(30)
    never.at(30)
    undone = done.do(c.undo)
    assert undone[0].kind == ev.UNDONE
    for d in (done, never):
        d.at(12)
    assert picture(done) == picture(never)


def test_resume_is_undone_too():
    done, never = LoggedDriver(), LoggedDriver()
    for d in (done, never):
        history(d)
        d.do(c.pause)
        d.at(10)
    done.do(c.resume)
    done.at(5)
    never.at(5)
    done.do(c.undo)
    assert done.state.timer.status.value == "paused"
    assert picture(done) == picture(never)


def test_undoing_f7_thirty_seconds_later_counts_them_on_the_segment_before():
    d = LoggedDriver()
    d.do(c.start)
    d.at(60)
    d.do(c.next_segment)
    d.at(30)
    d.do(c.undo)
    p = d.state.pacing(d.clock.now())
    assert p.segment.uid == "open"
    assert p.elapsed_s == pytest.approx(90)
    assert len(d.state.timer.runs) == 1


def test_undo_twice_takes_back_the_action_before():
    done, never = LoggedDriver(), LoggedDriver()
    for d in (done, never):
        history(d)
    done.do(c.extend, 1.0)
    done.do(c.mark_interaction)
    assert done.state.snapshot(done.clock.now()).undo == "interaction"
    done.do(c.undo)
    assert done.state.snapshot(done.clock.now()).undo == "extend"
    done.do(c.undo)
    assert picture(done) == picture(never)
    assert status_dict(done.state.snapshot(done.clock.now()))["undo"] == "host message"


def test_moving_on_to_a_product_slot_is_one_action_and_one_undo_takes_it_all_back():
    d = LoggedDriver()
    d.do(c.start)
    d.do(c.next_segment)  # slot1 (T1)
    d.do(c.next_segment)  # the interaction
    before = picture(d)
    moved = d.do(c.next_segment)  # slot2 (P1): T1 off, P1 on, P1 explained
    assert [(e.kind, e.product) for e in moved] == [
        (ev.SEGMENT_STARTED, None), (ev.PRODUCT_OFF_SHELF, "T1"), (ev.PRODUCT_ON_SHELF, "P1"),
        (ev.EXPLAINING_STARTED, "P1")]
    q = d.state.queue
    assert (q.explaining, sorted(q.on_shelf)) == ("P1", ["P1"])
    (undo,) = d.do(c.undo)
    assert undo.data == {"ids": [e.id for e in moved]}
    assert undo.text == "next segment"
    assert picture(d) == before


def test_without_auto_shelf_moving_on_only_explains_and_the_alert_says_it_is_off_shelf():
    d = LoggedDriver(settings=ShowSettings(auto_shelf=False))
    d.do(c.start)
    moved = d.do(c.next_segment)
    assert [e.kind for e in moved] == [ev.SEGMENT_STARTED, ev.EXPLAINING_STARTED]
    alerts = d.state.snapshot(d.clock.now()).alerts
    assert [(a.code, a.subject) for a in alerts if a.code == "on_air_off_shelf"] == [("on_air_off_shelf", "T1")]
    d.do(c.set_shelf, "T1", True)
    assert not [a for a in d.state.snapshot(d.clock.now()).alerts if a.code == "on_air_off_shelf"]


def test_nothing_to_undo_is_refused_and_nothing_is_made():
    d = LoggedDriver()
    with pytest.raises(CommandError, match="nothing to undo"):
        d.do(c.undo)
    d.do(c.set_shelf, "T1", True)
    d.do(c.start)  # the start is a boundary: what was done before it stays
    with pytest.raises(CommandError, match="since the show started"):
        d.do(c.undo)
    d.do(c.note, "只是一条备注")  # not undoable, and skipped by nothing
    d.do(c.set_stock, "T1", 50)
    with pytest.raises(CommandError, match="since the show started"):
        d.do(c.undo)
    d.do(c.mark_interaction)
    d.do(c.end_show)
    with pytest.raises(CommandError, match="since the show ended"):
        d.do(c.undo)
    assert [e.kind for e in d.log].count(ev.UNDONE) == 0


def test_an_action_after_notes_and_stock_is_still_the_one_undone():
    d = LoggedDriver()
    d.do(c.start)
    d.do(c.set_shelf, "P1", True)
    d.do(c.note, "备注")
    d.do(c.set_stock, "P1", 3)
    d.do(c.undo)
    assert "P1" not in d.state.queue.on_shelf
    assert d.state.queue.stock("P1") == 3  # the stock adjustment is not undone


def test_replaying_the_log_without_the_undone_pairs_gives_the_live_state():
    live = LoggedDriver()
    history(live)
    live.do(c.next_segment)
    live.do(c.undo)
    live.do(c.close_incident, "INC-1")
    live.do(c.undo)
    live.do(c.extend, 3.0)
    skip = undone_ids(live.log)
    replay = LoggedDriver()
    for e in live.log:
        if e.kind != ev.UNDONE and e.id not in skip:
            replay.state.apply(e)
    replay.clock.advance(live.clock.now() - replay.clock.now())
    assert picture(replay) == picture(live)


def test_every_undoable_kind_is_named():
    from controlroom.core.undo import LABELS, label_of

    for kind in UNDOABLE_KINDS:
        assert label_of(ev.Event(kind, 0.0, text="next")) in LABELS


def test_the_recap_does_not_count_an_undone_explain():
    from controlroom.core.recap import recap_of

    d = LoggedDriver(settings=ShowSettings(auto_shelf=False))
    d.do(c.start)
    d.at(10)
    d.do(c.explain, "P1")
    d.at(60)
    d.do(c.undo)
    d.at(30)
    d.do(c.end_show)
    recap = recap_of(d.state, d.log)
    explained = {p.sku: p.explained_s for p in recap.products}
    assert explained.get("P1", 0.0) == 0.0


def test_auto_shelf_is_a_setting_on_by_default_read_as_true_or_false():
    assert ShowSettings().auto_shelf is True
    assert ShowSettings.from_dict({"auto_shelf": 0}).auto_shelf is False
    assert ShowSettings.from_dict({"auto_shelf": True}).replace(low_stock_units=3).auto_shelf is True
    with pytest.raises(ValueError, match="auto_shelf: 'yes' is not true or false"):
        ShowSettings.from_dict({"auto_shelf": "yes"})
