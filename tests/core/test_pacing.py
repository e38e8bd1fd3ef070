"""The pacing engine, on a fake clock: every figure from timestamps and `now`."""

import pytest

from controlroom.core import commands as c
from controlroom.core.commands import CommandError
from controlroom.core.pacing import Phase, ShowStatus
from controlroom.core.settings import ShowSettings

from .helpers import Driver


def started(**kw):
    d = Driver(**kw)
    d.do(c.start)
    return d


def test_a_planned_show_reports_the_plan():
    d = Driver()
    p = d.at(0)
    assert p.status == ShowStatus.PLANNED
    assert p.segment is None and p.next_segment.uid == "open"
    assert p.expected_end_s == pytest.approx(1800)


def test_start_opens_the_first_segment_and_counts_down():
    d = started()
    p = d.at(100)
    assert p.status == ShowStatus.RUNNING and p.segment.uid == "open" and p.index == 0
    assert p.elapsed_s == pytest.approx(100) and p.remaining_s == pytest.approx(200)
    assert p.show_elapsed_s == pytest.approx(100)
    assert p.next_segment.uid == "slot1"


def test_product_slot_warns_at_three_minutes_and_overruns_after_five():
    d = started()
    d.do(c.next_segment)
    assert d.at(179).phase == Phase.NORMAL
    assert d.at(1).phase == Phase.WARNING
    assert d.at(120).phase == Phase.WARNING
    p = d.at(1)
    assert p.phase == Phase.OVERRUN and p.remaining_s == pytest.approx(-1)


def test_other_kinds_warn_one_minute_before_their_end():
    d = started()
    assert d.at(239).phase == Phase.NORMAL
    assert d.at(1).phase == Phase.WARNING


def test_thresholds_follow_the_show_settings():
    d = started(settings=ShowSettings(slot_warn_minutes=4, slot_max_minutes=5))
    d.do(c.next_segment)
    assert d.at(230).phase == Phase.NORMAL
    assert d.at(20).phase == Phase.WARNING


def test_pause_freezes_the_segment_not_the_show():
    d = started()
    d.at(60)
    d.do(c.pause)
    p = d.at(100)
    assert p.status == ShowStatus.PAUSED
    assert p.elapsed_s == pytest.approx(60) and p.show_elapsed_s == pytest.approx(160)
    d.do(c.start)  # start while paused resumes
    p = d.at(10)
    assert p.status == ShowStatus.RUNNING and p.elapsed_s == pytest.approx(70)


def test_changing_segment_while_paused_keeps_the_pause():
    d = started()
    d.at(30)
    d.do(c.pause)
    d.at(20)
    d.do(c.next_segment)
    p = d.at(40)
    assert p.segment.uid == "slot1" and p.status == ShowStatus.PAUSED and p.elapsed_s == 0
    d.do(c.resume)
    assert d.at(5).elapsed_s == pytest.approx(5)


def test_next_previous_skip_jump():
    d = started()
    d.do(c.next_segment)
    assert d.at(1).segment.uid == "slot1"
    d.do(c.previous_segment)
    assert d.at(1).segment.uid == "open"
    d.do(c.skip)
    assert d.at(1).segment.uid == "inter"
    d.do(c.jump, 4)
    assert d.at(1).segment.uid == "push"
    with pytest.raises(CommandError):
        d.do(c.jump, 9)


def test_extend_adds_minutes_and_makes_the_show_late():
    d = started()
    d.do(c.extend, 1)
    p = d.at(300)
    assert p.planned_s == 360 and p.remaining_s == pytest.approx(60) and p.phase == Phase.WARNING
    assert p.ahead_behind_s == pytest.approx(-60)
    assert p.expected_end_s == pytest.approx(1860)


