"""ControlRoom: the control room of a live-selling stream."""

__version__ = "0.1.0"
