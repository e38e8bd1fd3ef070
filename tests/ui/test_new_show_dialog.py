"""The New show dialog: a rehearsal made here runs on the simulator, at the speed asked
(training a cue in a minute instead of fifteen); a real show always runs in real time."""

from __future__ import annotations

import pytest

from controlroom.core.clock import SpeedClock
from controlroom.ui.show_dialogs import NewShowDialog

pytestmark = pytest.mark.gui


def make(qtbot, tmp_path, rehearsal: bool, speed: float) -> NewShowDialog:
    dialog = NewShowDialog(None, str(tmp_path / "d.db"))
    qtbot.addWidget(dialog)
    dialog.rehearsal.setChecked(rehearsal)
    dialog.speed.setValue(speed)
    dialog.create()
    assert dialog.session is not None, dialog.error.text()
    return dialog


def test_a_rehearsal_at_ten_times_runs_its_clock_and_room_ten_times_faster(qtbot, tmp_path):
    session = make(qtbot, tmp_path, True, 10).session
    try:
        clock = session.service.clock
        assert isinstance(clock, SpeedClock) and clock.speed == 10
        assert session.feed is not None  # the simulator plays the room
        assert session.service.view().info.room == "rehearsal"
    finally:
        session.close()


def test_the_speed_is_only_for_a_rehearsal(qtbot, tmp_path):
    dialog = NewShowDialog(None, str(tmp_path / "d.db"))
    qtbot.addWidget(dialog)
    assert not dialog.speed.isEnabled()
    dialog.rehearsal.setChecked(True)
    assert dialog.speed.isEnabled()
    dialog.rehearsal.setChecked(False)
    session = make(qtbot, tmp_path, False, 1).session
    try:
        assert not isinstance(session.service.clock, SpeedClock) and session.feed is None
    finally:
        session.close()
