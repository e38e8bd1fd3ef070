"""The charts' y labels never collide: a plot too short for two labels gets one, the top
round value; taller plots keep 0 and round steps well apart."""

from __future__ import annotations

import pytest

from controlroom.ui.charts import Y_TICK_SPACING_PX, y_ticks


@pytest.mark.parametrize("height", [8, 15, Y_TICK_SPACING_PX - 1])
def test_a_plot_too_short_for_two_labels_gets_one(height):
    assert y_ticks(2400, height) == [(2000, "2,000")]


@pytest.mark.parametrize("height", [Y_TICK_SPACING_PX, 60, 150])
def test_taller_plots_keep_zero_and_labels_apart(height):
    ticks = y_ticks(2400, height)
    assert ticks[0] == (0, "0") and len(ticks) >= 2
    px_per_unit = height / 2400
    gaps = [(b[0] - a[0]) * px_per_unit for a, b in zip(ticks, ticks[1:], strict=False)]
    assert min(gaps) >= Y_TICK_SPACING_PX * 0.8  # an 8-pt label is about 12 px tall
