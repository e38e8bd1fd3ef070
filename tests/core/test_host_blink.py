"""The host message's blink is part of the log: the event carries it (flag "blink"), the
fold keeps it with the text, an undo brings back the previous message with its own blink,
and an event from an older log (no flag) does not blink."""

from __future__ import annotations

from controlroom.core import commands as c
from controlroom.core import events as ev
from controlroom.core.events import Event
from controlroom.core.show import status_dict
from tests.core.test_undo import LoggedDriver


def shown(d: LoggedDriver) -> tuple[str, bool]:
    snap = d.state.snapshot(d.clock.now())
    assert status_dict(snap)["host_blink"] == snap.host_blink
    return snap.host_message, snap.host_blink


def test_a_blinking_message_is_written_and_folded_with_its_blink():
    d = LoggedDriver()
    (e,) = d.do(c.host_message, " 上福袋 ", True)
    assert (e.text, e.flag) == ("上福袋", ev.FLAG_BLINK)
    assert shown(d) == ("上福袋", True)
    d.do(c.host_message, "讲价格")
    assert shown(d) == ("讲价格", False)


def test_an_empty_message_clears_and_never_blinks():
    d = LoggedDriver()
    d.do(c.host_message, "上福袋", True)
    (e,) = d.do(c.host_message, "  ", True)
    assert e.flag is None
    assert shown(d) == ("", False)


def test_undo_restores_the_previous_message_and_its_blink():
    d = LoggedDriver()
    d.do(c.start)
    d.do(c.host_message, "上福袋", True)
    d.do(c.host_message, "讲价格")
    d.do(c.undo)
    assert shown(d) == ("上福袋", True)
    d.do(c.undo)
    assert shown(d) == ("", False)


def test_an_older_logs_message_has_no_flag_and_does_not_blink():
    d = LoggedDriver()
    d.state.apply(Event(ev.HOST_MESSAGE, d.clock.now(), text="老消息", id=1))
    assert shown(d) == ("老消息", False)
