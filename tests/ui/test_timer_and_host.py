"""The timer panel and the host display follow the room view; the host's digits are big."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from controlroom.core import commands
from controlroom.core.pacing import Phase
from controlroom.ui import theme
from controlroom.ui.host_display import HostDisplay
from controlroom.ui.timer_panel import TimerPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot):
    p = TimerPanel([QAction("x")])
    qtbot.addWidget(p)
    return p


@pytest.fixture
def display(qtbot):
    d = HostDisplay()
    qtbot.addWidget(d)
    yield d
    d.close()


def test_countdown_colour_follows_the_phase(panel, session, clock):
    service = session.service
    service.start()
    panel.show_view(service.view())
    assert panel.countdown.text() == "05:00"
    assert theme.PHASE_COLOURS[Phase.NORMAL] in panel.countdown.styleSheet()
    clock.advance(4 * 60 + 30)
    panel.show_view(service.view())
    assert theme.PHASE_COLOURS[Phase.WARNING] in panel.countdown.styleSheet()
    clock.advance(45)
    panel.show_view(service.view())
    assert panel.countdown.text() == "+00:15"
    assert theme.PHASE_COLOURS[Phase.OVERRUN] in panel.countdown.styleSheet()


def test_cues_show_interaction_due_final_push_and_promo_counts(panel, session, clock):
    service = session.service
    service.start()
    clock.advance(11 * 60)
    snap = service.view()
    assert snap.pacing.interaction_due
    panel.show_view(snap)
    assert "11" in panel.interaction_cue.text()
    assert "#ffca28" in panel.interaction_cue.styleSheet()
    assert panel.final_push_cue.isHidden()
    sku = service.state.queue.order[0]
    service.run(commands.mark_promo, sku)
    panel.show_view(service.view())
    assert f"{service.state.queue.products[sku].name} ×1" in panel.promos.text()
    clock.advance(40 * 60)
    panel.show_view(service.view())
    assert not panel.final_push_cue.isHidden()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768), (800, 600)])
@pytest.mark.parametrize("text", ["05:00", "+12:34"])
def test_host_countdown_digits_are_a_fifth_of_the_window_height(display, qtbot, size, text):
    display.resize(*size)
    with qtbot.waitExposed(display):
        display.show()
    display._set_countdown(text)
    assert display.digit_height() >= display.height() / 5
    assert display.countdown.sizeHint().width() <= display.width()


def test_a_long_countdown_shrinks_to_fit_a_narrow_window(display, qtbot):
    display.resize(600, 900)
    with qtbot.waitExposed(display):
        display.show()
    display._set_countdown("+1:02:03")
    assert display.countdown.sizeHint().width() <= display.width()


def test_host_display_shows_product_promo_next_and_message(display, session, clock):
    service = session.service
    service.start()
    service.next()
    snap = service.view()
    seg = snap.pacing.segment
    display.show_view(snap)
    if seg.product_sku:
        product = snap.product(seg.product_sku)
        assert product.name in display.labels["product"].text()
        assert product.promo in display.labels["promo"].text()
    assert snap.pacing.next_segment.title in display.labels["next"].text()
    display.set_message("上福袋", blink=True)
    assert display.blink_timer.isActive()
    style = display.labels["message"].styleSheet()
    display._toggle_blink()
    assert display.labels["message"].styleSheet() != style
    display.set_message("上福袋", blink=False)
    assert not display.blink_timer.isActive()


def test_no_interaction_cue_before_the_show_starts_or_after_it_ends(panel, session, clock):
    """"Last interaction 0 min ago" before anything happened misleads the controller."""
    service = session.service
    panel.show_view(service.view())
    assert panel.interaction_cue.isHidden()
    service.start()
    clock.advance(3 * 60)
    panel.show_view(service.view())
    assert not panel.interaction_cue.isHidden()
    service.end()
    panel.show_view(service.view())
    assert panel.interaction_cue.isHidden()


def test_the_host_sees_that_the_timer_is_paused(display, session, clock):
    """A grey, frozen countdown alone looks like a hung screen: the host is told it is paused."""
    from controlroom.core.pacing import ShowStatus
    from controlroom.ui import texts

    service = session.service
    service.start()
    display.show_view(service.view())
    assert texts.status(ShowStatus.PAUSED) not in display.labels["segment"].text()
    service.run(commands.toggle_pause)
    display.show_view(service.view())
    assert texts.status(ShowStatus.PAUSED) in display.labels["segment"].text()


def test_after_the_end_the_timer_shows_no_segment_time_and_the_end_stops_moving(panel, session, clock):
    """The last segment's countdown and a moving 预计结束 after the end look like a show still on."""
    from controlroom.core.pacing import ShowStatus
    from controlroom.ui import fmt, texts

    service = session.service
    service.start()
    service.next()
    clock.advance(20 * 60)
    service.end()
    ended_at = service.view().info.ended_at
    panel.show_view(service.view())
    assert panel.segment_times.text() == "—"
    assert panel.countdown.text() == fmt.clock(20 * 60)  # the show's length, not the last slot's overrun
    assert fmt.wall(ended_at) in panel.expected_end.text()
    assert panel.status.text() == texts.status(ShowStatus.ENDED)
    before = panel.expected_end.text()
    clock.advance(10 * 60)
    panel.show_view(service.view())
    assert panel.expected_end.text() == before


def test_after_the_end_the_host_sees_that_it_ended_and_how_long_it_ran(display, session, clock):
    from controlroom.ui import fmt

    service = session.service
    service.start()
    service.next()
    snap = service.view()
    product = snap.product(snap.pacing.segment.product_sku)
    display.show_view(snap)
    assert product.name in display.labels["product"].text()
    clock.advance(30 * 60)
    service.end()
    clock.advance(5 * 60)
    display.show_view(service.view())
    assert display.countdown.text() == "Show ended"
    assert fmt.clock(30 * 60) in display.labels["product"].text()
    for name in ("points", "promo", "next", "interaction", "final_push", "price"):
        assert display.labels[name].text() == "", name
    assert product.name not in display.labels["product"].text()


def test_the_host_sees_the_wall_clock_the_show_time_left_and_the_cues(display, session, clock):
    from controlroom.core import alerts as al
    from controlroom.ui import fmt, texts

    service = session.service
    service.start()
    service.next()
    clock.advance(11 * 60)
    snap = service.view()
    display.show_view(snap)
    assert display.labels["clock"].text() == fmt.wall(snap.now)
    assert fmt.clock(49 * 60) in display.labels["remaining"].text()
    due = next(a for a in snap.alerts if a.code == al.INTERACTION_DUE)
    assert display.labels["interaction"].text() == texts.alert(due)
    assert display.labels["final_push"].text() == ""
    clock.advance(45 * 60)  # 56 min into a 60-min show: the final push, and no interaction for 56 min
    snap = service.view()
    display.show_view(snap)
    assert display.labels["final_push"].text() == texts.alert(next(a for a in snap.alerts if a.code == al.FINAL_PUSH))
    assert "56" in display.labels["interaction"].text()
    clock.advance(10 * 60)
    display.show_view(service.view())
    assert fmt.clock(6 * 60) in display.labels["remaining"].text()
    assert "#ef5350" in display.labels["remaining"].styleSheet()  # over time: red
