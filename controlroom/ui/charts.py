"""Live charts (pyqtgraph): online viewers, interaction rate, GMV and orders per minute
and cumulative; segment runs as shaded bands, shelf on/off as markers.

Data arrive in `ChartData` buffers as events come in; one display timer redraws at a
fixed rate (prefs.CHART_REDRAW_MS) whatever the event rate. Pens are 1 px wide (wider
pens cost ~10x paint time without OpenGL); peak downsampling and clip-to-view are set
when each curve is created.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from controlroom.core.plan import SegmentKind
from controlroom.core.views import Spans
from controlroom.ui import prefs
from controlroom.ui.chart_gaps import break_at_gaps
from controlroom.ui.charts_baseline import BaselineBands
from controlroom.ui.charts_data import ChartData

BAND_COLOURS = {
    SegmentKind.OPENING: QColor(120, 160, 255, 40),
    SegmentKind.PRODUCT: QColor(120, 200, 140, 35),
    SegmentKind.INTERACTION: QColor(255, 200, 80, 55),
    SegmentKind.FINAL_PUSH: QColor(255, 110, 110, 50),
    SegmentKind.CLOSING: QColor(170, 170, 170, 45),
    SegmentKind.FREE: QColor(200, 200, 200, 30),
}
# Above this many points in view, curves draw the per-minute envelope (min and max of
# each minute) instead of every second: the same picture at a few pixels per minute.
ENVELOPE_ABOVE_POINTS = 20_000
PLOT_COUNT = 6  # no grid lines: the axes draw them, and they doubled the tick time (bench/ui.py)
LEFT_AXIS_PX = 56
ROWS = (("online", "rate"), ("gmv_rate", "gmv_total"), ("orders_rate", "orders_total"))
CURVE_COLOURS = ("#1f77b4", "#9467bd", "#d62728", "#ff7f0e", "#2ca02c", "#17becf")
# The least each y axis shows (0 … this): an empty show's axes read "0 … 10 viewers",
# "0 … ¥1", not pyqtgraph's −0.5 … 0.5 around nothing.
Y_FLOORS = {"online": 10.0, "rate": 1.0, "gmv_rate": 1.0, "gmv_total": 1.0, "orders_rate": 5.0, "orders_total": 5.0}
Y_HEADROOM = 1.1
TICK_POINT_SIZE = 8  # small enough that a laptop's short plots keep their labels apart
TITLE_SIZE = "9pt"
Y_TICK_SPACING_PX = 28  # at most one y label per this many pixels: short plots get 0 and one more
# Where the figure is short and wide (a laptop), the plots go 3 a row instead of 2:
# per-minute figures above, totals below.
WIDE_ORDER = ("online", "gmv_rate", "orders_rate", "rate", "gmv_total", "orders_total")
WIDE_BELOW_PX = 330
WIDE_MIN_WIDTH_PX = 540


def make_curve(colour: str) -> pg.PlotDataItem:
    """A curve with the settings that keep a 43,200-point series cheap to draw."""
    return pg.PlotDataItem(
        pen=pg.mkPen(colour, width=1), autoDownsample=True, downsampleMethod="peak",
        clipToView=True, skipFiniteCheck=True,
    )


def y_ticks(top: float, height_px: float) -> list[tuple[float, str]]:
    """0 and round steps (1, 2 or 5 × 10^k) up to `top`, no closer than Y_TICK_SPACING_PX;
    a plot shorter than that gets its top round value alone (0 and it would overlap)."""
    slots = max(1, int(height_px // Y_TICK_SPACING_PX))
    raw = top / slots
    magnitude = 10 ** np.floor(np.log10(raw)) if raw > 0 else 1.0
    steps = [m * magnitude for m in (1, 2, 5, 10)]
    step = next(x for x in steps if x >= raw)
    if step > top:  # a short plot: one round value below the top rather than 0 alone
        step = max(x for x in steps if x <= top) if steps[0] <= top else step
    count = int(top // step)
    ticks = [(i * step, f"{i * step:,.0f}" if step >= 1 else f"{i * step:g}") for i in range(count + 1)]
    return ticks[-1:] if height_px < Y_TICK_SPACING_PX else ticks


def visible_range(curve: pg.PlotDataItem, x0: float, x1: float) -> tuple[float, float]:
    """The lowest and highest y of the curve's points between x0 and x1 (0, 0 when none)."""
    xs, ys = curve.xData, curve.yData
    if xs is None or ys is None or not len(xs):
        return 0.0, 0.0
    inside = ys[(xs >= x0) & (xs <= x1)]
    inside = inside[np.isfinite(inside)]
    return (float(inside.min()), float(inside.max())) if len(inside) else (0.0, 0.0)


