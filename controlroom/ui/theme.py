"""Colours the window and the host display share: phase, severity, stock."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from controlroom.core.pacing import Phase, ShowStatus

PHASE_COLOURS = {Phase.NORMAL: "#2e7d32", Phase.WARNING: "#e68a00", Phase.OVERRUN: "#c62828"}
IDLE_COLOUR = "#607d8b"  # not started, paused or ended
SEVERITY_COLOURS = {"critical": QColor("#c62828"), "warning": QColor("#e68a00"), "info": QColor("#1565c0")}
SOLD_OUT_BG = QColor("#ffcdd2")
LOW_STOCK_BG = QColor("#ffe0b2")
ON_SHELF_BG = QColor("#e8f5e9")


def countdown_colour(phase: Phase, status: ShowStatus) -> str:
    return PHASE_COLOURS[phase] if status == ShowStatus.RUNNING else IDLE_COLOUR


def restyle(widget: QWidget, css: str) -> None:
    """setStyleSheet only when it changes: every call re-polishes the widget."""
    if widget.styleSheet() != css:
        widget.setStyleSheet(css)


def pill(text_colour: str, background: str) -> str:
    return f"QLabel {{ color: {text_colour}; background: {background}; border-radius: 4px; padding: 2px 8px; }}"
