"""The main window's live charts, built after the window is on screen: pyqtgraph and six
plots are the costliest part of the window, and nothing needs them for the first frame
(bench/startup.py). While a show is being opened off the UI thread they wait for it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer


class WindowCharts:
    """Mixed into MainWindow, which provides _charts, _charts_held, _sized, docks."""

    _charts: Any
    _charts_held: bool
    _sized: bool
    docks: dict[str, Any]

    @property
    def charts_panel(self) -> Any:
        """The live charts (a ChartsPanel), built on first use."""
        return self._charts if self._charts is not None else self._build_charts()

    def hold_charts(self) -> None:
        """Keep the charts back until `release_charts`: a show is being opened off the UI
        thread (ui/main.py), and building them meanwhile (pyqtgraph, six plots) competes with
        that work for the interpreter, putting the show on screen later."""
        self._charts_held = True

    def release_charts(self) -> None:
        """Build the charts once what is on screen now has been painted: by a timer, not a
        queued call (QTimer.singleShot(0) is one), so the posted paint of the show just set
        and the timers already due go first."""
        self._charts_held = False
        if self._sized and self._charts is None:
            self._charts_timer = QTimer(self, singleShot=True, interval=0)  # type: ignore[arg-type] - self is the MainWindow
            self._charts_timer.timeout.connect(self._build_charts)
            self._charts_timer.start()

    def _first_charts(self) -> None:
        if not self._charts_held:
            self._build_charts()

    def _build_charts(self) -> Any:
        """pyqtgraph and the six plots come after the window's first paint: start-up shows
        the controls at once, the charts follow a moment later (bench/startup.py)."""
        if self._charts is None:
            from controlroom.ui.charts import ChartsPanel

            self._charts = ChartsPanel(self)
            placeholder = self.docks["charts"].widget()
            self.docks["charts"].setWidget(self._charts)
            placeholder.deleteLater()
            self._charts.reset()
        return self._charts
