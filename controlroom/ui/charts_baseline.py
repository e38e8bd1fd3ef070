"""The room's usual on the live charts (issue 13, core/baseline.py): per figure a grey band
(low … high) with its median dashed, behind the live curve. Set only when the usual or the
show's start changes — never on a display tick: the band then costs one cached path each."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from controlroom.ui.charts_data import BASELINE_PLOTS, baseline_band

BASELINE_BRUSH = QColor(120, 120, 120, 45)
BASELINE_PEN = QColor(110, 110, 110, 160)
VIEW_MARGIN_S = 60.0  # a band point this close outside the view still counts for the y range


class BaselineBands:
    """Attributes: items (plot name → (low, usual, high) curves), key (what is drawn; None: no band)."""

    def __init__(self, plots: dict[str, pg.PlotItem]) -> None:
        self.items: dict[str, tuple[pg.PlotCurveItem, pg.PlotCurveItem, pg.PlotCurveItem]] = {}
        self.key: tuple | None = None
        for name in BASELINE_PLOTS.values():
            low, high = pg.PlotCurveItem(), pg.PlotCurveItem()  # the fill's edges, not drawn themselves
            usual = pg.PlotCurveItem(pen=pg.mkPen(BASELINE_PEN, width=1, style=Qt.PenStyle.DashLine))
            fill = pg.FillBetweenItem(low, high, brush=BASELINE_BRUSH)
            fill.setZValue(-2)  # beneath the live curve
            usual.setZValue(-1)
            plots[name].addItem(fill, ignoreBounds=True)
            plots[name].addItem(usual, ignoreBounds=True)
            self.items[name] = (low, usual, high)

    def draw(self, base: Any, start: float | None) -> bool:
        """Bring the bands to `base` (a core Baseline, or None) for a show started at `start`;
        True when something was set."""
        shown = base is not None and start is not None and bool(base.shows)
        key = (base, start) if shown else None
        if key is self.key or (key is not None and self.key is not None and key[0] is self.key[0]
                               and key[1] == self.key[1]):
            return False  # the same (immutable) usual: compared by identity, never field by field
        self.key = key
        for figure, name in BASELINE_PLOTS.items():
            parts = baseline_band(base, start, figure) if key is not None else (np.empty(0),) * 4
            for item, y in zip(self.items[name], parts[1:], strict=True):
                item.setData(parts[0], y)
        return True

    def top(self, name: str, x0: float, x1: float) -> float:
        """The band's highest point in view (0 without one): the y range shows the usual too."""
        items = self.items.get(name)
        if items is None or self.key is None:
            return 0.0
        x, y = items[2].getData()
        if x is None or not len(x):
            return 0.0
        seen = y[(x >= x0 - VIEW_MARGIN_S) & (x <= x1 + VIEW_MARGIN_S)]
        return float(seen.max()) if len(seen) else 0.0