class BandsItem(pg.GraphicsObject):
    """All segment runs of a plot as shaded full-height bands, in one item."""

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[float, float, QColor]] = []

    def set_spans(self, spans: list[tuple[float, float, QColor]]) -> None:
        self.prepareGeometryChange()
        self._spans = spans
        self.update()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        view = self.viewRect()
        if view is None or not self._spans:
            return QRectF()
        x0 = min(s[0] for s in self._spans)
        x1 = max(s[1] for s in self._spans)
        return QRectF(x0, view.top(), x1 - x0, view.height())

    def paint(self, p: QPainter, *args: object) -> None:
        view = self.viewRect()
        if view is None:
            return
        p.setPen(Qt.PenStyle.NoPen)
        for x0, x1, colour in self._spans:
            if x1 >= view.left() and x0 <= view.right():
                p.fillRect(QRectF(x0, view.top(), x1 - x0, view.height()), colour)


class ChartsPanel(QWidget):
    """Attributes: plots (name → PlotItem), curves (series name → PlotDataItem),
    timer (the display timer), frames (redraws that changed something)."""

    def __init__(self, host: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.frames = 0
        self._drawn: dict[str, tuple] = {}
        self._bands_key: dict[str, tuple] = {}
        self._markers_key: tuple = ()
        self._turn = 0
        self._rate_minutes: list[int] = []
        self._rate_values: list[float] = []
        self._whole_span = 0.0
        self._ticks_key: dict[str, tuple] = {}
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(prefs.CHART_REDRAW_MS // len(ROWS))
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._range_bar())
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setBackground("w")
        self.graphs.ci.setContentsMargins(2, 2, 2, 2)  # the plots' room, not the frame's
        self.graphs.ci.setSpacing(2)
        layout.addWidget(self.graphs)
        titles = {
            "online": self.tr("Online viewers"), "rate": self.tr("Interaction rate (%)"),
            "gmv_rate": self.tr("GMV per minute (¥)"), "gmv_total": self.tr("GMV cumulative (¥)"),
            "orders_rate": self.tr("Orders per minute"), "orders_total": self.tr("Orders cumulative"),
        }
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.bands: dict[str, BandsItem] = {}
        for i, (name, title) in enumerate(titles.items()):
            self._add_plot(name, title, i)
        self.columns = 2
        self._arrange(2)
        self.markers = pg.ScatterPlotItem(size=9, pen=None)
        self.plots["online"].addItem(self.markers)
        self.baseline = BaselineBands(self.plots)  # the room's usual behind the live curves (issue 13)

    def _range_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.range_mode = QComboBox()
        self.range_mode.addItem(self.tr("Whole show"), "all")
        self.range_mode.addItem(self.tr("Last minutes:"), "last")
        self.range_mode.setCurrentIndex(1)
        self.range_minutes = QSpinBox()
        self.range_minutes.setRange(1, 720)
        self.range_minutes.setValue(self._prefs_minutes())
        self.range_minutes.valueChanged.connect(self._minutes_changed)
        self.range_mode.currentIndexChanged.connect(lambda _i: self.redraw(force=True))
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.range_mode)
        bar.addWidget(self.range_minutes)
        bar.addStretch(1)
        return bar

    def _prefs_minutes(self) -> int:
        p = getattr(self.host, "prefs", None)
        return p.chart_window_minutes() if p is not None else prefs.DEFAULT_CHART_WINDOW_MINUTES

    def _minutes_changed(self, value: int) -> None:
        p = getattr(self.host, "prefs", None)
        if p is not None:
            p.set_chart_window_minutes(value)
        self.redraw(force=True)

    def _add_plot(self, name: str, title: str, i: int) -> None:
        plot = pg.PlotItem(axisItems={"bottom": pg.DateAxisItem()})
        plot.setTitle(title, size=TITLE_SIZE)
        title_font = QFont()
        title_font.setPointSizeF(float(TITLE_SIZE.removesuffix("pt")))
        # The title's row as tall as its text, not pyqtgraph's 30 px: on a laptop the rows
        # of plots are short and those pixels are the plot's.
        plot.layout.setRowFixedHeight(0, QFontMetrics(title_font).height() + 2)
        plot.getAxis("left").setWidth(LEFT_AXIS_PX)  # the same time is the same x in every row
        tick_font = QFont()
        tick_font.setPointSize(TICK_POINT_SIZE)
        for side in ("left", "bottom"):  # axes repaint from a pixmap unless their range moved
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot.getAxis(side).setStyle(tickFont=tick_font, maxTickLevel=1)
        plot.setMenuEnabled(False)
        plot.disableAutoRange()  # the ranges are ours (_set_range, _fit_y): sensible when empty or ended
        plot.hideButtons()
        bands = BandsItem()
        plot.addItem(bands, ignoreBounds=True)
        curve = make_curve(CURVE_COLOURS[i])
        break_at_gaps(curve)  # minutes with no data are gaps, not lines
        plot.addItem(curve)
        plot.setMouseEnabled(x=False, y=False)  # the range selector sets x; each row follows in its turn
        self.plots[name], self.curves[name], self.bands[name] = plot, curve, bands

    def _arrange(self, columns: int) -> None:
        """The plots in a grid `columns` wide; the time scale only under the bottom row
        (every plot shows the same span)."""
        self.columns = columns
        order = WIDE_ORDER if columns == 3 else tuple(self.plots)
        for plot in self.plots.values():
            if plot.scene() is not None:
                self.graphs.removeItem(plot)
        rows = (len(order) + columns - 1) // columns
        for i, name in enumerate(order):
            plot = self.plots[name]
            self.graphs.addItem(plot, row=i // columns, col=i % columns)
            plot.showAxis("bottom", i // columns == rows - 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        h, w = self.graphs.height(), self.graphs.width()
        columns = 3 if h < WIDE_BELOW_PX and w >= WIDE_MIN_WIDTH_PX else 2
        if columns != self.columns:
            self._arrange(columns)
        self._ticks_key = {}

    # -- drawing -------------------------------------------------------------
    def data(self) -> ChartData | None:
        session = getattr(self.host, "session", None)
        return session.charts if session is not None else None

    def reset(self) -> None:
        """Another show was opened: forget what was drawn."""
        self._drawn = {}
        self._bands_key = {}
        self._markers_key = ()
        self._rate_minutes, self._rate_values = [], []
        for curve in self.curves.values():
            curve.setData([], [])
        for bands in self.bands.values():
            bands.set_spans([])
        self.markers.setData([], [])
        self.baseline.draw(None, None)
        self.redraw(force=True)

    def tick(self) -> None:
        """The display timer: the next row of plots. Each plot still redraws once per
        CHART_REDRAW_MS, and no single step paints the whole figure."""
        row = ROWS[self._turn]
        self._turn = (self._turn + 1) % len(ROWS)
        self.redraw(plots=row)

    def redraw(self, force: bool = False, plots: tuple[str, ...] | None = None) -> None:
        """Bring `plots` (default: all) to the show's state now."""
        data, service = self.data(), getattr(self.host, "service", None)
        if data is None or service is None:
            return
        names = plots or tuple(self.plots)
        view = service.view()
        clock_now = view.now
        # An ended show is drawn up to its end: "the last N minutes" are the show's last.
        ended_at = view.info.ended_at
        now = min(clock_now, ended_at) if ended_at is not None else clock_now
        if "rate" in names:
            self._sync_rate(service, now)
        data.settle(clock_now)
        start = view.info.started_at
        self._whole_span = max(0.0, now - start) if start is not None else 0.0
        changed = self._draw_curves(data, names, force)
        self.baseline.draw(getattr(getattr(service, "usual", None), "baseline", None), start)
        spans = [(r.started_at, r.ended_at, r.kind) for r in view.runs]
        for name in names:
            self._draw_bands(name, spans, now)
            x0, x1 = self._set_range(self.plots[name], now, start, view.pacing.expected_end_s)
            self._fit_y(name, x0, x1)
        if "online" in names:
            self._draw_markers(data, view.shelf_times, view.names())
        if changed:
            self.frames += 1

    def _draw_curves(self, data: ChartData, names: tuple[str, ...], force: bool) -> bool:
        coarse = self._span_s() > ENVELOPE_ABOVE_POINTS
        key = (data.version, coarse, len(self._rate_values), self._rate_values[-1:])
        todo = [n for n in names if force or self._drawn.get(n) != key]
        if not todo:
            return False
        views = data.views(coarse)
        for name in todo:
            self._drawn[name] = key
            if name == "rate":
                rx = np.asarray(self._rate_minutes, dtype=float) * 60.0
                self.curves["rate"].setData(rx, np.asarray(self._rate_values) * 100.0)
            else:
                self.curves[name].setData(*views[name])
        return True

    def _span_s(self) -> float:
        """Seconds the x axis shows (one point per second in the fine series)."""
        if self.range_mode.currentData() == "last":
            return self.range_minutes.value() * 60.0
        return self._whole_span

    def _sync_rate(self, service: Any, now: float) -> None:
        """Per-minute interaction rate; only the last (still open) minutes change."""
        keep = max(0, len(self._rate_minutes) - 2)
        since = self._rate_minutes[keep] if self._rate_minutes else None
        fresh = service.interaction_rates(since, now)
        if not fresh:
            return
        del self._rate_minutes[keep:], self._rate_values[keep:]
        for minute, rate in fresh:
            self._rate_minutes.append(minute)
            self._rate_values.append(rate)

    def _draw_bands(self, name: str, runs: list[tuple[float, float | None, Any]], now: float) -> None:
        open_end = runs and runs[-1][1] is None
        key = (len(runs), runs[-1][1] if runs else None, int(now) if open_end else 0)
        if self._bands_key.get(name) == key:
            return
        self._bands_key[name] = key
        default = BAND_COLOURS[SegmentKind.FREE]
        self.bands[name].set_spans([(a, b if b is not None else now, BAND_COLOURS.get(k, default)) for a, b, k in runs])

    def _draw_markers(self, data: ChartData, shelf: Mapping[str, Spans], names: dict[str, str]) -> None:
        key = tuple((sku, len(spans), spans[-1][1]) for sku, spans in sorted(shelf.items()))
        if key == self._markers_key:
            return
        self._markers_key = key
        points = []
        for sku, spans in shelf.items():
            for on, off in spans:
                points.append((on, "t1", "#2ca02c", names.get(sku, sku)))
                if off is not None:
                    points.append((off, "t", "#7f7f7f", names.get(sku, sku)))
        xs = np.array([p[0] for p in points], dtype=float)
        ys = data.online_at(xs)
        self.markers.setData(x=xs, y=ys, symbol=[p[1] for p in points], brush=[p[2] for p in points],
                             data=[p[3] for p in points])

    def _set_range(self, plot: pg.PlotItem, now: float, start: float | None, expected_end: float) -> tuple[float, float]:
        """The x range (the span the range selector asks for); before the start: from now
        to the planned end."""
        if self.range_mode.currentData() == "last":
            x0, x1 = now - self.range_minutes.value() * 60.0, now
        elif start is not None:
            x0, x1 = start, max(now, start + expected_end)
        else:
            x0, x1 = now, now + max(expected_end, 60.0)
        plot.setXRange(x0, x1, padding=0.01)
        return x0, x1

    def _fit_y(self, name: str, x0: float, x1: float) -> None:
        """0 … the highest value in view plus headroom, never less than the plot's floor."""
        low, high = visible_range(self.curves[name], x0, x1)
        high = max(high, self.baseline.top(name, x0, x1))
        top = max(Y_FLOORS[name], high * Y_HEADROOM)
        bottom = min(0.0, low * Y_HEADROOM)
        plot = self.plots[name]
        if plot.viewRange()[1] != [bottom, top]:  # an unchanged range keeps the axis' cached pixmap
            plot.setYRange(bottom, top, padding=0)
        height = plot.getViewBox().height()
        key = (top, int(height // Y_TICK_SPACING_PX))
        if self._ticks_key.get(name) != key:
            self._ticks_key[name] = key
            plot.getAxis("left").setTicks([y_ticks(top, height)])

    def closeEvent(self, event: object) -> None:
        self.timer.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