def test_ahead_behind_tracks_overruns_and_early_moves():
    d = started()
    d.at(400)  # opening overran by 100 s
    p = d.at(0)
    assert p.ahead_behind_s == pytest.approx(-100)
    d.do(c.next_segment)
    d.at(200)
    d.do(c.next_segment)  # slot1 ended 100 s early
    assert d.at(0).ahead_behind_s == pytest.approx(0)


def test_interaction_due_at_ten_overdue_at_fifteen_reset_by_marking():
    d = started()
    d.do(c.next_segment)
    assert not d.at(599).interaction_due
    p = d.at(1)
    assert p.interaction_due and not p.interaction_overdue
    p = d.at(300)
    assert p.interaction_overdue and p.since_interaction_s == pytest.approx(900)
    d.do(c.mark_interaction)
    p = d.at(5)
    assert not p.interaction_due and p.since_interaction_s == pytest.approx(5)


def test_an_interaction_segment_counts_as_an_interaction():
    d = started()
    d.at(700)
    d.do(c.jump, 2)
    p = d.at(60)
    assert p.since_interaction_s == 0 and not p.interaction_due
    d.do(c.next_segment)
    assert d.at(30).since_interaction_s == pytest.approx(30)


def test_final_push_flag_in_its_segment_and_in_the_last_ten_minutes():
    d = started()
    assert not d.at(60).final_push
    d.do(c.jump, 4)
    p = d.at(1)
    assert p.final_push and not p.interaction_due
    d.do(c.previous_segment)
    assert d.at(1200).final_push  # 1200 s of a 1800 s show: the last 10 minutes


def test_promo_counters_against_the_target():
    d = started()
    d.do(c.next_segment)
    d.do(c.explain, "T1")
    for _ in range(2):
        d.do(c.mark_promo)
    assert d.at(1).promos["T1"] == (2, "low")
    assert d.at(0).promos["P1"] == (0, "low")
    d.do(c.mark_promo)
    assert d.at(0).promos["T1"] == (3, "ok")
    for _ in range(3):
        d.do(c.mark_promo, "T1")
    assert d.at(0).promos["T1"] == (6, "over")


def test_end_show_freezes_everything():
    d = started()
    d.at(100)
    d.do(c.end_show)
    p = d.at(1000)
    assert p.status == ShowStatus.ENDED and p.show_elapsed_s == pytest.approx(100)
    assert p.elapsed_s == pytest.approx(100) and not p.interaction_due
    with pytest.raises(CommandError):
        d.do(c.next_segment)


@pytest.mark.parametrize("command,args", [
    (c.next_segment, ()), (c.pause, ()), (c.extend, (1,)), (c.end_show, ()), (c.mark_interaction, ()),
])
def test_commands_on_a_show_not_started_are_refused(command, args):
    d = Driver()
    with pytest.raises(CommandError):
        d.do(command, *args)
    assert d.log == []


def test_last_segment_next_is_refused_and_start_twice_is_refused():
    d = started()
    d.do(c.jump, 5)
    with pytest.raises(CommandError, match="last segment"):
        d.do(c.next_segment)
    with pytest.raises(CommandError):
        d.do(c.start)
    with pytest.raises(CommandError):
        d.do(c.extend, 0)


def test_shortening_a_segment_cannot_take_it_below_zero():
    """Extending by a negative number shortens the segment; by more than it has left of
    its planned length it would plan a negative duration (-5 min for a 5-min opening
    shortened by 10), so it is refused, saying how long it is planned for."""
    d = started()
    d.at(100)
    with pytest.raises(CommandError, match="planned for 5 min: shorten it by less"):
        d.do(c.extend, -10)
    with pytest.raises(CommandError):
        d.do(c.extend, -5)  # exactly its length: no time at all
    d.do(c.extend, -4)
    d.do(c.extend, 2)
    with pytest.raises(CommandError, match="planned for 3 min"):
        d.do(c.extend, -3.5)
    p = d.at(0)
    assert p.planned_s == 180 and p.remaining_s == pytest.approx(80)
