"""What the screenshots showed and is fixed: the promo counters are gone once the show has
ended (nothing is left to repeat), and a message too long for its field shows its start,
as the host reads it, not its end."""

from __future__ import annotations

import pytest

from controlroom.core import commands

pytestmark = pytest.mark.gui

LONG = "Two minutes left: lucky bag next! Remind everyone to follow; link goes up right after the price " * 2


def test_no_promo_counters_after_the_end(window, clock):
    window.act_start.trigger()
    window.act_next.trigger()
    sku = window.service.view().pacing.segment.product_sku
    window.run(commands.mark_promo, sku)
    window.refresh()
    assert "×1" in window.timer_panel.promos.text()
    clock.advance(10)
    window.service.end()
    window.refresh()
    assert window.timer_panel.promos.text() == ""


def test_a_long_message_shown_in_the_field_starts_at_its_beginning(window, session, clock):
    window.act_start.trigger()
    session.service.run(commands.host_message, LONG)  # from the API, or a log reopened after a crash
    window.refresh()
    field = window.timer_panel.host_text
    assert field.text() == LONG.strip()
    assert field.cursorPosition() == 0
